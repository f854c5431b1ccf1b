// Chapter 6: mmap() + write() (src/model/mmap-nio.ts re-exports all of it).
//
// A program maps the file (mmap) and hands the mapping to write(): the mapping IS the page
// cache, so the only CPU copy is page cache -> socket buffer inside write(). Mapping is lazy:
// nothing is read at mmap() time; the first touch of a page traps (a page fault), and on a cold
// cache the kernel reads it from disk then. The faults follow page-faults.ts: readahead decides
// what the disk reads, fault-around how many pages one fault maps.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from './types';
import {EMPTY_SUMMARY, addSummaries, subtractSummaries, summarizeSteps} from './summary';
import {MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE} from './units';
import {ModelInputError, requireInteger, requireOneOf} from './validate';
import {DEFAULT_FAULT_AROUND_PAGES, DEFAULT_READAHEAD_PAGES, MAX_READAHEAD_PAGES, requireFaultAroundPages} from './page-faults';

export interface MmapWriteOptions {
  /** 'hit' when the file is already cached (a warm cache): faults are minor, no disk DMA. Default 'miss'. */
  readonly pageCache?: PageCacheState;
  /** Pages the disk reads on a fault that misses the cache. Default DEFAULT_READAHEAD_PAGES (32). */
  readonly readaheadPages?: number;
  /** Pages one fault maps at most (aligned). Default DEFAULT_FAULT_AROUND_PAGES (16); 1 turns it off. */
  readonly faultAroundPages?: number;
  /**
   * Bytes handed to each write(). Default MAX_RW_COUNT: the program writes the whole mapping
   * at once, and write() moves at most MAX_RW_COUNT bytes per call.
   */
  readonly writeChunk?: number;
}

export interface MmapWriteTraceOptions extends MmapWriteOptions {
  /** How many write() chunks to list step by step; the rest are counted. Default 3. */
  readonly listedChunks?: number;
}

/** Options with their defaults filled in, after validation. */
export interface MmapWriteSettings {
  readonly pageCache: PageCacheState;
  readonly readaheadPages: number;
  readonly faultAroundPages: number;
  readonly writeChunk: number;
}

const DEFAULT_LISTED_CHUNKS = 3;

/** Throws a clear error for a bad size or option; returns the options with defaults filled in. */
export function validateMmapWrite(fileSize: number, options: MmapWriteOptions = {}): MmapWriteSettings {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  return {
    pageCache: requireOneOf('pageCache', options.pageCache ?? 'miss', ['miss', 'hit'] as const),
    readaheadPages: requireInteger('readaheadPages', options.readaheadPages ?? DEFAULT_READAHEAD_PAGES, {
      min: 1,
      max: MAX_READAHEAD_PAGES,
      unit: 'pages',
    }),
    faultAroundPages: requireFaultAroundPages(options.faultAroundPages ?? DEFAULT_FAULT_AROUND_PAGES),
    writeChunk: requireInteger('writeChunk', options.writeChunk ?? MAX_RW_COUNT, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'}),
  };
}

/** How many multiples of `step` lie in [from, to): the faults of a front-to-back pass land on them. */
export function multiplesBetween(from: number, to: number, step: number): number {
  return Math.ceil(to / step) - Math.ceil(from / step);
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** The smallest number that is a multiple of both: where a readahead and a fault-around window start together. */
export function leastCommonMultiple(a: number, b: number): number {
  return (a / greatestCommonDivisor(a, b)) * b;
}

/**
 * The steps of write() number `chunkIndex` (from 0) when a program maps a whole file and
 * sends it with write() calls of `writeChunk` bytes: mmap() before the first write(), munmap()
 * after the last.
 *
 * The program never touches the bytes itself, so the first touch of every page is the
 * kernel's copy inside write(), front to back. With pageFaultsFor's rules that makes the faults
 * land on the pages whose index is a multiple of `faultAroundPages` (a new fault-around window)
 * or of `readaheadPages` (on a cold cache, the end of what the disk has read so far); a fault
 * belongs to the write() whose bytes include that page's first byte. On a cold cache the faults
 * on multiples of `readaheadPages` are major and the disk DMAs their windows (clipped to the end
 * of the file; the tail of the last page is zero-filled, not read); the rest are minor. On a warm
 * cache every fault is minor. One write()'s major faults are one page-fault step (`pages` = how
 * many) followed by one disk DMA and its interrupt; its minor faults are one more page-fault step.
 */
export function mmapWriteSteps(fileSize: number, chunkIndex: number, options: MmapWriteOptions = {}): Step[] {
  const {pageCache, readaheadPages, faultAroundPages, writeChunk} = validateMmapWrite(fileSize, options);
  const count = Math.ceil(fileSize / writeChunk);
  if (count === 0) {
    throw new ModelInputError(
      'chunkIndex',
      chunkIndex,
      `chunkIndex: an empty file has no write() chunks (the program maps nothing); got ${String(chunkIndex)}`,
    );
  }
  requireInteger('chunkIndex', chunkIndex, {min: 0, max: count - 1, unit: 'chunks'});
  const offset = chunkIndex * writeChunk;
  const bytes = Math.min(writeChunk, fileSize - offset);
  // The pages whose first byte this write() copies.
  const firstPage = Math.ceil(offset / PAGE_SIZE);
  const endPage = Math.ceil((offset + bytes) / PAGE_SIZE);
  const miss = pageCache === 'miss';
  const windowStarts = multiplesBetween(firstPage, endPage, faultAroundPages);
  const readStarts = multiplesBetween(firstPage, endPage, readaheadPages);
  const both = multiplesBetween(firstPage, endPage, leastCommonMultiple(faultAroundPages, readaheadPages));
  const major = miss ? readStarts : 0;
  const minor = miss ? windowStarts - both : windowStarts;
  const firstRead = Math.ceil(firstPage / readaheadPages) * readaheadPages;
  const diskBytes = major === 0 ? 0 : Math.min((firstRead + major * readaheadPages) * PAGE_SIZE, fileSize) - firstRead * PAGE_SIZE;

  const steps: Step[] = [];
  if (chunkIndex === 0) {
    // mmap() only sets up the mapping: no byte moves, no page is read yet.
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
    // The mapping is the page cache, so this is the only CPU copy.
    {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'write', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'write'},
  );
  if (chunkIndex === count - 1) {
    // write() has already copied the bytes into the socket buffer, so the program may unmap
    // while the NIC is still sending.
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

/**
 * The whole transfer's counts by arithmetic, fast for any size: ceil(fileSize / writeChunk)
 * write() calls plus mmap() and munmap(); one CPU copy per write(); page faults on every page
 * index below the file's page count that is a multiple of `faultAroundPages` (warm), or of
 * `faultAroundPages` or `readaheadPages` (cold); one disk DMA (and disk interrupt) per write()
 * that takes a major fault.
 */
export function mmapWriteSummary(fileSize: number, options: MmapWriteOptions = {}): Summary {
  const {pageCache, readaheadPages, faultAroundPages, writeChunk} = validateMmapWrite(fileSize, options);
  if (fileSize === 0) return EMPTY_SUMMARY;
  const writes = Math.ceil(fileSize / writeChunk);
  const pages = Math.ceil(fileSize / PAGE_SIZE);
  const miss = pageCache === 'miss';
  const windows = multiplesBetween(0, pages, faultAroundPages);
  const reads = multiplesBetween(0, pages, readaheadPages);
  const faults = miss ? windows + reads - multiplesBetween(0, pages, leastCommonMultiple(faultAroundPages, readaheadPages)) : windows;
  // Which write() calls take a major fault. Those faults are readaheadPages pages apart: when
  // that is at least a chunk, no two share a write(); otherwise every full chunk holds at least
  // one, and the short last chunk holds one only if a read starts inside it.
  const readBytes = readaheadPages * PAGE_SIZE;
  const lastOffset = (writes - 1) * writeChunk;
  const writesWithReads =
    readBytes >= writeChunk
      ? reads
      : writes - 1 + (Math.ceil(fileSize / readBytes) > Math.ceil(lastOffset / readBytes) ? 1 : 0);
  const diskReads = miss ? writesWithReads : 0;
  return {
    cpuCopies: writes,
    dmaCopies: writes + diskReads,
    cpuBytes: fileSize,
    dmaBytes: (miss ? 2 : 1) * fileSize,
    cpuPasses: 0,
    cpuPassBytes: 0,
    sentBytes: fileSize,
    // mmap() and munmap() once, write() per chunk: two mode switches each.
    modeSwitches: 2 * (writes + 2),
    syscalls: writes + 2,
    interrupts: writes + diskReads,
    pageFaults: faults,
  };
}

/** The transfer as a trace: the first `listedChunks` write() calls step by step, the rest counted. */
export function mmapWriteTrace(fileSize: number, options: MmapWriteTraceOptions = {}): Trace {
  const listedChunks = requireInteger('listedChunks', options.listedChunks ?? DEFAULT_LISTED_CHUNKS, {
    min: 0,
    max: 1000,
    unit: 'chunks',
  });
  const {writeChunk} = validateMmapWrite(fileSize, options);
  const count = Math.ceil(fileSize / writeChunk);
  const listed = Math.min(count, listedChunks);
  const chunks: TraceChunk[] = Array.from({length: listed}, (_, index) => ({
    index,
    bytes: Math.min(writeChunk, fileSize - index * writeChunk),
    steps: mmapWriteSteps(fileSize, index, options),
  }));
  if (listed === count) return {chunks, omitted: null};
  const shown = chunks.reduce((total, chunk) => addSummaries(total, summarizeSteps(chunk.steps)), EMPTY_SUMMARY);
  const listedBytes = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  return {
    chunks,
    omitted: {
      chunks: count - listed,
      bytes: fileSize - listedBytes,
      summary: subtractSummaries(mmapWriteSummary(fileSize, options), shown),
    },
  };
}
