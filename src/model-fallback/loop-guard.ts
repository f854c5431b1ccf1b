// Student mode's loop guard, as online code playgrounds have one: tools/site/loaders/loop-guard.cjs
// rewrites every loop in the learner's exercise files (never the reference model) to call
// `loopStart` before the loop and `loopCheck` in its body. A loop still running after the budget is
// stopped by throwing LoopStoppedError, naming the function; the student-mode wrapper then answers
// with the reference and the notice says which function looped. Without it, a `while (true)` in a
// half-written function would freeze the page.

/** How long one loop may run before it is stopped. */
export const LOOP_BUDGET_MS = 1_000;
/** Reading the clock costs about as much as a short loop body: look at it every few iterations. */
const CHECK_EVERY = 64;

export interface LoopState {
  /** The learner's function the loop is in: "readWriteTrace". */
  readonly functionName: string;
  /** Where the loop is: "exercises/03-read-write/read-write.ts:42". */
  readonly where: string;
  readonly started: number;
  iterations: number;
}

export class LoopStoppedError extends Error {
  readonly functionName: string;
  readonly where: string;
  constructor(loop: LoopState, budgetMs: number) {
    super(`${loop.functionName} was stopped: a loop (${loop.where}) ran for more than ${budgetMs / 1000} s; is its condition ever false?`);
    this.name = 'LoopStoppedError';
    this.functionName = loop.functionName;
    this.where = loop.where;
  }
}

export function isLoopStopped(error: unknown): error is LoopStoppedError {
  return error instanceof Error && error.name === 'LoopStoppedError';
}

const now = () => Date.now();

export function loopStart(functionName: string, where: string): LoopState {
  return {functionName, where, started: now(), iterations: 0};
}

export function loopCheck(loop: LoopState, budgetMs: number = LOOP_BUDGET_MS): void {
  loop.iterations++;
  if (loop.iterations % CHECK_EVERY === 0 && now() - loop.started > budgetMs) throw new LoopStoppedError(loop, budgetMs);
}
