// Chapter 4: sendfile(out_fd, in_fd, *offset, count). One call moves file bytes to a socket
// inside the kernel: two mode switches, and the bytes never reach a user buffer. What the CPU
// still does depends on the NIC, on a current kernel (4.17 and later, where TCP always queues
// page references, net/core/sock.c sk_setup_caps()):
//   - scatter-gather and checksum offload: the socket buffer holds page references and the NIC
//     gathers the bytes from the page cache; the CPU neither copies nor reads them;
//   - scatter-gather without checksum offload: no copy, but one CPU read pass over every byte
//     to compute the checksum at transmit (skb_checksum_help());
//   - no scatter-gather: one CPU copy into a contiguous buffer at transmit (software
//     segmentation / __skb_linearize()), which computes the checksum on the way.
// One call moves at most MAX_RW_COUNT bytes and may return short, so a program loops;
// `sendAll` is that loop, run against a simulated kernel.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from './types';
import {EMPTY_SUMMARY, addSummaries, scaleSummary, subtractSummaries, summarizeSteps} from './summary';
import {MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE, formatCount} from './units';
import {ModelInputError, requireInteger, requireOneOf} from './validate';
import type {SimulatedKernel} from './sendfile-kernel';

export {
  CALM_PATTERN,
  DEFAULT_CALL_BUDGET,
  EAGAIN_BURST_LIMIT,
  REFUSAL_ERRORS,
  auditSendLoop,
  createSimulatedKernel,
} from './sendfile-kernel';
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
} from './sendfile-kernel';

/** The two NIC features (`ethtool -k`: scatter-gather, tx-checksumming) zero-copy sending needs. */
export interface NicFeatures {
  /** The NIC can gather one packet from several places in memory (NETIF_F_SG). */
  readonly scatterGather: boolean;
  /** The NIC computes the TCP checksum itself: no checksumming on the CPU. */
  readonly checksumOffload: boolean;
}

/** A NIC with neither feature: sendfile() still makes one CPU copy. */
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
 * True when the CPU never touches the bytes sendfile() sends: only with scatter-gather AND
 * checksum offload. With scatter-gather alone a current kernel copies nothing but still reads
 * every byte to compute the checksum. (Before 4.17, tcp_sendpage() copied on such a device,
 * and 2.6-era kernels even turned its scatter-gather off.)
 */
export function zeroCopyCapable(nic: NicFeatures): boolean {
  const {scatterGather, checksumOffload} = requireNic(nic);
  return scatterGather && checksumOffload;
}

/**
 * Descriptors for `bytes` of page cache. An assumption of the model, not a kernel fact: one
 * (address, length) descriptor per 4 KiB page, as if no two pages were adjacent in memory,
 * and the call starting on a page boundary.
 */
function descriptorCount(bytes: number): number {
  return Math.ceil(bytes / PAGE_SIZE);
}

/** The steps of one sendfile() call that moves `bytes` from a file to a socket. */
export function sendfileCallSteps(bytes: number, pageCache: PageCacheState = 'miss', nic: NicFeatures = DEFAULT_NIC): Step[] {
  requireInteger('bytes', bytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  const {scatterGather} = requireNic(nic);
  const zeroCopy = zeroCopyCapable(nic);
  const diskRead: Step[] =
    pageCache === 'miss'
      ? [
          {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'sendfile', async: false},
          {kind: 'interrupt', source: 'disk', syscall: 'sendfile'},
        ]
      : [];
  // A NIC that gathers gets page references into the page cache; one that cannot gets the bytes
  // copied into a contiguous buffer (the copy computes the checksum on the way). A gathering NIC
  // without checksum offload costs a CPU read pass instead: the checksum, with no copy.
  const intoSocket: Step[] = scatterGather
    ? [
        {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: descriptorCount(bytes), syscall: 'sendfile'},
        ...(zeroCopy
          ? []
          : [{kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes, syscall: 'sendfile'} satisfies Step]),
      ]
    : [{kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'sendfile', async: false}];
  return [
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
    ...diskRead,
    ...intoSocket,
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
    // sendfile() has returned: the NIC sends later, on its own, from wherever the bytes are.
    {kind: 'copy', engine: 'dma', from: scatterGather ? 'page-cache' : 'socket-buffer', to: 'nic', bytes, syscall: 'sendfile', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
  ];
}

/**
 * How many sendfile() calls a file takes when every call asks for the rest of the file and
 * the kernel moves all it may (its cap, MAX_RW_COUNT), and how big the last one is.
 */
function callCount(fileSize: number): {count: number; lastCallBytes: number} {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  if (fileSize === 0) return {count: 0, lastCallBytes: 0};
  const count = Math.ceil(fileSize / MAX_RW_COUNT);
  return {count, lastCallBytes: fileSize - (count - 1) * MAX_RW_COUNT};
}

/**
 * The whole file's counts, by arithmetic: ceil(fileSize / MAX_RW_COUNT) calls, as made by a
 * caller that asks for the whole rest of the file each time and is never cut short.
 */
export function sendfileSummary(fileSize: number, options: SendfileOptions = {}): Summary {
  const pageCache = options.pageCache ?? 'miss';
  const nic = options.nic ?? DEFAULT_NIC;
  const {count} = callCount(fileSize);
  // Validate the path even for an empty file, so bad options never pass silently.
  const perCall = summarizeSteps(sendfileCallSteps(1, pageCache, nic));
  if (count === 0) return EMPTY_SUMMARY;
  // A call's counts do not depend on its size; only the byte totals do.
  const counts = scaleSummary({...perCall, cpuBytes: 0, dmaBytes: 0, cpuPassBytes: 0, sentBytes: 0}, count);
  return addSummaries(counts, {
    ...EMPTY_SUMMARY,
    cpuBytes: perCall.cpuBytes * fileSize,
    cpuPassBytes: perCall.cpuPassBytes * fileSize,
    dmaBytes: perCall.dmaBytes * fileSize,
    sentBytes: fileSize,
  });
}

/** The calls as a trace: the first `listedChunks` step by step, the rest counted. */
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
 * Sends a whole file with sendfile(), the way a careful program does: ask for everything
 * that is left, advance the offset by what came back, wait for room after EAGAIN, and on
 * EINVAL or ENOSYS send the rest with read()+write() from where sendfile() stopped.
 */
export function sendAll(kernel: SimulatedKernel, fileSize: number): SendAllResult {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  let offset = 0;
  let sendfileCalls = 0;
  let eagainWaits = 0;
  let fellBack = false;
  while (offset < fileSize) {
    const left = fileSize - offset;
    let moved: number;
    if (fellBack) {
      moved = kernel.readWrite(offset, left);
    } else {
      const result = kernel.sendfile(offset, left);
      sendfileCalls++;
      if (typeof result !== 'number') {
        if (result.error === 'EAGAIN') {
          kernel.waitWritable();
          eagainWaits++;
        } else {
          fellBack = true;
        }
        continue;
      }
      moved = result;
    }
    // 0 before the end means the file got shorter while it was being sent: looping on would spin.
    if (moved === 0) {
      throw new Error(`The kernel sent 0 bytes with ${formatCount(left)} still to send: did the file shrink?`);
    }
    offset += moved;
  }
  return {bytesSent: offset, sendfileCalls, eagainWaits, fellBack};
}
