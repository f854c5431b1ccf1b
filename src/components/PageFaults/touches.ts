// What <PageFaults> steps through: the order a program touches a mapped file's pages in, and
// what each touch did. Every answer about faults comes from the model's pageFaultsFor; this
// file only builds access patterns and asks the model about growing prefixes of them.
import {mulberry32, pageFaultsFor, type PageFaultOptions} from '@site/src/model/mmap-nio';

export type AccessPattern = 'sequential' | 'random' | 'strided';

export const ACCESS_PATTERNS: readonly AccessPattern[] = ['sequential', 'random', 'strided'];

export interface PatternSettings {
  /** Random: the same seed gives the same touches. */
  readonly seed: number;
  /** Strided: the distance between two touches of one pass. */
  readonly stride: number;
}

/**
 * The page indexes a program touches, in order, for a file of `pages` pages.
 * - sequential: every page once, from the first to the last;
 * - random: `pages` touches, each on a page drawn at random (repeats allowed) from `seed`;
 * - strided: pass k touches k, k + stride, k + 2 * stride, ..., for k = 0 .. stride - 1, so
 *   every page is touched once, like reading a table column by column.
 */
export function accessOrder(pattern: AccessPattern, pages: number, {seed, stride}: PatternSettings): number[] {
  switch (pattern) {
    case 'sequential':
      return Array.from({length: pages}, (_, page) => page);
    case 'random': {
      const random = mulberry32(seed);
      return Array.from({length: pages}, () => Math.floor(random() * pages));
    }
    case 'strided': {
      const order: number[] = [];
      for (let start = 0; start < Math.min(stride, pages); start++) {
        for (let page = start; page < pages; page += stride) order.push(page);
      }
      return order;
    }
  }
}

export interface TouchFault {
  readonly major: boolean;
  /** Pages of the strip this fault mapped (its fault-around window's cached pages), ascending. */
  readonly mapped: readonly number[];
}

export interface TouchOutcome {
  readonly page: number;
  /** null when the page was already mapped: a hit. */
  readonly fault: TouchFault | null;
  /** Running counts after this touch. */
  readonly faults: number;
  readonly major: number;
  readonly minor: number;
  readonly hits: number;
  /** Pages of the strip mapped after this touch. */
  readonly mappedPages: number;
}

/**
 * What each touch of `order` did. A touch faulted when the model counts one more fault for
 * the pattern up to it than for the pattern before it. Which pages are mapped afterwards is
 * also the model's answer: page q is mapped exactly when touching it next would not fault.
 */
export function touchOutcomes(order: readonly number[], pages: number, options: PageFaultOptions): TouchOutcome[] {
  const outcomes: TouchOutcome[] = [];
  let before = pageFaultsFor([], options);
  let mapped = new Set<number>();
  for (let i = 0; i < order.length; i++) {
    const prefix = order.slice(0, i + 1);
    const after = pageFaultsFor(prefix, options);
    let fault: TouchFault | null = null;
    if (after.faults > before.faults) {
      const now = new Set<number>();
      for (let page = 0; page < pages; page++) {
        if (pageFaultsFor([...prefix, page], options).faults === after.faults) now.add(page);
      }
      fault = {major: after.major > before.major, mapped: [...now].filter((page) => !mapped.has(page))};
      mapped = now;
    }
    outcomes.push({
      page: order[i],
      fault,
      faults: after.faults,
      major: after.major,
      minor: after.minor,
      hits: i + 1 - after.faults,
      mappedPages: mapped.size,
    });
    before = after;
  }
  return outcomes;
}

/** The running counts of a TouchOutcome, without the touch itself. */
export type TouchTotals = Pick<TouchOutcome, 'faults' | 'major' | 'minor' | 'hits' | 'mappedPages'>;

/**
 * The counts of the last of touchOutcomes(order, pages, options), without the steps before it:
 * what the component shows before the reader steps. Working out every step costs a touch per
 * page per fault (70 ms at 4x CPU on a phone for a 128-page random pattern, a blocking task as
 * the chapter starts), so the steps wait until the reader asks for them.
 */
export function finalTotals(order: readonly number[], pages: number, options: PageFaultOptions): TouchTotals {
  const after = pageFaultsFor(order, options);
  let mappedPages = 0;
  if (order.length > 0) {
    for (let page = 0; page < pages; page++) {
      if (pageFaultsFor([...order, page], options).faults === after.faults) mappedPages++;
    }
  }
  return {faults: after.faults, major: after.major, minor: after.minor, hits: order.length - after.faults, mappedPages};
}

/** Ascending page numbers as runs: [0, 1, 2, 5] -> [[0, 2], [5, 5]]. */
export function pageRuns(pages: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const page of pages) {
    const last = runs[runs.length - 1];
    if (last && page === last[1] + 1) last[1] = page;
    else runs.push([page, page]);
  }
  return runs;
}
