// The seed behind every random case. Kept apart from property.ts so the command-line tools can
// read it without loading Vitest or fast-check.

/** The default seed: every learner practises on the same random cases. */
export const PRACTICE_SEED = 20_261_125;

/** Reads a seed written by a person ("--seed 42", GRADE_SEED=42); says what was wrong otherwise. */
export function parseSeed(raw: string, source: string): number {
  const seed = Number(raw.trim());
  if (raw.trim() === '' || !Number.isSafeInteger(seed)) {
    throw new Error(`${source} must be a whole number; got "${raw}"`);
  }
  return seed;
}

/** The seed for this run: GRADE_SEED when set, the practice seed otherwise. */
export function gradeSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GRADE_SEED;
  if (raw === undefined || raw.trim() === '') return PRACTICE_SEED;
  return parseSeed(raw, 'GRADE_SEED');
}
