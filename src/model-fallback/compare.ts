// Student mode: does the learner's answer equal the reference's, and if not, where do they part?
// Answers are the model's plain data (numbers, bigint addresses, strings, arrays, records) and, for
// the chapters' figures, the React elements an MDX expression renders.

/** A value as a short text for the notice: 524,288; 0x7fff0000; "hit"; [3 items]; {…}. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
  // The chapters print addresses in hex.
  if (typeof value === 'bigint') return `0x${value.toString(16)}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  if (isElement(value)) return '<…>';
  if (Array.isArray(value)) {
    const items = value.map((item) => formatValue(item)).join(', ');
    return items.length <= 60 ? `[${items}]` : `[${value.length} items]`;
  }
  const fields = Object.entries(value).map(([key, field]) => `${key}: ${formatValue(field)}`).join(', ');
  return fields.length <= 60 ? `{${fields}}` : '{…}';
}

interface ElementLike {
  readonly $$typeof: symbol;
  readonly type: unknown;
  readonly key: unknown;
  readonly props: unknown;
}

function isElement(value: object): value is ElementLike {
  return '$$typeof' in value && typeof (value as {$$typeof: unknown}).$$typeof === 'symbol';
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export interface ValueDifference {
  /** Where the values part: "" (the whole value), "syscalls", "steps[3].bytes", "length". */
  readonly path: string;
  readonly yours: string;
  readonly reference: string;
}

/**
 * The first place where the learner's answer and the reference's differ, or undefined when they
 * are deeply equal. Functions count as equal (a figure's event handlers are new on every render).
 */
export function firstDifference(yours: unknown, reference: unknown, path = ''): ValueDifference | undefined {
  const differ = (): ValueDifference => ({path, yours: formatValue(yours), reference: formatValue(reference)});
  if (Object.is(yours, reference)) return undefined;
  if (typeof yours === 'function' && typeof reference === 'function') return undefined;
  if (typeof yours !== 'object' || typeof reference !== 'object' || yours === null || reference === null) return differ();
  if (Array.isArray(yours) !== Array.isArray(reference)) return differ();
  if (yours instanceof Date || reference instanceof Date) {
    return yours instanceof Date && reference instanceof Date && yours.getTime() === reference.getTime() ? undefined : differ();
  }
  if (yours instanceof Map || yours instanceof Set || reference instanceof Map || reference instanceof Set) {
    if (Object.getPrototypeOf(yours) !== Object.getPrototypeOf(reference)) return differ();
    return firstDifference([...(yours as Iterable<unknown>)], [...(reference as Iterable<unknown>)], path);
  }
  if (isElement(yours) || isElement(reference)) {
    if (!isElement(yours) || !isElement(reference) || yours.type !== reference.type || yours.key !== reference.key) return differ();
    return firstDifference(yours.props, reference.props, path);
  }
  if (Array.isArray(yours) && Array.isArray(reference)) {
    for (let i = 0; i < Math.min(yours.length, reference.length); i++) {
      const difference = firstDifference(yours[i], reference[i], join(path, i));
      if (difference) return difference;
    }
    if (yours.length !== reference.length) {
      return {path: join(path, 'length'), yours: formatValue(yours.length), reference: formatValue(reference.length)};
    }
    return undefined;
  }
  const keys = [...new Set([...Object.keys(reference), ...Object.keys(yours)])];
  for (const key of keys) {
    const difference = firstDifference((yours as Record<string, unknown>)[key], (reference as Record<string, unknown>)[key], join(path, key));
    if (difference) return difference;
  }
  return undefined;
}

export function deepEqual(yours: unknown, reference: unknown): boolean {
  return firstDifference(yours, reference) === undefined;
}
