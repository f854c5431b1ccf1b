// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {ethtoolVerdict as modelVerdict, explainFeatures, NIC_FEATURES, type EthtoolVerdict, type NicFeatures} from '@site/src/model/scatter-gather';
import {sendPathFor} from '@site/src/model/nic-features';

export * from '@site/src/model/scatter-gather';

// Wrong: searching the whole text for "scatter-gather: on" also matches the indented
// "tx-scatter-gather: on" line under a "scatter-gather: off" one.
export function ethtoolVerdict(output: string): EthtoolVerdict {
  modelVerdict(output); // the model's refusals of bad output
  const features: NicFeatures = {
    scatterGather: output.includes('scatter-gather: on'),
    checksumOffload: output.includes('tx-checksumming: on'),
  };
  const missing = NIC_FEATURES.filter((feature) => !features[feature]);
  return {features, missing, path: sendPathFor(features), zeroCopy: missing.length === 0, explanation: explainFeatures(missing)};
}
