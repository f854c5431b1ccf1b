// `npm run grade [-- <chapter>...] [--target student|reference|pristine] [--seed N] [--report DIR]`
import path from 'node:path';
import {GRADE_TARGETS, REPO_ROOT, type GradeTarget} from '../grading/subject.mts';
import {PRACTICE_SEED} from '../grading/property';
import {runGrader} from '../grading/vitest-json';
import {resolveChapters} from './chapters';
import {writeReports, type GradeReport, type ReportTest} from './report';
import {bar, colour, relative} from './terminal';

export interface GradeOptions {
  readonly chapters: readonly string[];
  readonly target: GradeTarget;
  readonly seed: number;
  readonly reportDir: string;
  /** Per chapter; a learner's infinite loop is stopped at this limit. */
  readonly timeoutMs: number;
  readonly quiet?: boolean;
}

export function parseGradeArgs(args: readonly string[]): GradeOptions {
  const chapters: string[] = [];
  let target: GradeTarget = 'student';
  let seed = process.env.GRADE_SEED ? Number(process.env.GRADE_SEED) : PRACTICE_SEED;
  let reportDir = path.join(REPO_ROOT, 'reports');
  let timeoutMs = 60_000;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--target') {
      const t = value();
      if (!(GRADE_TARGETS as readonly string[]).includes(t)) {
        throw new Error(`--target must be one of ${GRADE_TARGETS.join(', ')}; got "${t}"`);
      }
      target = t as GradeTarget;
    } else if (arg === '--seed') {
      seed = Number(value());
    } else if (arg === '--report') {
      reportDir = path.resolve(value());
    } else if (arg === '--timeout') {
      timeoutMs = Number(value()) * 1000;
    } else if (arg.startsWith('--')) {
      throw new Error(`Unknown option ${arg}. Try: npm run grade -- --help`);
    } else {
      chapters.push(arg);
    }
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number; got ${seed}`);
  if (!(timeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  return {chapters, target, seed, reportDir, timeoutMs};
}

/** Grades the chapters, prints a table, writes the reports; returns the exit code. */
export async function grade(options: GradeOptions): Promise<number> {
  const chapters = resolveChapters(options.chapters);
  const log = options.quiet ? () => undefined : (line = '') => console.log(line);
  const tests: ReportTest[] = [];
  const summaries: GradeReport['chapters'][number][] = [];
  log(colour.dim(`Grading ${options.target === 'student' ? 'your files' : `the ${options.target} code`} with seed ${options.seed}`));
  for (const chapter of chapters) {
    const run = await runGrader(relative(chapter.graderFile), {
      target: options.target,
      seed: options.seed,
      timeoutMs: options.timeoutMs,
    });
    const chapterTests: ReportTest[] = run.tests.map((test) => ({
      chapter: chapter.number,
      name: test.name,
      status: test.status,
      points: test.status === 'passed' ? 1 : 0,
      maxPoints: 1,
      message: test.message,
      durationMs: test.durationMs,
    }));
    tests.push(...chapterTests);
    const passed = chapterTests.filter((t) => t.status === 'passed').length;
    const points = chapterTests.reduce((sum, t) => sum + t.points, 0);
    const maxPoints = chapterTests.reduce((sum, t) => sum + t.maxPoints, 0);
    summaries.push({
      chapter: chapter.number,
      title: chapter.title,
      passed,
      total: chapterTests.length,
      points,
      maxPoints,
      problems: run.problems,
    });
    log();
    log(colour.bold(`Chapter ${chapter.number}  ${chapter.title}`));
    for (const test of chapterTests) {
      const mark = test.status === 'passed' ? colour.green('✓') : colour.red('✗');
      log(`  ${mark} ${test.name}`);
      if (test.status !== 'passed' && test.message) {
        log(colour.dim(indent(firstLines(test.message, 8), 6)));
      }
    }
    for (const problem of run.problems) log(colour.red(indent(firstLines(problem, 12), 2)));
    log(`  ${passed}/${chapterTests.length} tests passed, ${points}/${maxPoints} points`);
  }
  const passed = tests.filter((t) => t.status === 'passed').length;
  const failed = tests.length - passed;
  const points = tests.reduce((sum, t) => sum + t.points, 0);
  const maxPoints = tests.reduce((sum, t) => sum + t.maxPoints, 0);
  const problems = summaries.reduce((sum, s) => sum + s.problems.length, 0);
  const report: GradeReport = {
    generatedAt: new Date().toISOString(),
    target: options.target,
    seed: options.seed,
    chapters: summaries,
    tests,
    totals: {passed, failed, points, maxPoints},
  };
  const files = writeReports(report, options.reportDir);
  log();
  log(`Overall ${bar(points, maxPoints)} ${points}/${maxPoints} points`);
  log(colour.dim(`Reports: ${relative(files.json)}, ${relative(files.junit)}`));
  if (tests.length === 0) {
    log(colour.red('No test ran. A grade with zero tests is an error, never a pass.'));
    return 1;
  }
  return failed === 0 && problems === 0 ? 0 : 1;
}

function firstLines(text: string, count: number): string {
  const lines = text.split('\n').filter((line) => !/^\s+at /.test(line));
  return lines.slice(0, count).join('\n') + (lines.length > count ? '\n…' : '');
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}
