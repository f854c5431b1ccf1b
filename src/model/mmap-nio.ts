// Chapter 6: mmap() + write() and Java NIO.
//
// A program maps the file (mmap) and hands the mapping to write(): the mapping IS the page
// cache, so the only CPU copy is page cache -> socket buffer inside write(). Mapping is lazy:
// nothing is read at mmap() time; the first touch of each page traps (a page fault), and on a
// cold cache the kernel reads it from disk then. Java reaches the same machinery through
// FileChannel.map (a MappedByteBuffer) and FileChannel.transferTo, whose path on Linux depends
// on the target and the JDK. This module models the mmap()+write() data path, page faults with
// readahead, Java's ByteBuffer state machine, transferTo's choice of path, and the loop every
// caller of transferTo needs.
import type {PageCacheState, Step, Summary, Trace, TraceChunk} from './types';
import {EMPTY_SUMMARY, addSummaries, subtractSummaries, summarizeSteps} from './summary';
import {KiB, MAX_EXACT_BYTES, MAX_RW_COUNT, MiB, PAGE_SIZE, formatCount} from './units';
import {ModelInputError, requireInteger, requireOneOf} from './validate';
import {JavaException, type TransferToChannel} from './java-nio-sim';

export {DEFAULT_CHANNEL_CALL_BUDGET, JavaException, createSimulatedChannel, mulberry32} from './java-nio-sim';
export type {
  ChannelCall,
  JavaExceptionName,
  SimulatedChannel,
  SimulatedChannelOptions,
  TransferToChannel,
} from './java-nio-sim';

// ---------------------------------------------------------------------------------------------
// mmap() + write()
// ---------------------------------------------------------------------------------------------

/** Linux's default readahead, 128 KiB (include/linux/pagemap.h), in 4 KiB pages. */
export const DEFAULT_READAHEAD_PAGES = (128 * KiB) / PAGE_SIZE;

/** The model's ceiling for a readahead window: 65,536 pages, 256 MiB. */
export const MAX_READAHEAD_PAGES = 65_536;

export interface MmapWriteOptions {
  /** 'hit' when the file is already cached (a warm cache): faults are minor, no disk DMA. Default 'miss'. */
  readonly pageCache?: PageCacheState;
  /** Pages one fault brings in when pages are touched in order. Default DEFAULT_READAHEAD_PAGES (32). */
  readonly readaheadPages?: number;
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
  readonly writeChunk: number;
}

const DEFAULT_LISTED_CHUNKS = 3;

/** Throws a clear error for a bad size or option; returns the options with defaults filled in. */
export function validateMmapWrite(fileSize: number, options: MmapWriteOptions = {}): MmapWriteSettings {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  return {
    pageCache: requireOneOf('pageCache', options.pageCache ?? 'miss', ['miss', 'hit'] as const),
    readaheadPages: requireInteger('readaheadPages', options.readaheadPages ?? DEFAULT_READAHEAD_PAGES, {
      min: 1,
      max: MAX_READAHEAD_PAGES,
      unit: 'pages',
    }),
    writeChunk: requireInteger('writeChunk', options.writeChunk ?? MAX_RW_COUNT, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'}),
  };
}

/**
 * The steps of write() number `chunkIndex` (from 0) when a program maps a whole file and
 * sends it with write() calls of `writeChunk` bytes: mmap() before the first write(), munmap()
 * after the last.
 *
 * The fault model, kept simple on purpose (Linux's read-around and fault-around are more
 * involved): the program never touches the bytes itself, so the first touch of every page is
 * the kernel's copy inside write(). Pages are touched in order, so one fault maps a whole
 * readahead window: faults land on the pages whose index is a multiple of `readaheadPages`,
 * and a fault belongs to the write() whose bytes include that page's first byte. On a cold
 * cache each fault is major and the disk DMAs its window (clipped to the end of the file; the
 * tail of the last page is zero-filled, not read) into the page cache; on a warm cache it is
 * minor. All faults of one write() are shown as one page-fault step (`pages` = how many) and
 * one disk DMA.
 */
export function mmapWriteSteps(fileSize: number, chunkIndex: number, options: MmapWriteOptions = {}): Step[] {
  const {pageCache, readaheadPages, writeChunk} = validateMmapWrite(fileSize, options);
  const count = Math.ceil(fileSize / writeChunk);
  if (count === 0) {
    throw new ModelInputError(
      'chunkIndex',
      chunkIndex,
      `chunkIndex: an empty file has no write() chunks (the program maps nothing); got ${String(chunkIndex)}`,
    );
  }
  requireInteger('chunkIndex', chunkIndex, {min: 0, max: count - 1, unit: 'chunks'});
  const offset = chunkIndex * writeChunk;
  const bytes = Math.min(writeChunk, fileSize - offset);
  const windowBytes = readaheadPages * PAGE_SIZE;
  // Faults sit at byte offsets k * windowBytes; count those inside [offset, offset + bytes).
  const firstFault = Math.ceil(offset / windowBytes);
  const endFault = Math.ceil((offset + bytes) / windowBytes);
  const faults = endFault - firstFault;
  const faultBytes = faults === 0 ? 0 : Math.min(endFault * windowBytes, fileSize) - firstFault * windowBytes;
  const miss = pageCache === 'miss';

  const steps: Step[] = [];
  if (chunkIndex === 0) {
    // mmap() only sets up the mapping: no byte moves, no page is read yet.
    steps.push(
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'mmap'},
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'mmap'},
    );
  }
  steps.push({kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'write'});
  if (faults > 0) {
    steps.push({kind: 'page-fault', pages: faults, major: miss, syscall: 'write'});
    if (miss) {
      steps.push(
        {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes: faultBytes, syscall: 'write', async: false},
        {kind: 'interrupt', source: 'disk', syscall: 'write'},
      );
    }
  }
  steps.push(
    // The mapping is the page cache, so this is the only CPU copy.
    {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'write', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'write'},
  );
  if (chunkIndex === count - 1) {
    // write() has already copied the bytes into the socket buffer, so the program may unmap
    // while the NIC is still sending.
    steps.push(
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'munmap'},
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'munmap'},
    );
  }
  steps.push(
    {kind: 'copy', engine: 'dma', from: 'socket-buffer', to: 'nic', bytes, syscall: 'write', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'write'},
  );
  return steps;
}

/**
 * The whole transfer's counts by arithmetic, fast for any size: ceil(fileSize / writeChunk)
 * write() calls plus mmap() and munmap(); one CPU copy per write(); ceil(fileSize / window)
 * page faults; one disk DMA (and disk interrupt) per write() that faults on a cold cache.
 */
export function mmapWriteSummary(fileSize: number, options: MmapWriteOptions = {}): Summary {
  const {pageCache, readaheadPages, writeChunk} = validateMmapWrite(fileSize, options);
  if (fileSize === 0) return EMPTY_SUMMARY;
  const writes = Math.ceil(fileSize / writeChunk);
  const windowBytes = readaheadPages * PAGE_SIZE;
  const faults = Math.ceil(fileSize / windowBytes);
  // Which write() calls take at least one fault. Faults are windowBytes apart: when that is
  // at least a chunk, no two share a write(); otherwise every full chunk holds at least one,
  // and the short last chunk holds one only if a window starts inside it.
  const lastOffset = (writes - 1) * writeChunk;
  const writesWithFaults =
    windowBytes >= writeChunk
      ? faults
      : writes - 1 + (Math.ceil(fileSize / windowBytes) > Math.ceil(lastOffset / windowBytes) ? 1 : 0);
  const diskReads = pageCache === 'miss' ? writesWithFaults : 0;
  return {
    cpuCopies: writes,
    dmaCopies: writes + diskReads,
    cpuBytes: fileSize,
    dmaBytes: (pageCache === 'miss' ? 2 : 1) * fileSize,
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

/** The transfer as a trace: the first `listedChunks` write() calls step by step, the rest counted. */
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
// Page faults for an access pattern
// ---------------------------------------------------------------------------------------------

/** The highest page index a file the model accepts can have. */
export const MAX_PAGE_INDEX = Math.floor(MAX_EXACT_BYTES / PAGE_SIZE);

export interface PageFaultOptions {
  /** Pages one sequential fault maps; 1 means no readahead at all. */
  readonly readaheadPages: number;
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

// The mapped pages as sorted, disjoint [start, end) ranges, so a window of 65,536 pages costs
// one entry, not 65,536.
interface PageRanges {
  readonly starts: number[];
  readonly ends: number[];
}

/** Index of the last range starting at or before `page`, or -1. */
function rangeAtOrBefore(ranges: PageRanges, page: number): number {
  let low = 0;
  let high = ranges.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ranges.starts[middle] <= page) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function isMapped(ranges: PageRanges, page: number): boolean {
  const index = rangeAtOrBefore(ranges, page);
  return index >= 0 && page < ranges.ends[index];
}

function mapRange(ranges: PageRanges, start: number, end: number): void {
  const before = rangeAtOrBefore(ranges, start);
  const first = before >= 0 && ranges.ends[before] >= start ? before : before + 1;
  let newStart = start;
  let newEnd = end;
  let last = first;
  // Swallow every range that overlaps or touches [start, end).
  while (last < ranges.starts.length && ranges.starts[last] <= newEnd) {
    newStart = Math.min(newStart, ranges.starts[last]);
    newEnd = Math.max(newEnd, ranges.ends[last]);
    last++;
  }
  ranges.starts.splice(first, last - first, newStart);
  ranges.ends.splice(first, last - first, newEnd);
}

function requirePageList(parameter: string, pages: unknown): readonly number[] {
  if (pages instanceof Set) return requirePageList(parameter, [...pages]);
  if (!Array.isArray(pages)) {
    throw new ModelInputError(parameter, pages, `${parameter} must be an array of page indexes; got ${String(pages)}`);
  }
  pages.forEach((page: unknown, index) =>
    requireInteger(`${parameter}[${index}]`, page, {min: 0, max: MAX_PAGE_INDEX, unit: 'pages'}),
  );
  return pages as readonly number[];
}

/**
 * How many page faults a program takes touching mapped pages in `accessPattern` order (page
 * indexes, repeats allowed), and which are major.
 *
 * The model's readahead rule, simple on purpose: readahead follows a sequential reader. A
 * fault is sequential when it lands on the page right after what the previous fault mapped
 * (page 0 counts, because a sequential reader starts at the start of the file). A sequential
 * fault maps the window p .. p + readaheadPages - 1; any other fault maps page p alone. A page
 * once mapped never faults again. A fault is major unless its page is in `cached`.
 */
export function pageFaultsFor(accessPattern: readonly number[], options: PageFaultOptions): PageFaultCount {
  const pattern = requirePageList('accessPattern', accessPattern);
  if (typeof options !== 'object' || options === null) {
    throw new ModelInputError('options', options, `options must be an object {readaheadPages, cached?}; got ${String(options)}`);
  }
  const readaheadPages = requireInteger('readaheadPages', options.readaheadPages, {
    min: 1,
    max: MAX_READAHEAD_PAGES,
    unit: 'pages',
  });
  const cached = new Set(requirePageList('cached', options.cached ?? []));
  const mapped: PageRanges = {starts: [], ends: []};
  const faultPages: number[] = [];
  let major = 0;
  let nextSequential = 0;
  for (const page of pattern) {
    if (isMapped(mapped, page)) continue;
    faultPages.push(page);
    if (!cached.has(page)) major++;
    const end = page === nextSequential ? page + readaheadPages : page + 1;
    mapRange(mapped, page, end);
    nextSequential = end;
  }
  return {faults: faultPages.length, major, minor: faultPages.length - major, faultPages};
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
 * 'buffer-loop' reads 8 KiB at a time into a buffer (a temporary direct buffer on JDK 8, a heap
 * buffer on 11 and later) and writes it out.
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

function requireJdk(jdk: unknown): JdkVersion {
  if (!(JDK_VERSIONS as readonly unknown[]).includes(jdk)) {
    throw new ModelInputError('jdk', jdk, `jdk must be one of ${JDK_VERSIONS.join(', ')}; got ${show(jdk)}`);
  }
  return jdk as JdkVersion;
}

/**
 * Which path FileChannel.transferTo takes on Linux, read from OpenJDK's FileChannelImpl.java
 * and the Linux FileDispatcherImpl / FileChannelImpl natives of each release:
 *
 * - A target with a file descriptor (socket, file, pipe) gets a direct, in-kernel transfer.
 *   JDK 8, 11 and 17 call sendfile. JDK 21 calls copy_file_range first and, when it declines
 *   (it only copies between regular files), sendfile. The model assumes both files sit on one
 *   filesystem, so file to file is copy_file_range.
 * - A target opened for append defeats both (sendfile fails with EINVAL; JDK 21 does not even
 *   try), so the JDK maps the source 8 MiB at a time and writes each mapping; JDK 21 does that
 *   only for 16 KiB or more and uses the read/write loop below that.
 * - Any other target gets the read/write loop with an 8 KiB buffer.
 *
 * The model judges one call. The JDK also remembers a refusal: after one declined direct
 * transfer to a file it skips the direct path to files for the rest of the JVM's life.
 *
 * The per-call cap: JDK 8 and 11 clamp the whole call to Integer.MAX_VALUE; JDK 17 and later
 * clamp the direct transfer to 0x7ffff000 (MAX_RW_COUNT, what sendfile moves at most) and leave
 * the fallbacks to `count`. Either way a call may return less than asked: loop on it.
 */
export function transferToPath(input: TransferToInput): TransferToRoute {
  if (typeof input !== 'object' || input === null) {
    throw new ModelInputError('input', input, `input must be an object {source, target, jdk, count}; got ${show(input)}`);
  }
  requireOneOf('source', input.source, ['file'] as const);
  const target = requireOneOf('target', input.target, TRANSFER_TARGETS);
  const jdk = requireJdk(input.jdk);
  const count = requireInteger('count', input.count, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const targetAppend = input.targetAppend ?? false;
  if (typeof targetAppend !== 'boolean') {
    throw new ModelInputError('targetAppend', targetAppend, `targetAppend must be true or false; got ${show(targetAppend)}`);
  }
  if (targetAppend && target !== 'file') {
    throw new ModelInputError(
      'targetAppend',
      targetAppend,
      `targetAppend applies only to target "file" (a file opened for append); got target ${show(target)}`,
    );
  }
  const oldJdk = jdk <= 11;
  const directCap = oldJdk ? JAVA_INT_MAX : MAX_RW_COUNT;
  const fallbackCap = oldJdk ? JAVA_INT_MAX : null;
  const loop = (attempts: readonly TransferToPath[]): TransferToRoute => ({
    path: 'buffer-loop',
    attempts: [...attempts, 'buffer-loop'],
    perCallCapBytes: fallbackCap,
    chunkBytes: TRANSFER_LOOP_BUFFER,
  });
  // No file descriptor to hand the kernel, and not a channel the JDK trusts with a mapping.
  if (target === 'other') return loop([]);
  if (!targetAppend) {
    if (jdk >= 21) {
      return target === 'file'
        ? {path: 'copy_file_range', attempts: ['copy_file_range'], perCallCapBytes: directCap, chunkBytes: null}
        : {path: 'sendfile', attempts: ['copy_file_range', 'sendfile'], perCallCapBytes: directCap, chunkBytes: null};
    }
    return {path: 'sendfile', attempts: ['sendfile'], perCallCapBytes: directCap, chunkBytes: null};
  }
  // Appending: JDK 21 checks the append flag before any system call; older JDKs find out from
  // sendfile's EINVAL.
  const declined: readonly TransferToPath[] = jdk >= 21 ? [] : ['sendfile'];
  if (jdk >= 21 && count < MAPPED_TRANSFER_THRESHOLD) return loop(declined);
  return {path: 'mmap-chunks', attempts: [...declined, 'mmap-chunks'], perCallCapBytes: fallbackCap, chunkBytes: MAPPED_TRANSFER_SIZE};
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
 * Moves `count` bytes from `position` (default 0) of the channel's file, the way a careful
 * caller does: ask for everything that is left, advance the position by exactly what
 * transferTo returned, wait for room after a 0, and stop at the end of the file (where
 * transferTo returns 0 for ever).
 */
export function transferAll(channel: TransferToChannel, count: number, position = 0): TransferAllResult {
  if (
    typeof channel !== 'object' ||
    channel === null ||
    typeof channel.transferTo !== 'function' ||
    typeof channel.awaitWritable !== 'function'
  ) {
    throw new ModelInputError('channel', channel, `channel must have transferTo(position, count) and awaitWritable(); got ${show(channel)}`);
  }
  requireInteger('count', count, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireInteger('position', position, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const fileSize = requireInteger('channel.fileSize', channel.fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  // transferTo returns 0 at the end of the file, so the end must be known, not discovered.
  const end = Math.max(position, Math.min(position + count, fileSize));
  let at = position;
  let calls = 0;
  let waits = 0;
  while (at < end) {
    const left = end - at;
    const moved = channel.transferTo(at, left);
    calls++;
    if (typeof moved !== 'number' || !Number.isInteger(moved) || moved < 0 || moved > left) {
      throw new Error(`transferTo(${at}, ${left}) returned ${show(moved)}: a channel returns 0 to ${left} bytes`);
    }
    if (moved === 0) {
      // Bytes are left, so 0 means the target is full, not the end: wait, then ask again.
      channel.awaitWritable();
      waits++;
      continue;
    }
    at += moved;
  }
  return {bytes: at - position, calls, waits};
}
