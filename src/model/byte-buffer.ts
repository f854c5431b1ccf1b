// Chapter 6: java.nio.ByteBuffer as plain data, and what a read/write loop through one costs
// (src/model/mmap-nio.ts re-exports the ByteBuffer operations).
import type {PageCacheState, Summary} from './types';
import {readWriteSummary} from './read-write';
import {MiB, formatCount} from './units';
import {ModelInputError, requireInteger, requireOneOf} from './validate';
import {JavaException, show} from './java-nio-sim';

/** The model's ceiling for a buffer's capacity (Java allows up to Integer.MAX_VALUE). */
export const MAX_MODEL_BUFFER_CAPACITY = 1 * MiB;

/**
 * A heap ByteBuffer's state, as java.nio.Buffer defines it. The invariant, always:
 * 0 <= mark <= position <= limit <= capacity (when a mark is set).
 */
export interface ByteBufferState {
  /** How many bytes it holds; never changes. */
  readonly capacity: number;
  /** The index of the first byte that must not be read or written. */
  readonly limit: number;
  /** The index of the next byte to read or write. */
  readonly position: number;
  /** The position reset() returns to, or null when no mark is set (Java stores -1). */
  readonly mark: number | null;
  /** The contents, `capacity` Java bytes (-128 to 127). */
  readonly bytes: readonly number[];
}

/** What get() returns: the byte it read and the buffer after the read. */
export interface ByteBufferRead {
  readonly buffer: ByteBufferState;
  readonly value: number;
}

/** Throws ModelInputError unless `value` is a whole number (any range); Java's ints are whole. */
function requireWhole(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ModelInputError(parameter, value, `${parameter} must be a whole number; got ${show(value)}`);
  }
  return value;
}

/** Throws ModelInputError unless `buffer` is a ByteBufferState that keeps Java's invariant. */
export function validateByteBuffer(buffer: ByteBufferState): ByteBufferState {
  if (typeof buffer !== 'object' || buffer === null) {
    throw new ModelInputError('buffer', buffer, `buffer must be a ByteBufferState from createByteBuffer; got ${show(buffer)}`);
  }
  const capacity = requireInteger('buffer.capacity', buffer.capacity, {min: 0, max: MAX_MODEL_BUFFER_CAPACITY, unit: 'bytes'});
  const limit = requireInteger('buffer.limit', buffer.limit, {min: 0, max: capacity, unit: 'bytes'});
  const position = requireInteger('buffer.position', buffer.position, {min: 0, max: limit, unit: 'bytes'});
  if (buffer.mark !== null) requireInteger('buffer.mark', buffer.mark, {min: 0, max: position, unit: 'bytes'});
  if (!Array.isArray(buffer.bytes) || buffer.bytes.length !== capacity) {
    throw new ModelInputError(
      'buffer.bytes',
      buffer.bytes,
      `buffer.bytes must be an array of ${formatCount(capacity)} bytes (the capacity); got ${Array.isArray(buffer.bytes) ? `${buffer.bytes.length} bytes` : show(buffer.bytes)}`,
    );
  }
  return buffer;
}

function requireJavaByte(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -128 || value > 127) {
    throw new ModelInputError(parameter, value, `${parameter} must be a Java byte, a whole number from -128 to 127; got ${show(value)}`);
  }
  return value;
}

/** ByteBuffer.allocate(capacity): position 0, limit = capacity, no mark, every byte zero. */
export function createByteBuffer(capacity: number): ByteBufferState {
  requireWhole('capacity', capacity);
  if (capacity < 0) {
    throw new JavaException(
      'IllegalArgumentException',
      `capacity must be 0 or more bytes; got ${capacity} (Java: capacity < 0: (${capacity} < 0))`,
    );
  }
  requireInteger('capacity', capacity, {min: 0, max: MAX_MODEL_BUFFER_CAPACITY, unit: 'bytes'});
  return {capacity, limit: capacity, position: 0, mark: null, bytes: new Array<number>(capacity).fill(0)};
}

/** remaining(): how many bytes lie between the position and the limit. */
export function remaining(buffer: ByteBufferState): number {
  validateByteBuffer(buffer);
  return buffer.limit - buffer.position;
}

/**
 * position(newPosition): 0 <= newPosition <= limit, or IllegalArgumentException. A mark above
 * the new position is discarded (the invariant mark <= position must still hold).
 */
export function setPosition(buffer: ByteBufferState, newPosition: number): ByteBufferState {
  validateByteBuffer(buffer);
  requireWhole('newPosition', newPosition);
  if (newPosition < 0 || newPosition > buffer.limit) {
    const java = newPosition < 0 ? `newPosition < 0: (${newPosition} < 0)` : `newPosition > limit: (${newPosition} > ${buffer.limit})`;
    throw new JavaException(
      'IllegalArgumentException',
      `newPosition must be from 0 to the limit, ${buffer.limit}; got ${newPosition} (Java: ${java})`,
    );
  }
  const mark = buffer.mark !== null && buffer.mark > newPosition ? null : buffer.mark;
  return {...buffer, position: newPosition, mark};
}

/**
 * limit(newLimit): 0 <= newLimit <= capacity, or IllegalArgumentException. A position beyond
 * the new limit is moved back to it; a mark beyond it is discarded.
 */
export function setLimit(buffer: ByteBufferState, newLimit: number): ByteBufferState {
  validateByteBuffer(buffer);
  requireWhole('newLimit', newLimit);
  if (newLimit < 0 || newLimit > buffer.capacity) {
    const java = newLimit < 0 ? `newLimit < 0: (${newLimit} < 0)` : `newLimit > capacity: (${newLimit} > ${buffer.capacity})`;
    throw new JavaException(
      'IllegalArgumentException',
      `newLimit must be from 0 to the capacity, ${buffer.capacity}; got ${newLimit} (Java: ${java})`,
    );
  }
  const position = Math.min(buffer.position, newLimit);
  const mark = buffer.mark !== null && buffer.mark > newLimit ? null : buffer.mark;
  return {...buffer, limit: newLimit, position, mark};
}

/** mark(): remember the position, for reset(). */
export function mark(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, mark: buffer.position};
}

/** reset(): go back to the mark, or InvalidMarkException when none is set. */
export function reset(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  if (buffer.mark === null) {
    throw new JavaException('InvalidMarkException', 'reset() needs a mark, and none is set: call mark() first');
  }
  return {...buffer, position: buffer.mark};
}

/** clear(): ready to be filled again. Position 0, limit = capacity, mark discarded; the bytes stay. */
export function clear(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, position: 0, limit: buffer.capacity, mark: null};
}

/** rewind(): read (or write) the same bytes again. Position 0, mark discarded, limit unchanged. */
export function rewind(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, position: 0, mark: null};
}

/**
 * flip(): from filling to draining. The limit becomes the position (the end of what was
 * written), the position becomes 0, the mark is discarded.
 */
export function flip(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, limit: buffer.position, position: 0, mark: null};
}

/**
 * compact(): keep what has not been drained and get ready to fill after it. The bytes from
 * position to limit move to the start; the position becomes how many moved, the limit the
 * capacity, and the mark is discarded. Bytes after the moved ones keep their old values.
 */
export function compact(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  const kept = buffer.limit - buffer.position;
  const bytes = [...buffer.bytes.slice(buffer.position, buffer.limit), ...buffer.bytes.slice(kept)];
  return {...buffer, bytes, position: kept, limit: buffer.capacity, mark: null};
}

/** put(value): write one byte at the position and advance it, or BufferOverflowException at the limit. */
export function put(buffer: ByteBufferState, value: number): ByteBufferState {
  validateByteBuffer(buffer);
  requireJavaByte('value', value);
  if (buffer.position >= buffer.limit) {
    throw new JavaException(
      'BufferOverflowException',
      `put() needs room: the position (${buffer.position}) has reached the limit (${buffer.limit}), so remaining() is 0`,
    );
  }
  const bytes = [...buffer.bytes];
  bytes[buffer.position] = value;
  return {...buffer, bytes, position: buffer.position + 1};
}

/** get(): read the byte at the position and advance it, or BufferUnderflowException at the limit. */
export function get(buffer: ByteBufferState): ByteBufferRead {
  validateByteBuffer(buffer);
  if (buffer.position >= buffer.limit) {
    throw new JavaException(
      'BufferUnderflowException',
      `get() needs a byte: the position (${buffer.position}) has reached the limit (${buffer.limit}), so remaining() is 0`,
    );
  }
  return {buffer: {...buffer, position: buffer.position + 1}, value: buffer.bytes[buffer.position]};
}

// ---------------------------------------------------------------------------------------------
// A read/write loop through a ByteBuffer: how many CPU copies
// ---------------------------------------------------------------------------------------------

/** ByteBuffer.allocate (on the Java heap) or ByteBuffer.allocateDirect (native memory). */
export type ByteBufferKind = 'heap' | 'direct';

export const BYTE_BUFFER_KINDS: readonly ByteBufferKind[] = ['heap', 'direct'];

/**
 * CPU copies per chunk of a `channel.read(buffer)` + `socket.write(buffer)` loop.
 *
 * The kernel can only read into and write from memory that stays put, and the garbage collector
 * moves heap arrays. So sun.nio.ch.IOUtil hands a heap buffer's I/O to a temporary direct buffer
 * (Util.getTemporaryDirectBuffer): read() is kernel -> direct buffer, then `dst.put(bb)` copies
 * it into the heap buffer; write() first copies the heap buffer into a direct one (`bb.put(src)`),
 * then the kernel copies from there. Heap: 4 CPU copies per chunk; direct: the kernel's 2.
 */
export function javaLoopCopiesPerChunk(buffer: ByteBufferKind): number {
  return requireOneOf('buffer', buffer, BYTE_BUFFER_KINDS) === 'heap' ? 4 : 2;
}

export interface JavaLoopOptions {
  readonly buffer: ByteBufferKind;
  /** Default 'miss': the disk DMAs the file into the page cache first. */
  readonly pageCache?: PageCacheState;
}

/**
 * The whole loop's counts: chapter 3's read()+write() loop (one read() and one write() per
 * chunk of `bufferSize` bytes), plus, for a heap buffer, the two copies through the temporary
 * direct buffer per chunk. The temporary buffer is cached per thread, so the model charges no
 * allocation.
 */
export function javaLoopSummary(fileSize: number, bufferSize: number, options: JavaLoopOptions): Summary {
  // The kernel's loop copies every byte twice; a heap buffer doubles that.
  const factor = javaLoopCopiesPerChunk(options.buffer) / 2;
  const kernel = readWriteSummary(fileSize, bufferSize, options.pageCache ?? 'miss');
  return {...kernel, cpuCopies: kernel.cpuCopies * factor, cpuBytes: kernel.cpuBytes * factor};
}
