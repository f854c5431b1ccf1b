// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {Trace, TraceChunk} from '@site/src/model/types';
import {subtractSummaries} from '@site/src/model/summary';
import {chunkCount, DEFAULT_LISTED_CHUNKS, readWritePairSteps, readWriteSummary, type ReadWriteOptions} from '@site/src/model/read-write';

export * from '@site/src/model/read-write';

// Wrong: every listed chunk is a full buffer, even the last, short one.
export function readWriteTrace(fileSize: number, bufferSize: number, options: ReadWriteOptions = {}): Trace {
  const pageCache = options.pageCache ?? 'miss';
  const {count} = chunkCount(fileSize, bufferSize);
  const listed = Math.min(count, options.listedChunks ?? DEFAULT_LISTED_CHUNKS);
  const chunks: TraceChunk[] = Array.from({length: listed}, (_, index) => ({index, bytes: bufferSize, steps: readWritePairSteps(bufferSize, pageCache)}));
  if (listed === count) return {chunks, omitted: null};
  const listedBytes = listed * bufferSize;
  return {
    chunks,
    omitted: {
      chunks: count - listed,
      bytes: fileSize - listedBytes,
      summary: subtractSummaries(readWriteSummary(fileSize, bufferSize, pageCache), readWriteSummary(listedBytes, bufferSize, pageCache)),
    },
  };
}
