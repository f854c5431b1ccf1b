// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {sgTransfer as modelTransfer, type NicFeatures, type SgTransfer} from '@site/src/model/scatter-gather';

export * from '@site/src/model/scatter-gather';

// Wrong: without checksum offload the kernel is taken to copy, as kernels before 4.17 did;
// a current kernel still gathers and only reads the bytes once for the checksum.
export function sgTransfer(bytes: number, descriptorCount: number, features: NicFeatures): SgTransfer {
  return modelTransfer(bytes, descriptorCount, features.checksumOffload ? features : {...features, scatterGather: false});
}
