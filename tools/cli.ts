// The exercise workbench: `npm run exercise | hint | grade | reset | progress | solution`.
// Each package.json script runs tools/preflight.mjs first (plain Node: it explains a missing
// `npm ci` or a wrong folder), then this file with tsx.
import {availableChapters, UnknownChapterError} from './workbench/chapters';
import {gradeBatch, isBatch, parseBatchArgs} from './workbench/batch';
import {exercise, EXERCISE_HELP} from './workbench/exercise';
import {grade, GRADE_HELP, parseGradeArgs} from './workbench/grade';
import {hint, HINT_HELP} from './workbench/hints';
import {argsFromPackage} from './workbench/package-scripts';
import {PROGRESS_HELP, showProgress} from './workbench/progress-view';
import {reset, RESET_HELP} from './workbench/reset';
import {solution, SOLUTION_HELP} from './workbench/solution';

interface Command {
  readonly summary: string;
  readonly help: string;
  readonly run: (args: readonly string[]) => Promise<number> | number;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  exercise: {summary: 'watch one chapter: re-grade on every save, with hint/next/list keys', help: EXERCISE_HELP, run: exercise},
  hint: {summary: 'the next hint for a chapter, one at a time', help: HINT_HELP, run: (args) => hint(args)},
  grade: {
    summary: 'grade chapters, print a table, write reports/grade.json and .junit.xml',
    help: GRADE_HELP,
    run: (args) => (isBatch(args) ? gradeBatch(parseBatchArgs(args)) : grade(parseGradeArgs(args))),
  },
  reset: {summary: 'restore a chapter\'s starter, backing up your file first', help: RESET_HELP, run: (args) => reset(args)},
  progress: {summary: 'which chapters pass, hints used, last graded', help: PROGRESS_HELP, run: () => showProgress()},
  solution: {summary: 'the reference implementation, once your file passes', help: SOLUTION_HELP, run: (args) => solution(args)},
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  npm run ${name.padEnd(width)}  ${command.summary}`);
  const chapters = availableChapters()
    .map((c) => `${c.number} (${c.slug})`)
    .join(', ');
  return [
    'Zero-copy exercise workbench',
    '',
    ...lines,
    '',
    `Chapters are named by number or slug: ${chapters || 'none yet'}.`,
    'Help on one command: npm run <command> -- --help',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...typed] = argv;
  const args = argsFromPackage(typed);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${overview()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  return command.run(args);
}

// `npm run grade | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Watch mode leaves stdin and timers behind on purpose until it returns; end cleanly now.
    if (process.argv[2] === 'exercise') process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof UnknownChapterError) {
      console.error(error.message);
    } else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\nTry: npm run ${process.argv[2]} -- --help`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exitCode = 2;
  },
);
