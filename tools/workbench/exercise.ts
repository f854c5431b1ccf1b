// `npm run exercise [-- <chapter>]`: watch mode. Grades the learner's file for one chapter,
// shows the task, every test and readable failures, and grades again within a second of each
// save. Keys: h hint, n next chapter, l list (then a digit to switch), r re-run, q quit.
//
// Saves are noticed two ways at once: fs.watch on the exercise's folder (immediate where the
// platform supports it) and fs.watchFile polling (works on network drives, containers and
// editors that replace files); a content check makes one save one run. When stdin is not a
// terminal, each line read is a key ("r", "q", ...) and the end of input quits.
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, unwatchFile, watch, watchFile, type FSWatcher} from 'node:fs';
import {parseArgs} from 'node:util';
import {gradeSeed, parseSeed} from '../grading/seed';
import {stopAllGraders} from '../grading/vitest-json';
import {availableChapters, resolveChapter, type ExerciseChapter} from './chapters';
import {gradeAll, recordProgress, statusMark, type GradeOptions, type GradedChapter} from './grade';
import {hint} from './hints';
import {chapterProgress, loadProgress} from './progress';
import {colour, firstLines, indent, relative} from './terminal';

export const EXERCISE_HELP = `npm run exercise [-- <chapter>] [--seed N] [--poll-ms MS]

Watch mode: grades your file for one chapter (default: the first chapter not yet passing),
shows the task, each test and readable failures, and grades again within a second of every
save. Keys: h hint · n next chapter · l list chapters (then a digit to switch) · r re-run · q quit.

  --seed N      seed for the random cases (default: the practice seed, or GRADE_SEED)
  --poll-ms MS  how often to check the file for changes (default: 300)

Saves are noticed by file watching and by polling at once (ZC_WATCH=poll uses polling only);
r re-runs by hand. Without a terminal (piped input), each input line is a key and the end of
input quits.`;

const DEBOUNCE_MS = 120;

/** The task's title: the first "# " heading of the exercise's README, or the chapter's title. */
export function taskTitle(chapter: ExerciseChapter): string {
  const readme = `${chapter.dir}/README.md`;
  if (existsSync(readme)) {
    const heading = /^#\s+(.+)$/m.exec(readFileSync(readme, 'utf8'));
    if (heading) return heading[1].trim();
  }
  return chapter.title;
}

export const KEYS_LINE = 'h hint · n next chapter · l list · r re-run · q quit';

const MAX_NAMES_PER_GROUP = 4;

// "Part 1: chunkCount > splits a file" belongs to the group "Part 1: chunkCount".
function groupOf(name: string): {group: string; test: string} {
  const cut = name.lastIndexOf(' > ');
  return cut < 0 ? {group: '', test: name} : {group: name.slice(0, cut), test: name.slice(cut + 3)};
}

/**
 * The watch screen for one graded chapter, compact enough for one terminal screen: one line per
 * describe block, the failing tests under it, and the first few failures in full.
 */
export function renderExerciseScreen(graded: GradedChapter, task: string, seed: number, maxFailures = 3): string[] {
  const {chapter, report, tests} = graded;
  const lines = [colour.bold(`Chapter ${chapter.number} · ${task}`), colour.dim(`Your file: ${relative(chapter.learnerFile)}`), ''];
  for (const problem of report.problems) lines.push(colour.red(firstLines(problem, 10)), '');
  const groups = new Map<string, GradedChapter['tests'][number][]>();
  for (const test of tests) {
    const {group} = groupOf(test.name);
    groups.set(group, [...(groups.get(group) ?? []), test]);
  }
  let detailed = 0;
  const shownMessages = new Set<string>();
  for (const [group, members] of groups) {
    const counted = members.filter((t) => t.status !== 'skipped');
    const failing = counted.filter((t) => t.status !== 'passed');
    const passed = counted.length - failing.length;
    if (group !== '') lines.push(`${failing.length === 0 ? statusMark('passed') : statusMark('failed')} ${group}  ${colour.dim(`${passed}/${counted.length}`)}`);
    const indentBy = group === '' ? 0 : 4;
    for (const test of failing.slice(0, MAX_NAMES_PER_GROUP)) {
      const timeout = test.status === 'timeout' ? colour.yellow('  (time-out)') : '';
      const repeated = test.message !== '' && shownMessages.has(test.message);
      lines.push(`${' '.repeat(indentBy)}${statusMark(test.status)} ${groupOf(test.name).test}${timeout}${repeated ? colour.dim('  (the same error as above)') : ''}`);
      if (!repeated && test.message && detailed < maxFailures) {
        detailed++;
        shownMessages.add(test.message);
        lines.push(indent(firstLines(test.message, 16), indentBy + 4));
      }
    }
    if (failing.length > MAX_NAMES_PER_GROUP) lines.push(colour.dim(`${' '.repeat(indentBy)}… and ${failing.length - MAX_NAMES_PER_GROUP} more failing here`));
  }
  if (report.typeErrors.length > 0) lines.push('', colour.yellow('Type errors (the tests still ran):'), colour.yellow(indent(firstLines(report.typeErrors.join('\n'), 6), 2)));
  lines.push('');
  const allPass = report.total > 0 && report.passed === report.total && report.problems.length === 0;
  if (allPass) {
    lines.push(colour.green(`Chapter ${chapter.number}: all ${report.total} tests pass.`) + ' Press n for the next chapter.');
    lines.push(colour.dim(`Your model can now drive the site: ZC_MODEL=student npm start  ·  compare: npm run solution -- ${chapter.number}`));
  } else {
    lines.push(`Chapter ${chapter.number}: ${report.passed}/${report.total} tests pass.` + colour.dim(` Seed ${seed}: npm run grade -- ${chapter.number} --seed ${seed} replays it.`));
  }
  lines.push(colour.dim(`Watching for saves. Keys: ${KEYS_LINE}`));
  return lines;
}

interface Session {
  chapters: readonly ExerciseChapter[];
  index: number;
  seed: number;
  pollMs: number;
  running: boolean;
  pending: boolean;
  lastHash: string | null;
  listing: boolean;
  stopped: boolean;
  stopWatching: () => void;
  quit: () => void;
}

function hashOf(file: string): string | null {
  return existsSync(file) ? createHash('sha1').update(readFileSync(file)).digest('hex') : null;
}

const isTerminal = process.stdout.isTTY === true;

// Erase the screen AND the scrollback (3J): with 2J alone many terminals push the old screen
// into the scrollback, so each grade looks appended below the last instead of redrawn.
export const CLEAR_SCREEN = '\u001b[H\u001b[2J\u001b[3J';

function clearScreen(): void {
  if (isTerminal) process.stdout.write(CLEAR_SCREEN);
}

async function runChapter(session: Session): Promise<void> {
  const chapter = session.chapters[session.index];
  session.running = true;
  session.pending = false;
  session.lastHash = hashOf(chapter.learnerFile);
  const started = Date.now();
  clearScreen();
  console.log(colour.dim(`Grading chapter ${chapter.number}…`));
  const options: GradeOptions = {
    chapters: [chapter.number],
    target: 'student',
    seeds: [session.seed],
    reportDir: '',
    timeoutMs: 120_000,
    testTimeoutMs: null,
    submission: null,
    expectTests: null,
    typecheck: true,
    quiet: true,
  };
  try {
    const run = await gradeAll(options);
    recordProgress(run, options);
    clearScreen();
    for (const line of renderExerciseScreen(run.chapters[0], taskTitle(chapter), session.seed)) console.log(line);
    console.log(colour.dim(`Graded in ${((Date.now() - started) / 1000).toFixed(1)} s at ${new Date().toLocaleTimeString()}.`));
  } catch (error) {
    console.error(colour.red(error instanceof Error ? error.message : String(error)));
  } finally {
    session.running = false;
  }
  if (session.pending && !session.stopped) await runChapter(session);
}

function watchChapter(session: Session, onChange: () => void): () => void {
  const chapter = session.chapters[session.index];
  let watcher: FSWatcher | null = null;
  // ZC_WATCH=poll skips fs.watch (it can report nothing on some network and container mounts).
  if (process.env.ZC_WATCH !== 'poll') try {
    // Watch the folder: editors often save by writing a new file and renaming it over the old one.
    watcher = watch(chapter.dir, (_event, filename) => {
      if (filename === null || filename === `${chapter.exercise.module}.ts`) onChange();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = null;
    });
  } catch {
    watcher = null; // polling below still notices every save
  }
  const poll = () => onChange();
  watchFile(chapter.learnerFile, {interval: session.pollMs}, poll);
  return () => {
    watcher?.close();
    unwatchFile(chapter.learnerFile, poll);
  };
}

function scheduler(session: Session): () => void {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const chapter = session.chapters[session.index];
      if (hashOf(chapter.learnerFile) === session.lastHash) return; // same content: nothing to grade
      if (session.running) session.pending = true;
      else void runChapter(session);
    }, DEBOUNCE_MS);
  };
}

function switchTo(session: Session, index: number, onChange: () => void): void {
  session.stopWatching();
  session.index = index;
  session.stopWatching = watchChapter(session, onChange);
  if (session.running) session.pending = true;
  else void runChapter(session);
}

function listChapters(session: Session): void {
  const {progress} = loadProgress();
  console.log('');
  console.log(colour.bold('Chapters (press a digit to switch):'));
  for (const [i, chapter] of session.chapters.entries()) {
    const status = chapterProgress(progress, chapter.number).status;
    const mark = status === 'passing' ? colour.green('✓') : status === 'failing' ? colour.red('✗') : colour.dim('·');
    const here = i === session.index ? colour.cyan(' ← now') : '';
    console.log(`  ${mark} ${Number(chapter.number)}  ${chapter.title}${here}`);
  }
}

function handleKey(key: string, session: Session, onChange: () => void): void {
  const chapter = session.chapters[session.index];
  if (session.listing && /^\d$/.test(key)) {
    session.listing = false;
    const index = session.chapters.findIndex((c) => Number(c.number) === Number(key));
    if (index >= 0) switchTo(session, index, onChange);
    else console.log(`No chapter ${key} has an exercise.`);
    return;
  }
  session.listing = false;
  switch (key) {
    case 'q':
    case '\u0003': // Ctrl-C in raw mode
    case '\u0004': // Ctrl-D
      session.quit();
      return;
    case 'r':
      if (session.running) session.pending = true;
      else void runChapter(session);
      return;
    case 'n':
      if (session.index + 1 < session.chapters.length) switchTo(session, session.index + 1, onChange);
      else console.log('\nThis is the last chapter with an exercise. Press l to list them.');
      return;
    case 'l':
      session.listing = true;
      listChapters(session);
      return;
    case 'h':
      console.log('');
      hint([chapter.number]);
      return;
    default:
      if (key.trim() !== '') console.log(colour.dim(`Keys: ${KEYS_LINE}`));
  }
}

/** The first chapter whose last grade did not pass, in course order. */
export function firstNotPassing(chapters: readonly ExerciseChapter[]): ExerciseChapter | undefined {
  const {progress} = loadProgress();
  return chapters.find((c) => chapterProgress(progress, c.number).status !== 'passing');
}

export async function exercise(args: readonly string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {seed: {type: 'string'}, 'poll-ms': {type: 'string'}},
  });
  if (positionals.length > 1) {
    console.log(EXERCISE_HELP);
    return 2;
  }
  const chapters = availableChapters();
  if (chapters.length === 0) {
    console.error('No exercise packages found under exercises/.');
    return 1;
  }
  const start = positionals[0] ? resolveChapter(positionals[0], chapters) : (firstNotPassing(chapters) ?? chapters[0]);
  const pollMs = values['poll-ms'] ? Number(values['poll-ms']) : 300;
  if (!(pollMs >= 20)) throw new Error(`--poll-ms must be at least 20; got "${values['poll-ms']}"`);
  const session: Session = {
    chapters,
    index: chapters.indexOf(start),
    seed: values.seed ? parseSeed(values.seed, '--seed') : gradeSeed(),
    pollMs,
    running: false,
    pending: false,
    lastHash: null,
    listing: false,
    stopped: false,
    stopWatching: () => undefined,
    quit: () => undefined,
  };
  const onChange = scheduler(session);
  session.stopWatching = watchChapter(session, onChange);

  return new Promise<number>((resolve) => {
    const stdin = process.stdin;
    const finish = () => {
      session.stopWatching();
      stopAllGraders();
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      console.log('\nBye. Your progress is saved: npm run progress');
      resolve(0);
    };
    session.quit = () => {
      if (session.stopped) return;
      session.stopped = true;
      finish();
    };
    if (stdin.isTTY) {
      stdin.setRawMode(true);
      stdin.setEncoding('utf8');
      stdin.on('data', (data: string) => {
        for (const key of data) handleKey(key, session, onChange);
      });
    } else {
      // Piped input: one key a line; the end of input quits once the current run is done.
      let buffered = '';
      stdin.setEncoding('utf8');
      stdin.on('data', (data: string) => {
        buffered += data;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) handleKey(line.trim().slice(0, 1), session, onChange);
      });
      stdin.on('end', () => {
        const waitForRun = () => (session.running || session.pending ? setTimeout(waitForRun, 50) : session.quit());
        waitForRun();
      });
    }
    void runChapter(session);
  });
}
