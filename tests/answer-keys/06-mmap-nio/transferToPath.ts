// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {JAVA_INT_MAX, transferToPath as modelPath, type TransferToInput, type TransferToRoute} from '@site/src/model/mmap-nio';
import {MAX_RW_COUNT} from '@site/src/model/units';

export * from '@site/src/model/mmap-nio';

// Wrong: every JDK is given the kernel's per-call cap (0x7ffff000), but JDK 8 and 11 cap a
// transferTo() at Integer.MAX_VALUE themselves.
export function transferToPath(input: TransferToInput): TransferToRoute {
  const route = modelPath(input);
  return route.perCallCapBytes === JAVA_INT_MAX ? {...route, perCallCapBytes: MAX_RW_COUNT} : route;
}
