// `npm run progress`: which chapters pass, hints used, when each was last graded.
import {existsSync, readFileSync} from 'node:fs';
import {availableChapters} from './chapters';
import {chapterProgress, loadProgress, progressFile} from './progress';
import {ago, bar, colour, pad, relative} from './terminal';

export const PROGRESS_HELP = `npm run progress

Shows, for every chapter with an exercise, whether your file passed when last graded, how many
hints you have seen, and when you last graded it. Kept in .workbench/progress.json (plain
JSON, safe to commit); \`npm run grade\` and \`npm run exercise\` update it.`;

export function showProgress(print: (text: string) => void = console.log): number {
  const {progress, recovered} = loadProgress();
  if (recovered) print(colour.yellow(recovered));
  const chapters = availableChapters();
  print(colour.bold('Your progress'));
  let passing = 0;
  for (const chapter of chapters) {
    const entry = chapterProgress(progress, chapter.number);
    const untouched =
      existsSync(chapter.learnerFile) &&
      existsSync(chapter.pristineFile) &&
      readFileSync(chapter.learnerFile).equals(readFileSync(chapter.pristineFile));
    let status: string;
    if (entry.status === 'passing') {
      passing++;
      status = colour.green(`✓ passing (${entry.passed}/${entry.total})`);
    } else if (entry.status === 'failing') {
      status = colour.red(`✗ ${entry.passed}/${entry.total} tests`);
    } else {
      status = colour.dim(untouched ? '· not started' : '· not graded');
    }
    const hints = Object.values(entry.hintsShown).reduce((sum, n) => sum + n, 0);
    const when = entry.lastGraded ? `${ago(entry.lastGraded)} (${entry.lastGraded.slice(0, 16).replace('T', ' ')})` : 'never';
    print(`  ${chapter.number}  ${pad(chapter.title.slice(0, 44), 44)} ${pad(status, 22)} ${pad(`${hints} hint${hints === 1 ? '' : 's'}`, 9)} last graded ${when}`);
  }
  print('');
  print(`Chapters passing ${bar(passing, chapters.length)} ${passing}/${chapters.length}`);
  const next = chapters.find((c) => chapterProgress(progress, c.number).status !== 'passing');
  if (next) print(colour.dim(`Next: npm run exercise -- ${next.number}`));
  print(colour.dim(`Stored in ${relative(progressFile())}`));
  return 0;
}
