// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {PAGE_SIZE} from '@site/src/model/units';
import {PIPE_MAX_SIZE_DEFAULT} from '@site/src/model/splice';
import {ModelInputError} from '@site/src/model/validate';

export * from '@site/src/model/beyond-sendfile';

// Wrong: rounds up to whole pages, not to a power-of-two number of pages (so 5 pages stay 5).
export function pipeCapacity(requestedBytes: number, pageSize: number = PAGE_SIZE, maxBytes: number = PIPE_MAX_SIZE_DEFAULT): number {
  const bytes = Math.max(1, Math.ceil(requestedBytes / pageSize)) * pageSize;
  if (bytes > maxBytes) throw new ModelInputError('requestedBytes', requestedBytes, `requestedBytes rounds up to ${bytes} bytes, above ${maxBytes}`);
  return bytes;
}
