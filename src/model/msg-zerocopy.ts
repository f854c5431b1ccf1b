// Chapter 7: MSG_ZEROCOPY completion tracking. API of this file (kept stable; additions only):
//   COUNTER_SPAN = 2^32
//   type ZerocopyNotification {lo, hi, copied}   one error-queue message (ee_info..ee_data)
//   type CompletionState {ranges, copiedCount}   completed send ids, merged and normalised
//   EMPTY_COMPLETIONS
//   addNotification(state, notification) -> CompletionState   idempotent, wrap-aware
//   isCompleted(state, id) -> boolean
//   freeBuffers(state, outstanding: number[]) -> number[]     sends whose buffers may be reused
//   copiedCount(state) -> number                              ids reported with the copied flag
// Facts (Documentation/networking/msg_zerocopy.rst, Linux 4.14): each send() with MSG_ZEROCOPY
// gets the next value of a per-socket 32-bit counter, starting at 0 and wrapping. Completions
// arrive on the error queue (SO_EE_ORIGIN_ZEROCOPY) as an inclusive range [ee_info, ee_data];
// the kernel may merge consecutive ranges into one notification and report ranges out of
// order; SO_EE_CODE_ZEROCOPY_COPIED in ee_code says the kernel copied the data after all
// (e.g. loopback). The kernel does not report an id twice, but addNotification is idempotent
// so a duplicate changes nothing (copiedCount counts each id once).
import {ModelInputError, requireInteger} from './validate';

export const COUNTER_SPAN = 2 ** 32;
const MAX_ID = COUNTER_SPAN - 1;

export interface ZerocopyNotification {
  /** ee_info: first completed id. */
  readonly lo: number;
  /** ee_data: last completed id, inclusive; may be below lo when the range wraps past 2^32-1. */
  readonly hi: number;
  /** ee_code == SO_EE_CODE_ZEROCOPY_COPIED. */
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

function requireId(parameter: string, value: unknown): number {
  return requireInteger(parameter, value, {min: 0, max: MAX_ID, unit: 'ids'});
}

/** Splits a wrap-aware range into one or two plain ranges. */
export function splitRange(lo: number, hi: number): Range[] {
  return lo <= hi ? [[lo, hi]] : [[lo, MAX_ID], [0, hi]];
}

/** Merges sorted-or-not ranges into sorted, disjoint, non-adjacent ones. */
export function normaliseRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function requireNotification(notification: unknown): ZerocopyNotification {
  if (typeof notification !== 'object' || notification === null) {
    throw new ModelInputError('notification', notification, `notification must be an object {lo, hi, copied}; got ${String(notification)}`);
  }
  const n = notification as Record<string, unknown>;
  requireId('notification.lo', n.lo);
  requireId('notification.hi', n.hi);
  if (typeof n.copied !== 'boolean') {
    throw new ModelInputError('notification.copied', n.copied, `notification.copied must be true or false; got ${String(n.copied)}`);
  }
  const lo = n.lo as number;
  const hi = n.hi as number;
  // A wrapped range [lo, hi] with hi < lo covers lo..2^32-1 and 0..hi; refuse one that would
  // cover the whole counter twice, which no kernel can report (2^32 sends in flight).
  if (hi + 1 === lo) {
    throw new ModelInputError('notification.hi', hi, `notification.hi must not be notification.lo - 1: [${lo}, ${hi}] would cover all 2^32 ids`);
  }
  return {lo, hi, copied: n.copied};
}

/** The state after `notification`; adding one twice gives the same state. */
export function addNotification(state: CompletionState, notification: ZerocopyNotification): CompletionState {
  const {lo, hi, copied} = requireNotification(notification);
  const parts = splitRange(lo, hi);
  return {
    ranges: normaliseRanges([...state.ranges, ...parts]),
    copiedRanges: copied ? normaliseRanges([...state.copiedRanges, ...parts]) : state.copiedRanges,
  };
}

function inRanges(ranges: readonly Range[], id: number): boolean {
  return ranges.some(([lo, hi]) => lo <= id && id <= hi);
}

export function isCompleted(state: CompletionState, id: number): boolean {
  return inRanges(state.ranges, requireId('id', id));
}

/** The outstanding send ids whose buffers the program may now reuse, in the given order. */
export function freeBuffers(state: CompletionState, outstanding: readonly number[]): number[] {
  outstanding.forEach((id, i) => requireId(`outstanding[${i}]`, id));
  return outstanding.filter((id) => inRanges(state.ranges, id));
}

/** How many ids were reported with the copied flag (each id once). */
export function copiedCount(state: CompletionState): number {
  return state.copiedRanges.reduce((sum, [lo, hi]) => sum + hi - lo + 1, 0);
}

/** How many ids are completed. */
export function completedCount(state: CompletionState): number {
  return state.ranges.reduce((sum, [lo, hi]) => sum + hi - lo + 1, 0);
}

/**
 * The sends among ids 0..sent-1 not completed yet, as sorted inclusive ranges: what the kernel
 * still owes a notification for (a program that never wrapped the counter). A kernel that
 * completes everything outstanding at once would report the first of these ranges merged.
 */
export function pendingRanges(state: CompletionState, sent: number): Range[] {
  requireInteger('sent', sent, {min: 0, max: COUNTER_SPAN, unit: 'sends'});
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of state.ranges) {
    if (lo >= sent) break;
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next < sent) out.push([next, sent - 1]);
  return out;
}

/** Whether `id` was completed with the copied flag (SO_EE_CODE_ZEROCOPY_COPIED). */
export function isCopied(state: CompletionState, id: number): boolean {
  return inRanges(state.copiedRanges, requireId('id', id));
}
