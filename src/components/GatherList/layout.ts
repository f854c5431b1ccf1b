// Where a small file's pages sit in physical memory, for the live component to draw: a few
// runs of consecutive page frames, placed in memory in some order with gaps between them.
// A seed makes every layout reproducible: "New layout" moves to the next seed, and a test can
// ask for exactly the layout a reader saw.
import {mulberry32} from '@site/src/model/random';

/** Page frames drawn in the memory row. */
export const MEMORY_FRAMES = 24;

/** Frame number of the first frame drawn: PFN 0x100 is the memory at 0x100000. */
export const FIRST_FRAME = 0x100;

/** The most pages the component lays out, so the memory row keeps room for gaps. */
export const MAX_PAGES = 12;

// The seed is mixed first so that neighbouring seeds ("New layout") look unrelated.
function randomFrom(seed: number): () => number {
  return mulberry32(seed * 0x9e3779b9 + 0x6d2b79f5);
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The physical page frame of each of the file's `pageCount` pages, in file order. The pages
 * come in runs of one to three consecutive frames, at least one run longer than a page (so
 * there is something to merge) whenever there are two pages; runs lie in memory in shuffled
 * order, never touching each other, within MEMORY_FRAMES frames from FIRST_FRAME.
 */
export function pageLayout(seed: number, pageCount: number): number[] {
  if (!Number.isInteger(pageCount) || pageCount < 1 || pageCount > MAX_PAGES) {
    throw new RangeError(`pageCount must be a whole number from 1 to ${MAX_PAGES}; got ${pageCount}`);
  }
  const random = randomFrom(seed);
  const runs: number[] = [];
  for (let left = pageCount; left > 0; left -= runs[runs.length - 1]) {
    runs.push(Math.min(left, 1 + Math.floor(random() * 3)));
  }
  if (pageCount > 1 && runs.every((length) => length < 2)) runs.splice(0, 2, 2);

  // Spare frames: one between each pair of runs keeps them apart, the rest fall anywhere.
  const gaps = new Array<number>(runs.length + 1).fill(0).map((_, i) => (i > 0 && i < runs.length ? 1 : 0));
  for (let spare = MEMORY_FRAMES - pageCount - (runs.length - 1); spare > 0; spare--) {
    gaps[Math.floor(random() * gaps.length)] += 1;
  }
  const memoryOrder = shuffled(
    runs.map((_, i) => i),
    random,
  );
  const runStart = new Array<number>(runs.length);
  let frame = FIRST_FRAME;
  memoryOrder.forEach((run, position) => {
    frame += gaps[position];
    runStart[run] = frame;
    frame += runs[run];
  });
  return runs.flatMap((length, run) => Array.from({length}, (_, page) => runStart[run] + page));
}
