import React, {useMemo} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import StepperControls from '@site/src/components/StepperControls';
import {useStepper} from '@site/src/components/shared/useStepper';
import {usePrefersReducedMotion} from '@site/src/components/shared/usePrefersReducedMotion';
import {
  CAT_FILE_PROGRAM,
  EMPTY_PROGRAM_SUMMARY,
  programSummary,
  programTimeline,
  type ProgramOp,
} from '@site/src/model/user-kernel';
import Counters from './Counters';
import Timeline from './Timeline';
import {describeEvent, modeName, opCall, opKind} from './describe';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

export {default as AddressClassifier} from './AddressClassifier';

interface Props {
  /** The program to step through; by default `cat` on a file that is not cached, timed with clock_gettime. */
  readonly program?: readonly ProgramOp[];
  /** A short name for the program, shown above the timeline. */
  readonly title?: string;
}

/** Step through a program's system calls: every crossing between user and kernel mode, counted and priced. */
export default function SyscallTimeline({program = CAT_FILE_PROGRAM, title}: Props): React.ReactNode {
  const entries = useMemo(() => programTimeline(program), [program]);
  const total = useMemo(() => programSummary(program), [program]);
  const stepper = useStepper(entries.length);
  const reducedMotion = usePrefersReducedMotion();
  const active = stepper.index >= 0 ? entries[stepper.index] : null;
  const heading = title ?? translate({id: 'syscallTimeline.defaultTitle', message: 'cat on a file that is not cached yet, timed'});

  const readout = active
    ? translate(
        {id: 'syscallTimeline.readout.step', message: 'Step {n} of {total}: {description}. The task is in {mode}.'},
        {n: stepper.index + 1, total: entries.length, description: describeEvent(active.event), mode: modeName(active.mode)},
      )
    : entries.length === 0
      ? translate({id: 'syscallTimeline.readout.empty', message: 'This program makes no calls: nothing crosses the boundary.'})
      : translate(
          {
            id: 'syscallTimeline.readout.ready',
            message: 'Ready: {ops} operations, {total} events. The task starts in user mode. Press Next or the right arrow key.',
          },
          {ops: program.length, total: entries.length},
        );

  const regionLabel = translate({id: 'syscallTimeline.label', message: 'System call timeline: {title}'}, {title: heading});
  return (
    <section
      className={styles.syscallTimeline}
      aria-label={regionLabel}
      data-live-component="SyscallTimeline"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={stepper.onKeyDown}>
      <PresentButton label={regionLabel} />
      <p className={styles.title}>
        <strong>{heading}</strong>
      </p>

      <Timeline program={program} entries={entries} index={stepper.index} animate={!reducedMotion && !stepper.atStart} />

      <p className={styles.legend}>
        <span className={styles.legendMode} aria-hidden="true">●</span>{' '}
        <Translate id="syscallTimeline.legend.mode">mode switch</Translate>
        {'  '}
        <span className={styles.legendContext} aria-hidden="true">■</span>{' '}
        <Translate id="syscallTimeline.legend.context">context switch</Translate>
        {'  '}
        <span className={styles.legendVdso} aria-hidden="true">◆</span>{' '}
        <Translate id="syscallTimeline.legend.vdso">vDSO call, no switch</Translate>
      </p>

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <StepperControls stepper={stepper} empty={entries.length === 0} />

      <div className={styles.columns}>
        <ol className={styles.ops}>
          {program.map((op, opIndex) => {
            const current = active?.opIndex === opIndex;
            const done = active !== null && active.opIndex > opIndex;
            return (
              <li
                key={opIndex}
                aria-current={current ? 'step' : undefined}
                className={clsx(styles.op, styles[`op-${op.kind}`], current && styles.opActive, !current && !done && styles.opPending)}>
                <code>{opCall(op)}</code> <span className={styles.opKind}>{opKind(op)}</span>
              </li>
            );
          })}
        </ol>
        <Counters soFar={active?.totals ?? EMPTY_PROGRAM_SUMMARY} total={total} />
      </div>
    </section>
  );
}
