// Helpers every grader uses: the seed for random cases, a property check that tells the
// learner how to replay a failure, and links back to the chapter that explains a rule.
import fc from 'fast-check';
import {gradeSeed} from './seed';
import {describeDifferences, fieldDifferences} from './difference';
// Every grader imports this module, so this is where each grader also reports its progress to
// the workbench's per-test time limit (a no-op outside `npm run grade`).
import './progress-probe';

export {PRACTICE_SEED, gradeSeed} from './seed';

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
  const error = new Error(
    [
      `A random case failed (the smallest input fast-check found): ${counterexample}`,
      explainFailure(details.errorInstance, cause),
      `Seed ${seed}. Replay exactly this case with: GRADE_SEED=${seed} npm run grade -- ${chapter}`,
    ].join('\n\n'),
  );
  // Keep the failing call's stack, so the report points at the learner's own line.
  if (details.errorInstance instanceof Error && details.errorInstance.stack && error.stack) {
    const frames = details.errorInstance.stack.split('\n').filter((line) => /^\s+at /.test(line));
    error.stack = `${error.stack.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n')}\n${frames.join('\n')}`;
  }
  throw error;
}

/**
 * The assertion's message, and when it compared two values, every field that differs: Vitest's
 * own diff of a large object is cut short ("{ …(3) }"), often before the field that matters.
 */
function explainFailure(error: unknown, message: string): string {
  if (typeof error !== 'object' || error === null || !('expected' in error) || !('actual' in error)) return message;
  const {expected, actual} = error as {expected: unknown; actual: unknown};
  const differences = fieldDifferences(expected, actual);
  if (differences.length === 0) return message;
  return `${message.split('\n')[0]}\n\n${describeDifferences(differences)}`;
}

