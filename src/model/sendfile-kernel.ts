// Chapter 4's practice kernel: a pretend sendfile() that behaves like the real one where a
// sending loop can go wrong. It returns short counts, says EAGAIN when a non-blocking
// socket's buffer is full, and may refuse with EINVAL or ENOSYS (the caller must then fall
// back to read()+write()). It records every call, so a loop can be checked afterwards:
// every byte sent exactly once and in order, no spinning, no call after the end.
//
// The kernel is deterministic: the same seed, pattern and calls give the same answers.
// It is a simulation for the exercise, not a description of when Linux returns what.
import {MAX_EXACT_BYTES, MAX_RW_COUNT, formatCount} from './units';
import {ModelInputError, requireInteger, requireOneOf} from './validate';
import {mulberry32} from './random';

/** The errors the simulated sendfile() returns instead of a byte count. */
export type SendfileError = 'EAGAIN' | 'EINVAL' | 'ENOSYS';

/** The errors after which sendfile() cannot be used for this file and socket: fall back. */
export type RefusalError = 'EINVAL' | 'ENOSYS';

export const REFUSAL_ERRORS: readonly RefusalError[] = ['EINVAL', 'ENOSYS'];

/** What one sendfile() call gives back: bytes sent (possibly fewer than asked), or an error. */
export type SendfileResult = number | {readonly error: SendfileError};

/** How the simulated kernel misbehaves. Chances are from 0 (never) to 1 (whenever it can). */
export interface KernelPattern {
  /** How often a call that could move more bytes moves fewer: at least 1, never all of them. */
  readonly shortChance: number;
  /** How often a call finds the socket buffer full and returns EAGAIN. */
  readonly eagainChance: number;
  /**
   * From which call sendfile() is refused: after `afterSends` calls have moved bytes, every
   * sendfile() returns `error`. null: never refused.
   */
  readonly refusal: {readonly error: RefusalError; readonly afterSends: number} | null;
}

/** A kernel that always sends everything it is allowed to, at once. */
export const CALM_PATTERN: KernelPattern = {shortChance: 0, eagainChance: 0, refusal: null};

/**
 * At most this many EAGAINs in a row: the simulated peer always reads eventually, so a
 * correct loop always finishes, even with eagainChance 1.
 */
export const EAGAIN_BURST_LIMIT = 3;

/** Far more calls than a correct loop needs on any file the course uses. */
export const DEFAULT_CALL_BUDGET = 10_000;

/** One call the program made, with what the kernel answered, in the order they happened. */
export type KernelCall =
  | {readonly kind: 'sendfile'; readonly offset: number; readonly count: number; readonly result: SendfileResult}
  | {readonly kind: 'wait-writable'}
  | {readonly kind: 'read-write'; readonly offset: number; readonly count: number; readonly result: number};

export interface SimulatedKernel {
  /** The size of the file being sent, in bytes. */
  readonly fileSize: number;
  /** After this many calls of any kind the kernel throws: it stops a loop that never ends. */
  readonly callBudget: number;
  /**
   * sendfile(socket, file, &offset, count): sends file bytes from `offset`, at most
   * min(count, MAX_RW_COUNT, bytes left in the file). Returns the count sent, 0 at the end of
   * the file, or an error: EAGAIN (socket buffer full: call waitWritable() before trying
   * again), EINVAL or ENOSYS (sendfile() cannot be used here: use readWrite() instead).
   */
  sendfile(offset: number, count: number): SendfileResult;
  /** Waits until the socket buffer has room again (what poll() for POLLOUT would do). */
  waitWritable(): void;
  /**
   * The fallback: one read() into a user buffer and one write() to the socket, at most
   * min(count, MAX_RW_COUNT, bytes left) bytes, possibly fewer. It never returns EAGAIN.
   */
  readWrite(offset: number, count: number): number;
  /** Every call so far, in order. */
  calls(): readonly KernelCall[];
}

export interface SimulatedKernelOptions {
  /** Any whole number: the same seed gives the same short counts and EAGAINs. */
  readonly seed: number;
  readonly fileSize: number;
  /** Default CALM_PATTERN; fields left out take their CALM_PATTERN value. */
  readonly pattern?: Partial<KernelPattern>;
  /** Default DEFAULT_CALL_BUDGET. */
  readonly callBudget?: number;
}

/** A rule a sending loop must keep; `auditSendLoop` names the first one broken. */
export type LoopRule =
  | 'call-after-completion'
  | 'wrong-offset'
  | 'count-too-small'
  | 'spinning-on-eagain'
  | 'wait-without-eagain'
  | 'sendfile-after-refusal'
  | 'fallback-without-refusal'
  | 'incomplete';

export interface LoopMistake {
  readonly rule: LoopRule;
  /** 1-based number of the call that broke the rule; null for 'incomplete'. */
  readonly call: number | null;
  readonly message: string;
}


function requireChance(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ModelInputError(
      parameter,
      value,
      `${parameter} must be a chance from 0 to 1; got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
    );
  }
  return value;
}

function validatePattern(pattern: Partial<KernelPattern>): KernelPattern {
  const full: KernelPattern = {...CALM_PATTERN, ...pattern};
  requireChance('pattern.shortChance', full.shortChance);
  requireChance('pattern.eagainChance', full.eagainChance);
  if (full.refusal !== null) {
    if (typeof full.refusal !== 'object') {
      throw new ModelInputError(
        'pattern.refusal',
        full.refusal,
        `pattern.refusal must be null or {error, afterSends}; got ${String(full.refusal)}`,
      );
    }
    requireOneOf('pattern.refusal.error', full.refusal.error, REFUSAL_ERRORS);
    requireInteger('pattern.refusal.afterSends', full.refusal.afterSends, {min: 0, max: 1_000_000, unit: 'calls'});
  }
  return full;
}

function describeCall(call: KernelCall): string {
  switch (call.kind) {
    case 'sendfile':
      return `sendfile(offset ${formatCount(call.offset)}, count ${formatCount(call.count)})`;
    case 'read-write':
      return `readWrite(offset ${formatCount(call.offset)}, count ${formatCount(call.count)})`;
    case 'wait-writable':
      return 'waitWritable()';
  }
}

/**
 * The first rule a sending loop broke, judged from the kernel's record of its calls, or null
 * when it kept them all. With `complete` false, a loop that has not finished yet is not a
 * mistake (the kernel uses that when it stops a loop mid-way).
 */
export function auditSendLoop(
  calls: readonly KernelCall[],
  fileSize: number,
  {complete = true}: {readonly complete?: boolean} = {},
): LoopMistake | null {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  let sent = 0;
  let bufferFull = false;
  let refusedWith: RefusalError | null = null;
  for (const [index, call] of calls.entries()) {
    const number = index + 1;
    const at = `call #${formatCount(number)}, ${describeCall(call)}`;
    const mistake = (rule: LoopRule, why: string): LoopMistake => ({rule, call: number, message: `${at}: ${why}`});
    if (sent === fileSize) {
      return mistake(
        'call-after-completion',
        `all ${formatCount(fileSize)} bytes had already been sent. Stop as soon as the offset reaches the file size.`,
      );
    }
    if (call.kind === 'wait-writable') {
      if (!bufferFull) {
        return mistake('wait-without-eagain', 'no EAGAIN came before it. Wait only when sendfile() says the socket buffer is full.');
      }
      bufferFull = false;
      continue;
    }
    if (call.kind === 'sendfile' && refusedWith !== null) {
      return mistake(
        'sendfile-after-refusal',
        `sendfile() had already returned ${refusedWith}, which does not go away on a retry. Fall back to readWrite() for the rest.`,
      );
    }
    if (call.kind === 'sendfile' && bufferFull) {
      return mistake(
        'spinning-on-eagain',
        'the previous sendfile() returned EAGAIN and the loop tried again without waitWritable(): it is spinning on a full socket buffer.',
      );
    }
    if (call.kind === 'read-write' && refusedWith === null) {
      return mistake(
        'fallback-without-refusal',
        'sendfile() had not returned EINVAL or ENOSYS. Fall back to read()+write() only when sendfile() cannot be used.',
      );
    }
    if (call.offset !== sent) {
      const why =
        call.offset < sent
          ? `bytes ${formatCount(call.offset)} to ${formatCount(sent - 1)} had already been sent, so they would be sent twice.`
          : `only ${formatCount(sent)} bytes had been sent, so bytes ${formatCount(sent)} to ${formatCount(call.offset - 1)} would be skipped.`;
      return mistake('wrong-offset', `${why} Advance the offset by exactly what each call returned.`);
    }
    const canMove = Math.min(fileSize - sent, MAX_RW_COUNT);
    if (call.count < canMove) {
      return mistake(
        'count-too-small',
        `${formatCount(fileSize - sent)} bytes were left but the call asked for only ${formatCount(call.count)}. Ask for everything that is left: the kernel itself caps one call at ${formatCount(MAX_RW_COUNT)} bytes.`,
      );
    }
    const result = call.result;
    if (typeof result === 'number') {
      sent += result;
    } else if (result.error === 'EAGAIN') {
      bufferFull = true;
    } else {
      refusedWith = result.error;
    }
  }
  if (complete && sent < fileSize) {
    return {
      rule: 'incomplete',
      call: null,
      message: `the loop stopped after ${formatCount(sent)} of ${formatCount(fileSize)} bytes. Keep going until every byte is sent.`,
    };
  }
  return null;
}

/** A deterministic sendfile() to practise the sending loop on. See SimulatedKernel. */
export function createSimulatedKernel(options: SimulatedKernelOptions): SimulatedKernel {
  const seed = options.seed;
  if (!Number.isSafeInteger(seed)) {
    throw new ModelInputError('seed', seed, `seed must be a whole number; got ${String(seed)}`);
  }
  const fileSize = requireInteger('fileSize', options.fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const pattern = validatePattern(options.pattern ?? {});
  const callBudget = requireInteger('callBudget', options.callBudget ?? DEFAULT_CALL_BUDGET, {
    min: 1,
    max: 10_000_000,
    unit: 'calls',
  });
  const random = mulberry32(seed);
  const log: KernelCall[] = [];
  let sends = 0;
  let bufferFull = false;
  let eagainsInARow = 0;

  // Stops a loop that never ends, and says which rule it broke, if any, before it got there.
  function spendCall(): void {
    if (log.length < callBudget) return;
    const mistake = auditSendLoop(log, fileSize, {complete: false});
    throw new Error(
      [
        `The simulated kernel stopped the loop at call #${formatCount(log.length + 1)}: a correct loop needs far fewer than ${formatCount(callBudget)} calls.`,
        mistake ? `The first rule broken: ${mistake.message}` : 'No single call broke a rule, but the loop never finished.',
      ].join(' '),
    );
  }

  function validateRange(offset: number, count: number): void {
    requireInteger('offset', offset, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
    requireInteger('count', count, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  }

  // How many bytes one call moves: all it may, or (a short return) between 1 and one fewer.
  function bytesMoved(offset: number, count: number): number {
    const allowed = Math.max(0, Math.min(count, MAX_RW_COUNT, fileSize - offset));
    const short = random() < pattern.shortChance;
    const fraction = random();
    if (!short || allowed < 2) return allowed;
    return 1 + Math.floor(fraction * (allowed - 1));
  }

  function sendfile(offset: number, count: number): SendfileResult {
    validateRange(offset, count);
    spendCall();
    const answer = ((): SendfileResult => {
      if (pattern.refusal !== null && sends >= pattern.refusal.afterSends) return {error: pattern.refusal.error};
      // A full buffer stays full until the program waits for room: retrying at once is spinning.
      if (bufferFull) return {error: 'EAGAIN'};
      if (offset >= fileSize || count === 0) return 0;
      if (eagainsInARow < EAGAIN_BURST_LIMIT && random() < pattern.eagainChance) {
        bufferFull = true;
        eagainsInARow++;
        return {error: 'EAGAIN'};
      }
      eagainsInARow = 0;
      sends++;
      return bytesMoved(offset, count);
    })();
    log.push({kind: 'sendfile', offset, count, result: answer});
    return answer;
  }

  function waitWritable(): void {
    spendCall();
    bufferFull = false;
    log.push({kind: 'wait-writable'});
  }

  function readWrite(offset: number, count: number): number {
    validateRange(offset, count);
    spendCall();
    const moved = bytesMoved(offset, count);
    log.push({kind: 'read-write', offset, count, result: moved});
    return moved;
  }

  return {fileSize, callBudget, sendfile, waitWritable, readWrite, calls: () => [...log]};
}
