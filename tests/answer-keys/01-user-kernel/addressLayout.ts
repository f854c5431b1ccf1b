// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {MAX_ADDRESS, requirePagingLevels, VIRTUAL_ADDRESS_BITS, type AddressLayout, type PagingLevels} from '@site/src/model/user-kernel';

export * from '@site/src/model/user-kernel';

// Wrong: the kernel half starts right after the user half, as if there were no hole between them.
export function addressLayout(pagingLevels: PagingLevels = 4): AddressLayout {
  const levels = requirePagingLevels(pagingLevels);
  const virtualAddressBits = VIRTUAL_ADDRESS_BITS[levels];
  const halfSizeBytes = 1n << BigInt(virtualAddressBits - 1);
  return {pagingLevels: levels, virtualAddressBits, halfSizeBytes, userStart: 0n, userEnd: halfSizeBytes - 1n, kernelStart: halfSizeBytes, kernelEnd: MAX_ADDRESS};
}
