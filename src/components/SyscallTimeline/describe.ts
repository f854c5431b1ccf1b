// Plain-language descriptions of the model's timeline events and program operations,
// translatable, for the readout, the operation list and the diagram's labels.
import {translate} from '@docusaurus/Translate';
import {formatDuration} from '@site/src/model/cost';
import type {CpuMode, ProgramOp, TimelineEvent} from '@site/src/model/user-kernel';

export function modeName(mode: CpuMode): string {
  return mode === 'user'
    ? translate({id: 'syscallTimeline.mode.user', message: 'user mode'})
    : translate({id: 'syscallTimeline.mode.kernel', message: 'kernel mode'});
}

/** The call as a reader would write it: "read()", "clock_gettime()". */
export function opCall(op: ProgramOp): string {
  return op.kind === 'user-work' ? translate({id: 'syscallTimeline.op.work', message: 'work'}) : `${op.name}()`;
}

/** What kind of crossing an operation makes, shown beside it in the operation list. */
export function opKind(op: ProgramOp): string {
  switch (op.kind) {
    case 'syscall':
      return op.blocks
        ? translate({id: 'syscallTimeline.op.blockingSyscall', message: 'system call that blocks (page-cache miss)'})
        : translate({id: 'syscallTimeline.op.syscall', message: 'system call'});
    case 'vdso':
      return translate({id: 'syscallTimeline.op.vdso', message: 'vDSO call: stays in user space'});
    case 'user-work':
      return translate({id: 'syscallTimeline.op.userWork', message: 'computes for {time} in user space'}, {
        time: formatDuration(op.ns),
      });
  }
}

export function describeEvent(event: TimelineEvent): string {
  switch (event.kind) {
    case 'mode-switch':
      return event.direction === 'user-to-kernel'
        ? translate(
            {id: 'syscallTimeline.event.enter', message: '{syscall}() traps into the kernel: mode switch, user to kernel'},
            {syscall: event.syscall},
          )
        : translate(
            {id: 'syscallTimeline.event.leave', message: '{syscall}() returns: mode switch, kernel to user'},
            {syscall: event.syscall},
          );
    case 'context-switch':
      return event.to === 'other-task'
        ? translate(
            {
              id: 'syscallTimeline.event.sleep',
              message: '{syscall}() must wait for the disk: the task sleeps and the scheduler runs another task (context switch)',
            },
            {syscall: event.syscall},
          )
        : translate(
            {
              id: 'syscallTimeline.event.wake',
              message: 'The data has arrived: the scheduler switches back to this task, still inside {syscall}() (context switch)',
            },
            {syscall: event.syscall},
          );
    case 'vdso-call':
      return translate(
        {id: 'syscallTimeline.event.vdso', message: '{name}() runs in the vDSO, inside the process: no switch of any kind'},
        {name: event.name},
      );
    case 'user-work':
      return translate({id: 'syscallTimeline.event.work', message: 'The program computes for {time} in user space'}, {
        time: formatDuration(event.ns),
      });
  }
}
