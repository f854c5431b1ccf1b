// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {EMPTY_PROGRAM_SUMMARY, validateProgram, type ProgramOp, type ProgramSummary, type TimelineEntry, type TimelineEvent, type CpuMode} from '@site/src/model/user-kernel';

export * from '@site/src/model/user-kernel';

function add(a: ProgramSummary, event: TimelineEvent): ProgramSummary {
  if (event.kind === 'mode-switch') return {...a, modeSwitches: a.modeSwitches + 1, syscalls: a.syscalls + (event.direction === 'user-to-kernel' ? 1 : 0)};
  if (event.kind === 'context-switch') return {...a, contextSwitches: a.contextSwitches + 1};
  if (event.kind === 'vdso-call') return {...a, vdsoCalls: a.vdsoCalls + 1};
  return {...a, userWorkNs: a.userWorkNs + event.ns};
}

// Wrong: the vDSO call is drawn as a trip into the kernel, as if clock_gettime were a system call.
function opEvents(op: ProgramOp): {event: TimelineEvent; mode: CpuMode}[] {
  if (op.kind === 'user-work') return [{event: {kind: 'user-work', ns: op.ns}, mode: 'user'}];
  const syscall = op.name;
  const sleep: {event: TimelineEvent; mode: CpuMode}[] =
    op.kind === 'syscall' && op.blocks
      ? [
          {event: {kind: 'context-switch', to: 'other-task', syscall}, mode: 'kernel'},
          {event: {kind: 'context-switch', to: 'this-task', syscall}, mode: 'kernel'},
        ]
      : [];
  return [
    {event: {kind: 'mode-switch', direction: 'user-to-kernel', syscall}, mode: 'kernel'},
    ...sleep,
    {event: {kind: 'mode-switch', direction: 'kernel-to-user', syscall}, mode: 'user'},
  ];
}

export function programTimeline(program: readonly ProgramOp[]): TimelineEntry[] {
  validateProgram(program);
  const entries: TimelineEntry[] = [];
  let totals = EMPTY_PROGRAM_SUMMARY;
  program.forEach((op, opIndex) => {
    for (const {event, mode} of opEvents(op)) {
      totals = add(totals, event);
      entries.push({opIndex, event, mode, totals});
    }
  });
  return entries;
}
