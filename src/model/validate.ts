import {formatCount} from './units';

/** Thrown for input the model refuses; the message names the parameter, the value and the range. */
export class ModelInputError extends RangeError {
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ModelInputError';
  }
}

export interface IntegerRange {
  readonly min: number;
  readonly max: number;
  /** How a unit reads in the message: "bytes", "pages". */
  readonly unit: string;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/**
 * Returns `value` when it is a whole number within `range`; otherwise throws a ModelInputError
 * such as "fileSize must be a whole number of bytes from 0 to 9,007,199,254,740,991; got -5".
 */
export function requireInteger(parameter: string, value: unknown, range: IntegerRange): number {
  const ok =
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= range.min &&
    value <= range.max;
  if (!ok) {
    throw new ModelInputError(
      parameter,
      value,
      `${parameter} must be a whole number of ${range.unit} from ${formatCount(range.min)} to ${formatCount(range.max)}; got ${describe(value)}`,
    );
  }
  return value;
}

/** Like requireInteger for any finite number (costs, bandwidths) that must be above `min`. */
export function requirePositiveNumber(parameter: string, value: unknown, unit: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ModelInputError(
      parameter,
      value,
      `${parameter} must be a positive number of ${unit}; got ${describe(value)}`,
    );
  }
  return value;
}

export function requireOneOf<T extends string>(parameter: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ModelInputError(
      parameter,
      value,
      `${parameter} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}; got ${describe(value)}`,
    );
  }
  return value as T;
}
