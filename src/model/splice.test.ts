import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {DEFAULT_PIPE_BYTES, pipeCapacity, spliceCallAt, spliceCallSteps, spliceSteps, spliceSummary, spliceSummaryThrough, spliceTrace} from './splice';
import {sendfileSummary} from './sendfile';
import {summarizeTrace} from './summary';
import {KiB, MiB, PAGE_SIZE} from './units';

const FULL = {scatterGather: true, checksumOffload: true};

describe('pipeCapacity (F_SETPIPE_SZ)', () => {
  it('rounds up to a power-of-two number of pages, at least one page', () => {
    expect(pipeCapacity(0)).toBe(PAGE_SIZE);
    expect(pipeCapacity(1)).toBe(PAGE_SIZE);
    expect(pipeCapacity(5 * PAGE_SIZE)).toBe(8 * PAGE_SIZE);
    expect(pipeCapacity(MiB)).toBe(MiB);
    expect(() => pipeCapacity(MiB + 1)).toThrow(/^requestedBytes rounds up/);
  });
});

describe('spliceSteps', () => {
  it('counts rounds, page references and a short last step', () => {
    expect(DEFAULT_PIPE_BYTES).toBe(64 * KiB);
    const s = spliceSteps(MiB + 100);
    expect(s.callsEachWay).toBe(17);
    expect(s.lastStepBytes).toBe(100);
    expect(s.pageReferences).toBe(257);
    expect(spliceSteps(0)).toEqual({callsEachWay: 0, pageReferences: 0, roundBytes: [], lastStepBytes: 0});
  });
  it('models short splices with callLimit', () => {
    const s = spliceSteps(10_000, 64 * KiB, PAGE_SIZE, 3000);
    expect(s.roundBytes).toEqual([3000, 3000, 3000, 1000]);
    expect(s.pageReferences).toBe(6); // pages 0 | 0-1 | 1-2 | 2 (rounds straddle pages)
  });
  it('rejects bad input naming the parameter', () => {
    expect(() => spliceSteps(-1)).toThrow(/^fileBytes must/);
    expect(() => spliceSteps(10, 1000)).toThrow(/^pipeBytes must/);
    expect(() => spliceSteps(10, 4096, 3000)).toThrow(/^pageSize must/);
  });
  it('moves every byte (property)', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 4 * MiB}), fc.integer({min: 1, max: 64}), (bytes, pages) => {
        const s = spliceSteps(bytes, pages * PAGE_SIZE);
        expect(s.roundBytes.reduce((a, b) => a + b, 0)).toBe(bytes);
        expect(s.callsEachWay).toBe(Math.ceil(bytes / (pages * PAGE_SIZE)));
        expect(s.pageReferences).toBe(Math.ceil(bytes / PAGE_SIZE));
      }),
      {seed: 7},
    );
  });
});

describe('splice trace and summary', () => {
  it('two syscalls per round, zero CPU copies with full offload, DMA only', () => {
    const sum = spliceSummary(MiB, {nic: FULL});
    expect(sum.syscalls).toBe(32);
    expect(sum.modeSwitches).toBe(64);
    expect(sum.cpuCopies).toBe(0);
    expect(sum.dmaCopies).toBe(32);
    expect(sum.sentBytes).toBe(MiB);
    expect(summarizeTrace(spliceTrace(MiB, {nic: FULL}))).toEqual(sum);
    expect(spliceTrace(MiB).chunks).toHaveLength(3);
  });
  it('without scatter-gather the socket side copies, like sendfile', () => {
    const s = spliceSummary(MiB, {pageCache: 'hit'});
    expect(s.cpuBytes).toBe(MiB);
    expect(s.cpuBytes).toBe(sendfileSummary(MiB, {pageCache: 'hit'}).cpuBytes);
    expect(spliceCallSteps(10, 'file-to-pipe', 'hit')).toHaveLength(2);
  });
});

describe('spliceCallAt and spliceSummaryThrough (one call at a time)', () => {
  it('alternates file -> pipe and pipe -> socket, filling then emptying the pipe', () => {
    // 100 KiB through a 64 KiB pipe: a full round of 16 pages, then 9 pages.
    const calls = [0, 1, 2, 3].map((i) => spliceCallAt(100 * KiB, 64 * KiB, i));
    expect(calls.map((c) => c.direction)).toEqual(['file-to-pipe', 'pipe-to-socket', 'file-to-pipe', 'pipe-to-socket']);
    expect(calls.map((c) => [c.firstPage, c.lastPage])).toEqual([[0, 15], [0, 15], [16, 24], [16, 24]]);
    expect(calls.map((c) => c.pipePages)).toEqual([16, 0, 9, 0]);
    expect(calls.map((c) => c.pipeFull)).toEqual([true, false, false, false]);
    expect(calls.map((c) => c.sentBytes)).toEqual([0, 64 * KiB, 64 * KiB, 100 * KiB]);
    expect(() => spliceCallAt(100 * KiB, 64 * KiB, 4)).toThrow(/^index must/);
    expect(() => spliceCallAt(0, 64 * KiB, 0)).toThrow(/^fileBytes is 0/);
  });

  it("adds up to spliceSummary at the last call, and counts two calls' syscalls per round", () => {
    for (const [file, pipe] of [[100 * KiB, 64 * KiB], [MiB, 4 * KiB], [3 * MiB + 5, MiB], [1, 4 * KiB]]) {
      for (const options of [{pipeBytes: pipe}, {pipeBytes: pipe, nic: FULL}, {pipeBytes: pipe, nic: FULL, pageCache: 'hit' as const}]) {
        const last = spliceSteps(file, pipe).callsEachWay * 2 - 1;
        expect(spliceSummaryThrough(file, last, options)).toEqual(spliceSummary(file, options));
        expect(spliceSummaryThrough(file, 0, options).syscalls).toBe(1);
        expect(spliceSummaryThrough(file, last, options).syscalls).toBe(last + 1);
      }
    }
  });
});
