// `npm run grade [-- <chapter>...] [--target student|reference|pristine] [--seed N]... [--report DIR]
//  [--timeout S] [--test-timeout S] [--submission DIR | --submissions DIR] [--memory MB] [--expect-tests N] [--no-typecheck]`
import {existsSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {GRADE_TARGETS, REPO_ROOT, type GradeTarget} from '../grading/subject.mts';
import {DEFAULT_SANDBOX_MEMORY_MB} from '../grading/sandbox';
import {gradeSeed, parseSeed} from '../grading/seed';
import {typecheckFiles, type CompilerMessage} from '../grading/typecheck';
import {DEFAULT_TEST_TIMEOUT_MS, displayPath, runGrader, type GraderRun, type TestOutcome} from '../grading/vitest-json';
import {
  availableChapters,
  gradingConfig,
  learnerFileIn,
  pointsFor,
  resolveChapters,
  unusedPointKeys,
  type ExerciseChapter,
} from './chapters';
import {updateChapter} from './progress';
import {writeReports, type ChapterReport, type GradeReport, type ReportTest} from './report';
import {bar, colour, firstLines, indent, pad, relative} from './terminal';

export interface GradeOptions {
  readonly chapters: readonly string[];
  readonly target: GradeTarget;
  /** One or more seeds; a test passes only when it passes under every one. */
  readonly seeds: readonly number[];
  readonly reportDir: string;
  /** The budget for one chapter, all attempts included. */
  readonly timeoutMs: number;
  /** The limit for one test; a test that never returns loses only itself. */
  readonly testTimeoutMs: number | null;
  /** An exercises/ folder to grade instead of this checkout's (a student's submission). */
  readonly submission: string | null;
  /** Fewer tests than this is a failure: a renamed, deleted or filtered test cannot give points. */
  readonly expectTests: number | null;
  readonly typecheck: boolean;
  readonly quiet?: boolean;
  /** Heap limit for a submission's code, in MB (default 512). */
  readonly memoryMb?: number;
}

export const GRADE_HELP = `npm run grade [-- <chapter>...] [options]

Grades your exercise files (or the course's model) with each chapter's grader, prints a table,
and writes reports/grade.json and reports/grade.junit.xml. Chapters are named by number (03)
or slug (read-write); without chapters, every chapter with an exercise package is graded.

  --target student|reference|pristine
                     whose code: your files (default), the course's reference model, or the
                     untouched starters
  --seed N           seed for the random cases (default: the practice seed, or GRADE_SEED);
                     repeat it (--seed 1 --seed 2) or list them (--seed 1,2,3) to grade with
                     several seeds: a test passes only if it passes with every one
  --report DIR       folder for grade.json and grade.junit.xml (default: reports/, or
                     reports/reference/ and reports/pristine/ for those targets)
  --submission DIR   grade the learner files in DIR (a student's clone or its exercises/
                     folder) with this repository's graders, the student's code confined
                     (no writes outside a scratch folder, no programs, limited memory);
                     progress is not recorded
  --submissions DIR  grade every student's folder in DIR, each in a process of its own; writes
                     reports/submissions/<student>/ and a summary (summary.json, summary.csv)
  --memory MB        heap limit for a submission's code (default: 512)
  --expect-tests N   fail unless at least N tests ran (teachers: guards against renamed,
                     deleted or filtered tests)
  --test-timeout S   seconds one test may run before it is stopped (default: 5)
  --timeout S        seconds one chapter may take in all (default: 120)
  --no-typecheck     skip the compiler check of your files

Exit status: 0 only when at least one test ran and every graded test passed.`;

const DEFAULT_CHAPTER_TIMEOUT_MS = 120_000;

function positiveSeconds(raw: string, flag: string): number {
  const seconds = Number(raw);
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new Error(`${flag} must be a positive number of seconds; got "${raw}"`);
  return seconds * 1000;
}

/** An exercises/ folder from what a teacher typed: the clone itself or its exercises/ folder. */
export function submissionExercisesDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (!existsSync(resolved)) throw new Error(`--submission: there is no folder ${dir}`);
  const inside = path.join(resolved, 'exercises');
  return existsSync(inside) ? inside : resolved;
}

/** reports/ for a student's grade; the reference's and the starters' go beside it, never over it. */
export function defaultReportDir(target: GradeTarget): string {
  const reports = path.join(REPO_ROOT, 'reports');
  return target === 'student' ? reports : path.join(reports, target);
}

export function parseGradeArgs(args: readonly string[]): GradeOptions {
  const {values, positionals} = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      target: {type: 'string'},
      seed: {type: 'string', multiple: true},
      report: {type: 'string'},
      timeout: {type: 'string'},
      'test-timeout': {type: 'string'},
      submission: {type: 'string'},
      'expect-tests': {type: 'string'},
      'no-typecheck': {type: 'boolean'},
      memory: {type: 'string'},
    },
  });
  const memory = values.memory;
  if (memory !== undefined && !(Number.isSafeInteger(Number(memory)) && Number(memory) >= 32)) {
    throw new Error(`--memory must be a whole number of megabytes, at least 32; got "${memory}"`);
  }
  const target = (values.target ?? 'student') as GradeTarget;
  if (!GRADE_TARGETS.includes(target)) throw new Error(`--target must be one of ${GRADE_TARGETS.join(', ')}; got "${values.target}"`);
  const seeds = (values.seed ?? []).flatMap((raw) => raw.split(',')).map((raw) => parseSeed(raw, '--seed'));
  const expect = values['expect-tests'];
  if (expect !== undefined && !(Number.isSafeInteger(Number(expect)) && Number(expect) > 0)) {
    throw new Error(`--expect-tests must be a whole number above 0; got "${expect}"`);
  }
  const submission = values.submission ? submissionExercisesDir(values.submission) : null;
  if (submission && target !== 'student') throw new Error('--submission grades a student\'s files: use it with --target student (the default)');
  return {
    chapters: positionals,
    target,
    seeds: seeds.length > 0 ? [...new Set(seeds)] : [gradeSeed()],
    reportDir: path.resolve(values.report ?? defaultReportDir(target)),
    timeoutMs: values.timeout ? positiveSeconds(values.timeout, '--timeout') : DEFAULT_CHAPTER_TIMEOUT_MS,
    testTimeoutMs: values['test-timeout'] ? positiveSeconds(values['test-timeout'], '--test-timeout') : null,
    submission,
    expectTests: expect === undefined ? null : Number(expect),
    typecheck: !values['no-typecheck'],
    memoryMb: memory === undefined ? undefined : Number(memory),
  };
}

/** The command that replays a grade exactly (same chapter, target, seed, submission). */
export function replayCommand(chapter: string, options: Pick<GradeOptions, 'target' | 'submission'>, seed: number): string {
  const parts = ['npm run grade --', chapter, '--seed', String(seed)];
  if (options.target !== 'student') parts.push('--target', options.target);
  if (options.submission) parts.push('--submission', relative(options.submission));
  return parts.join(' ');
}

/** The file graded for a chapter under these options, or null for the reference and pristine targets. */
export function learnerFileFor(chapter: ExerciseChapter, options: Pick<GradeOptions, 'target' | 'submission'>): string | null {
  if (options.target !== 'student') return null;
  return options.submission ? learnerFileIn(options.submission, chapter) : chapter.learnerFile;
}

const STATUS_RANK: Record<TestOutcome['status'], number> = {error: 4, timeout: 3, failed: 2, skipped: 1, passed: 0};

interface MergedTest extends TestOutcome {
  readonly failedWithSeed: number | null;
}

// A test passes only if it passes under every seed; otherwise the first failing seed explains it.
function mergeSeeds(runs: readonly {seed: number; run: GraderRun}[]): {tests: MergedTest[]; problems: string[]} {
  const names: string[] = [];
  for (const {run} of runs) for (const test of run.tests) if (!names.includes(test.name)) names.push(test.name);
  const several = runs.length > 1;
  const tests = names.map((name): MergedTest => {
    const outcomes = runs.flatMap(({seed, run}) => run.tests.filter((t) => t.name === name).map((test) => ({seed, test})));
    const duration = Math.max(0, ...outcomes.map((o) => o.test.durationMs));
    const failing = outcomes.find((o) => o.test.status !== 'passed' && o.test.status !== 'skipped');
    if (failing) {
      const message = several ? `With seed ${failing.seed}:\n${failing.test.message}` : failing.test.message;
      return {...failing.test, message, durationMs: duration, failedWithSeed: failing.seed};
    }
    const worst = outcomes.reduce((a, b) => (STATUS_RANK[b.test.status] > STATUS_RANK[a.test.status] ? b : a));
    return {...worst.test, durationMs: duration, failedWithSeed: null};
  });
  const problems = runs.flatMap(({seed, run}) => run.problems.map((problem) => (several ? `With seed ${seed}: ${problem}` : problem)));
  return {tests, problems: [...new Set(problems)]};
}

function compilerLine(message: CompilerMessage): string {
  return `${displayPath(message.file)}:${message.line}:${message.column} error TS${message.code}: ${message.message}`;
}

export interface GradedChapter {
  readonly chapter: ExerciseChapter;
  readonly report: ChapterReport;
  readonly tests: readonly ReportTest[];
  /** Notes for teachers, not failures: a points key that matches no test. */
  readonly notes: readonly string[];
}

/** Grades one chapter under every seed; compiler messages turn "could not load" into file:line. */
export async function gradeChapter(
  chapter: ExerciseChapter,
  options: GradeOptions,
  compiler: Promise<CompilerMessage[] | null>,
): Promise<GradedChapter> {
  const config = gradingConfig(chapter);
  const learnerFile = learnerFileFor(chapter, options);
  const testTimeoutMs = options.testTimeoutMs ?? (config.testTimeoutSeconds ? config.testTimeoutSeconds * 1000 : DEFAULT_TEST_TIMEOUT_MS);
  const runs: {seed: number; run: GraderRun}[] = [];
  for (const seed of options.seeds) {
    const run = await runGrader(relative(chapter.graderFile), {
      target: options.target,
      seed,
      timeoutMs: options.timeoutMs,
      testTimeoutMs,
      learnerFile: learnerFile ?? undefined,
      learnerDir: options.submission ?? undefined,
      // A student's submission is someone else's code: run it confined (tools/grading/sandbox.ts).
      sandbox: options.submission ? {memoryMb: options.memoryMb ?? DEFAULT_SANDBOX_MEMORY_MB} : null,
    });
    runs.push({seed, run});
  }
  const merged = mergeSeeds(runs);
  const messages = learnerFile ? ((await compiler) ?? []).filter((m) => path.resolve(m.file) === path.resolve(learnerFile)) : [];
  const syntax = messages.filter((m) => m.syntax).map(compilerLine);
  const typeErrors = messages.filter((m) => !m.syntax).map(compilerLine);
  let problems = merged.problems;
  let outcomes: MergedTest[] = merged.tests;
  if (syntax.length > 0 && outcomes.some((t) => t.status === 'error')) {
    // The compiler's words beat the bundler's: "Expression expected" at the exact line.
    const notCompiling = `Your file does not compile, so no test could run:\n${syntax.join('\n')}`;
    problems = [notCompiling, ...problems.filter((p) => !p.startsWith('The grader could not load'))];
    outcomes = outcomes.map((t) => (t.status === 'error' ? {...t, message: `Not run: ${syntax[0]}`, location: syntax[0].split(' ')[0]} : t));
  }
  const graded = outcomes.filter((t) => t.status !== 'skipped');
  if (graded.length === 0 && problems.length === 0) {
    problems = [`No test ran for chapter ${chapter.number}: a grader with zero tests is a failure, never a pass.`];
  }
  const scored: ReportTest[] = outcomes.map((test) => {
    const maxPoints = test.status === 'skipped' ? 0 : pointsFor(test.name, config);
    return {
      chapter: chapter.number,
      name: test.name,
      status: test.status,
      points: test.status === 'passed' ? maxPoints : 0,
      maxPoints,
      message: test.message,
      location: test.location,
      duration: test.durationMs,
      failedWithSeed: test.failedWithSeed,
    };
  });
  // Loaded here, not at the top: its checks parse the learner's file with the TypeScript compiler,
  // which takes about 0.4 s to load, and the workbench's other commands (hint, progress, reset)
  // import this module without grading anything.
  const {matchesReferenceFlag, NO_REFERENCE_VERDICT, referenceProblems, referenceVerdict, withoutReferenceCredit} = await import('./reference-verdict');
  const verdict = learnerFile ? referenceVerdict(chapter, learnerFile) : NO_REFERENCE_VERDICT;
  const tests = learnerFile ? withoutReferenceCredit(scored, verdict, learnerFile) : scored;
  if (learnerFile) problems = [...referenceProblems(verdict, learnerFile), ...problems];
  const flag = matchesReferenceFlag(verdict);
  const unused = unusedPointKeys(outcomes.map((t) => t.name), config);
  return {
    chapter,
    tests,
    notes: unused.map((key) => `${relative(chapter.packageFile)}: the points key "${key}" matches no test (renamed?).`),
    report: {
      chapter: chapter.number,
      slug: chapter.slug,
      title: chapter.title,
      passed: tests.filter((t) => t.status === 'passed').length,
      total: graded.length,
      points: tests.reduce((sum, t) => sum + t.points, 0),
      maxPoints: tests.reduce((sum, t) => sum + t.maxPoints, 0),
      problems,
      typeErrors,
      referenceUse: verdict.uses.map((use) => ({function: use.name, how: use.how})),
      flags: flag ? [flag] : [],
    },
  };
}

const MARKS: Record<ReportTest['status'], (text: string) => string> = {
  passed: () => colour.green('✓'),
  failed: () => colour.red('✗'),
  timeout: () => colour.yellow('⏱'),
  error: () => colour.red('!'),
  skipped: () => colour.dim('-'),
};

export function statusMark(status: ReportTest['status']): string {
  return MARKS[status]('');
}

/** A chapter's block in the terminal: every test, readable failures, problems, replay command. */
export function renderChapter(graded: GradedChapter, options: Pick<GradeOptions, 'target' | 'submission' | 'seeds'>, maxMessageLines = 14): string[] {
  const {chapter, report, tests} = graded;
  const lines = [colour.bold(`Chapter ${chapter.number}  ${chapter.title}`)];
  for (const problem of report.problems) lines.push(colour.red(indent(firstLines(problem, 12), 2)));
  const stopped = (t: ReportTest) => (t.status === 'error' || t.status === 'timeout') && t.message === tests[0].message;
  const notRun = tests.length > 1 && tests.every(stopped) && report.problems.length > 0;
  if (notRun) {
    // A file that does not load stops every test for the one reason printed above: say so once.
    lines.push(`  ${statusMark('error')} None of the ${tests.length} tests could run, for the reason above.`);
  }
  const shown = new Set<string>();
  for (const test of notRun ? [] : tests) {
    const failed = test.status !== 'passed' && test.status !== 'skipped' && test.message !== '';
    const repeated = failed && shown.has(test.message);
    const suffix = `${test.status === 'timeout' ? colour.yellow('  (time-out)') : ''}${repeated ? colour.dim('  (the same error as above)') : ''}`;
    lines.push(`  ${statusMark(test.status)} ${test.name}${suffix}`);
    if (failed && !repeated) lines.push(colour.dim(indent(firstLines(test.message, maxMessageLines), 6)));
    if (failed) shown.add(test.message);
  }
  if (report.typeErrors.length > 0) {
    lines.push(colour.yellow('  Type errors in your file (the tests still ran):'));
    lines.push(colour.yellow(indent(firstLines(report.typeErrors.join('\n'), 8), 4)));
  }
  for (const flag of report.flags) lines.push(colour.yellow(`  Flag for the teacher: ${flag} (after normalising formatting, comments and names; graded as usual).`));
  for (const note of graded.notes) lines.push(colour.yellow(`  Note: ${note}`));
  lines.push(`  ${report.passed}/${report.total} tests passed, ${report.points}/${report.maxPoints} points`);
  const failedSeed = tests.find((t) => t.failedWithSeed !== null)?.failedWithSeed ?? null;
  if (report.passed < report.total || report.problems.length > 0) {
    const seed = failedSeed ?? options.seeds[0];
    lines.push(colour.dim(`  Seed ${seed}. Replay exactly this grade: ${replayCommand(chapter.number, options, seed)}`));
  }
  return lines;
}

/** The overall table: one row per chapter, then the progress bar. */
// "100%" alone reads as the whole course even when one chapter was graded: name what it is of.
function overallScope(report: GradeReport, available: number): string {
  const graded = report.chapters.map((c) => c.chapter);
  if (graded.length === available) return `all ${available} chapters`;
  const which = graded.length === 1 ? `chapter ${graded[0]}` : `chapters ${graded.join(', ')}`;
  return `${which} only (${graded.length} of ${available} chapters)`;
}

export function renderSummary(report: GradeReport, available = availableChapters().length): string[] {
  const rows = report.chapters.map((c) => {
    const ok = c.total > 0 && c.passed === c.total && c.problems.length === 0;
    const mark = ok ? colour.green('✓') : colour.red('✗');
    return `  ${mark} ${c.chapter}  ${pad(c.title.slice(0, 46), 46)} ${pad(`${c.passed}/${c.total} tests`, 12)} ${c.points}/${c.maxPoints} points`;
  });
  return [
    colour.bold('Summary'),
    ...rows,
    '',
    `Overall, ${overallScope(report, available)}: ${bar(report.totals.points, report.totals.maxPoints)} ${report.totals.points}/${report.totals.maxPoints} points, ${report.totals.passed}/${report.totals.tests} tests`,
  ];
}

export interface GradeRun {
  readonly report: GradeReport;
  readonly chapters: readonly GradedChapter[];
}

/** Grades and builds the report, without printing; `onChapter` sees each chapter as it finishes. */
export async function gradeAll(options: GradeOptions, onChapter: (graded: GradedChapter) => void = () => undefined): Promise<GradeRun> {
  const chapters = resolveChapters(options.chapters);
  const files = options.typecheck
    ? chapters.map((c) => learnerFileFor(c, options)).filter((file): file is string => file !== null && existsSync(file))
    : [];
  const compiler = typecheckFiles(files);
  const graded: GradedChapter[] = [];
  for (const chapter of chapters) {
    const result = await gradeChapter(chapter, options, compiler);
    graded.push(result);
    onChapter(result);
  }
  const tests = graded.flatMap((g) => g.tests);
  const gradedTests = tests.filter((t) => t.status !== 'skipped');
  const passed = gradedTests.filter((t) => t.status === 'passed').length;
  const problems: string[] = [];
  if (gradedTests.length === 0) problems.push('No test ran. A grade with zero tests is an error, never a pass.');
  if (options.expectTests !== null && gradedTests.length < options.expectTests) {
    problems.push(
      `Expected at least ${options.expectTests} tests, but ${gradedTests.length} ran: a grader was renamed, deleted or filtered. This grade does not count.`,
    );
  }
  const chapterProblems = graded.some((g) => g.report.problems.length > 0);
  const report: GradeReport = {
    generatedAt: new Date().toISOString(),
    target: options.target,
    seed: options.seeds[0],
    seeds: options.seeds,
    submission: options.submission,
    chapters: graded.map((g) => g.report),
    tests,
    problems,
    flags: graded.flatMap((g) => g.report.flags.map((flag) => `Chapter ${g.chapter.number} ${flag}`)),
    totals: {
      tests: gradedTests.length,
      passed,
      failed: gradedTests.length - passed,
      skipped: tests.length - gradedTests.length,
      points: tests.reduce((sum, t) => sum + t.points, 0),
      maxPoints: tests.reduce((sum, t) => sum + t.maxPoints, 0),
    },
    ok: problems.length === 0 && !chapterProblems && gradedTests.length > 0 && passed === gradedTests.length,
  };
  return {report, chapters: graded};
}

/** Records a student's grade in .workbench/progress.json (never for the reference or a submission). */
export function recordProgress(run: GradeRun, options: Pick<GradeOptions, 'target' | 'submission'>): void {
  if (options.target !== 'student' || options.submission) return;
  for (const {report, tests} of run.chapters) {
    const passing = report.total > 0 && report.passed === report.total && report.problems.length === 0;
    updateChapter(report.chapter, (current) => ({
      ...current,
      status: passing ? 'passing' : 'failing',
      passed: report.passed,
      total: report.total,
      points: report.points,
      maxPoints: report.maxPoints,
      lastGraded: run.report.generatedAt,
      failingTests: tests.filter((t) => t.status !== 'passed' && t.status !== 'skipped').slice(0, 10).map((t) => t.name),
    }));
  }
}

/** `npm run grade`: grades, prints, writes the reports, records progress; returns the exit code. */
export async function grade(options: GradeOptions): Promise<number> {
  resolveChapters(options.chapters); // an unknown chapter is reported before anything else
  const log = options.quiet ? () => undefined : (line = '') => console.log(line);
  const whose = options.target === 'student' ? (options.submission ? `the files in ${relative(options.submission)}` : 'your files') : `the ${options.target} code`;
  const seeds = options.seeds.length > 1 ? `seeds ${options.seeds.join(', ')}` : `seed ${options.seeds[0]}`;
  log(colour.dim(`Grading ${whose} with ${seeds}`));
  const run = await gradeAll(options, (graded) => {
    log();
    for (const line of renderChapter(graded, options)) log(line);
  });
  const files = writeReports(run.report, options.reportDir);
  recordProgress(run, options);
  log();
  for (const line of renderSummary(run.report)) log(line);
  for (const problem of run.report.problems) log(colour.red(problem));
  log(colour.dim(`Reports: ${relative(files.json)}, ${relative(files.junit)}`));
  return run.report.ok ? 0 : 1;
}
