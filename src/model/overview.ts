// Every method of chapters 3-7 in one table: what each costs for the same data, what must hold
// for it, and the kernel version that brought it. The chapters 3-6 methods and splice come from
// their own modules; copy_file_range, the zero-copy sends and kTLS are counted here by
// arithmetic, each rule stated where it is coded.
//
// Sources: copy_file_range(2) (4.5; the per-call cap observed on Linux 6.18: one call moves at
// most MAX_RW_COUNT bytes); Documentation/networking/msg_zerocopy.rst (4.14; needs a
// scatter-gather NIC, or the kernel copies); io_uring_prep_send_zc(3) (6.0);
// Documentation/networking/tls.rst and tls-offload.rst (TLS_TX 4.13; NIC offload from commit
// e8f69799810c, "net/tls: Add generic NIC offload infrastructure", 4.18).
import {mmapWriteSummary} from './mmap-write';
import {readWriteSummary} from './read-write';
import {sendfileSummary, type NicFeatures} from './sendfile';
import {spliceSummary} from './splice';
import {EMPTY_SUMMARY} from './summary';
import type {PageCacheState, Summary} from './types';
import {MAX_EXACT_BYTES, MAX_RW_COUNT} from './units';
import {requireInteger, requireOneOf} from './validate';

export type OverviewMethod =
  | 'read-write'
  | 'mmap-write'
  | 'sendfile'
  | 'sendfile-sg'
  | 'splice'
  | 'copy-file-range'
  | 'copy-file-range-reflink'
  | 'msg-zerocopy'
  | 'send-zc'
  | 'ktls-sendfile'
  | 'ktls-offload';

/** What must hold for a method to behave as its row says; the pages word each one. */
export type Requirement =
  | 'regular-file'
  | 'file-not-truncated'
  | 'nic-sg-csum'
  | 'pipe-end'
  | 'same-fs-type'
  | 'reflink-fs'
  | 'so-zerocopy'
  | 'buffer-untouched'
  | 'locked-memory'
  | 'io-uring'
  | 'tls-handshake-user'
  | 'nic-tls-offload';

export interface OverviewRow {
  readonly method: OverviewMethod;
  /** The call or calls, as a program writes them. */
  readonly label: string;
  /** The chapter that teaches it. */
  readonly chapter: 3 | 4 | 5 | 6 | 7;
  /** The first Linux release with the interface (or the behaviour the row counts); null: older than Linux. */
  readonly since: string | null;
  /** Where the bytes start: a file's pages in the page cache, or the program's own memory. */
  readonly from: 'file' | 'user-memory';
  readonly to: 'socket' | 'file';
  /**
   * The whole transfer's counts. The syscall count of the zero-copy sends includes reading one
   * completion per send (the most a program needs; batching reads fewer); null where the
   * count depends on the program's batching (io_uring).
   */
  readonly summary: Summary | null;
  readonly requires: readonly Requirement[];
}

export interface OverviewInput {
  readonly fileBytes: number;
  /** read()+write()'s buffer, mmap()+write()'s write size, and the zero-copy sends' piece size. */
  readonly bufferBytes: number;
  readonly pageCache: PageCacheState;
}

const SG_CSUM: NicFeatures = {scatterGather: true, checksumOffload: true};
const NO_SG: NicFeatures = {scatterGather: false, checksumOffload: false};

function calls(bytes: number, per: number): number {
  return Math.ceil(bytes / per);
}

/**
 * copy_file_range() of a whole file into another file on the same filesystem. 'copy': the
 * kernel copies the source's cached pages into the destination's (one CPU copy of every byte),
 * reading the source from disk first on a miss, and writeback later writes the destination by
 * DMA. 'reflink': the filesystem shares the blocks; no byte is read, copied or written.
 */
export function copyFileRangeSummary(fileBytes: number, mode: 'copy' | 'reflink', pageCache: PageCacheState): Summary {
  requireInteger('fileBytes', fileBytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireOneOf('mode', mode, ['copy', 'reflink'] as const);
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  const n = calls(fileBytes, MAX_RW_COUNT);
  if (n === 0) return EMPTY_SUMMARY;
  const base: Summary = {...EMPTY_SUMMARY, syscalls: n, modeSwitches: 2 * n};
  if (mode === 'reflink') return base;
  const reads = pageCache === 'miss' ? n : 0;
  return {
    ...base,
    cpuCopies: n,
    cpuBytes: fileBytes,
    // The read from disk on a miss, and the destination's writeback, one DMA transfer per call.
    dmaCopies: reads + n,
    dmaBytes: (reads > 0 ? fileBytes : 0) + fileBytes,
    interrupts: reads + n,
  };
}

/**
 * Sending `bytes` from the program's memory in pieces of `pieceBytes` with send(MSG_ZEROCOPY),
 * on a NIC with scatter-gather and checksum offload: the NIC reads every piece from the pinned
 * user pages by DMA, and the CPU copies nothing. `completionReads` is the recvmsg(MSG_ERRQUEUE)
 * calls the program makes; one per send is the most it needs, since the kernel may merge ranges.
 */
export function msgZerocopySummary(bytes: number, pieceBytes: number, completionReads?: number): Summary {
  requireInteger('bytes', bytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireInteger('pieceBytes', pieceBytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  const sends = calls(bytes, pieceBytes);
  const reads = requireInteger('completionReads', completionReads ?? sends, {min: sends > 0 ? 1 : 0, max: sends, unit: 'calls'});
  if (sends === 0) return EMPTY_SUMMARY;
  return {
    ...EMPTY_SUMMARY,
    dmaCopies: sends,
    dmaBytes: bytes,
    sentBytes: bytes,
    syscalls: sends + reads,
    modeSwitches: 2 * (sends + reads),
    interrupts: sends,
  };
}

/**
 * kTLS with sendfile(). In software (TLS_SW) the kernel encrypts each record from the page cache
 * into new pages: the CPU reads and writes every byte once, which the model counts as a CPU copy
 * in place of the copy into the socket buffer. With NIC TLS offload the card encrypts as it
 * sends, and the path is sendfile()'s with scatter-gather.
 */
export function ktlsSendfileSummary(fileBytes: number, offload: boolean, pageCache: PageCacheState): Summary {
  return sendfileSummary(fileBytes, {pageCache, nic: offload ? SG_CSUM : NO_SG});
}

/** The table's rows for one transfer, in the order the course teaches them. */
export function methodOverview(input: OverviewInput): OverviewRow[] {
  const {fileBytes, bufferBytes, pageCache} = input;
  requireInteger('bufferBytes', bufferBytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  const row = (r: OverviewRow): OverviewRow => r;
  return [
    row({
      method: 'read-write',
      label: 'read() + write()',
      chapter: 3,
      since: null,
      from: 'file',
      to: 'socket',
      summary: readWriteSummary(fileBytes, bufferBytes, pageCache),
      requires: [],
    }),
    row({
      method: 'mmap-write',
      label: 'mmap() + write()',
      chapter: 6,
      since: null,
      from: 'file',
      to: 'socket',
      summary: mmapWriteSummary(fileBytes, {pageCache, writeChunk: bufferBytes}),
      requires: ['file-not-truncated'],
    }),
    row({
      method: 'sendfile',
      label: 'sendfile()',
      chapter: 4,
      since: '2.2',
      from: 'file',
      to: 'socket',
      summary: sendfileSummary(fileBytes, {pageCache, nic: NO_SG}),
      requires: ['regular-file'],
    }),
    row({
      method: 'sendfile-sg',
      label: 'sendfile() + scatter-gather',
      chapter: 5,
      since: '2.4',
      from: 'file',
      to: 'socket',
      summary: sendfileSummary(fileBytes, {pageCache, nic: SG_CSUM}),
      requires: ['regular-file', 'nic-sg-csum'],
    }),
    row({
      method: 'splice',
      label: 'splice() via a pipe',
      chapter: 7,
      since: '2.6.17',
      from: 'file',
      to: 'socket',
      summary: spliceSummary(fileBytes, {pageCache, nic: SG_CSUM}),
      requires: ['pipe-end', 'nic-sg-csum'],
    }),
    row({
      method: 'copy-file-range',
      label: 'copy_file_range()',
      chapter: 7,
      since: '4.5',
      from: 'file',
      to: 'file',
      summary: copyFileRangeSummary(fileBytes, 'copy', pageCache),
      requires: ['same-fs-type'],
    }),
    row({
      method: 'copy-file-range-reflink',
      label: 'copy_file_range(), shared blocks',
      chapter: 7,
      since: '4.5',
      from: 'file',
      to: 'file',
      summary: copyFileRangeSummary(fileBytes, 'reflink', pageCache),
      requires: ['same-fs-type', 'reflink-fs'],
    }),
    row({
      method: 'msg-zerocopy',
      label: 'send(MSG_ZEROCOPY)',
      chapter: 7,
      since: '4.14',
      from: 'user-memory',
      to: 'socket',
      summary: msgZerocopySummary(fileBytes, bufferBytes),
      requires: ['so-zerocopy', 'buffer-untouched', 'locked-memory', 'nic-sg-csum'],
    }),
    row({
      method: 'send-zc',
      label: 'io_uring SEND_ZC',
      chapter: 7,
      since: '6.0',
      from: 'user-memory',
      to: 'socket',
      summary: null,
      requires: ['io-uring', 'buffer-untouched', 'nic-sg-csum'],
    }),
    row({
      method: 'ktls-sendfile',
      label: 'kTLS + sendfile()',
      chapter: 7,
      since: '4.13',
      from: 'file',
      to: 'socket',
      summary: ktlsSendfileSummary(fileBytes, false, pageCache),
      requires: ['tls-handshake-user', 'regular-file'],
    }),
    row({
      method: 'ktls-offload',
      label: 'kTLS + sendfile(), NIC TLS offload',
      chapter: 7,
      since: '4.18',
      from: 'file',
      to: 'socket',
      summary: ktlsSendfileSummary(fileBytes, true, pageCache),
      requires: ['tls-handshake-user', 'regular-file', 'nic-tls-offload', 'nic-sg-csum'],
    }),
  ];
}
