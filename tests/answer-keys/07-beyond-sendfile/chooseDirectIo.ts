// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {DirectIoChoice, DirectIoInput} from '@site/src/model/direct-io';
import {requireInteger, requireOneOf} from '@site/src/model/validate';
import {MAX_EXACT_BYTES} from '@site/src/model/units';

export * from '@site/src/model/beyond-sendfile';

// Wrong: "large files: direct I/O, small files: zero-copy" by size alone, as popular write-ups
// put it; a large file read repeatedly belongs in the page cache.
export function chooseDirectIo(input: DirectIoInput): DirectIoChoice {
  const fileBytes = requireInteger('fileBytes', input.fileBytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const cache = requireInteger('pageCacheBytes', input.pageCacheBytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireOneOf('accessPattern', input.accessPattern, ['once', 'repeated', 'random-small'] as const);
  const threshold = input.directioThreshold === undefined ? cache : requireInteger('directioThreshold', input.directioThreshold, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  return fileBytes >= threshold ? {method: 'direct-io', reason: 'a large file'} : {method: 'sendfile', reason: 'a small file'};
}
