// Grader for exercise 6. It checks the functions in mmap-nio.ts (yours, by default) against
// fixed cases from the chapter and against seeded random cases.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  compact,
  createSimulatedChannel,
  flip,
  get,
  mmapWriteSteps,
  mmapWriteTrace,
  pageFaultsFor,
  put,
  transferAll,
  transferToPath,
  type ByteBufferState,
  type JdkVersion,
  type TransferTarget,
  type TransferToChannel,
  type TransferToRoute,
} from '@subject/mmap-nio';
import type {PageCacheState, Step, Summary} from '@site/src/model/types';
import {summarizeSteps} from '@site/src/model/summary';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectRejects} from '../../tools/grading/rejects';

const CHAPTER = '06';
const see = (anchor: string) => `see ${chapterSection('mmap-and-java-nio', anchor)}`;
const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const PAGE = 4096;
const MAX_RW = 0x7ffff000;
const INT_MAX = 2 ** 31 - 1;

/** The message of the error `run` throws; fails the test if it throws nothing. */
function messageOf(run: () => unknown, what: string): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`${what} should throw an error, but it returned normally`);
}

/** The `name` of the error `run` throws ('BufferOverflowException'...), or 'nothing'. */
function thrownName(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
  return 'nothing';
}

const range = (n: number, from = 0): number[] => Array.from({length: n}, (_, i) => from + i);

// ------------------------------------------------------------------------------------------
// The grader's own statement of the rules, independent of any implementation.
// ------------------------------------------------------------------------------------------

interface Faults {
  faults: number;
  major: number;
  minor: number;
  faultPages: number[];
}

/** Part 1's rules, page by page, with plain sets. */
function expectedFaults(pattern: readonly number[], readaheadPages: number, faultAroundPages = 16, cached: readonly number[] = []): Faults {
  const inCache = new Set(cached);
  const mapped = new Set<number>();
  const faultPages: number[] = [];
  let major = 0;
  for (const page of pattern) {
    if (mapped.has(page)) continue;
    faultPages.push(page);
    if (!inCache.has(page)) {
      major++;
      for (let p = page; p < page + readaheadPages; p++) inCache.add(p);
    }
    const windowStart = Math.floor(page / faultAroundPages) * faultAroundPages;
    for (let p = windowStart; p < windowStart + faultAroundPages; p++) if (inCache.has(p)) mapped.add(p);
  }
  return {faults: faultPages.length, major, minor: faultPages.length - major, faultPages};
}

interface Plan {
  fileSize: number;
  writeChunk: number;
  readaheadPages: number;
  faultAroundPages: number;
  pageCache: PageCacheState;
}

/**
 * The faults inside write() number `index`, page by page: the pages whose first byte it copies
 * fault when they start a fault-around window, or, on a cold cache, a readahead window (major).
 */
function chunkFaults({fileSize, writeChunk, readaheadPages, faultAroundPages, pageCache}: Plan, index: number) {
  const miss = pageCache === 'miss';
  const start = index * writeChunk;
  const end = Math.min(start + writeChunk, fileSize);
  let major = 0;
  let minor = 0;
  let firstRead = -1;
  let lastRead = -1;
  for (let page = Math.ceil(start / PAGE); page * PAGE < end; page++) {
    if (miss && page % readaheadPages === 0) {
      major++;
      if (firstRead < 0) firstRead = page;
      lastRead = page;
    } else if (page % faultAroundPages === 0) {
      minor++;
    }
  }
  const diskBytes = major === 0 ? 0 : Math.min((lastRead + readaheadPages) * PAGE, fileSize) - firstRead * PAGE;
  return {major, minor, diskBytes};
}

function expectedSteps(plan: Plan, index: number): Step[] {
  const {fileSize, writeChunk} = plan;
  const count = Math.ceil(fileSize / writeChunk);
  const bytes = Math.min(writeChunk, fileSize - index * writeChunk);
  const {major, minor, diskBytes} = chunkFaults(plan, index);
  const steps: Step[] = [];
  if (index === 0) {
    steps.push(
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'mmap'},
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'mmap'},
    );
  }
  steps.push({kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'write'});
  if (major > 0) {
    steps.push(
      {kind: 'page-fault', pages: major, major: true, syscall: 'write'},
      {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes: diskBytes, syscall: 'write', async: false},
      {kind: 'interrupt', source: 'disk', syscall: 'write'},
    );
  }
  if (minor > 0) steps.push({kind: 'page-fault', pages: minor, major: false, syscall: 'write'});
  steps.push(
    {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'write', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'write'},
  );
  if (index === count - 1) {
    steps.push(
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'munmap'},
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'munmap'},
    );
  }
  steps.push(
    {kind: 'copy', engine: 'dma', from: 'socket-buffer', to: 'nic', bytes, syscall: 'write', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'write'},
  );
  return steps;
}

const NOTHING: Summary = {cpuCopies: 0, dmaCopies: 0, cpuBytes: 0, dmaBytes: 0, cpuPasses: 0, cpuPassBytes: 0, sentBytes: 0, modeSwitches: 0, syscalls: 0, interrupts: 0, pageFaults: 0};

/** The whole transfer, write() by write() (the grader may loop; your summary may not). */
function expectedSummary(plan: Plan): Summary {
  const {fileSize, writeChunk, pageCache} = plan;
  if (fileSize === 0) return NOTHING;
  const writes = Math.ceil(fileSize / writeChunk);
  let faults = 0;
  let writesWithReads = 0;
  for (let index = 0; index < writes; index++) {
    const {major, minor} = chunkFaults(plan, index);
    faults += major + minor;
    if (major > 0) writesWithReads++;
  }
  const miss = pageCache === 'miss';
  return {
    cpuCopies: writes,
    dmaCopies: writes + writesWithReads,
    cpuBytes: fileSize,
    dmaBytes: (miss ? 2 : 1) * fileSize,
    cpuPasses: 0,
    cpuPassBytes: 0,
    sentBytes: fileSize,
    modeSwitches: 2 * writes + 4,
    syscalls: writes + 2,
    interrupts: writes + writesWithReads,
    pageFaults: faults,
  };
}

function combine(a: Summary, b: Summary, sign: 1 | -1): Summary {
  return Object.fromEntries(Object.keys(a).map((key) => [key, a[key as keyof Summary] + sign * b[key as keyof Summary]])) as unknown as Summary;
}

interface Buffer {
  capacity: number;
  limit: number;
  position: number;
  mark: number | null;
  bytes: number[];
}

type Outcome = {state: Buffer} | {thrown: string};

/** java.nio.ByteBuffer's flip() and compact(), as their Javadoc states them. */
const java = {
  flip(b: Buffer): Outcome {
    return {state: {...b, limit: b.position, position: 0, mark: null}};
  },
  compact(b: Buffer): Outcome {
    const kept = b.limit - b.position;
    const bytes = [...b.bytes];
    for (let i = 0; i < kept; i++) bytes[i] = b.bytes[b.position + i];
    return {state: {...b, bytes, position: kept, limit: b.capacity, mark: null}};
  },
};

function frozen(b: Buffer): ByteBufferState {
  return Object.freeze({...b, bytes: Object.freeze([...b.bytes])}) as ByteBufferState;
}

/** What the learner's function did, in the same shape as the reference's outcome. */
function observe(run: () => ByteBufferState): Outcome {
  try {
    const result = run();
    return {state: {...result, bytes: [...result.bytes]}};
  } catch (error) {
    return {thrown: error instanceof Error ? error.name : String(error)};
  }
}

/** A buffer in any valid state: random capacity, limit, position, mark and bytes. */
const bufferArb: fc.Arbitrary<Buffer> = fc
  .integer({min: 0, max: 12})
  .chain((capacity) =>
    fc.tuple(fc.constant(capacity), fc.array(fc.integer({min: -128, max: 127}), {minLength: capacity, maxLength: capacity}), fc.nat(capacity)),
  )
  .chain(([capacity, bytes, limit]) =>
    fc.tuple(fc.constant({capacity, bytes, limit}), fc.nat(limit)).chain(([base, position]) =>
      fc.oneof(fc.constant(null), fc.nat(position)).map((m) => ({...base, position, mark: m})),
    ),
  );

function describeBuffer(b: Buffer): string {
  return `{capacity ${b.capacity}, limit ${b.limit}, position ${b.position}, mark ${b.mark}, bytes [${b.bytes.join(', ')}]}`;
}

/** The route of Part 4, from the OpenJDK sources the chapter reads. */
function expectedRoute(target: TransferTarget, jdk: JdkVersion, count: number, targetAppend: boolean): TransferToRoute {
  const directCap = jdk >= 17 ? MAX_RW : INT_MAX;
  const fallbackCap = jdk >= 17 ? null : INT_MAX;
  const loop = (attempts: TransferToRoute['attempts']): TransferToRoute => ({
    path: 'buffer-loop',
    attempts,
    perCallCapBytes: fallbackCap,
    chunkBytes: 8 * KiB,
  });
  const mapped = (attempts: TransferToRoute['attempts']): TransferToRoute => ({
    path: 'mmap-chunks',
    attempts,
    perCallCapBytes: fallbackCap,
    chunkBytes: 8 * MiB,
  });
  if (target === 'other') return loop(['buffer-loop']);
  if (!targetAppend) {
    if (jdk === 21 && target === 'file') return {path: 'copy_file_range', attempts: ['copy_file_range'], perCallCapBytes: directCap, chunkBytes: null};
    if (jdk === 21) return {path: 'sendfile', attempts: ['copy_file_range', 'sendfile'], perCallCapBytes: directCap, chunkBytes: null};
    return {path: 'sendfile', attempts: ['sendfile'], perCallCapBytes: directCap, chunkBytes: null};
  }
  if (jdk === 21) return count >= 16 * KiB ? mapped(['mmap-chunks']) : loop(['buffer-loop']);
  return mapped(['sendfile', 'mmap-chunks']);
}

type Logged = {kind: 'transferTo'; position: number; count: number; returned: number} | {kind: 'wait'};

/**
 * A channel of the grader's own: each transferTo answers from `script` (a fraction of what it
 * may move, or "the target is full"); a full target stays full until awaitWritable(), and the
 * call right after a wait always makes progress (the target has drained).
 */
function scriptedChannel(fileSize: number, script: readonly {full: boolean; fraction: number}[]) {
  const log: Logged[] = [];
  let full = false;
  let justWaited = false;
  let next = 0;
  const guard = () => {
    if (log.length >= 20_000) throw new Error('The grader\'s channel stopped the loop after 20,000 calls: it never finishes');
  };
  const channel: TransferToChannel = {
    fileSize,
    transferTo(position: number, count: number): number {
      guard();
      let returned = 0;
      if (position < fileSize && count > 0 && !full) {
        const answer = script[next++ % script.length];
        if (answer.full && !justWaited) full = true;
        else returned = Math.max(1, Math.ceil(answer.fraction * Math.min(count, fileSize - position)));
      }
      justWaited = false;
      log.push({kind: 'transferTo', position, count, returned});
      return returned;
    },
    awaitWritable(): void {
      guard();
      full = false;
      justWaited = true;
      log.push({kind: 'wait'});
    },
  };
  return {channel, log};
}

/** The first rule the loop broke, judged from the channel's log, or null. */
function auditLoop(log: readonly Logged[], fileSize: number, count: number, start: number): string | null {
  const end = Math.max(start, Math.min(start + count, fileSize));
  let at = start;
  let lastWasZero = false;
  for (const [index, call] of log.entries()) {
    const where = `call #${index + 1}`;
    if (at === end) return `${where}: every byte had already been moved (position ${at} is the end); stop there`;
    if (call.kind === 'wait') {
      if (!lastWasZero) return `${where}: awaitWritable() without a 0 from transferTo before it`;
      lastWasZero = false;
      continue;
    }
    if (lastWasZero) return `${where}: transferTo again right after it returned 0, without awaitWritable(): that spins on a full target`;
    if (call.position !== at) {
      return `${where}: transferTo(${call.position}, ...) but ${at - start} bytes had been moved from ${start}, so the next position is ${at}: advance by what transferTo returned`;
    }
    // Asking for less than is left only makes more calls: transferTo itself caps what one call moves.
    if (call.count < end - at) return `${where}: asked for ${call.count} bytes while ${end - at} were left: ask for everything that is left`;
    if (call.position + call.count > start + count) {
      return `${where}: asked for ${call.count} bytes from ${call.position}, past the ${count} bytes requested from ${start}: those bytes would be sent too`;
    }
    at += call.returned;
    lastWasZero = call.returned === 0;
  }
  if (at !== end) return `the loop stopped after moving ${at - start} of ${end - start} bytes`;
  return null;
}

// ------------------------------------------------------------------------------------------

const smallPattern: fc.Arbitrary<number[]> = fc.oneof(
  fc.array(fc.nat(300), {maxLength: 120}),
  // Runs of consecutive pages, the way a program reads records, mixed with jumps.
  fc
    .array(fc.record({start: fc.nat(300), length: fc.integer({min: 1, max: 60})}), {maxLength: 6})
    .map((runs) => runs.flatMap(({start, length}) => range(length, start))),
);

describe('Part 1: pageFaultsFor, lazy mapping, readahead and fault-around', () => {
  const warm = (pages: number) => range(pages);

  it('maps one aligned 16-page window per fault on a warm cache: 64 pages in order fault on 0, 16, 32 and 48', () => {
    expect(pageFaultsFor(range(64), {readaheadPages: 32, cached: warm(64)}), see('page-faults')).toEqual({
      faults: 4,
      major: 0,
      minor: 4,
      faultPages: [0, 16, 32, 48],
    });
  });

  it('aligns the window: a fault on page 20 maps 16..31, so 17 and 31 hit and 32 faults', () => {
    expect(pageFaultsFor([20, 17, 31, 32], {readaheadPages: 32, cached: warm(64)}).faultPages, see('page-faults')).toEqual([20, 32]);
  });

  it('reads 32 pages ahead on a cold cache: 0 and 32 are major, 16 and 48 minor', () => {
    expect(pageFaultsFor(range(64), {readaheadPages: 32}), see('readahead')).toEqual({faults: 4, major: 2, minor: 2, faultPages: [0, 16, 32, 48]});
  });

  it('maps only cached pages: with 4-page readahead, pages 0, 4 and 8 of 0..9 fault', () => {
    expect(pageFaultsFor(range(10), {readaheadPages: 4}), see('readahead')).toEqual({faults: 3, major: 3, minor: 0, faultPages: [0, 4, 8]});
  });

  it('faults on most new pages touched at random on a cold cache, and never twice on one page', () => {
    expect(pageFaultsFor([9, 3, 7, 1, 3, 9], {readaheadPages: 4}), see('readahead')).toEqual({
      faults: 4,
      major: 4,
      minor: 0,
      faultPages: [9, 3, 7, 1],
    });
  });

  it('without readahead or fault-around (1 page) faults on each page; cached pages fault minor', () => {
    expect(pageFaultsFor(range(6), {readaheadPages: 1}), see('page-faults')).toMatchObject({faults: 6, major: 6});
    expect(pageFaultsFor([0, 4, 8], {readaheadPages: 1, faultAroundPages: 1, cached: [0, 8]}), see('page-faults')).toMatchObject({
      faults: 3,
      major: 1,
      minor: 2,
    });
    // Fault-around maps the cached page 8 along with page 0, so touching 8 later is a hit.
    expect(pageFaultsFor([0, 4, 8], {readaheadPages: 1, cached: [0, 8]}), see('page-faults')).toMatchObject({faults: 2, major: 1, minor: 1});
  });

  it('touches nothing, faults nothing', () => {
    expect(pageFaultsFor([], {readaheadPages: 32}), see('page-faults')).toEqual({faults: 0, major: 0, minor: 0, faultPages: []});
  });

  it('matches the rules on random access patterns, windows and caches', () => {
    checkProperty(
      fc.record({
        pattern: smallPattern,
        readaheadPages: fc.integer({min: 1, max: 40}),
        faultAroundPages: fc.constantFrom(1, 2, 4, 8, 16, 32),
        cached: fc.array(fc.nat(320), {maxLength: 40}),
      }),
      ({pattern, readaheadPages, faultAroundPages, cached}) => {
        expect(
          pageFaultsFor(pattern, {readaheadPages, faultAroundPages, cached}),
          `pattern=${JSON.stringify(pattern)}, readaheadPages=${readaheadPages}, faultAroundPages=${faultAroundPages}, cached=${JSON.stringify(cached)}; ${see('page-faults')}`,
        ).toEqual(expectedFaults(pattern, readaheadPages, faultAroundPages, cached));
      },
      {chapter: CHAPTER},
    );
  });

  it('never takes more faults reading in order than reading the same pages shuffled', () => {
    checkProperty(
      fc
        .integer({min: 1, max: 150})
        .chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray(range(n), {minLength: n}), fc.integer({min: 1, max: 40}))),
      ([n, shuffled, readaheadPages]) => {
        const cached = warm(n);
        const inOrder = pageFaultsFor(range(n), {readaheadPages, cached}).faults;
        const context = `${n} cached pages, readaheadPages=${readaheadPages}, shuffled=${JSON.stringify(shuffled)}; ${see('page-faults')}`;
        expect(inOrder, context).toBe(Math.ceil(n / 16));
        expect(inOrder, context).toBeLessThanOrEqual(pageFaultsFor(shuffled, {readaheadPages, cached}).faults);
      },
      {chapter: CHAPTER},
    );
  });

  it('names the bad entry: accessPattern[1] = -1, readaheadPages = 0, faultAroundPages = 12', () => {
    expect(messageOf(() => pageFaultsFor([0, -1], {readaheadPages: 4}), 'pageFaultsFor([0, -1])')).toMatch(/accessPattern\[1\]/);
    expect(messageOf(() => pageFaultsFor([0], {readaheadPages: 0}), 'readaheadPages: 0')).toMatch(/readaheadPages/);
    expect(messageOf(() => pageFaultsFor([0], {readaheadPages: 4, faultAroundPages: 12}), 'faultAroundPages: 12')).toMatch(/faultAroundPages/);
  });
});

describe('Part 2: mmapWriteSteps, one write() from a mapped file', () => {
  const oneWrite: Plan = {fileSize: 10 * MiB, writeChunk: MAX_RW, readaheadPages: 32, faultAroundPages: 16, pageCache: 'miss'};

  it('maps, faults 160 times inside write() on a cold cache (80 major, 80 minor), copies once, unmaps, then the NIC sends', () => {
    expect(mmapWriteSteps(10 * MiB, 0), see('mmap-plus-write')).toEqual(expectedSteps(oneWrite, 0));
  });

  it('takes 160 minor faults and reads nothing from disk on a warm cache', () => {
    expect(mmapWriteSteps(10 * MiB, 0, {pageCache: 'hit'}), see('page-faults')).toEqual(expectedSteps({...oneWrite, pageCache: 'hit'}, 0));
  });

  it('takes one fault per page with fault-around off on a warm cache', () => {
    expect(mmapWriteSteps(MiB, 0, {pageCache: 'hit', faultAroundPages: 1}), see('page-faults')).toEqual(
      expectedSteps({...oneWrite, fileSize: MiB, pageCache: 'hit', faultAroundPages: 1}, 0),
    );
  });

  it('sends 300,000 bytes in three write()s of 100,000: each takes the faults of the windows that start in it', () => {
    const plan: Plan = {fileSize: 300_000, writeChunk: 100_000, readaheadPages: 32, faultAroundPages: 16, pageCache: 'miss'};
    for (const index of [0, 1, 2]) {
      expect(mmapWriteSteps(300_000, index, {writeChunk: 100_000}), `write() #${index}; ${see('page-faults')}`).toEqual(
        expectedSteps(plan, index),
      );
    }
  });

  it('makes no fault in a write() whose pages all came with an earlier window', () => {
    const plan: Plan = {fileSize: MiB, writeChunk: 16 * KiB, readaheadPages: 32, faultAroundPages: 16, pageCache: 'miss'};
    expect(mmapWriteSteps(MiB, 1, {writeChunk: 16 * KiB}), see('readahead')).toEqual(expectedSteps(plan, 1));
  });

  it('matches the rules on random files, chunks, windows and cache states', () => {
    checkProperty(
      fc
        .record({
          fileSize: fc.integer({min: 1, max: 1 << 24}),
          writeChunk: fc.integer({min: 1, max: 1 << 20}),
          readaheadPages: fc.integer({min: 1, max: 64}),
          faultAroundPages: fc.constantFrom(1, 2, 4, 8, 16, 32, 64),
          pageCache: fc.constantFrom<PageCacheState>('miss', 'hit'),
          pick: fc.nat(),
        })
        .filter(({fileSize, writeChunk}) => Math.ceil(fileSize / writeChunk) <= 5000),
      ({fileSize, writeChunk, readaheadPages, faultAroundPages, pageCache, pick}) => {
        const count = Math.ceil(fileSize / writeChunk);
        const plan: Plan = {fileSize, writeChunk, readaheadPages, faultAroundPages, pageCache};
        for (const index of new Set([0, pick % count, count - 1])) {
          expect(
            mmapWriteSteps(fileSize, index, {writeChunk, readaheadPages, faultAroundPages, pageCache}),
            `write() #${index} of fileSize=${fileSize}, writeChunk=${writeChunk}, readaheadPages=${readaheadPages}, faultAroundPages=${faultAroundPages}, pageCache=${pageCache}; ${see('mmap-plus-write')}`,
          ).toEqual(expectedSteps(plan, index));
        }
      },
      {chapter: CHAPTER},
    );
  });

  it('lets the given mmapWriteTrace list three write()s of 1 GiB and count the other 16,381', () => {
    const plan: Plan = {fileSize: GiB, writeChunk: 64 * KiB, readaheadPages: 32, faultAroundPages: 16, pageCache: 'miss'};
    const trace = mmapWriteTrace(GiB, {writeChunk: 64 * KiB});
    const listed = [0, 1, 2].map((index) => expectedSteps(plan, index));
    expect(trace.chunks.map((chunk) => chunk.steps), see('big-files')).toEqual(listed);
    const shown = listed.map(summarizeSteps).reduce((a, b) => combine(a, b, 1), NOTHING);
    expect(trace.omitted, see('big-files')).toEqual({
      chunks: 16_381,
      bytes: GiB - 3 * 64 * KiB,
      summary: combine(expectedSummary(plan), shown, -1),
    });
  });

  it('lets the given mmapWriteTrace count 16,384 faults for a warm 1 GiB pass', () => {
    const plan: Plan = {fileSize: GiB, writeChunk: 64 * KiB, readaheadPages: 32, faultAroundPages: 16, pageCache: 'hit'};
    const trace = mmapWriteTrace(GiB, {writeChunk: 64 * KiB, pageCache: 'hit'});
    const total = trace.chunks.map((chunk) => summarizeSteps(chunk.steps)).reduce((a, b) => combine(a, b, 1), trace.omitted?.summary ?? NOTHING);
    expect(total.pageFaults, see('readahead')).toBe(16_384);
    expect(total, see('readahead')).toEqual(expectedSummary(plan));
  });

  it('rejects bad sizes and options, naming the parameter', () => {
    expect(messageOf(() => mmapWriteSteps(-1, 0), 'mmapWriteSteps(-1, 0)')).toMatch(/fileSize/);
    expect(messageOf(() => mmapWriteSteps(10, 0, {readaheadPages: 0}), 'readaheadPages: 0')).toMatch(/readaheadPages/);
    expect(messageOf(() => mmapWriteSteps(10, 0, {faultAroundPages: 3}), 'faultAroundPages: 3')).toMatch(/faultAroundPages/);
    expect(messageOf(() => mmapWriteSteps(10, 0, {writeChunk: 0}), 'writeChunk: 0')).toMatch(/writeChunk/);
  });

  it('rejects a write() that does not exist, naming chunkIndex', () => {
    expect(messageOf(() => mmapWriteSteps(10_000, 3, {writeChunk: 4096}), 'write() #3 of three')).toMatch(/chunkIndex/);
    expect(messageOf(() => mmapWriteSteps(0, 0), 'any write() of an empty file')).toMatch(/chunkIndex|empty/);
  });
});

describe('Part 3: flip and compact, with the given put and get', () => {
  const empty = (capacity: number): Buffer => ({capacity, limit: capacity, position: 0, mark: null, bytes: new Array<number>(capacity).fill(0)});

  it('flips after three puts: limit 3, position 0, and the mark is gone', () => {
    const filled: Buffer = {capacity: 8, limit: 8, position: 3, mark: 2, bytes: [10, 20, 30, 0, 0, 0, 0, 0]};
    expect(flip(frozen(filled)), see('flip-and-compact')).toEqual({...filled, limit: 3, position: 0, mark: null});
  });

  it('flips twice into an empty buffer (limit 0)', () => {
    const filled: Buffer = {capacity: 4, limit: 4, position: 3, mark: null, bytes: [1, 2, 3, 0]};
    expect(flip(flip(frozen(filled))), see('flip-and-compact')).toMatchObject({limit: 0, position: 0});
  });

  it('lets get drain exactly what put wrote: after flip, the fourth get throws BufferUnderflowException', () => {
    let buffer = frozen(empty(8));
    for (const value of [10, 20, -30]) buffer = put(buffer, value);
    buffer = flip(buffer);
    expect(buffer, `flip() after three puts into 8 bytes; ${see('flip-and-compact')}`).toMatchObject({limit: 3, position: 0});
    const drained: number[] = [];
    for (let i = 0; i < 3; i++) {
      const read = get(buffer);
      drained.push(read.value);
      buffer = read.buffer;
    }
    expect(drained, see('flip-and-compact')).toEqual([10, 20, -30]);
    expect(
      thrownName(() => get(buffer)),
      `get() after the three bytes: the flipped limit (3) stops it, not the capacity (8); ${see('bytebuffer')}`,
    ).toBe('BufferUnderflowException');
  });

  it('compacts the unread bytes to the front, positioned after them, limit back to the capacity', () => {
    const halfRead: Buffer = {capacity: 6, limit: 5, position: 2, mark: 1, bytes: [1, 2, 3, 4, 5, 6]};
    expect(compact(frozen(halfRead)), see('flip-and-compact')).toEqual({capacity: 6, limit: 6, position: 3, mark: null, bytes: [3, 4, 5, 4, 5, 6]});
  });

  it('compacts a fully read buffer into an empty, writable one', () => {
    const done: Buffer = {capacity: 3, limit: 3, position: 3, mark: null, bytes: [7, 8, 9]};
    expect(compact(frozen(done)), see('flip-and-compact')).toEqual({...done, position: 0});
  });

  it('lets put fill in after the kept bytes: after compact, the third put throws BufferOverflowException', () => {
    // Five bytes were written and flipped, and two of them read: three are left unread.
    const halfRead: Buffer = {capacity: 5, limit: 5, position: 2, mark: null, bytes: [1, 2, 3, 4, 5]};
    let buffer = compact(frozen(halfRead));
    expect(buffer, `compact() with 3 of 5 bytes unread; ${see('flip-and-compact')}`).toMatchObject({position: 3, limit: 5});
    buffer = put(put(buffer, 6), 7);
    expect(buffer.bytes, `two puts after compact(); ${see('flip-and-compact')}`).toEqual([3, 4, 5, 6, 7]);
    expect(
      thrownName(() => put(buffer, 8)),
      `a third put(): the buffer is full at its capacity (5); ${see('bytebuffer')}`,
    ).toBe('BufferOverflowException');
  });

  it('returns a new state and leaves the old one as it was', () => {
    const before: Buffer = {capacity: 6, limit: 5, position: 2, mark: 1, bytes: [1, 2, 3, 4, 5, 6]};
    const snapshot = JSON.stringify(before);
    flip(before as ByteBufferState);
    expect(JSON.stringify(before), `flip() changed the buffer it was given; ${see('bytebuffer')}`).toBe(snapshot);
    compact(before as ByteBufferState);
    expect(JSON.stringify(before), `compact() changed the buffer it was given; ${see('bytebuffer')}`).toBe(snapshot);
  });

  it('matches Java on buffers in random states', () => {
    checkProperty(
      bufferArb,
      (buffer) => {
        const context = `on ${describeBuffer(buffer)}; ${see('flip-and-compact')}`;
        expect(observe(() => flip(frozen(buffer))), `flip() ${context}`).toEqual(java.flip(buffer));
        expect(observe(() => compact(frozen(buffer))), `compact() ${context}`).toEqual(java.compact(buffer));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a state that breaks the invariant as bad input', () => {
    const broken = {capacity: 2, limit: 3, position: 0, mark: null, bytes: [0, 0]};
    expect(messageOf(() => flip(broken), 'flip() of a buffer whose limit exceeds its capacity')).toMatch(/limit/);
    expect(messageOf(() => compact(broken), 'compact() of a buffer whose limit exceeds its capacity')).toMatch(/limit/);
  });
});

describe('Part 4: transferToPath and transferAll', () => {
  it('sends to a socket with sendfile on JDK 17, capped at 0x7ffff000 bytes a call', () => {
    expect(transferToPath({source: 'file', target: 'socket', jdk: 17, count: 4 * GiB}), see('transferto-paths')).toEqual(
      expectedRoute('socket', 17, 4 * GiB, false),
    );
  });

  it('tries copy_file_range first on JDK 21, and caps JDK 8 and 11 at Integer.MAX_VALUE', () => {
    expect(transferToPath({source: 'file', target: 'file', jdk: 21, count: GiB}), see('transferto-paths')).toEqual(expectedRoute('file', 21, GiB, false));
    expect(transferToPath({source: 'file', target: 'socket', jdk: 21, count: GiB}), see('transferto-paths')).toEqual(
      expectedRoute('socket', 21, GiB, false),
    );
    expect(transferToPath({source: 'file', target: 'pipe', jdk: 8, count: GiB}), see('transferto-paths')).toEqual(expectedRoute('pipe', 8, GiB, false));
  });

  it('falls back to 8 MiB mappings, or the 8 KiB loop, when the kernel path is not available', () => {
    expect(transferToPath({source: 'file', target: 'file', jdk: 11, count: GiB, targetAppend: true}), see('transferto-paths')).toEqual(
      expectedRoute('file', 11, GiB, true),
    );
    expect(transferToPath({source: 'file', target: 'file', jdk: 21, count: 8 * KiB, targetAppend: true}), see('transferto-paths')).toEqual(
      expectedRoute('file', 21, 8 * KiB, true),
    );
    expect(transferToPath({source: 'file', target: 'other', jdk: 17, count: GiB}), see('transferto-paths')).toEqual(
      expectedRoute('other', 17, GiB, false),
    );
  });

  it('matches the rules for every target, JDK and append flag, at sizes around the thresholds', () => {
    const targets: TransferTarget[] = ['socket', 'file', 'pipe', 'other'];
    const jdks: JdkVersion[] = [8, 11, 17, 21];
    for (const target of targets) {
      for (const jdk of jdks) {
        for (const targetAppend of target === 'file' ? [false, true] : [false]) {
          for (const count of [0, 16 * KiB - 1, 16 * KiB, 3 * GiB]) {
            expect(
              transferToPath({source: 'file', target, jdk, count, targetAppend}),
              `target=${target}, jdk=${jdk}, count=${count}, targetAppend=${targetAppend}; ${see('transferto-paths')}`,
            ).toEqual(expectedRoute(target, jdk, count, targetAppend));
          }
        }
      }
    }
  });

  it('matches the rules on random targets, JDKs, append flags and counts', () => {
    checkProperty(
      fc.record({
        target: fc.constantFrom<TransferTarget>('socket', 'file', 'pipe', 'other'),
        jdk: fc.constantFrom<JdkVersion>(8, 11, 17, 21),
        append: fc.boolean(),
        count: fc.oneof(
          fc.integer({min: 0, max: 64 * KiB}),
          fc.integer({min: 0, max: INT_MAX}),
          fc.integer({min: 0, max: 2 ** 20}).map((mib) => mib * MiB),
        ),
      }),
      ({target, jdk, append, count}) => {
        // targetAppend is only for a file; for the other targets the input leaves it out.
        const input = target === 'file' ? {source: 'file' as const, target, jdk, count, targetAppend: append} : {source: 'file' as const, target, jdk, count};
        expect(transferToPath(input), `${JSON.stringify(input)}; ${see('transferto-paths')}`).toEqual(
          expectedRoute(target, jdk, count, target === 'file' && append),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects what transferTo cannot be, naming the parameter', () => {
    expect(messageOf(() => transferToPath({source: 'file', target: 'file', jdk: 9 as JdkVersion, count: 1}), 'jdk: 9')).toMatch(/jdk/);
    expect(messageOf(() => transferToPath({source: 'socket' as 'file', target: 'file', jdk: 17, count: 1}), 'source: socket')).toMatch(/source/);
    expect(
      messageOf(() => transferToPath({source: 'file', target: 'socket', jdk: 17, count: 1, targetAppend: true}), 'a socket opened for append'),
    ).toMatch(/targetAppend/);
  });

  it('moves a whole 1 MiB file through the given simulated channel', () => {
    const channel = createSimulatedChannel({fileSize: MiB, seed: 6, perCallCapBytes: 64 * KiB, fullChance: 0.2});
    const result = transferAll(channel, MiB);
    const calls = channel.calls();
    expect(result, see('transfer-loop')).toEqual({
      bytes: MiB,
      calls: calls.filter((c) => c.kind === 'transferTo').length,
      waits: calls.filter((c) => c.kind === 'await-writable').length,
    });
  });

  it('keeps going through short returns and full targets, and stops at the end of the file', () => {
    checkProperty(
      fc.record({
        fileSize: fc.nat(1 << 20),
        count: fc.nat(1 << 21),
        start: fc.nat(1 << 20),
        script: fc.array(fc.record({full: fc.boolean(), fraction: fc.double({min: 0.01, max: 1, noNaN: true})}), {minLength: 1, maxLength: 12}),
      }),
      ({fileSize, count, start, script}) => {
        const {channel, log} = scriptedChannel(fileSize, script);
        const context = `fileSize=${fileSize}, count=${count}, position=${start}, script=${JSON.stringify(script)}`;
        const result = transferAll(channel, count, start);
        const mistake = auditLoop(log, fileSize, count, start);
        expect(mistake, `${context}; ${see('transfer-loop')}`).toBeNull();
        expect(result, `${context}; ${see('transfer-loop')}`).toEqual({
          bytes: Math.max(0, Math.min(count, fileSize - start)),
          calls: log.filter((c) => c.kind === 'transferTo').length,
          waits: log.filter((c) => c.kind === 'wait').length,
        });
      },
      {chapter: CHAPTER, runs: 80},
    );
  });

  it('does not take a 0 at the end of the file for a full target: 1,000 bytes asked, 400 in the file', () => {
    const {channel, log} = scriptedChannel(400, [{full: false, fraction: 0.5}]);
    expect(transferAll(channel, 1000), see('transfer-loop')).toEqual({bytes: 400, calls: log.length, waits: 0});
    expect(auditLoop(log, 400, 1000, 0), see('transfer-loop')).toBeNull();
  });

  it('makes no call for nothing: count 0, or a position past the end', () => {
    const {channel, log} = scriptedChannel(100, [{full: false, fraction: 1}]);
    expect(transferAll(channel, 0), see('transfer-loop')).toEqual({bytes: 0, calls: 0, waits: 0});
    expect(transferAll(channel, 50, 500), see('transfer-loop')).toEqual({bytes: 0, calls: 0, waits: 0});
    expect(log, see('transfer-loop')).toEqual([]);
  });

  it('rejects a negative count, naming count', () => {
    const {channel} = scriptedChannel(100, [{full: false, fraction: 1}]);
    expect(messageOf(() => transferAll(channel, -1), 'transferAll(channel, -1)')).toMatch(/count/);
  });
});

describe('The rules for bad input, on every function, naming the parameter first', () => {
  it('pageFaultsFor: the pattern, the options and each cached page', () => {
    const where = see('page-faults');
    expectRejects(() => pageFaultsFor('0,1' as unknown as number[], {readaheadPages: 4}), 'accessPattern', where);
    expectRejects(() => pageFaultsFor([0, -1], {readaheadPages: 4}), 'accessPattern[1]', where);
    expectRejects(() => pageFaultsFor([0], null as unknown as {readaheadPages: number}), 'options', where);
    expectRejects(() => pageFaultsFor([0], 'fast' as unknown as {readaheadPages: number}), 'options', where);
    expectRejects(() => pageFaultsFor([0], {readaheadPages: 0}), 'readaheadPages', see('readahead'));
    expectRejects(() => pageFaultsFor([0], {readaheadPages: 4, cached: [1.5]}), 'cached[0]', where);
  });

  it('mmapWriteSteps: a chunk index that names no write(), and any index of an empty file', () => {
    const where = see('mmap-plus-write');
    expectRejects(() => mmapWriteSteps(0, 0), 'chunkIndex', where);
    expectRejects(() => mmapWriteSteps(10 * KiB, 1, {writeChunk: 10 * KiB}), 'chunkIndex', where);
    expectRejects(() => mmapWriteSteps(10 * KiB, -1), 'chunkIndex', where);
    expectRejects(() => mmapWriteSteps(-1, 0), 'fileSize', where);
  });

  it('transferToPath: the input object and each of its fields', () => {
    const where = see('transferto-paths');
    const good = {source: 'file', target: 'socket', jdk: 21, count: MiB} as const;
    expectRejects(() => transferToPath(null as unknown as typeof good), 'input', where);
    expectRejects(() => transferToPath('file' as unknown as typeof good), 'input', where);
    expectRejects(() => transferToPath({...good, target: 'disk' as TransferTarget}), 'target', where);
    expectRejects(() => transferToPath({...good, jdk: 9 as JdkVersion}), 'jdk', where);
    expectRejects(() => transferToPath({...good, count: -1}), 'count', where);
    expectRejects(() => transferToPath({...good, target: 'file', targetAppend: 'yes' as unknown as boolean}), 'targetAppend', where);
    expectRejects(() => transferToPath({...good, targetAppend: true}), 'targetAppend', where);
  });

  it('transferAll: the channel, the count, the position, and a channel that answers nonsense', () => {
    const where = see('transfer-loop');
    const channel = () => createSimulatedChannel({fileSize: MiB, seed: 1});
    expectRejects(() => transferAll(null as unknown as TransferToChannel, 10), 'channel', where);
    expectRejects(() => transferAll({fileSize: 10, transferTo: () => 10} as unknown as TransferToChannel, 10), 'channel', where);
    expectRejects(() => transferAll(channel(), -1), 'count', where);
    expectRejects(() => transferAll(channel(), 10, -1), 'position', where);
    expectRejects(() => transferAll({...channel(), fileSize: -1}, 10), 'channel.fileSize', where);
    // transferTo returns from 0 to the count asked for; anything else must stop the loop with a message.
    for (const answer of [-1, 1.5, 'ten', 1_000_000]) {
      const liar: TransferToChannel = {fileSize: 100, transferTo: () => answer as number, awaitWritable: () => undefined};
      let thrown: unknown = null;
      try {
        transferAll(liar, 100);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `transferTo returned ${String(answer)}: the loop must stop with an error; ${where}`).toBeInstanceOf(Error);
      expect((thrown as Error).message, `the error must say what transferTo returned; ${where}`).toContain(String(answer));
    }
  });
});

