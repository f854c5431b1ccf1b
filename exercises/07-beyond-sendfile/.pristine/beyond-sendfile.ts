// Exercise 7: beyond sendfile(), splice() through a pipe and MSG_ZEROCOPY completions.
// Task and rules: README.md in this folder. Hints: hints.md (or `npm run hint -- 07`).
// Grade your work: `npm run grade -- 07` (or `npm test -w exercises/07-beyond-sendfile`).
//
// These are the same exports and types as the course's model (src/model/beyond-sendfile.ts,
// which re-exports src/model/splice.ts, src/model/msg-zerocopy.ts and src/model/direct-io.ts). Everything marked
// "Given" is yours to use; the seven numbered functions are what you write.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from '@site/src/model/types';
import {EMPTY_SUMMARY, addSummaries, summarizeSteps} from '@site/src/model/summary';
import {MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE} from '@site/src/model/units';
import {ModelInputError, requireInteger, requireOneOf} from '@site/src/model/validate';

// Given: the NIC features of chapters 4 and 5 (scatter-gather, checksum offload).
export {DEFAULT_NIC} from '@site/src/model/sendfile';
export type {NicFeatures} from '@site/src/model/sendfile';
import {DEFAULT_NIC, type NicFeatures} from '@site/src/model/sendfile';

// ---------------------------------------------------------------------------------------
// splice() (README.md, parts 1 to 3)

/** A pipe's default capacity: 16 pages (pipe(7), PIPE_DEF_BUFFERS). */
export const DEFAULT_PIPE_PAGES = 16;
export const DEFAULT_PIPE_BYTES = DEFAULT_PIPE_PAGES * PAGE_SIZE;
/** /proc/sys/fs/pipe-max-size default: what F_SETPIPE_SZ allows without CAP_SYS_RESOURCE. */
export const PIPE_MAX_SIZE_DEFAULT = 1024 * 1024;

/** Given: since Linux 2.6.23 sendfile() runs do_splice_direct(), through a pipe of its own. */
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

export interface SpliceOptions {
  readonly pageCache?: PageCacheState;
  readonly nic?: NicFeatures;
  readonly pipeBytes?: number;
  readonly callLimit?: number;
  /** Rounds listed step by step in a trace; default 3. */
  readonly listedChunks?: number;
}

/** Given: returns `pageSize` if it is a power of two from 512 to 1 MiB; otherwise throws, naming it. */
function requirePageSize(pageSize: unknown): number {
  const value = requireInteger('pageSize', pageSize, {min: 512, max: 1024 * 1024, unit: 'bytes'});
  if ((value & (value - 1)) !== 0) {
    throw new ModelInputError('pageSize', value, `pageSize must be a power of two (4,096 on x86-64); got ${value}`);
  }
  return value;
}

/**
 * 1. The capacity fcntl(fd, F_SETPIPE_SZ, requestedBytes) gives a pipe: a power-of-two
 * number of pages, at least one page, and at least `requestedBytes`. Above `maxBytes`
 * (/proc/sys/fs/pipe-max-size) an unprivileged caller gets EPERM: throw a ModelInputError
 * naming `requestedBytes`. Check pageSize (requirePageSize), then maxBytes (pageSize to 2^31)
 * and requestedBytes (0 to 2^31) with requireInteger.
 */
export function pipeCapacity(requestedBytes: number, pageSize: number = PAGE_SIZE, maxBytes: number = PIPE_MAX_SIZE_DEFAULT): number {
  // TODO: double a number of pages, starting from one, until it holds requestedBytes.
  throw new Error('TODO: pipeCapacity is not written yet (exercises/07-beyond-sendfile/README.md, part 1)');
}

/**
 * 2. The rounds splicing `fileBytes` through a pipe of `pipeBytes` takes. Each round moves
 * min(pipeBytes, callLimit, what is left). The file starts on a page boundary, so a round
 * covering bytes [offset, offset + b) moves one page reference per page it touches.
 * Check pageSize (requirePageSize), fileBytes (0 to MAX_EXACT_BYTES), pipeBytes (pageSize to
 * 2^31, a whole number of pages) and callLimit (1 to MAX_RW_COUNT), each named first; refuse a
 * file needing more than 10,000,000 rounds, naming fileBytes.
 */
export function spliceSteps(
  fileBytes: number,
  pipeBytes: number = DEFAULT_PIPE_BYTES,
  pageSize: number = PAGE_SIZE,
  callLimit: number = MAX_RW_COUNT,
): SpliceSteps {
  // TODO: list the rounds' sizes, then count the pages each round touches.
  throw new Error('TODO: spliceSteps is not written yet (exercises/07-beyond-sendfile/README.md, part 2)');
}

/**
 * 3. The steps of ONE splice() call moving `bytes` (1 to MAX_RW_COUNT), every step with
 * syscall 'splice'. 'file-to-pipe' puts page references into the pipe: no byte moves, but a
 * page-cache miss reads the file first. 'pipe-to-socket' hands the pages to the socket as
 * sendfile() does (chapter 4): a CPU copy without scatter-gather; descriptors (and a checksum
 * pass without checksum offload) with it; then the NIC's DMA after the call returns.
 */
export function spliceCallSteps(
  bytes: number,
  direction: SpliceDirection,
  pageCache: PageCacheState = 'miss',
  nic: NicFeatures = DEFAULT_NIC,
): Step[] {
  // TODO: check bytes, direction and pageCache (requireInteger, requireOneOf), then build the steps.
  throw new Error('TODO: spliceCallSteps is not written yet (exercises/07-beyond-sendfile/README.md, part 3)');
}

/** Given: the two calls of one round. */
function roundSteps(bytes: number, options: SpliceOptions): Step[] {
  const pageCache = options.pageCache ?? 'miss';
  const nic = options.nic ?? DEFAULT_NIC;
  return [...spliceCallSteps(bytes, 'file-to-pipe', pageCache, nic), ...spliceCallSteps(bytes, 'pipe-to-socket', pageCache, nic)];
}

/** Given (it runs your parts 2 and 3): the whole transfer's counts. */
export function spliceSummary(fileBytes: number, options: SpliceOptions = {}): Summary {
  const plan = spliceSteps(fileBytes, options.pipeBytes, PAGE_SIZE, options.callLimit);
  roundSteps(1, options); // checks the options for an empty file too
  return plan.roundBytes.reduce((sum, bytes) => addSummaries(sum, summarizeSteps(roundSteps(bytes, options))), EMPTY_SUMMARY);
}

/** Given (it runs your parts 2 and 3): the rounds as a trace, the first `listedChunks` listed. */
export function spliceTrace(fileBytes: number, options: SpliceOptions = {}): Trace {
  const listedChunks = requireInteger('listedChunks', options.listedChunks ?? 3, {min: 0, max: 1000, unit: 'chunks'});
  const plan = spliceSteps(fileBytes, options.pipeBytes, PAGE_SIZE, options.callLimit);
  const listed = Math.min(listedChunks, plan.callsEachWay);
  const chunks: TraceChunk[] = plan.roundBytes.slice(0, listed).map((bytes, index) => ({index, bytes, steps: roundSteps(bytes, options)}));
  if (listed === plan.callsEachWay) return {chunks, omitted: null};
  const rest = plan.roundBytes.slice(listed);
  const summary = rest.reduce((sum, bytes) => addSummaries(sum, summarizeSteps(roundSteps(bytes, options))), EMPTY_SUMMARY);
  return {chunks, omitted: {chunks: rest.length, bytes: rest.reduce((a, b) => a + b, 0), summary}};
}

// ---------------------------------------------------------------------------------------
// MSG_ZEROCOPY completions (README.md, part 4)

/** Send ids come from a per-socket 32-bit counter: 0 to 2^32 - 1, then 0 again. */
export const COUNTER_SPAN = 2 ** 32;
const MAX_ID = COUNTER_SPAN - 1;

export interface ZerocopyNotification {
  /** ee_info: first completed id. */
  readonly lo: number;
  /** ee_data: last completed id, inclusive; below lo when the range wraps past 2^32 - 1. */
  readonly hi: number;
  /** ee_code == SO_EE_CODE_ZEROCOPY_COPIED: the kernel copied the data after all. */
  readonly copied: boolean;
}

/** Completed ids as sorted, disjoint, non-adjacent inclusive [lo, hi] ranges within 0..2^32-1. */
export interface CompletionState {
  readonly ranges: readonly (readonly [number, number])[];
  /** Ids completed with the copied flag, as ranges too (so duplicates count once). */
  readonly copiedRanges: readonly (readonly [number, number])[];
}

export const EMPTY_COMPLETIONS: CompletionState = {ranges: [], copiedRanges: []};

type Range = readonly [number, number];

/** Given: checks a send id (0 to 2^32 - 1), naming the parameter. */
function requireId(parameter: string, value: unknown): number {
  return requireInteger(parameter, value, {min: 0, max: MAX_ID, unit: 'ids'});
}

/** Given: checks a notification's three fields, naming the one at fault (notification.lo, ...). */
function requireNotification(notification: unknown): ZerocopyNotification {
  if (typeof notification !== 'object' || notification === null) {
    throw new ModelInputError('notification', notification, `notification must be an object {lo, hi, copied}; got ${String(notification)}`);
  }
  const n = notification as Record<string, unknown>;
  const lo = requireId('notification.lo', n.lo);
  const hi = requireId('notification.hi', n.hi);
  if (typeof n.copied !== 'boolean') {
    throw new ModelInputError('notification.copied', n.copied, `notification.copied must be true or false; got ${String(n.copied)}`);
  }
  // [lo, lo - 1] would wrap all the way round: every one of the 2^32 ids, which no kernel reports.
  if (hi + 1 === lo) {
    throw new ModelInputError('notification.hi', hi, `notification.hi must not be notification.lo - 1: [${lo}, ${hi}] would cover all 2^32 ids`);
  }
  return {lo, hi, copied: n.copied};
}

/** Given: a wrap-aware range as one or two plain ranges: [2^32 - 2, 1] is [2^32 - 2, 2^32 - 1] and [0, 1]. */
export function splitRange(lo: number, hi: number): Range[] {
  return lo <= hi ? [[lo, hi]] : [[lo, MAX_ID], [0, hi]];
}

/**
 * 4. Merges plain [lo, hi] ranges (lo <= hi), in any order, overlapping or not, into sorted,
 * disjoint, non-adjacent ones: [[5, 9], [1, 3], [4, 4]] becomes [[1, 9]]. Leave the
 * argument as it was.
 */
export function normaliseRanges(ranges: readonly Range[]): Range[] {
  // TODO: sort by lo, then grow the last range while the next one overlaps or touches it.
  throw new Error('TODO: normaliseRanges is not written yet (exercises/07-beyond-sendfile/README.md, part 4)');
}

/**
 * 5. The state after one error-queue notification (check it with requireNotification):
 * its ids become completed, and copied ones are remembered in copiedRanges too. A range may
 * wrap past 2^32 - 1; notifications arrive out of order; adding one twice changes nothing.
 * Return a new state: do not change `state`.
 */
export function addNotification(state: CompletionState, notification: ZerocopyNotification): CompletionState {
  // TODO: split the range where it wraps, and normalise the new list of ranges.
  throw new Error('TODO: addNotification is not written yet (exercises/07-beyond-sendfile/README.md, part 4)');
}

/** Given: is the send with this id completed? */
export function isCompleted(state: CompletionState, id: number): boolean {
  requireId('id', id);
  return state.ranges.some(([lo, hi]) => lo <= id && id <= hi);
}

/**
 * 6. Which of the program's outstanding send ids may have their buffers reused now: those
 * completed, in the order given (an id listed twice stays twice). Check every id first,
 * naming it by its place: `outstanding[2]`.
 */
export function freeBuffers(state: CompletionState, outstanding: readonly number[]): number[] {
  // TODO: check each id with requireId, then keep the completed ones.
  throw new Error('TODO: freeBuffers is not written yet (exercises/07-beyond-sendfile/README.md, part 4)');
}

/** Given: how many ids were reported with the copied flag (each id once). */
export function copiedCount(state: CompletionState): number {
  return state.copiedRanges.reduce((sum, [lo, hi]) => sum + hi - lo + 1, 0);
}

/** Given: how many ids are completed. */
export function completedCount(state: CompletionState): number {
  return state.ranges.reduce((sum, [lo, hi]) => sum + hi - lo + 1, 0);
}

// ---------------------------------------------------------------------------------------
// When zero-copy is the wrong tool (README.md, part 5)

export type AccessPattern = 'once' | 'repeated' | 'random-small';
export const ACCESS_PATTERNS: readonly AccessPattern[] = ['once', 'repeated', 'random-small'];

export interface DirectIoInput {
  readonly fileBytes: number;
  /** Page cache available for this file (free plus reclaimable). */
  readonly pageCacheBytes: number;
  readonly accessPattern: AccessPattern;
  /** nginx's `directio` size; when it is given, nginx's rule decides. */
  readonly directioThreshold?: number;
}

export interface DirectIoChoice {
  readonly method: 'sendfile' | 'direct-io';
  /** One sentence a reader can follow: why this method. */
  readonly reason: string;
}

/**
 * 7. Sendfile through the page cache, or direct I/O? With `directioThreshold` given, nginx's
 * rule: direct I/O for files at least that large, sendfile for smaller ones. Otherwise: a file
 * read repeatedly stays with the page cache; so does a file that fits in the cache available;
 * a larger file read once, or read in small random pieces, goes to direct I/O. Check every
 * field first (fileBytes, pageCacheBytes, accessPattern, then directioThreshold when given).
 */
export function chooseDirectIo(input: DirectIoInput): DirectIoChoice {
  // TODO: check the fields (requireInteger, requireOneOf), then apply the rules in the order above.
  throw new Error('TODO: chooseDirectIo is not written yet (exercises/07-beyond-sendfile/README.md, part 5)');
}
