// npm run bench measures in rounds: every page once per round, alternate rounds backwards, so the
// machine's drift touches every page alike instead of deciding the ratios (bench/schedule.ts).
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {interleavedRuns, withBaselineTwice} from '../../bench/schedule';
import {summarise, type LhrLike} from '../../bench/lighthouse';

describe('interleavedRuns', () => {
  it('measures every page once per round, every other round backwards', () => {
    expect(interleavedRuns(['a', 'b', 'c'], 3).map(({round, target}) => `${round}${target}`)).toEqual([
      '1a', '1b', '1c', '2c', '2b', '2a', '3a', '3b', '3c',
    ]);
  });

  it('gives each page `runs` runs, one in each round, rounds one after another, every other one reversed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), {minLength: 1, maxLength: 12}), fc.integer({min: 1, max: 7}), (targets, runs) => {
        const schedule = interleavedRuns(targets, runs);
        expect(schedule).toHaveLength(targets.length * runs);
        for (let round = 1; round <= runs; round++) {
          const inRound = schedule.filter((run) => run.round === round).map((run) => run.target);
          expect(inRound).toEqual(round % 2 === 1 ? targets : [...targets].reverse());
        }
        // Rounds follow each other: no run of round r after one of round r + 1.
        expect(schedule.map((run) => run.round)).toEqual([...schedule.map((run) => run.round)].sort((a, b) => a - b));
      }),
      {seed: 20261206, numRuns: 100},
    );
  });

  it('refuses a number of runs that is not a whole number of at least 1', () => {
    expect(() => interleavedRuns(['a'], 0)).toThrow(/at least 1; got 0/);
    expect(() => interleavedRuns(['a'], 2.5)).toThrow(/got 2.5/);
  });
});

describe('withBaselineTwice', () => {
  it('puts the baseline first and again halfway through the other pages', () => {
    expect(withBaselineTwice('B', ['a', 'b', 'c', 'd', 'e'])).toEqual(['B', 'a', 'b', 'c', 'B', 'd', 'e']);
    expect(withBaselineTwice('B', [])).toEqual(['B', 'B']);
  });

  it('gives the baseline two runs in every round and each other page one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({minLength: 1}), {maxLength: 12}), fc.integer({min: 1, max: 6}), (others, runs) => {
        const schedule = interleavedRuns(withBaselineTwice('', others), runs);
        for (let round = 1; round <= runs; round++) {
          const inRound = schedule.filter((run) => run.round === round).map((run) => run.target);
          expect(inRound.filter((target) => target === '')).toHaveLength(2);
          expect(inRound.filter((target) => target !== '').sort()).toEqual([...others].sort());
        }
      }),
      {seed: 20261206, numRuns: 100},
    );
  });
});

describe('summarise', () => {
  const run = (tbt: number, performance: number, benchmarkIndex: number): LhrLike => ({
    categories: {performance: {score: performance / 100}, accessibility: {score: 1}, 'best-practices': {score: 1}, seo: {score: 1}},
    audits: {'total-blocking-time': {numericValue: tbt}, 'largest-contentful-paint': {numericValue: 1200}, 'cumulative-layout-shift': {numericValue: 0}},
    environment: {benchmarkIndex},
  });

  it('keeps the median of each figure, the range of performance and TBT, and every run in order', () => {
    const result = summarise([run(300, 90, 1800), run(900, 70, 1200), run(350, 88, 1900), run(280, 93, 2000), run(410, 85, 1700)]);
    expect(result.tbtMs).toBe(350);
    expect(result.scores.performance).toBe(88);
    expect(result.tbtRangeMs).toEqual([280, 900]);
    expect(result.performanceRange).toEqual([70, 93]);
    expect(result.benchmarkIndexes).toEqual([1800, 1200, 1900, 2000, 1700]);
    expect(result.tbtRunsMs).toEqual([300, 900, 350, 280, 410]);
    expect(result.performanceRuns).toEqual([90, 70, 88, 93, 85]);
    expect(result.runs).toBe(5);
  });

  it('says so when a page has no runs', () => {
    expect(() => summarise([])).toThrow(/no Lighthouse runs/);
  });
});
