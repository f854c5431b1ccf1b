// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {blockVsRingInterrupts as modelCompare, ringInterrupts, type InterruptComparison, type RingOptions} from '@site/src/model/scatter-gather';

export * from '@site/src/model/scatter-gather';

// Wrong: the ring completes once per descriptor (per page), not once per skb.
export function blockVsRingInterrupts(frames: readonly number[], options: RingOptions = {}): InterruptComparison {
  const right = modelCompare(frames, options);
  return {...right, completions: right.descriptors, ringInterrupts: ringInterrupts(right.descriptors, right.coalesceFrames)};
}
