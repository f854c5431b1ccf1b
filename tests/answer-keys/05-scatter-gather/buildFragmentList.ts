// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {buildFragmentList as modelList, type Fragment, type FragmentList, type FragmentListOptions} from '@site/src/model/scatter-gather';

export * from '@site/src/model/scatter-gather';

// Wrong: frames that follow each other in memory are joined into one fragment, as block DMA
// joins buffers; but the NIC takes one fragment per page reference.
export function buildFragmentList(frames: readonly number[], options: FragmentListOptions): FragmentList {
  const perPage = modelList(frames, options);
  const fragments: Fragment[] = [];
  for (const fragment of perPage.fragments) {
    const last = fragments.at(-1);
    if (last && last.dmaAddress + last.length === fragment.dmaAddress) {
      fragments[fragments.length - 1] = {...last, length: last.length + fragment.length};
    } else {
      fragments.push(fragment);
    }
  }
  const skbs = Math.ceil(fragments.length / options.maxFrags);
  return {fragments, bytes: perPage.bytes, descriptors: fragments.length, skbs, overflow: skbs > 1};
}
