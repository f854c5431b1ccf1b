// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {DEFAULT_PIPE_BYTES, spliceSteps as reference, type SpliceSteps} from '@site/src/model/splice';
import {MAX_RW_COUNT, PAGE_SIZE} from '@site/src/model/units';

export * from '@site/src/model/beyond-sendfile';

// Wrong: counts page references as the file's pages, as if rounds never shared a page; a short
// splice() that leaves two rounds in one page needs a reference from each.
export function spliceSteps(fileBytes: number, pipeBytes: number = DEFAULT_PIPE_BYTES, pageSize: number = PAGE_SIZE, callLimit: number = MAX_RW_COUNT): SpliceSteps {
  const steps = reference(fileBytes, pipeBytes, pageSize, callLimit);
  return {...steps, pageReferences: Math.ceil(fileBytes / pageSize)};
}
