import {describe, expect, it, vi} from 'vitest';
import fc from 'fast-check';
import * as summaryModel from './summary';
import {splicePlan, spliceSteps, spliceSummary, spliceSummaryThrough, spliceTrace} from './splice';
import {GiB, KiB, MiB, PAGE_SIZE} from './units';

// A pass-through spy on summarizeSteps counts the rounds the model lists step by step.
vi.mock('./summary', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./summary')>();
  return {...actual, summarizeSteps: vi.fn(actual.summarizeSteps)};
});

const FULL = {scatterGather: true, checksumOffload: true};

/** The rounds listed one by one, the way the chapter describes them. */
function listedReferences(fileBytes: number, per: number, page: number): number {
  let references = 0;
  for (let offset = 0; offset < fileBytes; offset += per) {
    const bytes = Math.min(per, fileBytes - offset);
    references += Math.floor((offset + bytes - 1) / page) - Math.floor(offset / page) + 1;
  }
  return references;
}

describe('splicePlan: the rounds counted, not listed', () => {
  it('gives 1 GiB through a one-page pipe as 262,144 full rounds', () => {
    expect(splicePlan(GiB, PAGE_SIZE)).toEqual({
      callsEachWay: 262_144,
      pageReferences: 262_144,
      perRoundBytes: PAGE_SIZE,
      fullRounds: 262_144,
      restBytes: 0,
      lastStepBytes: PAGE_SIZE,
    });
    expect(splicePlan(MiB + 100)).toMatchObject({callsEachWay: 17, fullRounds: 16, restBytes: 100, lastStepBytes: 100, pageReferences: 257});
    expect(splicePlan(0)).toMatchObject({callsEachWay: 0, pageReferences: 0, lastStepBytes: 0});
  });

  it('counts page references like the round-by-round list, short splices straddling pages included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 300_000}),
        fc.integer({min: 1, max: 70_000}),
        fc.constantFrom(512, 4096, 16_384),
        (fileBytes, callLimit, page) => {
          const plan = splicePlan(fileBytes, 16 * page, page, callLimit);
          const per = Math.min(16 * page, callLimit);
          expect(plan.pageReferences).toBe(listedReferences(fileBytes, per, page));
          expect(spliceSteps(fileBytes, 16 * page, page, callLimit).pageReferences).toBe(plan.pageReferences);
        },
      ),
      {seed: 7, numRuns: 300},
    );
  });
});

describe('the whole transfer by arithmetic', () => {
  it('adds up to the round-by-round sum', () => {
    for (const [file, pipe, limit] of [
      [MiB + 100, 64 * KiB, undefined],
      [10_000, 64 * KiB, 3000],
      [2 * MiB + 5, PAGE_SIZE, undefined],
    ] as const) {
      const listed = spliceTrace(file, {pipeBytes: pipe, callLimit: limit, nic: FULL, listedChunks: 1000});
      expect(listed.omitted).toBeNull();
      const bySteps = listed.chunks.reduce((sum, chunk) => summaryModel.addSummaries(sum, summaryModel.summarizeSteps(chunk.steps)), summaryModel.EMPTY_SUMMARY);
      expect(spliceSummary(file, {pipeBytes: pipe, callLimit: limit, nic: FULL})).toEqual(bySteps);
      expect(summaryModel.summarizeTrace(spliceTrace(file, {pipeBytes: pipe, callLimit: limit, nic: FULL, listedChunks: 2}))).toEqual(bySteps);
    }
  });

  it('lists at most two rounds step by step for 1 GiB through a one-page pipe', () => {
    const summarized = vi.mocked(summaryModel.summarizeSteps);
    summarized.mockClear();
    const whole = spliceSummary(GiB, {pipeBytes: PAGE_SIZE, nic: FULL, pageCache: 'hit'});
    expect(whole.syscalls).toBe(524_288);
    expect(whole.cpuCopies).toBe(0);
    expect(summarized.mock.calls.length).toBeLessThanOrEqual(2);
    summarized.mockClear();
    const trace = spliceTrace(GiB, {pipeBytes: PAGE_SIZE, nic: FULL, pageCache: 'hit'});
    expect(trace.omitted?.chunks).toBe(262_141);
    expect(summarized.mock.calls.length).toBeLessThanOrEqual(2);
    summarized.mockClear();
    expect(spliceSummaryThrough(GiB, 524_287, {pipeBytes: PAGE_SIZE, nic: FULL, pageCache: 'hit'})).toEqual(whole);
    expect(summarized.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
