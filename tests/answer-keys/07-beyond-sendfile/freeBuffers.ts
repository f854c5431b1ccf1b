// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {isCompleted, type CompletionState} from '@site/src/model/msg-zerocopy';

export * from '@site/src/model/beyond-sendfile';

// Wrong: a send counts as free once send() has returned, that is, every id not above the last
// completed one; a buffer is the kernel's until its own completion arrives, and completions come
// out of order.
export function freeBuffers(state: CompletionState, outstanding: readonly number[]): number[] {
  const highest = state.ranges.reduce((top, [, hi]) => Math.max(top, hi), -1);
  return outstanding.filter((id) => id <= highest || isCompleted(state, id));
}
