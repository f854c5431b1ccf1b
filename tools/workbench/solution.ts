// `npm run solution -- <chapter> [--force]`: the course's reference implementation of a
// chapter, shown once the learner's own file passes (graded afresh, not taken from the
// progress file), or with --force and a warning.
import {existsSync, readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {gradeSeed} from '../grading/seed';
import {resolveChapter} from './chapters';
import {gradeAll, recordProgress, type GradeOptions} from './grade';
import {colour, relative} from './terminal';

export const SOLUTION_HELP = `npm run solution -- <chapter> [--force]

Shows the course's reference implementation (src/model/<module>.ts) for a chapter once your own
file passes its grader. --force shows it anyway, with a warning: reading it before you have
solved the exercise takes away most of what the exercise teaches.`;

export async function solution(args: readonly string[], print: (text: string) => void = console.log): Promise<number> {
  const {values, positionals} = parseArgs({args: [...args], allowPositionals: true, options: {force: {type: 'boolean'}}});
  if (positionals.length !== 1) {
    print(SOLUTION_HELP);
    return 2;
  }
  const chapter = resolveChapter(positionals[0]);
  if (!existsSync(chapter.modelFile)) {
    print(`Chapter ${chapter.number} has no reference implementation yet (${relative(chapter.modelFile)}).`);
    return 1;
  }
  if (values.force) {
    print(colour.yellow(`Showing the reference for chapter ${chapter.number} before your file passes (--force).`));
    print(colour.yellow('Read it, close it, then write your own version from memory: that is where the learning is.\n'));
  } else {
    const options: GradeOptions = {
      chapters: [chapter.number],
      target: 'student',
      seeds: [gradeSeed()],
      reportDir: '',
      timeoutMs: 120_000,
      testTimeoutMs: null,
      submission: null,
      expectTests: null,
      typecheck: false,
      quiet: true,
    };
    print(colour.dim(`Grading ${relative(chapter.learnerFile)} first…`));
    const run = await gradeAll(options);
    recordProgress(run, options);
    const report = run.report.chapters[0];
    if (!run.report.ok) {
      print(
        `The reference for chapter ${chapter.number} opens once your file passes: ${report.passed}/${report.total} tests pass now.\n` +
          `Keep going with: npm run exercise -- ${chapter.number}   (stuck? npm run hint -- ${chapter.number})\n` +
          `To see it anyway: npm run solution -- ${chapter.number} --force`,
      );
      return 1;
    }
    print(colour.green(`Your file passes all ${report.total} tests. Here is the course's version, to compare with yours.\n`));
  }
  print(colour.bold(`── ${relative(chapter.modelFile)} ──`));
  print(readFileSync(chapter.modelFile, 'utf8'));
  print(colour.dim(`Compare: diff ${relative(chapter.learnerFile)} ${relative(chapter.modelFile)}`));
  return 0;
}
