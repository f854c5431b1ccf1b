// Runs one chapter's grader in a child Vitest process and turns its results into readable
// outcomes. A child process is what lets us stop a learner's infinite loop: we kill it.
//
// Time limits, in order of how much they cost the learner:
// - an async test that never settles is failed by Vitest itself (--testTimeout);
// - a test stuck in synchronous code (a `while` that never ends) freezes the worker, so the
//   progress probe (progress-probe.ts) tells us which test started and never ended; we kill the
//   process group, count that test as a time-out, and run the grader again skipping it, so one
//   infinite loop loses one test and the others are still graded;
// - a file that never finishes loading (a loop at the top level) is stopped after a load limit;
// - the whole chapter has a budget (--timeout); when it runs out, tests that finished keep their
//   results and the others are reported as time-outs. Grading never hangs.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ErrorInfo, ReporterOutput, ReportedTest, StackFrame} from './grade-reporter';
import {SKIPPED_AFTER_TIMEOUT, type ProgressEvent} from './progress-events';
import {outOfMemory, outOfMemoryMessage, permissionMessage, sandboxEnv} from './sandbox';
import {WORKER_FLAGS_ENV} from './worker-flags.mts';
import {REPO_ROOT, type GradeTarget} from './subject.mts';

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'timeout' | 'error';

export interface TestOutcome {
  /** "describe > test", as the grader names it. */
  readonly name: string;
  readonly status: TestStatus;
  /** What went wrong, for a person: the assertion, expected vs received, where. Empty on a pass. */
  readonly message: string;
  /** file:line:column of the failing line: the learner's own line when the error came from it. */
  readonly location: string | null;
  readonly durationMs: number;
}

export interface GraderRun {
  readonly tests: readonly TestOutcome[];
  /** Problems outside any single test: a file that does not load, an error after a test, a time-out. */
  readonly problems: readonly string[];
  /** True when a time limit stopped the grader at least once. */
  readonly timedOut: boolean;
  /** How many times the grader was started (more than one after a test that never returned). */
  readonly attempts: number;
}

export interface RunOptions {
  readonly target: GradeTarget;
  readonly seed?: number;
  /** The chapter's whole budget, every attempt included. */
  readonly timeoutMs: number;
  /** One test's limit (default 5 s). */
  readonly testTimeoutMs?: number;
  /** The learner's file, so failures can point at the learner's own line. */
  readonly learnerFile?: string;
  /** Where learners' files are read from when it is not this checkout's exercises/ (ZC_LEARNER_DIR). */
  readonly learnerDir?: string;
  /** Confine the learner's code (a submission): see sandbox.ts for exactly what that means. */
  readonly sandbox?: {readonly memoryMb: number} | null;
}

export const DEFAULT_TEST_TIMEOUT_MS = 5_000;

const VITEST_BIN = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const REPORTER = path.join(import.meta.dirname, 'grade-reporter.ts');
const CONFIG = path.join(REPO_ROOT, 'vitest.config.mts');
/** Extra time the watchdog gives a test beyond its limit, so Vitest can fail async tests itself. */
const WATCHDOG_GRACE_MS = 1_000;
/** A grader file should start its first test within this long; longer means its import never ends. */
const MIN_LOAD_LIMIT_MS = 20_000;
const POLL_MS = 100;

interface Attempt {
  readonly outcome: 'finished' | 'test-timeout' | 'load-timeout' | 'budget';
  readonly hungTest: string | null;
  readonly output: ReporterOutput | null;
  readonly events: readonly ProgressEvent[];
  readonly stderr: string;
  readonly exitCode: number | null;
}

function readEvents(file: string): ProgressEvent[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const events: ProgressEvent[] = [];
  // The last line may be half written; every complete line ends with a newline.
  for (const line of lines.slice(0, -1)) {
    try {
      events.push(JSON.parse(line) as ProgressEvent);
    } catch {
      // A torn line from a killed worker: ignore it.
    }
  }
  return events;
}

// Vitest's workers are the runner's children; killing the group stops a worker stuck in a loop,
// which would otherwise outlive its parent and spin forever.
function killGroup(pid: number | undefined, fallback: () => void): void {
  try {
    if (pid === undefined || process.platform === 'win32') throw new Error('no process group');
    process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}

// Graders run in their own process group (so a frozen worker can be killed with its parent), which
// also means Ctrl-C in the terminal does not reach them: stop them ourselves when we are stopped.
const activeGroups = new Set<number>();
const activeDirs = new Set<string>();

/** Stops every grader still running (the workbench calls this when the learner quits). */
export function stopAllGraders(): void {
  for (const pid of activeGroups) killGroup(pid, () => undefined);
  activeGroups.clear();
  for (const dir of activeDirs) rmSync(dir, {recursive: true, force: true});
  activeDirs.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  stopAllGraders();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function track(pid: number | undefined): () => void {
  if (pid === undefined) return () => undefined;
  if (activeGroups.size === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', stopAllGraders);
  }
  activeGroups.add(pid);
  return () => {
    activeGroups.delete(pid);
    if (activeGroups.size === 0) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('exit', stopAllGraders);
    }
  };
}

function childEnv(options: RunOptions, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, ZC_TARGET: options.target, FORCE_COLOR: '0', NO_COLOR: '1', ...extra};
  delete env.ZC_LEARNER_DIR;
  delete env[WORKER_FLAGS_ENV];
  if (options.seed !== undefined) env.GRADE_SEED = String(options.seed);
  if (options.learnerDir) env.ZC_LEARNER_DIR = options.learnerDir;
  return env;
}

async function runAttempt(testPath: string, options: RunOptions, skip: readonly string[], budgetMs: number): Promise<Attempt> {
  const testTimeoutMs = options.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  const loadLimitMs = Math.min(budgetMs, Math.max(MIN_LOAD_LIMIT_MS, 4 * testTimeoutMs));
  const dir = mkdtempSync(path.join(tmpdir(), 'zc-grade-'));
  activeDirs.add(dir);
  const progressFile = path.join(dir, 'progress.ndjson');
  const skipFile = path.join(dir, 'skip.json');
  const resultFile = path.join(dir, 'result.json');
  writeFileSync(skipFile, JSON.stringify(skip));
  const env = childEnv(options, {ZC_PROGRESS_FILE: progressFile, ZC_SKIP_FILE: skipFile, ZC_RESULT_FILE: resultFile});
  const args = [VITEST_BIN, 'run', '--project', 'graders', path.resolve(REPO_ROOT, testPath), `--reporter=${REPORTER}`, `--testTimeout=${testTimeoutMs}`];
  if (options.sandbox) {
    // The scratch folder is the learner code's working directory and its only writable place.
    args.push(`--root=${REPO_ROOT}`, `--config=${CONFIG}`);
    Object.assign(env, sandboxEnv({scratchDir: dir, learnerDir: options.learnerDir ?? null, memoryMb: options.sandbox.memoryMb}));
  }
  let stderr = '';
  let outcome: Attempt['outcome'] = 'finished';
  let hungTest: string | null = null;
  try {
    const exitCode = await new Promise<number | null>((resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, args, {cwd: options.sandbox ? dir : REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true});
      const untrack = track(child.pid);
      child.stderr.on('data', (data: Buffer) => {
        if (stderr.length < 100_000) stderr += data.toString();
      });
      let watched: {name: string; since: number} | null = null;
      const stop = (why: Attempt['outcome']) => {
        outcome = why;
        clearInterval(timer);
        killGroup(child.pid, () => child.kill('SIGKILL'));
      };
      const timer = setInterval(() => {
        const now = Date.now();
        const events = readEvents(progressFile);
        const last = events.at(-1);
        if (last?.event === 'start') {
          if (watched?.name !== last.name) watched = {name: last.name, since: now};
          if (now - watched.since > testTimeoutMs + WATCHDOG_GRACE_MS) {
            hungTest = last.name;
            return stop('test-timeout');
          }
        } else {
          watched = null;
        }
        if (events.length === 0 && now - started > loadLimitMs) return stop('load-timeout');
        if (now - started > budgetMs) stop('budget');
      }, POLL_MS);
      child.on('error', (error) => {
        stderr += error.message;
      });
      child.on('close', (code) => {
        clearInterval(timer);
        untrack();
        resolve(code);
      });
    });
    const output = outcome === 'finished' && existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as ReporterOutput) : null;
    return {outcome, hungTest, output, events: readEvents(progressFile), stderr, exitCode};
  } finally {
    activeDirs.delete(dir);
    rmSync(dir, {recursive: true, force: true});
  }
}

/** The grader's test names without running the learner's code (for a file that cannot load). */
export async function listTests(testPath: string, target: GradeTarget, timeoutMs = 30_000): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zc-list-'));
  const output = path.join(dir, 'list.json');
  try {
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [VITEST_BIN, 'list', '--project', 'graders', testPath, `--json=${output}`], {
        cwd: REPO_ROOT,
        env: {...process.env, ZC_TARGET: target, FORCE_COLOR: '0', NO_COLOR: '1'},
        stdio: 'ignore',
        detached: true,
      });
      const untrack = track(child.pid);
      const timer = setTimeout(() => killGroup(child.pid, () => child.kill('SIGKILL')), timeoutMs);
      child.on('error', () => resolve());
      child.on('close', () => {
        clearTimeout(timer);
        untrack();
        resolve();
      });
    });
    if (!existsSync(output)) return [];
    return (JSON.parse(readFileSync(output, 'utf8')) as {name: string}[]).map((test) => test.name);
  } catch {
    return [];
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

// ANSI colour codes: some compilers colour their messages even when asked not to.
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** A path as a learner reads it: relative to the repository when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function frameLocation(frame: StackFrame): string {
  return `${displayPath(frame.file)}:${frame.line}:${frame.column}`;
}

// The line to show: the learner's own code if the error passed through it, else the grader's.
function pickFrame(frames: readonly StackFrame[], learnerFile: string | undefined, testPath: string): StackFrame | null {
  const grader = path.resolve(REPO_ROOT, testPath);
  const inLearner = learnerFile ? frames.find((frame) => path.resolve(frame.file) === path.resolve(learnerFile)) : undefined;
  return inLearner ?? frames.find((frame) => path.resolve(frame.file) === grader) ?? null;
}

const MAX_DIFF_LINES = 40;

/** One error as a learner reads it: message, expected vs received, and the line it came from. */
export function formatError(error: ErrorInfo, learnerFile: string | undefined, testPath: string): {message: string; location: string | null} {
  const frame = pickFrame(error.frames, learnerFile, testPath);
  const name = error.name === 'AssertionError' || error.name === 'Error' ? '' : `${error.name}: `;
  const lines = [permissionMessage(error.message, error.permission ?? null, error.resource ?? null) ?? `${name}${stripAnsi(error.message).trim()}`];
  if (error.diff) {
    const diff = stripAnsi(error.diff).split('\n');
    lines.push('', ...diff.slice(0, MAX_DIFF_LINES));
    if (diff.length > MAX_DIFF_LINES) lines.push(`  … ${diff.length - MAX_DIFF_LINES} more lines`);
  }
  const location = frame ? frameLocation(frame) : null;
  if (frame) lines.push('', `at ${location}${frame.method ? ` (${frame.method})` : ''}`);
  return {message: lines.join('\n'), location};
}

/** A module that failed to load: the compiler's location and message, without the noise. */
export function formatModuleError(error: ErrorInfo): {message: string; location: string | null} {
  const text = stripAnsi(error.message);
  const denied = permissionMessage(text, error.permission ?? null, error.resource ?? null);
  if (denied) {
    const frame = error.frames.find((f) => !f.file.includes('node_modules'));
    return {message: frame ? `${denied}\nat ${frameLocation(frame)}` : denied, location: frame ? frameLocation(frame) : null};
  }
  // Vite/oxc transform errors: "[PARSE_ERROR] Unexpected token ... [ exercises/x.ts:2:13 ]".
  const where = /\[\s*([^\s\]]+?):(\d+):(\d+)\s*\]/.exec(text);
  const what = /\[([A-Z_]+)\]\s*(.+)/.exec(text);
  if (where) {
    const location = `${displayPath(path.resolve(REPO_ROOT, where[1]))}:${where[2]}:${where[3]}`;
    return {message: `${location}: ${what ? what[2].trim() : text.split('\n')[0]}`, location};
  }
  const firstLines = text.split('\n').filter((line) => line.trim() !== '').slice(0, 6).join('\n');
  const frame = error.frames.find((f) => !f.file.includes('node_modules'));
  return {message: firstLines, location: frame ? frameLocation(frame) : null};
}

const ASYNC_TIMEOUT = /^Test timed out in (\d+)ms/;

function outcomeOf(test: ReportedTest, timedOut: ReadonlyMap<string, string>, learnerFile: string | undefined, testPath: string): TestOutcome {
  const base = {name: test.name, durationMs: test.durationMs};
  if (test.state === 'passed') return {...base, status: 'passed', message: '', location: null};
  if (test.state === 'skipped' || test.state === 'pending') {
    if (test.note === SKIPPED_AFTER_TIMEOUT || timedOut.has(test.name)) {
      return {...base, status: 'timeout', message: timedOut.get(test.name) ?? 'Stopped after a time-out.', location: null};
    }
    return {...base, status: 'skipped', message: '', location: null};
  }
  const [first, ...rest] = test.errors;
  if (!first) return {...base, status: 'failed', message: 'The test failed without an error message.', location: null};
  const formatted = formatError(first, learnerFile, testPath);
  const asyncTimeout = ASYNC_TIMEOUT.exec(first.message);
  const message = asyncTimeout
    ? `Did not finish within ${Number(asyncTimeout[1]) / 1000} s: a promise that never settles, or work that is far too slow.${formatted.location ? `\n\nat ${formatted.location}` : ''}`
    : formatted.message + (rest.length > 0 ? `\n\n(and ${rest.length} more error${rest.length > 1 ? 's' : ''})` : '');
  return {...base, status: asyncTimeout ? 'timeout' : 'failed', message, location: formatted.location};
}

function hungMessage(seconds: number): string {
  return `Stopped after ${seconds} s: the code under test never returned (an infinite loop?). The other tests were graded without it.`;
}

/** Runs a grader file, re-running around tests that never return; see the top of this file. */
export async function runGrader(testPath: string, options: RunOptions): Promise<GraderRun> {
  const started = Date.now();
  const testSeconds = (options.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS) / 1000;
  const timedOut = new Map<string, string>();
  let attempts = 0;
  let last: Attempt | null = null;
  for (;;) {
    const remaining = options.timeoutMs - (Date.now() - started);
    if (remaining <= 0 && last) return budgetSpent(last, timedOut, options, attempts);
    attempts++;
    last = await runAttempt(testPath, options, [...timedOut.keys()], Math.max(remaining, 1));
    if (last.outcome === 'test-timeout' && last.hungTest !== null) {
      timedOut.set(last.hungTest, hungMessage(testSeconds));
      continue;
    }
    if (last.outcome === 'budget') return budgetSpent(last, timedOut, options, attempts);
    if (last.outcome === 'load-timeout') {
      const names = await listForFailure(testPath, options.target);
      // Graders report per-test progress through tools/grading/property.ts; silence means the
      // learner's module never finished loading (or a grader that does not import it hung).
      const message = `No test started within ${Math.round(Math.min(options.timeoutMs, Math.max(MIN_LOAD_LIMIT_MS, 4 * testSeconds * 1000)) / 1000)} s: your file probably never finishes loading (a loop at its top level, outside any function?).`;
      return {
        tests: names.map((name) => ({name, status: 'timeout', message, location: null, durationMs: 0})),
        problems: [message],
        timedOut: true,
        attempts,
      };
    }
    return finished(last, timedOut, testPath, options, attempts);
  }
}

async function listForFailure(testPath: string, target: GradeTarget): Promise<string[]> {
  // The reference model loads; the names are the grader's own and do not depend on whose code runs.
  if (target !== 'reference') {
    const names = await listTests(testPath, 'reference');
    if (names.length > 0) return names;
  }
  return listTests(testPath, 'pristine');
}

async function finished(
  attempt: Attempt,
  timedOut: ReadonlyMap<string, string>,
  testPath: string,
  options: RunOptions,
  attempts: number,
): Promise<GraderRun> {
  const output = attempt.output;
  if (!output) {
    return {
      tests: [],
      problems: [`The grader could not run (exit code ${attempt.exitCode}).\n${stripAnsi(attempt.stderr).trim()}`],
      timedOut: timedOut.size > 0,
      attempts,
    };
  }
  if (options.sandbox && outOfMemory(attempt.stderr)) return stoppedForMemory(output, testPath, options, options.sandbox.memoryMb, timedOut, attempts);
  const problems: string[] = [];
  let tests = output.tests.map((test) => outcomeOf(test, timedOut, options.learnerFile, testPath));
  if (output.moduleErrors.length > 0) {
    const formatted = output.moduleErrors.map(formatModuleError);
    const summary = formatted.map((f) => f.message).join('\n');
    problems.push(`The grader could not load: ${summary}`);
    const names = tests.length > 0 ? tests.map((t) => t.name) : await listForFailure(testPath, options.target);
    tests = names.map((name) => ({
      name,
      status: 'error',
      message: `Not run: ${summary}`,
      location: formatted[0]?.location ?? null,
      durationMs: 0,
    }));
  }
  for (const error of output.unhandledErrors) {
    const formatted = formatError(error, options.learnerFile, testPath);
    problems.push(`An error outside any test: ${formatted.message}`);
  }
  return {tests, problems, timedOut: timedOut.size > 0, attempts};
}

// The worker died at its heap limit: tests that passed before keep their pass; the rest lose.
async function stoppedForMemory(output: ReporterOutput, testPath: string, options: RunOptions, memoryMb: number, timedOut: ReadonlyMap<string, string>, attempts: number): Promise<GraderRun> {
  const message = outOfMemoryMessage(memoryMb);
  const names = output.tests.length > 0 ? output.tests.map((t) => t.name) : await listForFailure(testPath, options.target);
  const passed = new Set(output.tests.filter((t) => t.state === 'passed').map((t) => t.name));
  const tests = names.map((name): TestOutcome =>
    passed.has(name) ? {name, status: 'passed', message: '', location: null, durationMs: 0} : {name, status: 'error', message, location: null, durationMs: 0},
  );
  return {tests, problems: [message], timedOut: timedOut.size > 0, attempts};
}

function budgetSpent(attempt: Attempt, timedOut: ReadonlyMap<string, string>, options: RunOptions, attempts: number): GraderRun {
  const listed = attempt.events.find((event) => event.event === 'list');
  const ended = new Map<string, Extract<ProgressEvent, {event: 'end'}>>();
  for (const event of attempt.events) if (event.event === 'end') ended.set(event.name, event);
  const seconds = options.timeoutMs / 1000;
  const names = listed && listed.event === 'list' ? listed.tests : [...timedOut.keys()];
  const tests = names.map((name): TestOutcome => {
    const end = ended.get(name);
    if (end) {
      return end.state === 'passed'
        ? {name, status: 'passed', message: '', location: null, durationMs: 0}
        : {name, status: 'failed', message: stripAnsi(end.message), location: null, durationMs: 0};
    }
    return {
      name,
      status: 'timeout',
      message: timedOut.get(name) ?? `Not finished: the chapter's time budget (${seconds} s) ran out before this test.`,
      location: null,
      durationMs: 0,
    };
  });
  return {
    tests,
    problems: [`Grading this chapter was stopped after ${seconds} s (--timeout); unfinished tests count as time-outs.`],
    timedOut: true,
    attempts,
  };
}
