import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {mmapWriteSteps, mmapWriteSummary, mmapWriteTrace} from './mmap-write';
import {pageFaultsFor} from './page-faults';
import {transferSummary, transferTrace} from './methods';
import {summarizeSteps, summarizeTrace} from './summary';
import {GiB, KiB, MAX_RW_COUNT, MiB, PAGE_SIZE} from './units';
import {ModelInputError} from './validate';

const range = (n: number): number[] => Array.from({length: n}, (_, i) => i);

describe('mmap() + write() of a 10 MiB file in one write()', () => {
  it('makes three copies, one of them by the CPU, and four mode switches plus two for munmap()', () => {
    expect(mmapWriteSummary(10 * MiB)).toEqual({
      cpuCopies: 1,
      dmaCopies: 2,
      cpuBytes: 10 * MiB,
      dmaBytes: 20 * MiB,
      cpuPasses: 0,
      cpuPassBytes: 0,
      sentBytes: 10 * MiB,
      modeSwitches: 6,
      syscalls: 3,
      interrupts: 2,
      // 2,560 pages: a fault per 16-page fault-around window, half of them major (one per
      // 32-page readahead window).
      pageFaults: 160,
    });
  });

  it('maps first, faults inside write(), copies once, unmaps, then lets the NIC send', () => {
    const steps = mmapWriteSteps(10 * MiB, 0);
    expect(steps.map((s) => (s.kind === 'mode-switch' ? `${s.syscall}:${s.direction}` : s.kind))).toEqual([
      'mmap:user-to-kernel',
      'mmap:kernel-to-user',
      'write:user-to-kernel',
      'page-fault',
      'copy',
      'interrupt',
      'page-fault',
      'copy',
      'write:kernel-to-user',
      'munmap:user-to-kernel',
      'munmap:kernel-to-user',
      'copy',
      'interrupt',
    ]);
    expect(steps[3]).toEqual({kind: 'page-fault', pages: 80, major: true, syscall: 'write'});
    expect(steps[4]).toMatchObject({engine: 'dma', from: 'disk', to: 'page-cache', bytes: 10 * MiB});
    expect(steps[6]).toEqual({kind: 'page-fault', pages: 80, major: false, syscall: 'write'});
    expect(steps[7]).toMatchObject({engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes: 10 * MiB});
    expect(steps[11]).toMatchObject({engine: 'dma', to: 'nic', async: true});
  });

  it('takes only minor faults, one per 16 pages, and no disk DMA on a warm cache', () => {
    expect(mmapWriteSummary(10 * MiB, {pageCache: 'hit'})).toMatchObject({dmaCopies: 1, dmaBytes: 10 * MiB, interrupts: 1, pageFaults: 160});
    const faults = mmapWriteSteps(10 * MiB, 0, {pageCache: 'hit'}).filter((s) => s.kind === 'page-fault');
    expect(faults).toEqual([{kind: 'page-fault', pages: 160, major: false, syscall: 'write'}]);
  });

  it('takes one fault per page without readahead on a cold cache, or without fault-around on a warm one', () => {
    expect(mmapWriteSummary(10 * MiB, {readaheadPages: 1}).pageFaults).toBe((10 * MiB) / PAGE_SIZE);
    expect(mmapWriteSummary(10 * MiB, {pageCache: 'hit', faultAroundPages: 1}).pageFaults).toBe((10 * MiB) / PAGE_SIZE);
  });

  it('reads a whole readahead window on the fault, even past the end of a short write()', () => {
    const steps = mmapWriteSteps(300_000, 0, {writeChunk: 100_000});
    expect(steps.find((s) => s.kind === 'copy' && s.from === 'disk')).toMatchObject({bytes: 128 * KiB});
    // The second write() copies pages 25 to 48: page 32 starts a readahead window (a major
    // fault that reads pages 32 to 63), page 48 only a fault-around window (minor).
    expect(summarizeSteps(mmapWriteSteps(300_000, 1, {writeChunk: 100_000}))).toMatchObject({pageFaults: 2, dmaBytes: 100_000 + 128 * KiB});
  });

  it('clips the last window at the end of the file (the tail of the last page is zero-filled, not read)', () => {
    const steps = mmapWriteSteps(5000, 0);
    expect(steps.find((s) => s.kind === 'copy' && s.from === 'disk')).toMatchObject({bytes: 5000});
  });

  it('takes 16,384 faults for a warm 1 GiB pass, not 262,144 and not one per readahead window', () => {
    expect(mmapWriteSummary(GiB, {pageCache: 'hit'}).pageFaults).toBe(16_384);
    expect(mmapWriteSummary(GiB, {pageCache: 'hit', writeChunk: 64 * KiB}).pageFaults).toBe(16_384);
  });

  it('counts 1 GiB sent 64 KiB at a time by arithmetic, and aggregates its trace', () => {
    const options = {writeChunk: 64 * KiB};
    const summary = mmapWriteSummary(GiB, options);
    expect(summary).toMatchObject({cpuCopies: 16_384, syscalls: 16_386, pageFaults: 16_384, dmaCopies: 16_384 + 8192});
    const trace = mmapWriteTrace(GiB, options);
    expect(trace.chunks).toHaveLength(3);
    expect(trace.omitted?.chunks).toBe(16_381);
    expect(summarizeTrace(trace)).toEqual(summary);
  });

  it('does nothing for an empty file', () => {
    expect(mmapWriteSummary(0).syscalls).toBe(0);
    expect(mmapWriteTrace(0)).toEqual({chunks: [], omitted: null});
    expect(() => mmapWriteSteps(0, 0)).toThrow(/empty file/);
  });

  it('agrees with its own fully listed trace, with one CPU copy per write() chunk', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1 << 24}),
        fc.integer({min: 1, max: 1 << 20}),
        fc.integer({min: 1, max: 64}),
        fc.constantFrom(1, 2, 4, 8, 16, 32, 64, 512),
        fc.constantFrom('miss' as const, 'hit' as const),
        (fileSize, writeChunk, readaheadPages, faultAroundPages, pageCache) => {
          fc.pre(Math.ceil(fileSize / writeChunk) <= 1000);
          const options = {writeChunk, readaheadPages, faultAroundPages, pageCache};
          const trace = mmapWriteTrace(fileSize, {...options, listedChunks: 1000});
          expect(trace.omitted).toBeNull();
          expect(summarizeTrace(trace)).toEqual(mmapWriteSummary(fileSize, options));
          for (const chunk of trace.chunks) {
            const cpu = chunk.steps.filter((s) => s.kind === 'copy' && s.engine === 'cpu');
            expect(cpu).toEqual([expect.objectContaining({bytes: chunk.bytes, from: 'page-cache', to: 'socket-buffer'})]);
          }
        },
      ),
    );
  });

  it('agrees with an aggregated trace for any listing', () => {
    fc.assert(
      fc.property(fc.nat(1 << 26), fc.integer({min: 1, max: 1 << 16}), fc.nat(5), (fileSize, writeChunk, listedChunks) => {
        const trace = mmapWriteTrace(fileSize, {writeChunk, listedChunks});
        expect(summarizeTrace(trace)).toEqual(mmapWriteSummary(fileSize, {writeChunk}));
        expect(trace.chunks.reduce((n, c) => n + c.bytes, 0) + (trace.omitted?.bytes ?? 0)).toBe(fileSize);
      }),
    );
  });

  it('takes as many faults, and as many major ones, as pageFaultsFor counts for the same sequential touches', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 300 * PAGE_SIZE}),
        fc.integer({min: 1, max: 40}),
        fc.constantFrom(1, 4, 16, 64),
        fc.constantFrom('miss' as const, 'hit' as const),
        (fileSize, readaheadPages, faultAroundPages, pageCache) => {
          const pages = Math.ceil(fileSize / PAGE_SIZE);
          const touches = pageFaultsFor(range(pages), {readaheadPages, faultAroundPages, cached: pageCache === 'hit' ? range(pages) : []});
          const steps = mmapWriteSteps(fileSize, 0, {readaheadPages, faultAroundPages, pageCache});
          const major = steps.filter((s) => s.kind === 'page-fault' && s.major).reduce((n, s) => n + (s.kind === 'page-fault' ? s.pages : 0), 0);
          expect(mmapWriteSummary(fileSize, {readaheadPages, faultAroundPages, pageCache}).pageFaults).toBe(touches.faults);
          expect(major).toBe(touches.major);
        },
      ),
    );
  });

  it('is listed in the method registry', () => {
    const input = {fileSize: 10 * MiB, bufferSize: 64 * KiB, pageCache: 'miss' as const};
    expect(transferSummary('mmap-write', input)).toEqual(mmapWriteSummary(10 * MiB, {writeChunk: 64 * KiB}));
    expect(transferTrace('mmap-write', input).chunks).toHaveLength(3);
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => mmapWriteSummary(-5)).toThrow('fileSize must be a whole number of bytes from 0 to 9,007,199,254,740,991; got -5');
    expect(() => mmapWriteSummary(10, {readaheadPages: 0})).toThrow(/readaheadPages .* from 1 to 65,536; got 0/);
    expect(() => mmapWriteSummary(10, {faultAroundPages: 3})).toThrow(/faultAroundPages must be a power of two/);
    expect(() => mmapWriteSummary(10, {writeChunk: MAX_RW_COUNT + 1})).toThrow(/writeChunk .*2,147,479,552/);
    expect(() => mmapWriteSteps(10_000, 3, {writeChunk: 4096})).toThrow('chunkIndex must be a whole number of chunks from 0 to 2; got 3');
    expect(() => mmapWriteSummary(10, {pageCache: 'warm' as 'hit'})).toThrow(ModelInputError);
  });
});
