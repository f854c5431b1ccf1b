// Helpers for graders: catch a learner's function that changes the arrays or objects it was
// given. The model's functions are pure; a learner's that sorts its input in place, or pushes to
// an options object, passes a naive test and breaks the components that reuse the same input.
import {isDeepStrictEqual, inspect} from 'node:util';

/** Freezes a value and everything reachable from it (typed arrays are left alone: they cannot be frozen). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return Object.freeze(value);
}

export class InputMutationError extends Error {}

function describe(value: unknown): string {
  return inspect(value, {depth: 4, breakLength: 100, maxArrayLength: 12});
}

/**
 * Calls `fn` with deep-frozen copies of `args`. Learners' modules are strict ES modules, so a
 * write to a frozen input throws at the learner's own line; the error says what happened.
 */
export function callWithFrozenInputs<A extends unknown[], R>(fn: (...args: A) => R, args: A, what = fn.name || 'the function'): R {
  const frozen = deepFreeze(structuredClone(args));
  try {
    return fn(...frozen);
  } catch (error) {
    if (error instanceof TypeError && /read[- ]only|not extensible|frozen|Cannot (add|delete|assign)/i.test(error.message)) {
      const mutation = new InputMutationError(
        `${what} tried to change one of its inputs (${error.message}). Leave arguments as they were: copy an array before sorting or changing it.`,
      );
      mutation.stack = `${mutation.name}: ${mutation.message}\n${(error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n')}`;
      throw mutation;
    }
    throw error;
  }
}

/**
 * Calls `fn` with `args` and throws if any argument is different afterwards (works even for code
 * that is not strict). Returns what `fn` returned.
 */
export function expectInputsUnchanged<A extends unknown[], R>(fn: (...args: A) => R, args: A, what = fn.name || 'the function'): R {
  const before = structuredClone(args);
  const result = fn(...args);
  args.forEach((arg, index) => {
    if (!isDeepStrictEqual(arg, before[index])) {
      throw new InputMutationError(
        `${what} changed its argument ${index + 1}. Before the call: ${describe(before[index])}; after: ${describe(arg)}. ` +
          'Leave arguments as they were: copy an array before sorting or changing it.',
      );
    }
  });
  return result;
}
