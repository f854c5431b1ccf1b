// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {HardwareParams} from '@site/src/model/cost';
import {DEFAULT_HARDWARE} from '@site/src/model/cost';
import type {ProgramCost, ProgramSummary} from '@site/src/model/user-kernel';

export * from '@site/src/model/user-kernel';

// Wrong: a vDSO call is priced like a system call (two mode switches), and the inputs go unchecked.
export function programCost(summary: ProgramSummary, params: HardwareParams = DEFAULT_HARDWARE): ProgramCost {
  const modeSwitchNs = summary.modeSwitches * params.modeSwitchNs;
  const contextSwitchNs = summary.contextSwitches * params.contextSwitchNs;
  const vdsoNs = summary.vdsoCalls * 2 * params.modeSwitchNs;
  const userWorkNs = summary.userWorkNs;
  return {modeSwitchNs, contextSwitchNs, vdsoNs, userWorkNs, totalNs: modeSwitchNs + contextSwitchNs + vdsoNs + userWorkNs};
}
