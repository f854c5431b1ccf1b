// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {validateProgram, type ProgramOp, type ProgramSummary} from '@site/src/model/user-kernel';

export * from '@site/src/model/user-kernel';

// Wrong: every entry into the kernel is counted as a context switch too, blocking or not.
export function programSummary(program: readonly ProgramOp[]): ProgramSummary {
  validateProgram(program);
  let syscalls = 0;
  let vdsoCalls = 0;
  let userWorkNs = 0;
  for (const op of program) {
    if (op.kind === 'syscall') syscalls += 1;
    else if (op.kind === 'vdso') vdsoCalls += 1;
    else userWorkNs += op.ns;
  }
  return {syscalls, modeSwitches: 2 * syscalls, contextSwitches: 2 * syscalls, vdsoCalls, userWorkNs};
}
