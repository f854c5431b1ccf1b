// Support for chapter 6's Java NIO model (src/model/mmap-nio.ts re-exports its public parts): Java's
// exceptions as errors with Java's names, and a deterministic stand-in for
// FileChannel.transferTo to practise the transfer loop on. Exercise 6 hands these over as
// given, so a learner's loop and the course's loop run against the same channel.
import {MAX_EXACT_BYTES, MAX_RW_COUNT, formatCount} from './units';
import {ModelInputError, requireInteger} from './validate';
import {mulberry32} from './random';

export {mulberry32};

/** A value as an error message quotes it: strings in quotes, everything else as written. */
export function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The java.nio (and java.lang) exceptions the chapter's ByteBuffer and channel throw. */
export type JavaExceptionName =
  | 'IllegalArgumentException'
  | 'BufferOverflowException'
  | 'BufferUnderflowException'
  | 'InvalidMarkException';

/**
 * An exception Java would throw, thrown here with Java's class name as `name`, so a test can
 * say "BufferOverflowException" exactly as a Java programmer would.
 */
export class JavaException extends Error {
  constructor(
    readonly javaName: JavaExceptionName,
    message: string,
  ) {
    super(message);
    this.name = javaName;
  }
}


/**
 * What a transfer loop sees of a FileChannel and its target: the file's size, transferTo, and
 * a way to wait until a non-blocking target can take more bytes.
 */
export interface TransferToChannel {
  /** FileChannel.size(): the source file's length in bytes. */
  readonly fileSize: number;
  /**
   * FileChannel.transferTo(position, count, target): moves up to `count` bytes starting at
   * `position` of the file and returns how many it moved, possibly fewer than asked, and 0
   * when `position` is at or past the end of the file, or when a non-blocking target is full.
   * It never changes the channel's own position: the caller passes the position every time.
   */
  transferTo(position: number, count: number): number;
  /**
   * Waits until the target can take more bytes: what a Selector waiting for OP_WRITE gives a
   * non-blocking socket. Call it after transferTo returned 0 although bytes were left.
   */
  awaitWritable(): void;
}

/** One call a loop made on a simulated channel, as the channel recorded it. */
export type ChannelCall =
  | {readonly kind: 'transferTo'; readonly position: number; readonly count: number; readonly returned: number}
  | {readonly kind: 'await-writable'};

export interface SimulatedChannel extends TransferToChannel {
  /** The most calls it accepts before it stops a loop that never ends. */
  readonly callBudget: number;
  /** Every call so far, in order. */
  calls(): readonly ChannelCall[];
}

export interface SimulatedChannelOptions {
  readonly fileSize: number;
  /** The same seed gives the same short returns and the same full buffers. */
  readonly seed: number;
  /**
   * The most one transferTo returns (transferToPath's perCallCapBytes); null for no cap.
   * Default MAX_RW_COUNT, the cap of JDK 17 and later on Linux.
   */
  readonly perCallCapBytes?: number | null;
  /** Chance (0 to 1) that a call moves fewer bytes than it could. Default 0.5. */
  readonly shortChance?: number;
  /**
   * Chance (0 to 1) that a call finds the non-blocking target full and returns 0; the target
   * stays full until awaitWritable(). Default 0: a blocking target that is never full.
   */
  readonly fullChance?: number;
  /** Default DEFAULT_CHANNEL_CALL_BUDGET. */
  readonly callBudget?: number;
}

export const DEFAULT_CHANNEL_CALL_BUDGET = 10_000;

function requireChance(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ModelInputError(parameter, value, `${parameter} must be a chance from 0 to 1; got ${String(value)}`);
  }
  return value;
}

/**
 * A deterministic FileChannel.transferTo to practise the loop on, following Java's contract:
 * IllegalArgumentException for a negative position or count, 0 at or past the end of the
 * file, never more than asked, the file has, or the per-call cap allows.
 */
export function createSimulatedChannel(options: SimulatedChannelOptions): SimulatedChannel {
  if (!Number.isSafeInteger(options.seed)) {
    throw new ModelInputError('seed', options.seed, `seed must be a whole number; got ${String(options.seed)}`);
  }
  const fileSize = requireInteger('fileSize', options.fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const cap =
    options.perCallCapBytes === null
      ? null
      : requireInteger('perCallCapBytes', options.perCallCapBytes ?? MAX_RW_COUNT, {min: 1, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const shortChance = requireChance('shortChance', options.shortChance ?? 0.5);
  const fullChance = requireChance('fullChance', options.fullChance ?? 0);
  const callBudget = requireInteger('callBudget', options.callBudget ?? DEFAULT_CHANNEL_CALL_BUDGET, {
    min: 1,
    max: 10_000_000,
    unit: 'calls',
  });
  const random = mulberry32(options.seed);
  const log: ChannelCall[] = [];
  let full = false;

  // Stops a loop that never ends instead of letting it hang the page or the grader.
  function spendCall(): void {
    if (log.length < callBudget) return;
    throw new Error(
      `The simulated channel stopped the loop at call #${formatCount(log.length + 1)}: a correct loop needs far fewer than ${formatCount(callBudget)} calls. Does it stop at the end of the file, and advance the position by what transferTo returned?`,
    );
  }

  function requireJavaLong(parameter: 'position' | 'count', value: number): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new ModelInputError(parameter, value, `${parameter} must be a whole number of bytes; got ${String(value)}`);
    }
    if (value < 0) {
      throw new JavaException('IllegalArgumentException', `${parameter} must not be negative; got ${value}`);
    }
    return value;
  }

  function transferTo(position: number, count: number): number {
    requireJavaLong('position', position);
    requireJavaLong('count', count);
    spendCall();
    const returned = ((): number => {
      if (position >= fileSize || count === 0) return 0;
      // A full socket buffer stays full until the program waits: retrying at once is spinning.
      if (full) return 0;
      if (random() < fullChance) {
        full = true;
        return 0;
      }
      const allowed = Math.min(count, fileSize - position, cap ?? Number.MAX_SAFE_INTEGER);
      const short = random() < shortChance;
      const fraction = random();
      return short && allowed > 1 ? 1 + Math.floor(fraction * (allowed - 1)) : allowed;
    })();
    log.push({kind: 'transferTo', position, count, returned});
    return returned;
  }

  function awaitWritable(): void {
    spendCall();
    full = false;
    log.push({kind: 'await-writable'});
  }

  return {fileSize, callBudget, transferTo, awaitWritable, calls: () => [...log]};
}
