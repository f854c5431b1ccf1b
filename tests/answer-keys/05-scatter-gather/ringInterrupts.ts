// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {MAX_EXACT_BYTES} from '@site/src/model/units';
import {requireInteger} from '@site/src/model/validate';
import {MAX_LIST_ENTRIES} from '@site/src/model/scatter-gather';

export * from '@site/src/model/scatter-gather';

// Wrong: only full batches raise an interrupt (Math.floor): the last, partial batch is forgotten.
export function ringInterrupts(completions: number, coalesceFrames: number): number {
  requireInteger('completions', completions, {min: 0, max: MAX_EXACT_BYTES, unit: 'completions'});
  requireInteger('coalesceFrames', coalesceFrames, {min: 1, max: MAX_LIST_ENTRIES, unit: 'frames'});
  return Math.floor(completions / coalesceFrames);
}
