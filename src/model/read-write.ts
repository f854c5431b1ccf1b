// Chapter 3: the traditional path. A program loops read(file, buf) + write(socket, buf):
// each pair costs four mode switches, two CPU copies and (on a page-cache miss) two DMA copies.
// The NIC is assumed to have scatter-gather and checksum offload, as current NICs and loopback
// do; chapter 5 shows what an older NIC adds.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from './types';
import {EMPTY_SUMMARY, addSummaries, scaleSummary, subtractSummaries, summarizeSteps} from './summary';
import {MAX_EXACT_BYTES, MAX_RW_COUNT} from './units';
import {requireInteger, requireOneOf} from './validate';

export interface ReadWriteOptions {
  /** 'hit' when the file is already cached: the read() needs no disk DMA. Default 'miss'. */
  readonly pageCache?: PageCacheState;
  /** How many chunks to list step by step; the rest are counted. Default 3. */
  readonly listedChunks?: number;
}

export const DEFAULT_LISTED_CHUNKS = 3;

export function validateTransfer(fileSize: number, bufferSize: number): void {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireInteger('bufferSize', bufferSize, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
}

/**
 * How many read()+write() pairs the loop makes, and how big the last one is. The program
 * knows the file's size (from fstat), so it stops after the last byte instead of making
 * one more read() that returns 0.
 */
export function chunkCount(fileSize: number, bufferSize: number): {count: number; lastChunkBytes: number} {
  validateTransfer(fileSize, bufferSize);
  if (fileSize === 0) return {count: 0, lastChunkBytes: 0};
  const count = Math.ceil(fileSize / bufferSize);
  return {count, lastChunkBytes: fileSize - (count - 1) * bufferSize};
}

/** The steps of one read()+write() pair moving `bytes` from a file to a socket. */
export function readWritePairSteps(bytes: number, pageCache: PageCacheState = 'miss'): Step[] {
  requireInteger('bytes', bytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  const diskRead: Step[] =
    pageCache === 'miss'
      ? [
          {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'read', async: false},
          {kind: 'interrupt', source: 'disk', syscall: 'read'},
        ]
      : [];
  return [
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'read'},
    ...diskRead,
    {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'user-buffer', bytes, syscall: 'read', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'read'},
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'write'},
    {kind: 'copy', engine: 'cpu', from: 'user-buffer', to: 'socket-buffer', bytes, syscall: 'write', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'write'},
    // write() has returned: the NIC sends the queued bytes later, on its own.
    {kind: 'copy', engine: 'dma', from: 'socket-buffer', to: 'nic', bytes, syscall: 'write', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'write'},
  ];
}

/** The whole loop's counts, computed arithmetically: fast for any file size. */
export function readWriteSummary(
  fileSize: number,
  bufferSize: number,
  pageCache: PageCacheState = 'miss',
): Summary {
  const {count} = chunkCount(fileSize, bufferSize);
  // Checked even for an empty file, so a bad option never passes unnoticed.
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  if (count === 0) return EMPTY_SUMMARY;
  const perPair = summarizeSteps(readWritePairSteps(1, pageCache));
  // A pair's counts do not depend on its size; only the byte totals do.
  const counts = scaleSummary({...perPair, cpuBytes: 0, dmaBytes: 0, sentBytes: 0}, count);
  const bytesFactor = pageCache === 'miss' ? 2 : 1;
  return addSummaries(counts, {
    ...EMPTY_SUMMARY,
    cpuBytes: 2 * fileSize,
    dmaBytes: bytesFactor * fileSize,
    sentBytes: fileSize,
  });
}

/** The loop as a trace: the first `listedChunks` pairs step by step, the rest counted. */
export function readWriteTrace(fileSize: number, bufferSize: number, options: ReadWriteOptions = {}): Trace {
  const pageCache = requireOneOf('pageCache', options.pageCache ?? 'miss', ['miss', 'hit'] as const);
  const listedChunks = requireInteger('listedChunks', options.listedChunks ?? DEFAULT_LISTED_CHUNKS, {
    min: 0,
    max: 1000,
    unit: 'chunks',
  });
  const {count, lastChunkBytes} = chunkCount(fileSize, bufferSize);
  const chunkBytes = (index: number): number => (index === count - 1 ? lastChunkBytes : bufferSize);
  const listed = Math.min(count, listedChunks);
  const chunks: TraceChunk[] = Array.from({length: listed}, (_, index) => ({
    index,
    bytes: chunkBytes(index),
    steps: readWritePairSteps(chunkBytes(index), pageCache),
  }));
  if (listed === count) return {chunks, omitted: null};
  const listedBytes = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const all = readWriteSummary(fileSize, bufferSize, pageCache);
  const shown = readWriteSummary(listedBytes, bufferSize, pageCache);
  return {
    chunks,
    omitted: {
      chunks: count - listed,
      bytes: fileSize - listedBytes,
      summary: subtractSummaries(all, shown),
    },
  };
}
