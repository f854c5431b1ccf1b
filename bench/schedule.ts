// The order of the benchmark's Lighthouse runs. Measuring one page five times and then the next
// let the machine's drift decide the ratios the report is about: on the 2-core test machine the
// baseline's and a chapter's five runs lay minutes apart, and every zh-Hans page was measured
// after every English one. In rounds, each round measures every page once, so a slow minute
// falls on all pages alike; alternate rounds run backwards, so no page always comes first.
// Every ratio in the report divides a page's run by the baseline's runs of the same round
// (bench/confidence.ts), so that page is measured twice in each round: in two runs of the same
// build on 2026-12-06, half an hour apart, the chapters' medians differed by 1-47 % (17 %
// typically), the English baseline's by a factor of 2.6 (700 ms, then 270 ms), which moved every
// English ratio with it (2-core VM, nothing else running). That steadies the divisor, not the
// pages: in three later runs the mmap chapter was 1.67x, 1.83x and 2.84x its baseline.
// report.json keeps every run's figures for that reason.

export interface ScheduledRun<T> {
  /** 1-based. */
  readonly round: number;
  readonly target: T;
}

/** `runs` rounds over `targets`, every other round in reverse order. */
export function interleavedRuns<T>(targets: readonly T[], runs: number): ScheduledRun<T>[] {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a whole number, at least 1; got ${runs}`);
  const schedule: ScheduledRun<T>[] = [];
  for (let round = 1; round <= runs; round++) {
    const order = round % 2 === 1 ? targets : [...targets].reverse();
    for (const target of order) schedule.push({round, target});
  }
  return schedule;
}

/**
 * One language's pages in the order of a round: the baseline first and again halfway through
 * the others, so its runs sample the machine at two moments of every round.
 */
export function withBaselineTwice<T>(baseline: T, others: readonly T[]): T[] {
  const half = Math.ceil(others.length / 2);
  return [baseline, ...others.slice(0, half), baseline, ...others.slice(half)];
}
