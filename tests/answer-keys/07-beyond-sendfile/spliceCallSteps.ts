// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {PageCacheState, Step} from '@site/src/model/types';
import {DEFAULT_NIC, type NicFeatures} from '@site/src/model/sendfile';
import {spliceCallSteps as reference, type SpliceDirection} from '@site/src/model/splice';

export * from '@site/src/model/beyond-sendfile';

// Wrong: splicing a file into the pipe is taken for a copy of its bytes into the pipe, a CPU
// copy from the page cache; a pipe holds page references, and no byte moves.
export function spliceCallSteps(bytes: number, direction: SpliceDirection, pageCache: PageCacheState = 'miss', nic: NicFeatures = DEFAULT_NIC): Step[] {
  const steps = reference(bytes, direction, pageCache, nic);
  if (direction !== 'file-to-pipe') return steps;
  const leave = steps[steps.length - 1];
  return [...steps.slice(0, -1), {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'user-buffer', bytes, syscall: 'splice', async: false}, leave];
}
