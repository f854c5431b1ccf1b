import React, {useEffect, useRef} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {CpuMode, ProgramOp, TimelineEntry} from '@site/src/model/user-kernel';
import styles from './styles.module.css';

// Two lanes, user mode above kernel mode; the task's line moves between them event by event.
const GUTTER = 104;
const COLUMN = 40;
const LANE_Y: Record<CpuMode, number> = {user: 52, kernel: 124};
const LANE_HALF_HEIGHT = 22;
const OP_LABEL_Y = 172;
const HEIGHT = 184;
/** Narrower than this, the labels get too small to read: scroll instead. */
const MIN_SCALE = 0.8;

interface Point {
  readonly x: number;
  readonly y: number;
}

function eventPoint(index: number, mode: CpuMode): Point {
  return {x: GUTTER + (index + 1) * COLUMN, y: LANE_Y[mode]};
}

/** A step from one point to the next: along the lane, and across at the midpoint if the mode changes. */
function segmentPath(from: Point, to: Point): string {
  if (from.y === to.y) return `M ${from.x} ${from.y} H ${to.x}`;
  const middle = (from.x + to.x) / 2;
  return `M ${from.x} ${from.y} H ${middle} V ${to.y} H ${to.x}`;
}

/** True for the stretch between a blocking call's two context switches: the task is not running. */
function asleepBefore(entries: readonly TimelineEntry[], index: number): boolean {
  const previous = entries[index - 1]?.event;
  return previous?.kind === 'context-switch' && previous.to === 'other-task';
}

interface Props {
  readonly program: readonly ProgramOp[];
  readonly entries: readonly TimelineEntry[];
  /** -1 before the first event. */
  readonly index: number;
  readonly animate: boolean;
}

export default function Timeline({program, entries, index, animate}: Props): React.ReactNode {
  const width = GUTTER + (entries.length + 1) * COLUMN;
  const start: Point = {x: GUTTER, y: LANE_Y.user};
  const points = entries.map((entry, i) => eventPoint(i, entry.mode));
  const opSpans = program.map((_, opIndex) => {
    const xs = points.filter((_, i) => entries[i].opIndex === opIndex).map((p) => p.x);
    return {from: Math.min(...xs), to: Math.max(...xs)};
  });
  const lanes = [
    {mode: 'user' as const, label: translate({id: 'syscallTimeline.lane.user', message: 'User mode'})},
    {mode: 'kernel' as const, label: translate({id: 'syscallTimeline.lane.kernel', message: 'Kernel mode'})},
  ];
  const scroller = useRef<HTMLDivElement>(null);

  // When the drawing is wider than the screen, keep the current event in view as it steps.
  useEffect(() => {
    const element = scroller.current;
    if (!element || index < 0 || element.scrollWidth <= element.clientWidth) return;
    const x = (points[index].x / width) * element.scrollWidth;
    element.scrollLeft = Math.max(0, x - element.clientWidth / 2);
  }, [index, points, width]);

  return (
    // On a phone the drawing keeps a readable size and scrolls sideways; focusable so the
    // keyboard can scroll it too. The readout and the operation list carry the same facts.
    <div
      ref={scroller}
      className={styles.timelineScroller}
      tabIndex={0}
      role="group"
      aria-label={translate({id: 'syscallTimeline.drawing', message: 'Timeline drawing: the task between user mode and kernel mode'})}>
      <svg
        className={styles.timeline}
        style={{minWidth: `${Math.round(width * MIN_SCALE)}px`}}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false">
        {lanes.map((lane) => (
          <g key={lane.mode}>
            <rect
              className={clsx(styles.lane, lane.mode === 'kernel' ? styles.laneKernel : styles.laneUser)}
              x={4}
              y={LANE_Y[lane.mode] - LANE_HALF_HEIGHT}
              width={width - 8}
              height={LANE_HALF_HEIGHT * 2}
              rx={6}
            />
            <text className={styles.laneLabel} x={12} y={LANE_Y[lane.mode] + 5}>
              {lane.label}
            </text>
          </g>
        ))}

        {entries.map((entry, i) => {
          const from = i === 0 ? start : points[i - 1];
          const path = segmentPath(from, points[i]);
          const asleep = asleepBefore(entries, i);
          return (
            <g key={`segment-${i}`}>
              <path
                d={path}
                className={clsx(
                  styles.segment,
                  i <= index ? styles.segmentDone : styles.segmentPending,
                  i === index && styles.segmentActive,
                  asleep && styles.segmentAsleep,
                )}
              />
              {asleep && (
                <text className={styles.asleepLabel} x={(from.x + points[i].x) / 2} y={LANE_Y.kernel - 8} textAnchor="middle">
                  {translate({id: 'syscallTimeline.asleep', message: 'asleep'})}
                </text>
              )}
              {i === index && animate && (
                <circle key={`token-${index}`} r={6} className={styles.token}>
                  <animateMotion dur="0.6s" fill="freeze" path={path} />
                </circle>
              )}
            </g>
          );
        })}

        {entries.map((entry, i) => {
          const {x, y} = points[i];
          const state = i < index ? styles.markDone : i === index ? styles.markActive : styles.markPending;
          const event = entry.event;
          return (
            <g key={`mark-${i}`} className={state}>
              {i === index && <circle className={styles.activeRing} cx={x} cy={y} r={11} />}
              {event.kind === 'mode-switch' && <circle className={styles.markModeSwitch} cx={x} cy={y} r={5} />}
              {event.kind === 'context-switch' && <rect className={styles.markContextSwitch} x={x - 5} y={y - 5} width={10} height={10} />}
              {event.kind === 'vdso-call' && (
                <>
                  <path className={styles.markVdso} d={`M ${x} ${y - 7} L ${x + 7} ${y} L ${x} ${y + 7} L ${x - 7} ${y} Z`} />
                  <text className={styles.markLabel} x={x} y={LANE_Y.user - LANE_HALF_HEIGHT - 8} textAnchor="middle">
                    vDSO
                  </text>
                </>
              )}
              {event.kind === 'user-work' && <circle className={styles.markVdso} cx={x} cy={y} r={4} />}
            </g>
          );
        })}

        {program.map((op, opIndex) => {
          if (op.kind !== 'syscall' || !Number.isFinite(opSpans[opIndex].from)) return null;
          const current = index >= 0 && entries[index].opIndex === opIndex;
          return (
            <text
              key={`op-${opIndex}`}
              className={clsx(styles.opLabel, current && styles.opLabelActive)}
              x={(opSpans[opIndex].from + opSpans[opIndex].to) / 2}
              y={OP_LABEL_Y}
              textAnchor="middle">
              {op.name}()
            </text>
          );
        })}
      </svg>
    </div>
  );
}
