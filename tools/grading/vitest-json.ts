// Runs one chapter's grader in a child Vitest process and reads its JSON report. A child
// process is what lets us stop a learner's infinite loop: we kill it at the time limit.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {REPO_ROOT, type GradeTarget} from './subject.mts';

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'timeout' | 'error';

export interface TestOutcome {
  readonly name: string;
  readonly status: TestStatus;
  readonly message: string;
  readonly durationMs: number;
}

export interface GraderRun {
  readonly tests: readonly TestOutcome[];
  /** Problems outside any single test: a file that does not compile, a time-out, a crash. */
  readonly problems: readonly string[];
  readonly timedOut: boolean;
}

interface JsonAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  failureMessages: string[];
  duration?: number | null;
}

interface JsonReport {
  testResults: {name: string; status: string; message?: string; assertionResults: JsonAssertion[]}[];
}

export interface RunOptions {
  readonly target: GradeTarget;
  readonly seed?: number;
  readonly timeoutMs: number;
}

const VITEST_BIN = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

function toStatus(status: string): TestStatus {
  if (status === 'passed' || status === 'failed') return status;
  return 'skipped';
}

export async function runGrader(testPath: string, options: RunOptions): Promise<GraderRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zc-grade-'));
  const output = path.join(dir, 'report.json');
  const env: NodeJS.ProcessEnv = {...process.env, ZC_TARGET: options.target, FORCE_COLOR: '0'};
  if (options.seed !== undefined) env.GRADE_SEED = String(options.seed);
  const args = [VITEST_BIN, 'run', '--project', 'graders', testPath, '--reporter=json', `--outputFile=${output}`];
  let stderr = '';
  let timedOut = false;
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, args, {cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe']});
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  try {
    if (timedOut) {
      return {
        tests: [],
        problems: [
          `The grader was stopped after ${options.timeoutMs / 1000} s: a function probably never returns (an infinite loop?).`,
        ],
        timedOut,
      };
    }
    if (!existsSync(output)) {
      return {tests: [], problems: [`The grader could not run (exit code ${exitCode}).\n${stderr.trim()}`], timedOut};
    }
    return {...parseReport(JSON.parse(readFileSync(output, 'utf8')) as JsonReport), timedOut};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function parseReport(report: JsonReport): Omit<GraderRun, 'timedOut'> {
  const tests: TestOutcome[] = [];
  const problems: string[] = [];
  for (const file of report.testResults) {
    if (file.assertionResults.length === 0 && file.status === 'failed') {
      problems.push(file.message?.trim() || `${file.name} failed to load`);
    }
    for (const assertion of file.assertionResults) {
      tests.push({
        name: [...assertion.ancestorTitles, assertion.title].join(' > '),
        status: toStatus(assertion.status),
        message: assertion.failureMessages.join('\n').trim(),
        durationMs: Math.round(assertion.duration ?? 0),
      });
    }
  }
  return {tests, problems};
}
