// bench/confidence.ts: the report calls a target met or missed only when the runs say so with
// at least 90 % confidence. The coverage of each interval is checked against a count of every
// equally likely way n values can fall either side of the median, not against the formula it uses.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {combine, judgeAtLeast, judgeAtMost, medianInterval, pairedRatios} from '../../bench/confidence';

/**
 * P(the j-th smallest of n values ≤ median ≤ the j-th largest), by enumeration: each value falls
 * below the true median with probability ½, independently, so each of the 2^n patterns is equally
 * likely, and the interval holds the median when at least j values fall below it and at least j above.
 */
function coverageByCounting(n: number, j: number): number {
  let hits = 0;
  for (let pattern = 0; pattern < 2 ** n; pattern++) {
    let below = 0;
    for (let bit = 0; bit < n; bit++) if (pattern & (1 << bit)) below++;
    if (below >= j && n - below >= j) hits++;
  }
  return hits / 2 ** n;
}

describe('medianInterval', () => {
  it('is the whole range of five values, at 93.75 %', () => {
    expect(medianInterval([1.4, 0.9, 2.2, 1.1, 1.3])).toEqual({low: 0.9, high: 2.2, confidence: 0.9375});
  });

  it('drops the extremes of ten values, at 97.85 %, because dropping two more would fall below 90 %', () => {
    const interval = medianInterval([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])!;
    expect(interval).toMatchObject({low: 2, high: 9});
    expect(interval.confidence).toBeCloseTo(coverageByCounting(10, 2), 12);
    expect(coverageByCounting(10, 3)).toBeLessThan(0.9);
  });

  it('gives none for fewer than five values at 90 %: even the whole range of four holds the median only 87.5 % of the time', () => {
    expect(medianInterval([])).toBeNull();
    expect(medianInterval([1])).toBeNull();
    expect(medianInterval([1, 2, 3, 4])).toBeNull();
    expect(coverageByCounting(4, 1)).toBe(0.875);
    expect(medianInterval([1, 2, 3, 4], 0.8)).toEqual({low: 1, high: 4, confidence: 0.875});
  });

  it('for any values, holds the sample median, reaches the level with the exact coverage, and is the narrowest that does', () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: 0, max: 10, noNaN: true}), {minLength: 5, maxLength: 14}), fc.constantFrom(0.8, 0.9, 0.95), (values, level) => {
        const interval = medianInterval(values, level);
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        if (!interval) {
          expect(coverageByCounting(n, 1)).toBeLessThan(level);
          return;
        }
        expect(interval.low).toBeLessThanOrEqual(sorted[Math.floor((n - 1) / 2)]);
        expect(interval.high).toBeGreaterThanOrEqual(sorted[Math.ceil((n - 1) / 2)]);
        expect(interval.confidence).toBeGreaterThanOrEqual(level);
        // Ties make j ambiguous; the coverage must match some j whose bounds are these values.
        const candidates = Array.from({length: Math.floor(n / 2)}, (_, k) => k + 1).filter((k) => sorted[k - 1] === interval.low && sorted[n - k] === interval.high);
        expect(candidates.length).toBeGreaterThan(0);
        expect(candidates.some((k) => Math.abs(coverageByCounting(n, k) - interval.confidence) < 1e-12)).toBe(true);
        const widest = Math.max(...candidates);
        if (2 * (widest + 1) <= n) expect(coverageByCounting(n, widest + 1)).toBeLessThan(level);
      }),
      {seed: 20261206, numRuns: 200},
    );
  });
});

describe('judging a target', () => {
  const interval = (low: number, high: number) => ({low, high, confidence: 0.9375});

  it('calls "at most" met only when the whole interval is within the limit, missed only when none of it is', () => {
    expect(judgeAtMost(interval(1.1, 1.45), 1.5)).toBe('met');
    expect(judgeAtMost(interval(1.1, 1.5), 1.5)).toBe('met');
    expect(judgeAtMost(interval(1.4, 1.6), 1.5)).toBe('undecided');
    expect(judgeAtMost(interval(1.5, 1.6), 1.5), 'a median of exactly 1.5 would meet it').toBe('undecided');
    expect(judgeAtMost(interval(1.51, 2.9), 1.5)).toBe('missed');
    expect(judgeAtMost(null, 1.5)).toBe('undecided');
  });

  it('does the same for "at least"', () => {
    expect(judgeAtLeast(interval(90, 96), 90)).toBe('met');
    expect(judgeAtLeast(interval(78, 92), 90)).toBe('undecided');
    expect(judgeAtLeast(interval(85, 90), 90), 'a median of exactly 90 would meet it').toBe('undecided');
    expect(judgeAtLeast(interval(75, 89), 90)).toBe('missed');
    expect(judgeAtLeast(null, 90)).toBe('undecided');
  });

  it('combines: one miss decides, then one doubt', () => {
    expect(combine(['met', 'undecided', 'missed'])).toBe('missed');
    expect(combine(['met', 'undecided'])).toBe('undecided');
    expect(combine(['met', 'met'])).toBe('met');
    expect(combine([])).toBe('met');
  });
});

describe('pairedRatios', () => {
  it("divides each run by the mean of the reference's runs in the same round", () => {
    // The baseline ran twice a round: (200, 400), then (100, 100), then (900, 300).
    expect(pairedRatios([450, 150, 600], [200, 400, 100, 100, 900, 300], 2)).toEqual([1.5, 1.5, 1]);
    expect(pairedRatios([300, 100], [200, 50], 1)).toEqual([1.5, 2]);
  });

  it('counts a 0 ms reference as 1 ms, and gives nothing when the runs do not line up', () => {
    expect(pairedRatios([30], [0, 0], 2)).toEqual([30]);
    expect(pairedRatios([1, 2, 3], [1, 2, 3, 4], 2)).toBeNull();
    expect(pairedRatios([], [], 2)).toBeNull();
  });
});
