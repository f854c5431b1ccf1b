// What differs between what a grader expected and what the learner's function returned, field
// by field, so a failing random case says "summary.cpuBytes: expected 8,192, received 0" instead
// of a diff cut off before the field that matters.
import {formatAddress} from '../../src/model/user-kernel';

export interface FieldDifference {
  /** "summary.cpuBytes", "chunks[2].bytes"; empty for the value itself. */
  readonly path: string;
  readonly expected: unknown;
  readonly received: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf where the two values differ, in the order of the expected value's fields. */
export function fieldDifferences(expected: unknown, received: unknown, path = ''): FieldDifference[] {
  if (Array.isArray(expected) && Array.isArray(received)) {
    const length = Math.max(expected.length, received.length);
    const out: FieldDifference[] = [];
    for (let i = 0; i < length; i++) {
      const at = `${path}[${i}]`;
      if (i >= expected.length) out.push({path: at, expected: '(nothing)', received: received[i]});
      else if (i >= received.length) out.push({path: at, expected: expected[i], received: '(missing)'});
      else out.push(...fieldDifferences(expected[i], received[i], at));
    }
    return out;
  }
  if (isRecord(expected) && isRecord(received)) {
    const keys = [...Object.keys(expected), ...Object.keys(received).filter((key) => !(key in expected))];
    return keys.flatMap((key) => {
      const at = path ? `${path}.${key}` : key;
      if (!(key in received)) return [{path: at, expected: expected[key], received: '(missing)'}];
      if (!(key in expected)) return [{path: at, expected: '(no such field)', received: received[key]}];
      return fieldDifferences(expected[key], received[key], at);
    });
  }
  return Object.is(expected, received) ? [] : [{path, expected, received}];
}

/** A value as the chapters write it: numbers grouped, addresses in hex, strings quoted. */
export function showValue(value: unknown): string {
  if (typeof value === 'bigint') return value >= 0n && value < 1n << 64n ? formatAddress(value) : `${value}n`;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
  if (typeof value === 'string') return value.startsWith('(') ? value : JSON.stringify(value);
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? formatAddress(inner) : inner)) ?? String(value);
}

/** The differences as lines for a failure message, at most `limit` of them. */
export function describeDifferences(differences: readonly FieldDifference[], limit = 12): string {
  const shown = differences.slice(0, limit).map(
    (d) => `  ${d.path || '(the value)'}: expected ${showValue(d.expected)}, received ${showValue(d.received)}`,
  );
  const more = differences.length > limit ? [`  … and ${differences.length - limit} more`] : [];
  return [`Fields that differ (${differences.length}):`, ...shown, ...more].join('\n');
}
