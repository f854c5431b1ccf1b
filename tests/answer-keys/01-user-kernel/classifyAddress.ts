// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {addressLayout, requireAddress, type AddressHalf, type PagingLevels} from '@site/src/model/user-kernel';

export * from '@site/src/model/user-kernel';

// Wrong: everything above the user half is taken for the kernel; non-canonical addresses vanish.
export function classifyAddress(address: bigint, pagingLevels: PagingLevels = 4): AddressHalf {
  requireAddress('address', address);
  return address <= addressLayout(pagingLevels).userEnd ? 'user' : 'kernel';
}
