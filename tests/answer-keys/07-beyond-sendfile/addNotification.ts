// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {normaliseRanges, type CompletionState, type ZerocopyNotification} from '@site/src/model/msg-zerocopy';

export * from '@site/src/model/beyond-sendfile';

// Wrong: takes [lo, hi] as a plain range even when it wraps past 2^32 - 1 (lo > hi), so the
// sends on both sides of the wrap are lost.
export function addNotification(state: CompletionState, notification: ZerocopyNotification): CompletionState {
  const {lo, hi, copied} = notification;
  const added: (readonly [number, number])[] = lo <= hi ? [[lo, hi]] : [];
  return {
    ranges: normaliseRanges([...state.ranges, ...added]),
    copiedRanges: copied ? normaliseRanges([...state.copiedRanges, ...added]) : state.copiedRanges,
  };
}
