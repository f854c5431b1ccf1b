// A Vitest reporter for the workbench: at the end of a grader run it writes every test's result,
// with its errors in structured form (message, diff, stack frames), to the file named by
// ZC_RESULT_FILE. The runner (vitest-json.ts) turns that into readable failures and reports.
import {writeFileSync} from 'node:fs';
import type {Reporter, TestModule} from 'vitest/node';

export interface StackFrame {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly method: string;
}

export interface ErrorInfo {
  readonly name: string;
  readonly message: string;
  /** "- Expected / + Received" lines, when the assertion compared two values. */
  readonly diff: string | null;
  readonly frames: readonly StackFrame[];
  /** Node's permission model names what it refused ("ChildProcess") and on what (a path). */
  readonly permission?: string | null;
  readonly resource?: string | null;
}

export interface ReportedTest {
  readonly name: string;
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** The note of a skipped test (the workbench marks tests it skipped after a time-out). */
  readonly note: string | null;
  readonly errors: readonly ErrorInfo[];
  readonly durationMs: number;
}

export interface ReporterOutput {
  /** Errors that stopped a whole grader file: a learner file that does not compile, for instance. */
  readonly moduleErrors: readonly ErrorInfo[];
  readonly tests: readonly ReportedTest[];
  readonly unhandledErrors: readonly ErrorInfo[];
}

interface RawError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly diff?: unknown;
  readonly stack?: unknown;
  readonly stacks?: readonly {file?: unknown; line?: unknown; column?: unknown; method?: unknown}[];
  readonly permission?: unknown;
  readonly resource?: unknown;
}

// Vitest serialises errors across processes; this keeps the parts a learner needs.
function errorInfo(raw: unknown): ErrorInfo {
  const error = (raw ?? {}) as RawError;
  const frames = (error.stacks ?? [])
    .filter((frame) => typeof frame.file === 'string')
    .map((frame) => ({
      file: String(frame.file),
      line: Number(frame.line ?? 0),
      column: Number(frame.column ?? 0),
      method: String(frame.method ?? ''),
    }));
  return {
    name: typeof error.name === 'string' ? error.name : 'Error',
    message: typeof error.message === 'string' ? error.message : String(raw),
    diff: typeof error.diff === 'string' && error.diff.trim() !== '' ? error.diff : null,
    frames: frames.length > 0 ? frames : framesFromStack(typeof error.stack === 'string' ? error.stack : ''),
    permission: typeof error.permission === 'string' ? error.permission : null,
    resource: typeof error.resource === 'string' ? error.resource : null,
  };
}

/** Frames from a V8 stack string, for errors Vitest did not parse (module load errors). */
export function framesFromStack(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    const match = /^\s+at (?:(.+?) \()?(?:file:\/\/)?(\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?$/.exec(line);
    if (match) frames.push({method: match[1] ?? '', file: match[2], line: Number(match[3]), column: Number(match[4])});
  }
  return frames;
}

export default class GradeReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const file = process.env.ZC_RESULT_FILE;
    if (!file) return;
    const output: ReporterOutput = {
      moduleErrors: testModules.flatMap((module) => module.errors().map(errorInfo)),
      tests: testModules.flatMap((module) =>
        [...module.children.allTests()].map((test): ReportedTest => {
          const result = test.result();
          return {
            name: test.fullName,
            state: result.state,
            note: result.state === 'skipped' ? (result.note ?? null) : null,
            errors: (result.errors ?? []).map(errorInfo),
            durationMs: Math.round(test.diagnostic()?.duration ?? 0),
          };
        }),
      ),
      unhandledErrors: unhandledErrors.map(errorInfo),
    };
    writeFileSync(file, JSON.stringify(output));
  }
}
