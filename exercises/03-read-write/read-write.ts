// Exercise 3: the traditional read()+write() path.
// Task and rules: README.md in this folder. Hints: `npm run hint -- 03`.
// Grade your work: `npm run grade -- 03` (or `npm run exercise -- 03` to re-grade on every save).
//
// These are the same exports and types as the course's model (src/model/read-write.ts).
// Helpers from the model's shared vocabulary are yours to use; the four functions below are
// what you write.
import type {PageCacheState, Step, Summary, Trace} from '@site/src/model/types';
import {EMPTY_SUMMARY, addSummaries, scaleSummary, subtractSummaries, summarizeSteps} from '@site/src/model/summary';
import {MAX_EXACT_BYTES, MAX_RW_COUNT} from '@site/src/model/units';
import {requireInteger, requireOneOf} from '@site/src/model/validate';

export interface ReadWriteOptions {
  /** 'hit' when the file is already cached: the read() needs no disk DMA. Default 'miss'. */
  readonly pageCache?: PageCacheState;
  /** How many chunks to list step by step; the rest are counted. Default 3. */
  readonly listedChunks?: number;
}

export const DEFAULT_LISTED_CHUNKS = 3;

/** Given: throws a clear error for a file size or buffer size the model does not accept. */
export function validateTransfer(fileSize: number, bufferSize: number): void {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireInteger('bufferSize', bufferSize, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
}

/**
 * 1. How many read()+write() pairs does the loop make, and how many bytes does the last one move?
 * The program knows the file size, so it stops after the last byte (no extra read() returning 0).
 * An empty file makes no pairs: {count: 0, lastChunkBytes: 0}.
 */
export function chunkCount(fileSize: number, bufferSize: number): {count: number; lastChunkBytes: number} {
  // TODO: validate the sizes (validateTransfer), then compute the number of pairs and the size
  // of the final, possibly short, chunk.
  throw new Error('TODO: chunkCount is not written yet (exercises/03-read-write/README.md, part 1)');
}

/**
 * 2. The steps of ONE read()+write() pair that moves `bytes` bytes, in the order they happen.
 * Use the Step types from the model: mode switches, copies (engine, from, to, bytes, syscall,
 * async) and interrupts. On a page-cache 'hit' there is no disk DMA and no disk interrupt.
 */
export function readWritePairSteps(bytes: number, pageCache: PageCacheState = 'miss'): Step[] {
  // TODO: check the inputs (requireInteger, requireOneOf), then return the steps, from entering
  // the kernel for read() to the NIC's interrupt.
  throw new Error('TODO: readWritePairSteps is not written yet (exercises/03-read-write/README.md, part 2)');
}

/**
 * 3. The counts for the whole loop, computed with arithmetic (not by building every step):
 * it must answer instantly for a 1 GiB file read 4 KiB at a time.
 */
export function readWriteSummary(fileSize: number, bufferSize: number, pageCache: PageCacheState = 'miss'): Summary {
  // TODO: validate, then combine the per-pair counts with the number of pairs and the byte totals.
  throw new Error('TODO: readWriteSummary is not written yet (exercises/03-read-write/README.md, part 3)');
}

/**
 * 4. The loop as a Trace: the first `listedChunks` pairs step by step (each chunk with its
 * index, bytes and steps); every pair after that only counted, in `omitted`. `omitted` is null
 * when every chunk is listed.
 */
export function readWriteTrace(fileSize: number, bufferSize: number, options: ReadWriteOptions = {}): Trace {
  // TODO: list the first chunks, then count the rest without building their steps.
  throw new Error('TODO: readWriteTrace is not written yet (exercises/03-read-write/README.md, part 4)');
}

