// Chapter 7: splice(). API of this file (kept stable; later additions only):
//   DEFAULT_PIPE_PAGES, DEFAULT_PIPE_BYTES, PIPE_MAX_SIZE_DEFAULT  constants
//   pipeCapacity(requestedBytes, pageSize?, maxBytes?) -> bytes    what F_SETPIPE_SZ gives
//   spliceSteps(fileBytes, pipeBytes?, pageSize?, callLimit?) -> SpliceSteps
//   splicePlan(fileBytes, pipeBytes?, pageSize?, callLimit?) -> SplicePlan  the same, no list
//   spliceCallSteps(bytes, direction, pageCache?, nic?) -> Step[]  one splice() call
//   spliceSummary(fileBytes, options?) -> Summary                  whole file, by arithmetic
//   spliceTrace(fileBytes, options?) -> Trace                      rounds, first ones listed
//   SENDFILE_IS_SPLICE                                              fact for the chapter
// A program sends a file through a pipe: splice(file -> pipe) then splice(pipe -> socket),
// round after round. Each call is a syscall (two mode switches) and moves page *references*
// (struct pipe_buffer entries pointing at page-cache pages), not bytes: the only copies are
// DMA (disk -> page cache on a miss, page cache -> NIC at transmit). Without scatter-gather
// the socket side still copies at transmit, as with sendfile() (see sendfile.ts).
// Sources: splice(2) (Linux 2.6.17); fcntl(2) F_SETPIPE_SZ (2.6.35): capacity rounded up
// (fs/pipe.c round_pipe_size(): a power-of-two number of pages, at least one page), limited
// for unprivileged callers by /proc/sys/fs/pipe-max-size (default 1,048,576); pipe(7): default
// capacity 16 pages (PIPE_DEF_BUFFERS) = 65,536 bytes on 4 KiB pages.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from './types';
import {DEFAULT_NIC, type NicFeatures} from './sendfile';
import {EMPTY_SUMMARY, addSummaries, scaleSummary, summarizeSteps} from './summary';
import {MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE} from './units';
import {ModelInputError, requireInteger, requireOneOf} from './validate';

export const DEFAULT_PIPE_PAGES = 16;
export const DEFAULT_PIPE_BYTES = DEFAULT_PIPE_PAGES * PAGE_SIZE;
/** /proc/sys/fs/pipe-max-size default: what F_SETPIPE_SZ allows without CAP_SYS_RESOURCE. */
export const PIPE_MAX_SIZE_DEFAULT = 1024 * 1024;

/**
 * sendfile() is built on splice: since Linux 2.6.23 do_sendfile() calls do_splice_direct(),
 * which splices through a per-task internal pipe (fs/splice.c, fs/read_write.c).
 */
export const SENDFILE_IS_SPLICE = {since: '2.6.23', kernelFunction: 'do_splice_direct'} as const;

export type SpliceDirection = 'file-to-pipe' | 'pipe-to-socket';

export interface SpliceSteps {
  /** Rounds; each round is one splice(file -> pipe) and one splice(pipe -> socket). */
  readonly callsEachWay: number;
  /** Page references moved into the pipe (and the same number out of it). */
  readonly pageReferences: number;
  /** Bytes of each round, in order. The last may be shorter. */
  readonly roundBytes: readonly number[];
  readonly lastStepBytes: number;
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

function requirePageSize(pageSize: unknown): number {
  const value = requireInteger('pageSize', pageSize, {min: 512, max: 1024 * 1024, unit: 'bytes'});
  if (!isPowerOfTwo(value)) {
    throw new ModelInputError('pageSize', value, `pageSize must be a power of two (4,096 on x86-64); got ${value}`);
  }
  return value;
}

/** The capacity F_SETPIPE_SZ sets for `requestedBytes`: rounded up to 2^k pages, at least one page. */
export function pipeCapacity(requestedBytes: number, pageSize: number = PAGE_SIZE, maxBytes: number = PIPE_MAX_SIZE_DEFAULT): number {
  const page = requirePageSize(pageSize);
  const max = requireInteger('maxBytes', maxBytes, {min: page, max: 2 ** 31, unit: 'bytes'});
  const requested = requireInteger('requestedBytes', requestedBytes, {min: 0, max: 2 ** 31, unit: 'bytes'});
  let pages = 1;
  while (pages * page < requested) pages *= 2;
  const bytes = pages * page;
  if (bytes > max) {
    throw new ModelInputError(
      'requestedBytes',
      requestedBytes,
      `requestedBytes rounds up to ${bytes} bytes, above the limit ${max} (/proc/sys/fs/pipe-max-size): F_SETPIPE_SZ fails with EPERM unprivileged`,
    );
  }
  return bytes;
}

/**
 * The rounds of a transfer as arithmetic: every round but the last moves `perRoundBytes`, so
 * a 1 GiB file through a one-page pipe (262,144 rounds) is worked out without listing them.
 */
export interface SplicePlan {
  readonly callsEachWay: number;
  readonly pageReferences: number;
  /** What each round moves: min(pipe capacity, callLimit). */
  readonly perRoundBytes: number;
  /** Rounds that move exactly perRoundBytes. */
  readonly fullRounds: number;
  /** The short last round's bytes, 0 when the file ends on a full round. */
  readonly restBytes: number;
  readonly lastStepBytes: number;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** Page references of a round of `bytes` starting at `offset`: the pages it touches. */
function pagesTouched(offset: number, bytes: number, page: number): number {
  return Math.floor((offset + bytes - 1) / page) - Math.floor(offset / page) + 1;
}

/**
 * The rounds splicing `fileBytes` through a pipe of `pipeBytes` takes, counted without listing
 * them. Each round moves min(pipe capacity, callLimit, what is left); `callLimit` models a
 * splice() that returns short (fewer bytes than asked), like the per-call cap in sendfile.ts.
 * The file starts on a page boundary, so a round of b bytes at offset o touches
 * floor((o + b - 1) / page) - floor(o / page) + 1 pages.
 */
export function splicePlan(
  fileBytes: number,
  pipeBytes: number = DEFAULT_PIPE_BYTES,
  pageSize: number = PAGE_SIZE,
  callLimit: number = MAX_RW_COUNT,
): SplicePlan {
  const page = requirePageSize(pageSize);
  requireInteger('fileBytes', fileBytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireInteger('pipeBytes', pipeBytes, {min: page, max: 2 ** 31, unit: 'bytes'});
  if (pipeBytes % page !== 0) {
    throw new ModelInputError('pipeBytes', pipeBytes, `pipeBytes must be a whole number of pages of ${page} bytes; got ${pipeBytes}`);
  }
  requireInteger('callLimit', callLimit, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  const per = Math.min(pipeBytes, callLimit);
  const fullRounds = Math.floor(fileBytes / per);
  const restBytes = fileBytes - fullRounds * per;
  const callsEachWay = fullRounds + (restBytes > 0 ? 1 : 0);
  if (callsEachWay > 10_000_000) {
    throw new ModelInputError('fileBytes', fileBytes, `fileBytes needs ${callsEachWay} rounds; the model lists at most 10,000,000`);
  }
  // Summed over the full rounds k = 0..n-1, pagesTouched(k·per, per) telescopes to
  // floor(n·per / page) plus the rounds j = 1..n whose end j·per is not on a page boundary;
  // j·per is on one exactly when j is a multiple of page / gcd(per, page).
  const period = page / greatestCommonDivisor(per, page);
  const fullReferences = Math.floor((fullRounds * per) / page) + fullRounds - Math.floor(fullRounds / period);
  const pageReferences = fullReferences + (restBytes > 0 ? pagesTouched(fullRounds * per, restBytes, page) : 0);
  return {
    callsEachWay,
    pageReferences,
    perRoundBytes: per,
    fullRounds,
    restBytes,
    lastStepBytes: restBytes > 0 ? restBytes : fullRounds > 0 ? per : 0,
  };
}

/** Bytes of round `round` (0-based) of a plan. */
function roundBytesAt(plan: SplicePlan, round: number): number {
  return round < plan.fullRounds ? plan.perRoundBytes : plan.restBytes;
}

/**
 * The rounds splicing `fileBytes` through a pipe of `pipeBytes` takes, each round listed
 * (`roundBytes`). splicePlan gives the same counts without the list.
 */
export function spliceSteps(
  fileBytes: number,
  pipeBytes: number = DEFAULT_PIPE_BYTES,
  pageSize: number = PAGE_SIZE,
  callLimit: number = MAX_RW_COUNT,
): SpliceSteps {
  const plan = splicePlan(fileBytes, pipeBytes, pageSize, callLimit);
  const roundBytes: number[] = Array.from({length: plan.callsEachWay}, (_, round) => roundBytesAt(plan, round));
  return {callsEachWay: plan.callsEachWay, pageReferences: plan.pageReferences, roundBytes, lastStepBytes: plan.lastStepBytes};
}

/** The steps of one splice() call moving `bytes`. */
export function spliceCallSteps(
  bytes: number,
  direction: SpliceDirection,
  pageCache: PageCacheState = 'miss',
  nic: NicFeatures = DEFAULT_NIC,
): Step[] {
  requireInteger('bytes', bytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  requireOneOf('direction', direction, ['file-to-pipe', 'pipe-to-socket'] as const);
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  const enter: Step = {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'splice'};
  const leave: Step = {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'splice'};
  if (direction === 'file-to-pipe') {
    const disk: Step[] =
      pageCache === 'miss'
        ? [
            {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'splice', async: false},
            {kind: 'interrupt', source: 'disk', syscall: 'splice'},
          ]
        : [];
    // The pipe receives page references; no Region for the pipe, no bytes move.
    return [enter, ...disk, leave];
  }
  const intoSocket: Step[] = nic.scatterGather
    ? [
        {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: Math.ceil(bytes / PAGE_SIZE), syscall: 'splice'},
        ...(nic.checksumOffload
          ? []
          : [{kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes, syscall: 'splice'} satisfies Step]),
      ]
    : [{kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'splice', async: false}];
  return [
    enter,
    ...intoSocket,
    leave,
    {kind: 'copy', engine: 'dma', from: nic.scatterGather ? 'page-cache' : 'socket-buffer', to: 'nic', bytes, syscall: 'splice', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'splice'},
  ];
}

export interface SpliceOptions {
  readonly pageCache?: PageCacheState;
  readonly nic?: NicFeatures;
  readonly pipeBytes?: number;
  readonly callLimit?: number;
  /** Rounds listed step by step in a trace; default 3. */
  readonly listedChunks?: number;
}

function roundSteps(bytes: number, options: SpliceOptions): Step[] {
  const pageCache = options.pageCache ?? 'miss';
  const nic = options.nic ?? DEFAULT_NIC;
  return [...spliceCallSteps(bytes, 'file-to-pipe', pageCache, nic), ...spliceCallSteps(bytes, 'pipe-to-socket', pageCache, nic)];
}

/** The counts of `rounds` rounds of `bytes` each: one round listed, then multiplied. */
function roundsSummary(bytes: number, rounds: number, options: SpliceOptions): Summary {
  return rounds > 0 && bytes > 0 ? scaleSummary(summarizeSteps(roundSteps(bytes, options)), rounds) : EMPTY_SUMMARY;
}

/** The whole transfer's counts, by arithmetic: the full rounds are alike, the last may be short. */
export function spliceSummary(fileBytes: number, options: SpliceOptions = {}): Summary {
  const plan = splicePlan(fileBytes, options.pipeBytes, PAGE_SIZE, options.callLimit);
  roundSteps(1, options); // validates options for an empty file too
  return addSummaries(roundsSummary(plan.perRoundBytes, plan.fullRounds, options), roundsSummary(plan.restBytes, 1, options));
}

/** Rounds as a trace (a chunk = one round = two splice calls); the first `listedChunks` listed. */
export function spliceTrace(fileBytes: number, options: SpliceOptions = {}): Trace {
  const listedChunks = requireInteger('listedChunks', options.listedChunks ?? 3, {min: 0, max: 1000, unit: 'chunks'});
  const plan = splicePlan(fileBytes, options.pipeBytes, PAGE_SIZE, options.callLimit);
  const listed = Math.min(listedChunks, plan.callsEachWay);
  const chunks: TraceChunk[] = Array.from({length: listed}, (_, index) => {
    const bytes = roundBytesAt(plan, index);
    return {index, bytes, steps: roundSteps(bytes, options)};
  });
  if (listed === plan.callsEachWay) return {chunks, omitted: null};
  const fullLeft = Math.max(0, plan.fullRounds - listed);
  const restLeft = plan.restBytes > 0 ? 1 : 0;
  const summary = addSummaries(roundsSummary(plan.perRoundBytes, fullLeft, options), roundsSummary(plan.restBytes, restLeft, options));
  return {
    chunks,
    omitted: {chunks: fullLeft + restLeft, bytes: fullLeft * plan.perRoundBytes + restLeft * plan.restBytes, summary},
  };
}

/** One splice() call of a transfer, for a component that steps call by call. */
export interface SpliceCall {
  /** 0-based position among all calls: even = file -> pipe, odd = pipe -> socket. */
  readonly index: number;
  readonly round: number;
  readonly direction: SpliceDirection;
  readonly bytes: number;
  /** File offset of the round's first byte. */
  readonly offset: number;
  /** The file pages whose references this call moves, inclusive. */
  readonly firstPage: number;
  readonly lastPage: number;
  /** Page references in the pipe after the call (pipe_buffer slots in use). */
  readonly pipePages: number;
  /** Every slot holds a reference: the next splice into the pipe would block (EAGAIN with SPLICE_F_NONBLOCK). */
  readonly pipeFull: boolean;
  /** Bytes handed to the socket after the call. */
  readonly sentBytes: number;
}

/**
 * Call `index` (0-based) of splicing `fileBytes` through a pipe of `pipeBytes`, worked out from
 * spliceSteps without listing every call, so a 1 GiB file's half a million calls cost nothing.
 * Rounds are whole pipes (no callLimit), so each round's bytes start on a page boundary.
 */
export function spliceCallAt(fileBytes: number, pipeBytes: number, index: number, pageSize: number = PAGE_SIZE): SpliceCall {
  const plan = splicePlan(fileBytes, pipeBytes, pageSize);
  const page = pageSize;
  requireInteger('index', index, {min: 0, max: Math.max(0, plan.callsEachWay * 2 - 1), unit: 'calls'});
  if (plan.callsEachWay === 0) throw new ModelInputError('fileBytes', fileBytes, 'fileBytes is 0: an empty file takes no splice() call');
  const round = Math.floor(index / 2);
  const direction: SpliceDirection = index % 2 === 0 ? 'file-to-pipe' : 'pipe-to-socket';
  const bytes = roundBytesAt(plan, round);
  // Every round but the last moves the same amount (a full pipe).
  const offset = round * plan.perRoundBytes;
  const firstPage = Math.floor(offset / page);
  const lastPage = Math.floor((offset + bytes - 1) / page);
  const pipePages = direction === 'file-to-pipe' ? lastPage - firstPage + 1 : 0;
  return {
    index,
    round,
    direction,
    bytes,
    offset,
    firstPage,
    lastPage,
    pipePages,
    pipeFull: pipePages * page === pipeBytes,
    sentBytes: direction === 'file-to-pipe' ? offset : offset + bytes,
  };
}

/** The counts of calls 0..`index` of the transfer: what the whole-transfer spliceSummary adds up to at the last call. */
export function spliceSummaryThrough(fileBytes: number, index: number, options: SpliceOptions = {}): Summary {
  const pipeBytes = options.pipeBytes ?? DEFAULT_PIPE_BYTES;
  const call = spliceCallAt(fileBytes, pipeBytes, index);
  const per = splicePlan(fileBytes, pipeBytes).perRoundBytes;
  const pageCache = options.pageCache ?? 'miss';
  const nic = options.nic ?? DEFAULT_NIC;
  // The rounds before this one are all full pipes: one round's counts times their number.
  const fullRound = summarizeSteps(roundSteps(per, options));
  const sum = scaleSummary(fullRound, call.round);
  const thisRound =
    call.direction === 'file-to-pipe'
      ? spliceCallSteps(call.bytes, 'file-to-pipe', pageCache, nic)
      : [...spliceCallSteps(call.bytes, 'file-to-pipe', pageCache, nic), ...spliceCallSteps(call.bytes, 'pipe-to-socket', pageCache, nic)];
  return addSummaries(sum, summarizeSteps(thisRound));
}
