// The order of the benchmark's Lighthouse runs. Measuring one page five times and then the next
// let the machine's drift decide the ratios the report is about: on the 2-core test machine the
// baseline's and a chapter's five runs lay minutes apart, and every zh-Hans page was measured
// after every English one. In rounds, each round measures every page once, so a slow minute
// falls on all pages alike; alternate rounds run backwards, so no page always comes first.

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
