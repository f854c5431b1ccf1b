import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {chunkCount, readWritePairSteps, readWriteSummary, readWriteTrace} from './read-write';
import {summarizeSteps, summarizeTrace} from './summary';
import {GiB, KiB, MAX_RW_COUNT} from './units';
import {ModelInputError} from './validate';

describe('read()+write() with a 4 KiB buffer', () => {
  it('makes four mode switches, two CPU copies and two DMA copies per pair on a cache miss', () => {
    expect(summarizeSteps(readWritePairSteps(4 * KiB))).toEqual({
      cpuCopies: 2,
      dmaCopies: 2,
      cpuBytes: 8 * KiB,
      dmaBytes: 8 * KiB,
      cpuPasses: 0,
      cpuPassBytes: 0,
      sentBytes: 4 * KiB,
      modeSwitches: 4,
      syscalls: 2,
      interrupts: 2,
      pageFaults: 0,
    });
  });

  it('skips the disk DMA and its interrupt on a page-cache hit', () => {
    expect(summarizeSteps(readWritePairSteps(4 * KiB, 'hit'))).toMatchObject({dmaCopies: 1, interrupts: 1, cpuCopies: 2});
  });

  it('sends the NIC DMA after write() has returned', () => {
    const steps = readWritePairSteps(100);
    const lastReturn = steps.findLastIndex((s) => s.kind === 'mode-switch');
    const nic = steps.findIndex((s) => s.kind === 'copy' && s.to === 'nic');
    expect(nic).toBeGreaterThan(lastReturn);
    expect(steps[nic]).toMatchObject({async: true});
  });

  it('makes 524,288 syscalls for 1 GiB (the fact sheet\'s figure)', () => {
    expect(readWriteSummary(GiB, 4 * KiB).syscalls).toBe(524_288);
  });

  it('counts the short final chunk and the empty file', () => {
    expect(chunkCount(10_000, 4096)).toEqual({count: 3, lastChunkBytes: 10_000 - 8192});
    expect(chunkCount(0, 4096)).toEqual({count: 0, lastChunkBytes: 0});
    expect(readWriteSummary(0, 4096).syscalls).toBe(0);
  });

  it('summarises a 1 GiB file quickly and aggregates its trace', () => {
    const trace = readWriteTrace(GiB, 4 * KiB);
    expect(trace.chunks).toHaveLength(3);
    expect(trace.omitted?.chunks).toBe(262_144 - 3);
    expect(summarizeTrace(trace)).toEqual(readWriteSummary(GiB, 4 * KiB));
  });

  it('agrees with its own trace for any file and buffer size', () => {
    fc.assert(
      fc.property(
        fc.nat(1 << 24),
        fc.integer({min: 1, max: 1 << 20}),
        fc.constantFrom('miss' as const, 'hit' as const),
        fc.nat(6),
        (fileSize, bufferSize, pageCache, listedChunks) => {
          const trace = readWriteTrace(fileSize, bufferSize, {pageCache, listedChunks});
          expect(summarizeTrace(trace)).toEqual(readWriteSummary(fileSize, bufferSize, pageCache));
          const listedBytes = trace.chunks.reduce((n, c) => n + c.bytes, 0);
          expect(listedBytes + (trace.omitted?.bytes ?? 0)).toBe(fileSize);
          expect(readWriteSummary(fileSize, bufferSize, pageCache).cpuBytes).toBe(2 * fileSize);
        },
      ),
    );
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => readWriteSummary(-5, 4096)).toThrow('fileSize must be a whole number of bytes from 0 to 9,007,199,254,740,991; got -5');
    expect(() => readWriteSummary(10, Number.NaN)).toThrow(/bufferSize .* got NaN/);
    expect(() => readWriteSummary(10, 0)).toThrow(ModelInputError);
    expect(() => readWriteSummary(10, MAX_RW_COUNT + 1)).toThrow(/from 1 to 2,147,479,552/);
    expect(() => readWriteSummary(1.5, 4096)).toThrow(/got 1.5/);
  });
});
