// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {NicFeatures} from '@site/src/model/sendfile';
import {ModelInputError} from '@site/src/model/validate';

export * from '@site/src/model/sendfile';

// Wrong: scatter-gather alone is taken to be enough; the checksum is forgotten.
export function zeroCopyCapable(nic: NicFeatures): boolean {
  for (const field of ['scatterGather', 'checksumOffload'] as const) {
    if (typeof nic[field] !== 'boolean') throw new ModelInputError(`nic.${field}`, nic[field], `nic.${field} must be true or false; got ${String(nic[field])}`);
  }
  return nic.scatterGather;
}
