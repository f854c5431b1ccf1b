// Parsing what a reader types into a count field (pages, a seed, a stride), with a reason for
// every refusal so the component can say what was wrong, as sizeInput does for sizes.

export type ParsedWhole =
  | {readonly ok: true; readonly value: number}
  | {readonly ok: false; readonly reason: 'nan' | 'fraction' | 'too-small' | 'too-big'};

export function parseWhole(text: string, {min, max}: {readonly min: number; readonly max: number}): ParsedWhole {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) return {ok: false, reason: 'nan'};
  if (!Number.isInteger(value)) return {ok: false, reason: 'fraction'};
  if (value < min) return {ok: false, reason: 'too-small'};
  if (value > max) return {ok: false, reason: 'too-big'};
  return {ok: true, value};
}
