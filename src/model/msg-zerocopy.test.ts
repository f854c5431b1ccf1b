import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  COUNTER_SPAN,
  EMPTY_COMPLETIONS,
  addNotification,
  completedCount,
  copiedCount,
  freeBuffers,
  isCompleted,
  isCopied,
  pendingRanges,
  type ZerocopyNotification,
} from './msg-zerocopy';
import {ModelInputError} from './validate';

const n = (lo: number, hi: number, copied = false): ZerocopyNotification => ({lo, hi, copied});

describe('MSG_ZEROCOPY completions', () => {
  it('merges adjacent and overlapping inclusive ranges', () => {
    let s = addNotification(EMPTY_COMPLETIONS, n(0, 2));
    s = addNotification(s, n(5, 5));
    expect(s.ranges).toEqual([[0, 2], [5, 5]]);
    s = addNotification(s, n(3, 4));
    expect(s.ranges).toEqual([[0, 5]]);
    expect(completedCount(s)).toBe(6);
  });
  it('wraps past 2^32-1', () => {
    const s = addNotification(EMPTY_COMPLETIONS, n(COUNTER_SPAN - 1, 1));
    expect(s.ranges).toEqual([[0, 1], [COUNTER_SPAN - 1, COUNTER_SPAN - 1]]);
    expect(isCompleted(s, COUNTER_SPAN - 1)).toBe(true);
    expect(isCompleted(s, 2)).toBe(false);
    expect(freeBuffers(s, [COUNTER_SPAN - 2, COUNTER_SPAN - 1, 0, 1, 2])).toEqual([COUNTER_SPAN - 1, 0, 1]);
  });
  it('counts copied ids once, also for duplicates', () => {
    let s = addNotification(EMPTY_COMPLETIONS, n(0, 9, true));
    s = addNotification(s, n(5, 12, true));
    s = addNotification(s, n(13, 20));
    expect(copiedCount(s)).toBe(13);
    expect(completedCount(s)).toBe(21);
  });
  it('rejects bad input naming the parameter', () => {
    expect(() => addNotification(EMPTY_COMPLETIONS, n(-1, 3))).toThrow(/^notification\.lo must/);
    expect(() => addNotification(EMPTY_COMPLETIONS, n(0, COUNTER_SPAN))).toThrow(/^notification\.hi must/);
    expect(() => addNotification(EMPTY_COMPLETIONS, n(5, 4))).toThrow(ModelInputError);
    expect(() => freeBuffers(EMPTY_COMPLETIONS, [1.5])).toThrow(/^outstanding\[0\] must/);
  });
  it('is idempotent and order-independent (property)', () => {
    const id = fc.integer({min: 0, max: 40});
    const notes = fc.array(fc.record({lo: id, hi: id, copied: fc.boolean()}).filter((x) => x.hi + 1 !== x.lo), {maxLength: 8});
    fc.assert(
      fc.property(notes, (list) => {
        const a = list.reduce(addNotification, EMPTY_COMPLETIONS);
        const b = [...list].reverse().reduce(addNotification, EMPTY_COMPLETIONS);
        const c = [...list, ...list].reduce(addNotification, EMPTY_COMPLETIONS);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        for (let i = 1; i < a.ranges.length; i++) expect(a.ranges[i][0]).toBeGreaterThan(a.ranges[i - 1][1] + 1);
      }),
      {seed: 7},
    );
  });
});

describe('pendingRanges', () => {
  it('lists the sent ids still waiting for a completion, as ranges', () => {
    expect(pendingRanges(EMPTY_COMPLETIONS, 0)).toEqual([]);
    expect(pendingRanges(EMPTY_COMPLETIONS, 3)).toEqual([[0, 2]]);
    let state = addNotification(EMPTY_COMPLETIONS, {lo: 2, hi: 3, copied: false});
    state = addNotification(state, {lo: 6, hi: 6, copied: false});
    expect(pendingRanges(state, 8)).toEqual([[0, 1], [4, 5], [7, 7]]);
    expect(pendingRanges(state, 7)).toEqual([[0, 1], [4, 5]]);
    expect(pendingRanges(state, 4)).toEqual([[0, 1]]);
    state = addNotification(state, {lo: 0, hi: 1, copied: true});
    expect(pendingRanges(state, 4)).toEqual([]);
    expect(() => pendingRanges(state, -1)).toThrow(/^sent must/);
  });
});

describe('isCopied', () => {
  it('says which completed ids came with the copied flag', () => {
    let state = addNotification(EMPTY_COMPLETIONS, {lo: 0, hi: 2, copied: false});
    state = addNotification(state, {lo: 3, hi: 4, copied: true});
    expect([0, 1, 2, 3, 4, 5].map((id) => isCopied(state, id))).toEqual([false, false, false, true, true, false]);
    expect(() => isCopied(state, -1)).toThrow(/^id must/);
  });
});
