// Parsing what a reader types into a size field: a number and a unit, with messages that
// say what was wrong ("File size must be a number; got "abc""). Only decimal numbers count:
// "0x10" is refused, not read as 16.
import {GiB, KiB, MiB} from '@site/src/model/units';

export const SIZE_UNITS = {B: 1, KiB, MiB, GiB} as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

export type SizeError = 'nan' | 'negative' | 'fraction' | 'zero' | 'too-big';

export type ParsedSize = {readonly ok: true; readonly bytes: number} | {readonly ok: false; readonly reason: SizeError};

// Decimal numbers only: Number() would also read "0x10", "0b11", "Infinity" and "".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseSize(text: string, unit: SizeUnit, {allowZero, max}: {allowZero: boolean; max: number}): ParsedSize {
  const trimmed = text.trim();
  const value = DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) return {ok: false, reason: 'nan'};
  if (value < 0) return {ok: false, reason: 'negative'};
  const bytes = value * SIZE_UNITS[unit];
  if (!Number.isInteger(bytes)) return {ok: false, reason: 'fraction'};
  if (bytes === 0 && !allowZero) return {ok: false, reason: 'zero'};
  if (bytes > max) return {ok: false, reason: 'too-big'};
  return {ok: true, bytes};
}

/** The largest unit that expresses `bytes` exactly, for showing an initial value. */
export function bestUnit(bytes: number): {value: string; unit: SizeUnit} {
  for (const unit of ['GiB', 'MiB', 'KiB'] as const) {
    if (bytes >= SIZE_UNITS[unit] && bytes % SIZE_UNITS[unit] === 0) {
      return {value: String(bytes / SIZE_UNITS[unit]), unit};
    }
  }
  return {value: String(bytes), unit: 'B'};
}
