// Exercise 6: mmap() + write() and Java NIO.
// Task and rules: README.md in this folder. Hints: `npm run hint -- 06`.
// Grade your work: `npm run grade -- 06` (or `npm run exercise -- 06` to re-grade on every save).
//
// These are the same exports and types as the course's model (src/model/mmap-nio.ts, which
// gathers src/model/page-faults.ts, mmap-write.ts, byte-buffer.ts and transfer-to.ts). The
// constants, the types and the helpers marked "Given" are yours to use; the functions whose
// bodies say TODO are what you write. Parts 3 and 4 (Java NIO) do not depend on parts 1 and 2.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from '@site/src/model/types';
import {EMPTY_SUMMARY, addSummaries, scaleSummary, subtractSummaries, summarizeSteps} from '@site/src/model/summary';
import {KiB, MAX_EXACT_BYTES, MAX_RW_COUNT, MiB, PAGE_SIZE, formatCount} from '@site/src/model/units';
import {ModelInputError, requireInteger, requireOneOf} from '@site/src/model/validate';
import {JavaException, type TransferToChannel} from '@site/src/model/java-nio-sim';

// Given: Java's exceptions (thrown with Java's class name as `name`) and a simulated channel.
export {DEFAULT_CHANNEL_CALL_BUDGET, JavaException, createSimulatedChannel, mulberry32} from '@site/src/model/java-nio-sim';
export type {
  ChannelCall,
  JavaExceptionName,
  SimulatedChannel,
  SimulatedChannelOptions,
  TransferToChannel,
} from '@site/src/model/java-nio-sim';

// ---------------------------------------------------------------------------------------------
// Page faults for an access pattern
// ---------------------------------------------------------------------------------------------

/** Linux's default readahead, 128 KiB (include/linux/pagemap.h), in 4 KiB pages. */
export const DEFAULT_READAHEAD_PAGES = (128 * KiB) / PAGE_SIZE;

/** The model's ceiling for a readahead window: 65,536 pages, 256 MiB. */
export const MAX_READAHEAD_PAGES = 65_536;

/** Linux's default fault-around window: fault_around_pages = 65536 >> PAGE_SHIFT (mm/memory.c), 16 pages. */
export const DEFAULT_FAULT_AROUND_PAGES = (64 * KiB) / PAGE_SIZE;

/**
 * The largest fault-around window: one page table's worth, PTRS_PER_PTE = 512 pages on x86-64.
 * fault_around_bytes_set() refuses more and rounds any value down to a power of two.
 */
export const MAX_FAULT_AROUND_PAGES = 512;

/** The highest page index a file the model accepts can have. */
export const MAX_PAGE_INDEX = Math.floor(MAX_EXACT_BYTES / PAGE_SIZE);

/** Given: throws unless `value` is a power of two from 1 (fault-around off) to MAX_FAULT_AROUND_PAGES. */
export function requireFaultAroundPages(value: unknown): number {
  const pages = requireInteger('faultAroundPages', value, {min: 1, max: MAX_FAULT_AROUND_PAGES, unit: 'pages'});
  if ((pages & (pages - 1)) !== 0) {
    throw new ModelInputError(
      'faultAroundPages',
      value,
      `faultAroundPages must be a power of two (1, 2, 4 ... 512): the kernel rounds fault_around_bytes down to one; got ${pages}`,
    );
  }
  return pages;
}

export interface PageFaultOptions {
  /** Pages a fault that goes to disk reads into the page cache; 1 means no readahead at all. */
  readonly readaheadPages: number;
  /** Pages of the aligned window one fault may map; 1 turns fault-around off. Default 16. */
  readonly faultAroundPages?: number;
  /** Pages already in the page cache: faulting on one of them is minor. Default none (a cold cache). */
  readonly cached?: ReadonlySet<number> | readonly number[];
}

export interface PageFaultCount {
  readonly faults: number;
  /** Faults on pages that had to be read from disk. */
  readonly major: number;
  /** Faults on pages already in the page cache: only the page table changes. */
  readonly minor: number;
  /** The pages that trapped, in the order they did. */
  readonly faultPages: readonly number[];
}

/**
 * 1. How many page faults a program takes touching mapped pages in `accessPattern` order (page
 * indexes, repeats allowed), and which are major. The rules (README, part 1): a mapped page
 * never faults again; a fault on a page that is not cached is major, and the disk reads
 * p .. p + readaheadPages - 1 into the page cache; then the fault maps every cached page of the
 * aligned fault-around window that holds p (faultAroundPages pages, default 16).
 */
export function pageFaultsFor(accessPattern: readonly number[], options: PageFaultOptions): PageFaultCount {
  // TODO: check every page index, readaheadPages and faultAroundPages (requireInteger names the
  // bad entry, e.g. `accessPattern[3]`; requireFaultAroundPages is given), then walk the pattern
  // keeping the cached pages and the mapped pages.
  throw new Error('TODO: pageFaultsFor is not written yet (exercises/06-mmap-nio/README.md, part 1)');
}

// ---------------------------------------------------------------------------------------------
// mmap() + write()
// ---------------------------------------------------------------------------------------------

export interface MmapWriteOptions {
  /** 'hit' when the file is already cached (a warm cache): faults are minor, no disk DMA. Default 'miss'. */
  readonly pageCache?: PageCacheState;
  /** Pages the disk reads on a fault that misses the cache. Default DEFAULT_READAHEAD_PAGES (32). */
  readonly readaheadPages?: number;
  /** Pages one fault maps at most (aligned). Default DEFAULT_FAULT_AROUND_PAGES (16); 1 turns it off. */
  readonly faultAroundPages?: number;
  /**
   * Bytes handed to each write(). Default MAX_RW_COUNT: the program writes the whole mapping
   * at once, and write() moves at most MAX_RW_COUNT bytes per call.
   */
  readonly writeChunk?: number;
}

export interface MmapWriteTraceOptions extends MmapWriteOptions {
  /** How many write() chunks to list step by step; the rest are counted. Default 3. */
  readonly listedChunks?: number;
}

/** Options with their defaults filled in, after validation. */
export interface MmapWriteSettings {
  readonly pageCache: PageCacheState;
  readonly readaheadPages: number;
  readonly faultAroundPages: number;
  readonly writeChunk: number;
}

const DEFAULT_LISTED_CHUNKS = 3;

/** Given: throws a clear error for a bad size or option; returns the options with defaults filled in. */
export function validateMmapWrite(fileSize: number, options: MmapWriteOptions = {}): MmapWriteSettings {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  return {
    pageCache: requireOneOf('pageCache', options.pageCache ?? 'miss', ['miss', 'hit'] as const),
    readaheadPages: requireInteger('readaheadPages', options.readaheadPages ?? DEFAULT_READAHEAD_PAGES, {
      min: 1,
      max: MAX_READAHEAD_PAGES,
      unit: 'pages',
    }),
    faultAroundPages: requireFaultAroundPages(options.faultAroundPages ?? DEFAULT_FAULT_AROUND_PAGES),
    writeChunk: requireInteger('writeChunk', options.writeChunk ?? MAX_RW_COUNT, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'}),
  };
}

/** Given: how many multiples of `step` lie in [from, to): the faults of a front-to-back pass land on them. */
export function multiplesBetween(from: number, to: number, step: number): number {
  return Math.ceil(to / step) - Math.ceil(from / step);
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** Given: the smallest number that is a multiple of both: where a readahead and a fault-around window start together. */
export function leastCommonMultiple(a: number, b: number): number {
  return (a / greatestCommonDivisor(a, b)) * b;
}

/**
 * 2. The steps of write() number `chunkIndex` (from 0) when a program maps a whole file and
 * sends it with write() calls of `writeChunk` bytes: mmap() before the first write(), munmap()
 * after the last one (before the NIC's DMA, which happens after write() has returned).
 *
 * Faults: the program never touches the bytes, so pages are first touched by the kernel's copy
 * inside write(), in order. Following part 1's rules, the faults land on the pages whose index
 * is a multiple of `faultAroundPages`, and, on a cold cache, of `readaheadPages`; a fault belongs
 * to the write() whose bytes include that page's first byte. On a cold cache the faults on
 * multiples of `readaheadPages` are major: ONE page-fault step for them (`major: true`), ONE disk
 * DMA of their windows' bytes (clipped at the end of the file) and the disk's interrupt; the
 * other faults are ONE minor page-fault step. On a warm cache every fault is minor.
 */
export function mmapWriteSteps(fileSize: number, chunkIndex: number, options: MmapWriteOptions = {}): Step[] {
  // TODO: validate (validateMmapWrite, then chunkIndex), work out this chunk's offset, bytes,
  // first and end page, major and minor faults and the bytes the disk reads, then list its steps.
  throw new Error('TODO: mmapWriteSteps is not written yet (exercises/06-mmap-nio/README.md, part 2)');
}

/**
 * Given: the whole transfer's counts by arithmetic, fast for any size: ceil(fileSize /
 * writeChunk) write() calls plus mmap() and munmap(); one CPU copy per write(); page faults on
 * every page index below the file's page count that is a multiple of `faultAroundPages` (warm),
 * or of `faultAroundPages` or `readaheadPages` (cold); one disk DMA (and disk interrupt) per
 * write() that takes a major fault. Its counts are the sums of your mmapWriteSteps over every write().
 */
export function mmapWriteSummary(fileSize: number, options: MmapWriteOptions = {}): Summary {
  const {pageCache, readaheadPages, faultAroundPages, writeChunk} = validateMmapWrite(fileSize, options);
  if (fileSize === 0) return EMPTY_SUMMARY;
  const writes = Math.ceil(fileSize / writeChunk);
  const pages = Math.ceil(fileSize / PAGE_SIZE);
  const miss = pageCache === 'miss';
  const windows = multiplesBetween(0, pages, faultAroundPages);
  const reads = multiplesBetween(0, pages, readaheadPages);
  const faults = miss ? windows + reads - multiplesBetween(0, pages, leastCommonMultiple(faultAroundPages, readaheadPages)) : windows;
  // Which write() calls take a major fault. Those faults are readaheadPages pages apart: when
  // that is at least a chunk, no two share a write(); otherwise every full chunk holds at least
  // one, and the short last chunk holds one only if a read starts inside it.
  const readBytes = readaheadPages * PAGE_SIZE;
  const lastOffset = (writes - 1) * writeChunk;
  const writesWithReads =
    readBytes >= writeChunk
      ? reads
      : writes - 1 + (Math.ceil(fileSize / readBytes) > Math.ceil(lastOffset / readBytes) ? 1 : 0);
  const diskReads = miss ? writesWithReads : 0;
  return {
    cpuCopies: writes,
    dmaCopies: writes + diskReads,
    cpuBytes: fileSize,
    dmaBytes: (miss ? 2 : 1) * fileSize,
    cpuPasses: 0,
    cpuPassBytes: 0,
    sentBytes: fileSize,
    // mmap() and munmap() once, write() per chunk: two mode switches each.
    modeSwitches: 2 * (writes + 2),
    syscalls: writes + 2,
    interrupts: writes + diskReads,
    pageFaults: faults,
  };
}

/** Given: the transfer as a trace, built from your mmapWriteSteps and the given mmapWriteSummary. */
export function mmapWriteTrace(fileSize: number, options: MmapWriteTraceOptions = {}): Trace {
  const listedChunks = requireInteger('listedChunks', options.listedChunks ?? DEFAULT_LISTED_CHUNKS, {
    min: 0,
    max: 1000,
    unit: 'chunks',
  });
  const {writeChunk} = validateMmapWrite(fileSize, options);
  const count = Math.ceil(fileSize / writeChunk);
  const listed = Math.min(count, listedChunks);
  const chunks: TraceChunk[] = Array.from({length: listed}, (_, index) => ({
    index,
    bytes: Math.min(writeChunk, fileSize - index * writeChunk),
    steps: mmapWriteSteps(fileSize, index, options),
  }));
  if (listed === count) return {chunks, omitted: null};
  const shown = chunks.reduce((total, chunk) => addSummaries(total, summarizeSteps(chunk.steps)), EMPTY_SUMMARY);
  const listedBytes = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  return {
    chunks,
    omitted: {
      chunks: count - listed,
      bytes: fileSize - listedBytes,
      summary: subtractSummaries(mmapWriteSummary(fileSize, options), shown),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// java.nio.ByteBuffer
// ---------------------------------------------------------------------------------------------

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

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Given: throws ModelInputError unless `value` is a whole number (any range); Java's ints are whole. */
function requireWhole(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ModelInputError(parameter, value, `${parameter} must be a whole number; got ${show(value)}`);
  }
  return value;
}

/** Given: throws ModelInputError unless `buffer` is a ByteBufferState that keeps Java's invariant. */
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

/** Given: throws ModelInputError unless `value` fits a Java byte. */
function requireJavaByte(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -128 || value > 127) {
    throw new ModelInputError(parameter, value, `${parameter} must be a Java byte, a whole number from -128 to 127; got ${show(value)}`);
  }
  return value;
}

/** Given. ByteBuffer.allocate(capacity): position 0, limit = capacity, no mark, every byte zero. */
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

/** Given. remaining(): how many bytes lie between the position and the limit. */
export function remaining(buffer: ByteBufferState): number {
  validateByteBuffer(buffer);
  return buffer.limit - buffer.position;
}

/**
 * Given. position(newPosition): 0 <= newPosition <= limit, or IllegalArgumentException. A mark
 * above the new position is discarded (the invariant mark <= position must still hold).
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
 * Given. limit(newLimit): 0 <= newLimit <= capacity, or IllegalArgumentException. A position
 * beyond the new limit is moved back to it; a mark beyond it is discarded.
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

/** Given. mark(): remember the position, for reset(). */
export function mark(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, mark: buffer.position};
}

/** Given. reset(): go back to the mark, or InvalidMarkException when none is set. */
export function reset(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  if (buffer.mark === null) {
    throw new JavaException('InvalidMarkException', 'reset() needs a mark, and none is set: call mark() first');
  }
  return {...buffer, position: buffer.mark};
}

/** Given. clear(): ready to be filled again. Position 0, limit = capacity, mark discarded; the bytes stay. */
export function clear(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, position: 0, limit: buffer.capacity, mark: null};
}

/** Given. rewind(): read (or write) the same bytes again. Position 0, mark discarded, limit unchanged. */
export function rewind(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, position: 0, mark: null};
}

/**
 * 3. flip(): from filling to draining. The limit becomes the position (the end of what was
 * written), the position becomes 0, the mark is discarded.
 */
export function flip(buffer: ByteBufferState): ByteBufferState {
  // TODO: validate the buffer, then return the flipped state.
  throw new Error('TODO: flip is not written yet (exercises/06-mmap-nio/README.md, part 3)');
}

/**
 * 3. compact(): keep what has not been drained and get ready to fill after it. The bytes from
 * position to limit move to the start; the position becomes how many moved, the limit the
 * capacity, and the mark is discarded. Bytes after the moved ones keep their old values.
 */
export function compact(buffer: ByteBufferState): ByteBufferState {
  // TODO: validate the buffer, build the new bytes array (do not change the old one), then
  // return the new state.
  throw new Error('TODO: compact is not written yet (exercises/06-mmap-nio/README.md, part 3)');
}

/** Given. put(value): write one byte at the position and advance it, or BufferOverflowException at the limit. */
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

/** Given. get(): read the byte at the position and advance it, or BufferUnderflowException at the limit. */
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
// FileChannel.transferTo on Linux
// ---------------------------------------------------------------------------------------------

/** Integer.MAX_VALUE, 2,147,483,647: the largest Java int, and the largest MappedByteBuffer. */
export const JAVA_INT_MAX = 2_147_483_647;

/** Bytes one mapped chunk covers when transferTo falls back to mmap (MAPPED_TRANSFER_SIZE). */
export const MAPPED_TRANSFER_SIZE = 8 * MiB;

/** The buffer transferTo's last-resort read/write loop uses (TRANSFER_SIZE). */
export const TRANSFER_LOOP_BUFFER = 8 * KiB;

/** JDK 21 skips the mmap fallback below this many bytes (MAPPED_TRANSFER_THRESHOLD): the loop is faster. */
export const MAPPED_TRANSFER_THRESHOLD = 16 * KiB;

export type TransferTarget = 'socket' | 'file' | 'pipe' | 'other';

export const TRANSFER_TARGETS: readonly TransferTarget[] = ['socket', 'file', 'pipe', 'other'];

export type JdkVersion = 8 | 11 | 17 | 21;

export const JDK_VERSIONS: readonly JdkVersion[] = [8, 11, 17, 21];

/**
 * How transferTo moves the bytes. copy_file_range and sendfile stay inside the kernel;
 * 'mmap-chunks' maps the source 8 MiB at a time and write()s each mapping to the target;
 * 'buffer-loop' reads 8 KiB at a time into a buffer and writes it out.
 */
export type TransferToPath = 'copy_file_range' | 'sendfile' | 'mmap-chunks' | 'buffer-loop';

export interface TransferToInput {
  /** transferTo is FileChannel's method: it always reads from a file. */
  readonly source: 'file';
  /**
   * What the target channel is: a SocketChannel, another FileChannel, a Pipe.SinkChannel, or
   * any other WritableByteChannel (for example Channels.newChannel(outputStream)).
   */
  readonly target: TransferTarget;
  readonly jdk: JdkVersion;
  /** Bytes this call is asked to move, already no more than the file has left. */
  readonly count: number;
  /** The target file was opened for append (O_APPEND). Only for target 'file'. Default false. */
  readonly targetAppend?: boolean;
}

export interface TransferToRoute {
  /** The path that moves the bytes. */
  readonly path: TransferToPath;
  /** Every path the JDK tries, in order; the last is `path`, the others declined. */
  readonly attempts: readonly TransferToPath[];
  /** The most one transferTo call can return on this path; null when only `count` limits it. */
  readonly perCallCapBytes: number | null;
  /** The size of the mapped chunk or the loop's buffer; null for the in-kernel paths. */
  readonly chunkBytes: number | null;
}

/**
 * 4. Which path FileChannel.transferTo takes on Linux for this target and JDK, what it tries
 * first, and the most one call can return. The rules are in README.md, part 4.
 */
export function transferToPath(input: TransferToInput): TransferToRoute {
  // TODO: validate (source, target, jdk, count, targetAppend), then decide.
  throw new Error('TODO: transferToPath is not written yet (exercises/06-mmap-nio/README.md, part 4)');
}

/** What transferAll reports when it has moved everything it was asked to. */
export interface TransferAllResult {
  /** Bytes moved: `count`, or fewer when the file ends first. */
  readonly bytes: number;
  /** transferTo calls made, including those that returned 0. */
  readonly calls: number;
  /** awaitWritable() calls: one after every 0 that came before the end. */
  readonly waits: number;
}

/**
 * 4. Moves `count` bytes from `position` (default 0) of the channel's file, the way a careful
 * caller does: ask for everything that is left, advance the position by exactly what
 * transferTo returned, call awaitWritable() after a 0, and stop at the end of the file.
 */
export function transferAll(channel: TransferToChannel, count: number, position = 0): TransferAllResult {
  // TODO: validate count and position, work out where to stop, then loop.
  throw new Error('TODO: transferAll is not written yet (exercises/06-mmap-nio/README.md, part 4)');
}
