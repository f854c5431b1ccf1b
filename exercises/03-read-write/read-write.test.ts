// Grader for exercise 3. It checks the functions in read-write.ts (yours, by default) against
// fixed cases from the chapter and against seeded random cases.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {chunkCount, readWritePairSteps, readWriteSummary, readWriteTrace} from '@subject/read-write';
import type {PageCacheState, Step, Summary} from '@site/src/model/types';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectRejects} from '../../tools/grading/rejects';

const CHAPTER = '03';
const see = (anchor: string) => `see ${chapterSection('read-write', anchor)}`;
const KiB = 1024;
const GiB = 1024 * 1024 * 1024;
/** The most one read() or write() moves: 0x7ffff000 bytes. */
const RW_CAP = 2_147_479_552;
const BAD_CACHE = 'warm' as unknown as PageCacheState;

// The grader's own statement of the rules, independent of any implementation.
function expectedPair(bytes: number, pageCache: PageCacheState): Step[] {
  const disk: Step[] =
    pageCache === 'miss'
      ? [
          {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'read', async: false},
          {kind: 'interrupt', source: 'disk', syscall: 'read'},
        ]
      : [];
  return [
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'read'},
    ...disk,
    {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'user-buffer', bytes, syscall: 'read', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'read'},
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'write'},
    {kind: 'copy', engine: 'cpu', from: 'user-buffer', to: 'socket-buffer', bytes, syscall: 'write', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'write'},
    {kind: 'copy', engine: 'dma', from: 'socket-buffer', to: 'nic', bytes, syscall: 'write', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'write'},
  ];
}

function expectedSummary(fileSize: number, bufferSize: number, pageCache: PageCacheState): Summary {
  const pairs = fileSize === 0 ? 0 : Math.ceil(fileSize / bufferSize);
  const miss = pageCache === 'miss';
  return {
    cpuCopies: 2 * pairs,
    dmaCopies: (miss ? 2 : 1) * pairs,
    cpuBytes: 2 * fileSize,
    dmaBytes: (miss ? 2 : 1) * fileSize,
    cpuPasses: 0,
    cpuPassBytes: 0,
    sentBytes: fileSize,
    modeSwitches: 4 * pairs,
    syscalls: 2 * pairs,
    interrupts: (miss ? 2 : 1) * pairs,
    pageFaults: 0,
  };
}

// Random files include exact multiples of the buffer, where a wrong last chunk shows.
const sizes = fc
  .record({bufferSize: fc.integer({min: 1, max: 1 << 20}), pageCache: fc.constantFrom<PageCacheState>('miss', 'hit')})
  .chain(({bufferSize, pageCache}) =>
    fc
      .oneof(fc.nat(1 << 26), fc.nat(64).map((k) => k * bufferSize))
      .map((fileSize) => ({fileSize, bufferSize, pageCache})),
  );

describe('Part 1: chunkCount, how many read()+write() pairs', () => {
  it('splits 10,000 bytes into 4 KiB chunks: three pairs, the last one short (1,808 bytes)', () => {
    expect(chunkCount(10_000, 4 * KiB), see('the-loop')).toEqual({count: 3, lastChunkBytes: 1808});
  });

  it('makes no pairs for an empty file, and one for a file smaller than the buffer', () => {
    expect(chunkCount(0, 4 * KiB), see('the-loop')).toEqual({count: 0, lastChunkBytes: 0});
    expect(chunkCount(100, 4 * KiB), see('the-loop')).toEqual({count: 1, lastChunkBytes: 100});
  });

  it('ends on a full chunk when the file is an exact multiple of the buffer', () => {
    expect(chunkCount(8 * KiB, 4 * KiB), see('the-loop')).toEqual({count: 2, lastChunkBytes: 4 * KiB});
  });

  it('covers every byte exactly once on random sizes', () => {
    checkProperty(
      sizes,
      ({fileSize, bufferSize}) => {
        const {count, lastChunkBytes} = chunkCount(fileSize, bufferSize);
        const expectedCount = fileSize === 0 ? 0 : Math.ceil(fileSize / bufferSize);
        expect(count, `pairs for fileSize=${fileSize}, bufferSize=${bufferSize}; ${see('the-loop')}`).toBe(expectedCount);
        expect(lastChunkBytes, `last chunk for fileSize=${fileSize}, bufferSize=${bufferSize}`).toBe(
          count === 0 ? 0 : fileSize - (count - 1) * bufferSize,
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a negative file size and a zero buffer with a message naming the parameter', () => {
    expectRejects(() => chunkCount(-1, 4096), 'fileSize', see('the-loop'));
    expectRejects(() => chunkCount(10, 0), 'bufferSize', see('the-loop'));
  });

  it('rejects every bad size, even for an empty file, naming the parameter first', () => {
    const where = see('the-loop');
    for (const fileSize of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expectRejects(() => chunkCount(fileSize, 4096), 'fileSize', where);
    for (const bufferSize of [0, -4096, 0.5, Number.NaN, RW_CAP + 1]) {
      expectRejects(() => chunkCount(10_000, bufferSize), 'bufferSize', where);
      expectRejects(() => chunkCount(0, bufferSize), 'bufferSize', `${where} (an empty file too)`);
    }
  });

  it('takes a buffer of exactly 0x7ffff000 bytes, the most one call moves', () => {
    expect(chunkCount(5 * GiB, RW_CAP), see('the-loop')).toEqual({count: 3, lastChunkBytes: 5 * GiB - 2 * RW_CAP});
  });
});

describe('Part 2: one read()+write() pair', () => {
  it('makes four mode switches, two CPU copies and two DMA copies, in order, on a cache miss', () => {
    expect(readWritePairSteps(4 * KiB, 'miss'), see('the-four-copies')).toEqual(expectedPair(4 * KiB, 'miss'));
  });

  it('needs no disk DMA (and no disk interrupt) when the page is already cached', () => {
    expect(readWritePairSteps(4 * KiB, 'hit'), see('page-cache-hits')).toEqual(expectedPair(4 * KiB, 'hit'));
  });

  it('defaults to a cache miss', () => {
    expect(readWritePairSteps(512), see('the-four-copies')).toEqual(expectedPair(512, 'miss'));
  });

  it('lets the NIC send after write() has returned (the last DMA is async)', () => {
    const steps = readWritePairSteps(4 * KiB, 'miss');
    const nicCopy = steps.find((step) => step.kind === 'copy' && step.to === 'nic');
    expect(nicCopy, see('when-write-returns')).toMatchObject({engine: 'dma', async: true});
  });

  it('moves exactly the pair\'s bytes in every copy, for random sizes', () => {
    checkProperty(
      fc.record({bytes: fc.integer({min: 1, max: 1 << 24}), pageCache: fc.constantFrom<PageCacheState>('miss', 'hit')}),
      ({bytes, pageCache}) => {
        expect(readWritePairSteps(bytes, pageCache), `a pair of ${bytes} bytes (${pageCache}); ${see('the-four-copies')}`).toEqual(
          expectedPair(bytes, pageCache),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('moves 1 to 0x7ffff000 bytes, and rejects anything else or an unknown cache state, naming the parameter', () => {
    const where = see('the-four-copies');
    expect(readWritePairSteps(RW_CAP, 'hit'), where).toEqual(expectedPair(RW_CAP, 'hit'));
    for (const bytes of [0, -1, 1.5, Number.NaN, RW_CAP + 1]) expectRejects(() => readWritePairSteps(bytes, 'miss'), 'bytes', where);
    expectRejects(() => readWritePairSteps(4096, BAD_CACHE), 'pageCache', see('page-cache-hits'));
  });
});

describe('Part 3: readWriteSummary, the whole loop by arithmetic', () => {
  it('makes 524,288 syscalls and 1,048,576 mode switches for 1 GiB read 4 KiB at a time', () => {
    expect(readWriteSummary(GiB, 4 * KiB), see('the-loop')).toEqual(expectedSummary(GiB, 4 * KiB, 'miss'));
  });

  it('costs nothing for an empty file', () => {
    expect(readWriteSummary(0, 4 * KiB), see('the-loop')).toEqual(expectedSummary(0, 4 * KiB, 'miss'));
  });

  it('halves the DMA traffic on a page-cache hit but keeps both CPU copies', () => {
    expect(readWriteSummary(10_000, 4 * KiB, 'hit'), see('page-cache-hits')).toEqual(expectedSummary(10_000, 4 * KiB, 'hit'));
  });

  it('matches the rules on random files, buffers and cache states', () => {
    checkProperty(
      sizes,
      ({fileSize, bufferSize, pageCache}) => {
        expect(
          readWriteSummary(fileSize, bufferSize, pageCache),
          `fileSize=${fileSize}, bufferSize=${bufferSize}, pageCache=${pageCache}; ${see('the-loop')}`,
        ).toEqual(expectedSummary(fileSize, bufferSize, pageCache));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects NaN with a message naming the parameter', () => {
    expectRejects(() => readWriteSummary(Number.NaN, 4096), 'fileSize', see('the-loop'));
  });

  it('rejects a bad buffer or cache state, even for an empty file', () => {
    const where = see('the-loop');
    expectRejects(() => readWriteSummary(10_000, 0), 'bufferSize', where);
    expectRejects(() => readWriteSummary(0, 0), 'bufferSize', `${where} (an empty file too)`);
    expectRejects(() => readWriteSummary(10_000, 4096, BAD_CACHE), 'pageCache', where);
    expectRejects(() => readWriteSummary(0, 4096, BAD_CACHE), 'pageCache', `${where} (an empty file too)`);
  });
});

describe('Part 4: readWriteTrace, listing a few chunks and counting the rest', () => {
  it('rejects a bad listedChunks (0 to 1000), size or cache state, naming the parameter', () => {
    const where = see('big-files');
    for (const listedChunks of [-1, 1.5, 1001, Number.NaN]) {
      expectRejects(() => readWriteTrace(10_000, 4096, {listedChunks}), 'listedChunks', where);
    }
    expectRejects(() => readWriteTrace(10_000, 4096, {pageCache: BAD_CACHE, listedChunks: 0}), 'pageCache', where);
    expectRejects(() => readWriteTrace(0, 4096, {pageCache: BAD_CACHE}), 'pageCache', `${where} (an empty file too)`);
    expectRejects(() => readWriteTrace(-1, 4096), 'fileSize', where);
    expectRejects(() => readWriteTrace(0, 0), 'bufferSize', where);
  });

  it('lists nothing with listedChunks 0 and up to 1000 pairs with listedChunks 1000', () => {
    expect(readWriteTrace(10_000, 4096, {listedChunks: 0}).chunks, see('big-files')).toEqual([]);
    expect(readWriteTrace(1001 * 100, 100, {listedChunks: 1000}).chunks, see('big-files')).toHaveLength(1000);
  });

  it('lists all three chunks of a 10,000-byte file (omitted is null)', () => {
    const trace = readWriteTrace(10_000, 4 * KiB);
    expect(trace.omitted, see('big-files')).toBeNull();
    expect(trace.chunks.map((chunk) => [chunk.index, chunk.bytes]), see('big-files')).toEqual([
      [0, 4096],
      [1, 4096],
      [2, 1808],
    ]);
    expect(trace.chunks[2].steps, see('big-files')).toEqual(expectedPair(1808, 'miss'));
  });

  it('lists three chunks of a 1 GiB file and counts the other 262,141', () => {
    const trace = readWriteTrace(GiB, 4 * KiB);
    expect(trace.chunks, see('big-files')).toHaveLength(3);
    expect(trace.omitted, see('big-files')).toEqual({
      chunks: 262_141,
      bytes: GiB - 3 * 4 * KiB,
      summary: expectedSummary(GiB - 3 * 4 * KiB, 4 * KiB, 'miss'),
    });
  });

  it('accounts for every byte and every count on random inputs', () => {
    checkProperty(
      fc
        .record({
          bufferSize: fc.integer({min: 1, max: 1 << 16}),
          pageCache: fc.constantFrom<PageCacheState>('miss', 'hit'),
          listedChunks: fc.nat(5),
        })
        .chain((rest) =>
          fc.oneof(fc.nat(1 << 22), fc.nat(8).map((k) => k * rest.bufferSize)).map((fileSize) => ({...rest, fileSize})),
        ),
      ({fileSize, bufferSize, pageCache, listedChunks}) => {
        const context = `fileSize=${fileSize}, bufferSize=${bufferSize}, pageCache=${pageCache}, listedChunks=${listedChunks}; ${see('big-files')}`;
        const trace = readWriteTrace(fileSize, bufferSize, {pageCache, listedChunks});
        const count = fileSize === 0 ? 0 : Math.ceil(fileSize / bufferSize);
        const listed = Math.min(count, listedChunks);
        expect(trace.chunks.length, context).toBe(listed);
        trace.chunks.forEach((chunk, index) => {
          const bytes = index === count - 1 ? fileSize - (count - 1) * bufferSize : bufferSize;
          expect(chunk, context).toEqual({index, bytes, steps: expectedPair(bytes, pageCache)});
        });
        if (listed === count) {
          expect(trace.omitted, context).toBeNull();
        } else {
          const rest = fileSize - listed * bufferSize;
          expect(trace.omitted, context).toEqual({
            chunks: count - listed,
            bytes: rest,
            summary: expectedSummary(rest, bufferSize, pageCache),
          });
        }
      },
      {chapter: CHAPTER, runs: 60},
    );
  });
});
