// The reveal shows every article block, in order, within a per-frame budget, then marks <html>.
import {afterEach, describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {blockCost, HELD, revealProgressively, REVEALED, SHOWN} from './reveal';

/** An article whose blocks hold the given numbers of list items (each item one element + one text node). */
function article(sizes: readonly number[]): Element[] {
  document.body.innerHTML = `<article><div class="theme-doc-markdown">${sizes
    .map((n) => `<ul>${'<li>x</li>'.repeat(n)}</ul>`)
    .join('')}</div></article><p>outside</p>`;
  return Array.from(document.querySelectorAll('.theme-doc-markdown > *'));
}

/** Runs the reveal to the end with a manual frame clock; returns the blocks shown in each frame. */
function framesOf(blocks: readonly Element[], budget: number): number[][] {
  const queue: (() => void)[] = [];
  revealProgressively(document, (callback) => queue.push(callback), budget);
  const frames: number[][] = [];
  for (let guard = 0; queue.length > 0 && guard < 10_000; guard++) {
    const before = new Set(blocks.filter((b) => b.hasAttribute(SHOWN)));
    queue.shift()!();
    frames.push(blocks.flatMap((b, i) => (b.hasAttribute(SHOWN) && !before.has(b) ? [i] : [])));
  }
  return frames;
}

afterEach(() => {
  document.documentElement.removeAttribute(REVEALED);
  document.documentElement.removeAttribute(HELD);
  document.body.innerHTML = '';
});

describe('revealProgressively', () => {
  it('costs a block its elements and text nodes', () => {
    const [block] = article([3]);
    // <ul>, 3 <li>, 3 text nodes
    expect(blockCost(block)).toBe(7);
  });

  it('shows nothing before the first frame, then a budget per frame, and marks <html> at the end', () => {
    const blocks = article([3, 3, 3, 3, 3]);
    const queue: (() => void)[] = [];
    revealProgressively(document, (callback) => queue.push(callback), 20);
    expect(blocks.filter((b) => b.hasAttribute(SHOWN))).toHaveLength(0);
    queue.shift()!();
    expect(blocks.map((b) => b.hasAttribute(SHOWN))).toEqual([true, true, false, false, false]);
    expect(document.documentElement.hasAttribute(REVEALED)).toBe(false);
    queue.shift()!();
    queue.shift()!();
    expect(blocks.every((b) => b.hasAttribute(SHOWN))).toBe(true);
    expect(document.documentElement.hasAttribute(REVEALED)).toBe(true);
    expect(queue).toHaveLength(0);
    expect(document.querySelector('p')!.hasAttribute(SHOWN)).toBe(false);
  });

  it('shows a block larger than the budget in a frame of its own', () => {
    expect(framesOf(article([1, 40, 1, 1]), 20)).toEqual([[0], [1], [2, 3]]);
  });

  it('does nothing on a page npm run bench:reveal holds back', () => {
    const blocks = article([3, 3, 3]);
    document.documentElement.setAttribute(HELD, '');
    const queue: (() => void)[] = [];
    revealProgressively(document, (callback) => queue.push(callback), 10);
    expect(queue).toHaveLength(0);
    expect(blocks.filter((b) => b.hasAttribute(SHOWN))).toHaveLength(0);
    expect(document.documentElement.hasAttribute(REVEALED)).toBe(false);
  });

  it('stops when told to', () => {
    const blocks = article([3, 3, 3]);
    const queue: (() => void)[] = [];
    const stop = revealProgressively(document, (callback) => queue.push(callback), 10);
    queue.shift()!();
    stop();
    queue.shift()?.();
    expect(blocks.filter((b) => b.hasAttribute(SHOWN))).toHaveLength(1);
    expect(document.documentElement.hasAttribute(REVEALED)).toBe(false);
  });

  it('shows every block once, in order, each frame within budget unless one block exceeds it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 30}), {maxLength: 40}), fc.integer({min: 1, max: 120}), (sizes, budget) => {
        const blocks = article(sizes);
        const frames = framesOf(blocks, budget);
        expect(frames.flat()).toEqual(blocks.map((_, i) => i));
        const costs = frames.map((frame) => frame.reduce((sum, i) => sum + blockCost(blocks[i]), 0));
        // A page without blocks takes one empty frame, then is revealed.
        if (blocks.length === 0) expect(frames).toEqual([[]]);
        else frames.forEach((frame) => expect(frame.length).toBeGreaterThan(0));
        frames.forEach((frame, f) => {
          if (frame.length > 1) expect(costs[f]).toBeLessThanOrEqual(budget);
          // Greedy: the next frame's first block did not fit in this one.
          if (f + 1 < frames.length) expect(costs[f] + blockCost(blocks[frames[f + 1][0]])).toBeGreaterThan(budget);
        });
        expect(document.documentElement.hasAttribute(REVEALED)).toBe(true);
        document.documentElement.removeAttribute(REVEALED);
      }),
      {seed: 20261126, numRuns: 100},
    );
  });
});
