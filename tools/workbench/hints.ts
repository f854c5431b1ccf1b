// `npm run hint -- <chapter> [<function>]`: the next hint, one at a time. hints.md has one
// "## functionName" section per function, each with "### Hint 1", "### Hint 2", ...; how many
// of each were shown lives in .workbench/progress.json.
import {existsSync, readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {resolveChapter, type ExerciseChapter} from './chapters';
import {chapterProgress, loadProgress, updateChapter, type ChapterProgress} from './progress';
import {colour, relative} from './terminal';

export interface HintSection {
  /** The function the hints are about, as the heading names it. */
  readonly name: string;
  readonly hints: readonly string[];
}

/** Reads hints.md: "## name" starts a function, "### ..." a hint; text before the first "##" is an introduction. */
export function parseHints(markdown: string): HintSection[] {
  const sections: {name: string; hints: string[]}[] = [];
  let current: {name: string; hints: string[]} | null = null;
  let hint: string[] | null = null;
  const close = () => {
    if (current && hint) current.hints.push(hint.join('\n').trim());
    hint = null;
  };
  for (const line of markdown.split('\n')) {
    const h2 = /^##\s+(.+?)\s*$/.exec(line);
    const h3 = /^###\s+/.test(line);
    if (h2 && !line.startsWith('###')) {
      close();
      // "## `chunkCount`" and "## chunkCount()" name the same function.
      current = {name: h2[1].replace(/[`*]/g, '').replace(/\(\)$/, '').trim(), hints: []};
      sections.push(current);
    } else if (h3 && current) {
      close();
      hint = [];
    } else if (hint) {
      hint.push(line);
    }
  }
  close();
  return sections.filter((section) => section.hints.length > 0);
}

export const HINT_HELP = `npm run hint -- <chapter> [<function>]

Shows the next hint for a function of a chapter's exercise, one at a time; the workbench
remembers how many you have seen (.workbench/progress.json). Without a function, it picks the
first function whose tests failed when you last graded, or the first with hints left.

  --all     show again every hint you have already seen for the function`;

function findSection(sections: readonly HintSection[], name: string): HintSection | undefined {
  const wanted = name.trim().toLowerCase();
  return sections.find((s) => s.name.toLowerCase() === wanted);
}

// The function a learner most likely needs help with: one whose tests failed last time.
function pickSection(sections: readonly HintSection[], progress: ChapterProgress): HintSection {
  const withHintsLeft = sections.filter((s) => (progress.hintsShown[s.name] ?? 0) < s.hints.length);
  const failing = withHintsLeft.find((s) => progress.failingTests.some((test) => test.includes(s.name)));
  return failing ?? withHintsLeft[0] ?? sections[0];
}

export function loadHints(chapter: ExerciseChapter): HintSection[] {
  if (!existsSync(chapter.hintsFile)) return [];
  return parseHints(readFileSync(chapter.hintsFile, 'utf8'));
}

// A learner whose file already passes rarely needs a hint, and the last ones nearly give the answer away.
function passingCaution(chapter: ExerciseChapter, isLast: boolean): string {
  const what = isLast ? 'This is the last hint: it is close to the answer itself.' : 'Later hints get close to the answer.';
  return `Chapter ${chapter.number} passed when you last graded it. ${what} To compare your version with the course's instead: npm run solution -- ${chapter.number}\n`;
}

/** Prints the next hint and records it; returns the exit code. */
export function hint(args: readonly string[], print: (text: string) => void = console.log): number {
  const {values, positionals} = parseArgs({args: [...args], allowPositionals: true, options: {all: {type: 'boolean'}}});
  const [chapterName, functionName, ...extra] = positionals;
  if (!chapterName || extra.length > 0) {
    print(HINT_HELP);
    return 2;
  }
  const chapter = resolveChapter(chapterName);
  const sections = loadHints(chapter);
  if (sections.length === 0) {
    print(`Chapter ${chapter.number} has no hints yet (${relative(chapter.hintsFile)}).`);
    return 1;
  }
  const {progress, recovered} = loadProgress();
  if (recovered) console.error(recovered);
  const current = chapterProgress(progress, chapter.number);
  const section = functionName ? findSection(sections, functionName) : pickSection(sections, current);
  if (!section) {
    print(`Chapter ${chapter.number} has no hints for "${functionName}". Hints exist for: ${sections.map((s) => s.name).join(', ')}.`);
    return 1;
  }
  const shown = current.hintsShown[section.name] ?? 0;
  const total = section.hints.length;
  const next = `npm run hint -- ${chapter.number} ${section.name}`;
  if (values.all) {
    if (shown === 0) {
      print(`You have not seen any hint for ${section.name} yet. The first one: ${next}`);
      return 0;
    }
    section.hints.slice(0, shown).forEach((text, i) => print(`${colour.bold(`Hint ${i + 1} of ${total} for ${section.name}`)}\n\n${text}\n`));
    return 0;
  }
  if (current.status === 'passing') print(colour.yellow(passingCaution(chapter, shown + 1 >= total)));
  if (shown >= total) {
    print(`${colour.bold(`Hint ${total} of ${total} for ${section.name}`)} (the last one, again)\n\n${section.hints[total - 1]}\n`);
    print(
      colour.dim(
        `That was the last hint for ${section.name}. Once your file passes, \`npm run solution -- ${chapter.number}\` shows the course's own version.`,
      ),
    );
    return 0;
  }
  updateChapter(chapter.number, (entry) => ({...entry, hintsShown: {...entry.hintsShown, [section.name]: shown + 1}}));
  print(`${colour.bold(`Hint ${shown + 1} of ${total} for ${section.name}`)} (chapter ${chapter.number})\n\n${section.hints[shown]}\n`);
  print(
    colour.dim(
      shown + 1 < total
        ? `Try it, then grade again. Still stuck? ${next}`
        : `That was the last hint for ${section.name}. Grade again with: npm run grade -- ${chapter.number}`,
    ),
  );
  return 0;
}
