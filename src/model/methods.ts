// Every file-to-socket method the course covers, behind one signature, so components can
// show any of them and compare them side by side. Chapters add their method here.
import type {PageCacheState, Summary, Trace} from './types';
import {readWriteSummary, readWriteTrace} from './read-write';
import {sendfileSummary, sendfileTrace, type NicFeatures} from './sendfile';
import {mmapWriteSummary, mmapWriteTrace} from './mmap-nio';

export type TransferMethod = 'read-write' | 'sendfile' | 'mmap-write';

export interface TransferInput {
  readonly fileSize: number;
  /** The user buffer of read()+write(); sendfile() has none and ignores it. */
  readonly bufferSize: number;
  readonly pageCache: PageCacheState;
  /** The NIC's offloads, for sendfile(). Default: neither (no scatter-gather). */
  readonly nic?: NicFeatures;
}

interface MethodModel {
  readonly label: string;
  readonly trace: (input: TransferInput, listedChunks: number) => Trace;
  readonly summary: (input: TransferInput) => Summary;
}

export const METHODS: Record<TransferMethod, MethodModel> = {
  'read-write': {
    label: 'read() + write()',
    trace: ({fileSize, bufferSize, pageCache}, listedChunks) =>
      readWriteTrace(fileSize, bufferSize, {pageCache, listedChunks}),
    summary: ({fileSize, bufferSize, pageCache}) => readWriteSummary(fileSize, bufferSize, pageCache),
  },
  sendfile: {
    label: 'sendfile()',
    trace: ({fileSize, pageCache, nic}, listedChunks) => sendfileTrace(fileSize, {pageCache, nic, listedChunks}),
    summary: ({fileSize, pageCache, nic}) => sendfileSummary(fileSize, {pageCache, nic}),
  },
  // bufferSize is what the program hands each write(); readahead keeps its default.
  'mmap-write': {
    label: 'mmap() + write()',
    trace: ({fileSize, bufferSize, pageCache}, listedChunks) =>
      mmapWriteTrace(fileSize, {pageCache, writeChunk: bufferSize, listedChunks}),
    summary: ({fileSize, bufferSize, pageCache}) => mmapWriteSummary(fileSize, {pageCache, writeChunk: bufferSize}),
  },
};

export function transferTrace(method: TransferMethod, input: TransferInput, listedChunks = 3): Trace {
  return METHODS[method].trace(input, listedChunks);
}

export function transferSummary(method: TransferMethod, input: TransferInput): Summary {
  return METHODS[method].summary(input);
}
