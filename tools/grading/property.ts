// Helpers every grader uses: the seed for random cases, a property check that tells the
// learner how to replay a failure, and links back to the chapter that explains a rule.
import fc from 'fast-check';

/** The default seed: every learner practises on the same random cases. */
export const PRACTICE_SEED = 20_261_125;

export function gradeSeed(): number {
  const raw = process.env.GRADE_SEED;
  if (raw === undefined || raw.trim() === '') return PRACTICE_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`GRADE_SEED must be a whole number; got "${raw}"`);
  }
  return seed;
}

export const SITE_URL = 'http://localhost:3000';

/** Where a rule is explained: shown in every failure so the learner can go and read it. */
export function chapterSection(slug: string, anchor: string): string {
  return `${SITE_URL}/docs/${slug}/#${anchor}`;
}

export interface PropertyOptions {
  /** Chapter number or slug, for the replay command. */
  readonly chapter: string;
  readonly runs?: number;
}

/**
 * Runs a fast-check property with the grading seed. On failure the error says which random
 * input failed, the seed, and the exact command that replays it.
 */
export function checkProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void,
  {chapter, runs = 100}: PropertyOptions,
): void {
  const seed = gradeSeed();
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      predicate(value);
    }),
    {seed, numRuns: runs},
  );
  if (!details.failed) return;
  const counterexample = details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)';
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    [
      `A random case failed: ${counterexample}`,
      cause,
      `Seed ${seed}. Replay exactly this case with: GRADE_SEED=${seed} npm run grade -- ${chapter}`,
    ].join('\n\n'),
  );
}
