// Every file-to-socket method the course covers, behind one signature, so components can
// show any of them and compare them side by side. Chapters add their method here.
import type {PageCacheState, Summary, Trace} from './types';
import {readWriteSummary, readWriteTrace} from './read-write';

export type TransferMethod = 'read-write';

export interface TransferInput {
  readonly fileSize: number;
  readonly bufferSize: number;
  readonly pageCache: PageCacheState;
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
};

export function transferTrace(method: TransferMethod, input: TransferInput, listedChunks = 3): Trace {
  return METHODS[method].trace(input, listedChunks);
}

export function transferSummary(method: TransferMethod, input: TransferInput): Summary {
  return METHODS[method].summary(input);
}
