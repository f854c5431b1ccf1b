// Student mode (`ZC_MODEL=student npm start`): the live components and the chapters' figures run
// the learner's own exercise functions. tools/site/student-model.ts generates, for each chapter
// module, a wrapper that calls the learner's function through `withFallback`, which also calls the
// course's reference with the same arguments and compares the two answers. Each function's verdict
// (agrees, differs, threw, looped, missing) is recorded here, with the first difference it showed,
// for the notice (src/components/ModelNotice/StudentNotice.tsx) and the figure markers
// (./figures.tsx) to read. Nothing in the normal site imports this module.
// Plain TypeScript, no React: components subscribe with useSyncExternalStore.
import {firstDifference, formatValue} from './compare';
import {isLoopStopped} from './loop-guard';

export {deepEqual, firstDifference, formatValue} from './compare';

/** What the learner's function did, worst first: the notice sorts by it. */
export type Verdict = 'looped' | 'threw' | 'missing' | 'differs' | 'agrees';
export const VERDICT_ORDER: readonly Verdict[] = ['looped', 'threw', 'missing', 'differs', 'agrees'];

export interface Difference {
  /** The call, as the page made it: "readWriteSummary(1073741824, 4096)". */
  readonly call: string;
  /** Where the answers part: "syscalls", "steps[3].bytes", "" for the whole value. */
  readonly path: string;
  readonly yours: string;
  readonly reference: string;
}

export interface FunctionReport {
  /** The chapter module, "read-write". */
  readonly module: string;
  /** The learner's function, "readWriteTrace". */
  readonly functionName: string;
  /** The learner's file, "exercises/03-read-write/read-write.ts". */
  readonly file: string;
  readonly verdict: Verdict;
  /** threw, looped, missing: what was thrown (first line). */
  readonly message?: string;
  /** differs: the first call whose answers differ, and where. */
  readonly difference?: Difference;
}

export interface StudentState {
  /** One entry per learner function the site has called, in the order they were first called. */
  readonly functions: readonly FunctionReport[];
}

export const EMPTY_STATE: StudentState = {functions: []};

let state: StudentState = EMPTY_STATE;
const listeners = new Set<() => void>();
let notifyQueued = false;

// Reports happen while a component renders; listeners are told afterwards, never mid-render.
function changed(next: StudentState): void {
  state = next;
  if (notifyQueued) return;
  notifyQueued = true;
  queueMicrotask(() => {
    notifyQueued = false;
    for (const listener of listeners) listener();
  });
}

export function getStudentState(): StudentState {
  return state;
}

export function subscribeStudentState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function reportOf(module: string, functionName: string): FunctionReport | undefined {
  return state.functions.find((f) => f.module === module && f.functionName === functionName);
}

/** Records a verdict; a function keeps its worst verdict and the first detail that showed it. */
export function report(next: FunctionReport): void {
  const known = reportOf(next.module, next.functionName);
  if (known && VERDICT_ORDER.indexOf(known.verdict) <= VERDICT_ORDER.indexOf(next.verdict)) return;
  changed({functions: known ? state.functions.map((f) => (f === known ? next : f)) : [...state.functions, next]});
}

/** For tests: forget every verdict. */
export function resetStudentState(): void {
  changed(EMPTY_STATE);
}

// ---- Who answered: figures ask which learner functions a value came from -------------------

/** One call of a learner function while a figure was being computed. */
export interface Use {
  readonly module: string;
  readonly functionName: string;
  readonly file: string;
  /** agrees or differs: the learner's answer was used; otherwise the reference's was. */
  readonly verdict: Verdict;
}

const collectors: Use[][] = [];
let referenceDepth = 0;

/**
 * Runs `compute` and lists the learner functions it called (directly or not), together with the
 * uses it `inherits` from values it was computed from (a chapter's constants, computed earlier).
 */
export function track<T>(compute: () => T, inherits: readonly (readonly Use[])[] = []): {readonly value: T; readonly uses: readonly Use[]} {
  const uses: Use[] = inherits.flat();
  collectors.push(uses);
  try {
    return {value: compute(), uses};
  } finally {
    collectors.pop();
  }
}

/** Runs `compute` with every guarded function answering as the course's reference. */
export function asReference<T>(compute: () => T): T {
  referenceDepth++;
  try {
    return compute();
  } finally {
    referenceDepth--;
  }
}

function used(use: Use): void {
  for (const uses of collectors) uses.push(use);
}

// ---- The guard -------------------------------------------------------------------------------

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

const MAX_KEY_LENGTH = 2_000;

function argumentsKey(args: readonly unknown[]): string | undefined {
  try {
    const key = JSON.stringify(args, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    return key.length <= MAX_KEY_LENGTH ? key : undefined;
  } catch {
    return undefined;
  }
}

function describeCall(functionName: string, args: readonly unknown[]): string {
  return `${functionName}(${args.map((arg) => formatValue(arg)).join(', ')})`;
}

type AnyFunction = (...args: never[]) => unknown;

/**
 * The learner's function, guarded and checked. It runs the learner's code and the reference on
 * the same arguments: if the learner's throws (a "TODO", a bug, a loop stopped by the loop guard)
 * or is missing, the reference's answer is returned; otherwise the learner's, and whether it
 * deep-equals the reference's is recorded. If both throw (bad input that both reject), the
 * learner's error stands, as the components expect an error there. A function that looped once
 * is not run again (until its file changes and the wrapper is made anew): each run would freeze
 * the page for the loop guard's budget.
 */
export function withFallback<F extends AnyFunction>(module: string, functionName: string, file: string, learner: unknown, reference: F): F {
  let looped = false;
  // Components call the same function with the same arguments on every render: compare once.
  const comparisons = new Map<string, Verdict>();
  const guarded = (...args: Parameters<F>): ReturnType<F> => {
    const callReference = () => reference(...args) as ReturnType<F>;
    if (referenceDepth > 0) return callReference();
    if (typeof learner !== 'function' || looped) {
      if (!looped) report({module, functionName, file, verdict: 'missing', message: `${file} does not export ${functionName}`});
      const result = callReference();
      used({module, functionName, file, verdict: looped ? 'looped' : 'missing'});
      return result;
    }
    let mine: ReturnType<F>;
    try {
      mine = (learner as F)(...args) as ReturnType<F>;
    } catch (learnerError) {
      let result: ReturnType<F>;
      try {
        result = callReference();
      } catch {
        throw learnerError;
      }
      looped = isLoopStopped(learnerError);
      const verdict: Verdict = looped ? 'looped' : 'threw';
      report({module, functionName, file, verdict, message: firstLine(learnerError)});
      used({module, functionName, file, verdict});
      return result;
    }
    const key = argumentsKey(args);
    let verdict = key === undefined ? undefined : comparisons.get(key);
    if (verdict === undefined) {
      let theirs: ReturnType<F> | undefined;
      let rejected: unknown;
      try {
        theirs = callReference();
      } catch (referenceError) {
        rejected = referenceError;
      }
      const difference =
        rejected === undefined
          ? firstDifference(mine, theirs)
          : {path: '', yours: formatValue(mine), reference: `throws: ${firstLine(rejected)}`};
      verdict = difference ? 'differs' : 'agrees';
      if (key !== undefined) comparisons.set(key, verdict);
      report({module, functionName, file, verdict, ...(difference ? {difference: {call: describeCall(functionName, args), ...difference}} : {})});
    }
    used({module, functionName, file, verdict});
    return mine;
  };
  return guarded as unknown as F;
}

/** An export of a chapter module in student mode: functions guarded, other values the reference's. */
export function studentExport<T>(module: string, name: string, file: string, learner: unknown, reference: T): T {
  return typeof reference === 'function' ? (withFallback(module, name, file, learner, reference as AnyFunction) as T) : reference;
}
