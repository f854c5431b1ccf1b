// What the progress probe (progress-probe.ts, inside a Vitest worker) writes and the runner
// (vitest-json.ts) reads: one JSON object a line. No Vitest import here, so the runner can use it.

/** Test names are "describe > test", as the reports print them. */
export type ProgressEvent =
  | {readonly event: 'list'; readonly tests: readonly string[]}
  | {readonly event: 'start'; readonly name: string}
  | {readonly event: 'end'; readonly name: string; readonly state: string; readonly message: string};

/** The note a test skipped by the workbench carries, so reports can tell it from a grader's skip. */
export const SKIPPED_AFTER_TIMEOUT = 'zero-copy workbench: skipped after a time-out';
