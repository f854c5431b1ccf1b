// Exercise 4: sendfile(), one call, no user buffer.
// Task and rules: README.md in this folder. Hints: hints.md (or `npm run hint -- 04`).
// Grade your work: `npm run grade -- 04` (or `npm test -w exercises/04-sendfile`).
//
// These are the same exports and types as the course's model (src/model/sendfile.ts).
// Everything marked "Given" is yours to use, including the simulated kernel your sendAll()
// runs against (read it in src/model/sendfile-kernel.ts); the four numbered functions are
// what you write.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from '@site/src/model/types';
import {EMPTY_SUMMARY, addSummaries, scaleSummary, subtractSummaries, summarizeSteps} from '@site/src/model/summary';
import {MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE, formatCount} from '@site/src/model/units';
import {ModelInputError, requireInteger, requireOneOf} from '@site/src/model/validate';
import type {SimulatedKernel} from '@site/src/model/sendfile-kernel';

// Given: the simulated kernel, its types, and the audit that names the first rule a loop broke.
export {
  CALM_PATTERN,
  DEFAULT_CALL_BUDGET,
  EAGAIN_BURST_LIMIT,
  REFUSAL_ERRORS,
  auditSendLoop,
  createSimulatedKernel,
} from '@site/src/model/sendfile-kernel';
export type {
  KernelCall,
  KernelPattern,
  LoopMistake,
  LoopRule,
  RefusalError,
  SendfileError,
  SendfileResult,
  SimulatedKernel,
  SimulatedKernelOptions,
} from '@site/src/model/sendfile-kernel';

/** The two NIC features (`ethtool -k`: scatter-gather, tx-checksumming) zero-copy sending needs. */
export interface NicFeatures {
  /** The NIC can gather one packet from several places in memory (NETIF_F_SG). */
  readonly scatterGather: boolean;
  /** The NIC computes the TCP checksum itself: no checksumming on the CPU. */
  readonly checksumOffload: boolean;
}

/** Given. A NIC with neither feature: sendfile() still makes one CPU copy. */
export const DEFAULT_NIC: NicFeatures = {scatterGather: false, checksumOffload: false};

export interface SendfileOptions {
  /** 'hit' when the file is already cached: no disk DMA. Default 'miss'. */
  readonly pageCache?: PageCacheState;
  /** Default DEFAULT_NIC (no scatter-gather, no checksum offload). */
  readonly nic?: NicFeatures;
}

export interface SendfileTraceOptions extends SendfileOptions {
  /** How many calls to list step by step; the rest are counted. Default 3. */
  readonly listedChunks?: number;
}

export const DEFAULT_LISTED_CHUNKS = 3;

/** What the sending loop reports when every byte has been sent. */
export interface SendAllResult {
  readonly bytesSent: number;
  /** Every sendfile() call, including those that returned an error. */
  readonly sendfileCalls: number;
  /** How many times the loop waited for room after EAGAIN. */
  readonly eagainWaits: number;
  /** True when sendfile() was refused (EINVAL or ENOSYS) and read()+write() sent the rest. */
  readonly fellBack: boolean;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Given: returns `nic` if it is an object with two booleans; otherwise throws, naming the field. */
function requireNic(nic: unknown): NicFeatures {
  if (typeof nic !== 'object' || nic === null) {
    throw new ModelInputError('nic', nic, `nic must be an object {scatterGather, checksumOffload} of two booleans; got ${show(nic)}`);
  }
  for (const field of ['scatterGather', 'checksumOffload'] as const) {
    const value: unknown = (nic as Record<string, unknown>)[field];
    if (typeof value !== 'boolean') {
      throw new ModelInputError(`nic.${field}`, value, `nic.${field} must be true or false; got ${show(value)}`);
    }
  }
  return nic as NicFeatures;
}

/**
 * 1. Can sendfile() send without the CPU touching a byte (no copy, no checksum pass) on this
 * NIC? Check the input with requireNic first.
 */
export function zeroCopyCapable(nic: NicFeatures): boolean {
  // TODO: which of the two features does that need: one, or both?
  throw new Error('TODO: zeroCopyCapable is not written yet (exercises/04-sendfile/README.md, part 1)');
}

/**
 * 2. The steps of ONE sendfile() call that moves `bytes` bytes (1 to MAX_RW_COUNT), in the
 * order they happen, for a page-cache miss or hit and a NIC with or without offloads.
 * Every step belongs to the syscall 'sendfile'. With scatter-gather, a 'descriptor' step
 * replaces the CPU copy: one descriptor per PAGE_SIZE page (a partial page needs one too); a
 * 'cpu-pass' checksum step follows it when the NIC has no checksum offload.
 */
export function sendfileCallSteps(bytes: number, pageCache: PageCacheState = 'miss', nic: NicFeatures = DEFAULT_NIC): Step[] {
  // TODO: check the inputs (requireInteger, requireOneOf, and part 1 for the NIC), then return
  // the steps, from entering the kernel to the NIC's interrupt.
  throw new Error('TODO: sendfileCallSteps is not written yet (exercises/04-sendfile/README.md, part 2)');
}

/**
 * 3. The counts for a whole file, by arithmetic. The caller asks for the whole rest of the
 * file on every call and the kernel moves as much as one call may (MAX_RW_COUNT), so a file
 * takes ceil(fileSize / MAX_RW_COUNT) calls; an empty file takes none.
 */
export function sendfileSummary(fileSize: number, options: SendfileOptions = {}): Summary {
  // TODO: validate, then combine one call's counts with the number of calls and the byte totals.
  throw new Error('TODO: sendfileSummary is not written yet (exercises/04-sendfile/README.md, part 3)');
}

/** Given: how many calls a file takes, and how big the last one is. */
function callCount(fileSize: number): {count: number; lastCallBytes: number} {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  if (fileSize === 0) return {count: 0, lastCallBytes: 0};
  const count = Math.ceil(fileSize / MAX_RW_COUNT);
  return {count, lastCallBytes: fileSize - (count - 1) * MAX_RW_COUNT};
}

/**
 * Given (it runs your parts 2 and 3): the calls as a trace, the first `listedChunks` step by
 * step, the rest counted.
 */
export function sendfileTrace(fileSize: number, options: SendfileTraceOptions = {}): Trace {
  const pageCache = options.pageCache ?? 'miss';
  const nic = options.nic ?? DEFAULT_NIC;
  const listedChunks = requireInteger('listedChunks', options.listedChunks ?? DEFAULT_LISTED_CHUNKS, {
    min: 0,
    max: 1000,
    unit: 'chunks',
  });
  const {count, lastCallBytes} = callCount(fileSize);
  const callBytes = (index: number): number => (index === count - 1 ? lastCallBytes : MAX_RW_COUNT);
  const listed = Math.min(count, listedChunks);
  const chunks: TraceChunk[] = Array.from({length: listed}, (_, index) => ({
    index,
    bytes: callBytes(index),
    steps: sendfileCallSteps(callBytes(index), pageCache, nic),
  }));
  if (listed === count) return {chunks, omitted: null};
  const listedBytes = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const all = sendfileSummary(fileSize, {pageCache, nic});
  const shown = sendfileSummary(listedBytes, {pageCache, nic});
  return {
    chunks,
    omitted: {chunks: count - listed, bytes: fileSize - listedBytes, summary: subtractSummaries(all, shown)},
  };
}

/**
 * 4. Send the whole file through `kernel` (README.md, part 4, has the rules): loop on
 * kernel.sendfile(offset, count) until every byte is sent; after EAGAIN call
 * kernel.waitWritable() before trying again; after EINVAL or ENOSYS send the rest with
 * kernel.readWrite(offset, count). Return what happened.
 */
export function sendAll(kernel: SimulatedKernel, fileSize: number): SendAllResult {
  // TODO: keep an offset, and count the sendfile() calls and the waits as you go.
  throw new Error('TODO: sendAll is not written yet (exercises/04-sendfile/README.md, part 4)');
}
