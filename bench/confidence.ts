// How sure the benchmark report can be that a page meets a target. On the 2-core test machine a
// page's TBT swings 2-5x between runs with nothing changed (145-655 ms for the English baseline in
// the run of 2026-12-06 21:56), and the zh-Hans baseline's ratio to its English twin read 1.08x to
// 1.90x in six runs that day, so a ratio of two medians can land on either side of 1.2 or 1.5 by
// chance. The report pairs runs by round (each round measures every page once; bench/schedule.ts)
// and gives the median of the per-round ratios with an interval that holds the true median with a
// stated confidence. The interval comes from order statistics alone: it assumes only that the
// rounds are independent, nothing about the noise's shape.

/** The range that holds the median with at least `confidence`. */
export interface Interval {
  readonly low: number;
  readonly high: number;
  /** The exact coverage of [low, high], from the binomial distribution: 0.9375 for five values. */
  readonly confidence: number;
}

/** The confidence the report asks of an interval before it calls a target met or missed. */
export const CONFIDENCE = 0.9;

/** P(X < j) for X ~ Binomial(n, 1/2). */
function binomialBelow(j: number, n: number): number {
  let sum = 0;
  let term = 0.5 ** n; // P(X = 0)
  for (let k = 0; k < j; k++) {
    sum += term;
    term = (term * (n - k)) / (k + 1);
  }
  return sum;
}

/**
 * The distribution-free interval for the median of `values`: the j-th smallest to the j-th largest
 * value, for the largest j whose coverage, 1 − 2·P(Binomial(n, ½) < j), is at least `level`. Null
 * when even the whole range falls short: fewer than five values at 90 %.
 */
export function medianInterval(values: readonly number[], level: number = CONFIDENCE): Interval | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  let best: Interval | null = null;
  for (let j = 1; 2 * j <= n; j++) {
    const confidence = 1 - 2 * binomialBelow(j, n);
    if (confidence < level) break;
    best = {low: sorted[j - 1], high: sorted[n - j], confidence};
  }
  return best;
}

/** Where a figure stands against a target, given its interval. */
export type Verdict = 'met' | 'missed' | 'undecided';

/** Met when the whole interval is within `limit`, missed when none of it is; undecided otherwise, or without an interval. */
export function judgeAtMost(interval: Interval | null, limit: number): Verdict {
  if (!interval) return 'undecided';
  if (interval.high <= limit) return 'met';
  if (interval.low > limit) return 'missed';
  return 'undecided';
}

/** The same for a figure that must be at least `limit` (a performance score). */
export function judgeAtLeast(interval: Interval | null, limit: number): Verdict {
  if (!interval) return 'undecided';
  if (interval.low >= limit) return 'met';
  if (interval.high < limit) return 'missed';
  return 'undecided';
}

/** Missed if any is missed, else undecided if any is, else met. */
export function combine(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('missed')) return 'missed';
  if (verdicts.includes('undecided')) return 'undecided';
  return 'met';
}

/**
 * A page's runs over a reference page's runs of the same rounds: run k of the page over the mean
 * of the reference's `perRound` runs in round k (the baseline is measured twice a round, an English
 * twin once). Null when the counts do not line up (a report from before runs were kept in order).
 * A reference run of 0 ms counts as 1 ms, so a ratio stays finite.
 */
export function pairedRatios(runs: readonly number[], reference: readonly number[], perRound: number): number[] | null {
  if (runs.length === 0 || reference.length !== runs.length * perRound) return null;
  return runs.map((value, round) => {
    const mine = reference.slice(round * perRound, (round + 1) * perRound);
    const mean = mine.reduce((sum, v) => sum + v, 0) / perRound;
    return value / Math.max(mean, 1);
  });
}
