// Student mode (`ZC_MODEL=student npm start`): the live components run the learner's own
// exercise functions. tools/site/student-model.ts generates, for each chapter module, a wrapper
// that calls the learner's function through `withFallback`; when it throws (a "TODO" still in
// place, a bug), the course's reference answers instead and the fallback is recorded here, so a
// <ModelNotice/> in the component can say so. Outside student mode nothing calls this module.
// Plain TypeScript, no React: components subscribe with useSyncExternalStore.

export interface ModelFallback {
  /** The chapter module, "read-write". */
  readonly module: string;
  /** The learner's function that threw, "readWriteTrace". */
  readonly functionName: string;
  /** The learner's file, "exercises/03-read-write/read-write.ts". */
  readonly file: string;
  /** What it threw (first line). */
  readonly message: string;
}

export interface ModelUse {
  readonly module: string;
  readonly file: string;
}

export interface FallbackState {
  /** Learner functions that threw, so the reference was used: one entry per function. */
  readonly fallbacks: readonly ModelFallback[];
  /** Modules whose learner functions ran and answered. */
  readonly uses: readonly ModelUse[];
}

export const EMPTY_STATE: FallbackState = {fallbacks: [], uses: []};

let state: FallbackState = EMPTY_STATE;
const listeners = new Set<() => void>();
let notifyQueued = false;

// Fallbacks happen while a component renders; listeners are told afterwards, never mid-render.
function changed(next: FallbackState): void {
  state = next;
  if (notifyQueued) return;
  notifyQueued = true;
  queueMicrotask(() => {
    notifyQueued = false;
    for (const listener of listeners) listener();
  });
}

export function getFallbackState(): FallbackState {
  return state;
}

export function subscribeFallbacks(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportFallback(fallback: ModelFallback): void {
  if (state.fallbacks.some((f) => f.module === fallback.module && f.functionName === fallback.functionName)) return;
  changed({...state, fallbacks: [...state.fallbacks, fallback]});
}

export function reportUse(use: ModelUse): void {
  if (state.uses.some((u) => u.module === use.module)) return;
  changed({...state, uses: [...state.uses, use]});
}

/** For tests: forget every fallback and use. */
export function resetFallbacks(): void {
  changed(EMPTY_STATE);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

type AnyFunction = (...args: never[]) => unknown;

/**
 * The learner's function, guarded: if it is missing or throws where the reference answers, the
 * reference's answer is returned and the fallback recorded. If both throw (bad input that both
 * reject), the learner's error stands, as the components expect an error there.
 */
export function withFallback<F extends AnyFunction>(module: string, functionName: string, file: string, learner: unknown, reference: F): F {
  const guarded = (...args: Parameters<F>): ReturnType<F> => {
    if (typeof learner !== 'function') {
      reportFallback({module, functionName, file, message: `${file} does not export ${functionName}`});
      return reference(...args) as ReturnType<F>;
    }
    try {
      const result = (learner as F)(...args) as ReturnType<F>;
      reportUse({module, file});
      return result;
    } catch (learnerError) {
      let result: ReturnType<F>;
      try {
        result = reference(...args) as ReturnType<F>;
      } catch {
        throw learnerError;
      }
      reportFallback({module, functionName, file, message: firstLine(learnerError)});
      return result;
    }
  };
  return guarded as unknown as F;
}

/** An export of a chapter module in student mode: functions guarded, other values the reference's. */
export function studentExport<T>(module: string, name: string, file: string, learner: unknown, reference: T): T {
  return typeof reference === 'function' ? (withFallback(module, name, file, learner, reference as AnyFunction) as T) : reference;
}
