// Chapter 6: which path FileChannel.transferTo takes on Linux, and the loop every caller of it
// needs (src/model/mmap-nio.ts re-exports all of it).
import {KiB, MAX_EXACT_BYTES, MAX_RW_COUNT, MiB} from './units';
import {ModelInputError, requireInteger, requireOneOf} from './validate';
import {show, type TransferToChannel} from './java-nio-sim';

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
