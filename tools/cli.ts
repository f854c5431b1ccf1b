// The exercise workbench: `npm run grade`, and the commands the workbench issue adds.
import {grade, parseGradeArgs} from './workbench/grade';
import {UnknownChapterError} from './workbench/chapters';

const HELP = `Zero-copy exercise workbench

Usage:
  npm run grade [-- <chapter>...] [--target student|reference|pristine] [--seed N] [--report DIR] [--timeout S]

Chapters are named by number (03) or slug (read-write). Without chapters, every chapter
with an exercise package is graded.

  --target   whose code to grade: your files (student, the default), the course's model
             (reference), or the untouched starters (pristine)
  --seed     seed for the random cases (default: the practice seed, or GRADE_SEED)
  --report   folder for grade.json and grade.junit.xml (default: reports/)
  --timeout  seconds one chapter may take before it is stopped (default: 60)

Exit status: 0 only when every graded test passed and at least one test ran.`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || args.includes('--help')) {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'grade':
      return grade(parseGradeArgs(args));
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UnknownChapterError || error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
