import React from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import type {CpuActivity, CpuTimeline} from '@site/src/model/dma';
import {formatCount} from '@site/src/model/units';
import {activityLabel} from './describe';
import type {DisplayScale} from './timelineStops';
import styles from './styles.module.css';

interface Props {
  readonly pio: CpuTimeline;
  readonly dma: CpuTimeline;
  readonly scale: DisplayScale;
  /** Where the step-through cursor stands; null before the first step. */
  readonly cursorCycle: number | null;
  readonly animate: boolean;
}

const ACTIVITY_CLASS: Record<CpuActivity, string> = {
  copying: styles.copying,
  setup: styles.setup,
  free: styles.free,
  interrupt: styles.interrupt,
};

// The bars are drawn for sighted readers; this sentence says the same for a screen reader.
function spokenTimeline(timeline: CpuTimeline): string {
  return timeline.segments
    .map((s) =>
      translate(
        {id: 'dmaTimeline.chart.segment', message: '{activity} for {cycles} cycles'},
        {activity: activityLabel(s.activity), cycles: formatCount(s.cycles)},
      ),
    )
    .join(', ');
}

function Bar({timeline, scale}: {readonly timeline: CpuTimeline; readonly scale: DisplayScale}): React.ReactNode {
  return (
    <div className={styles.track}>
      {timeline.segments.map((s) => {
        const left = scale.toPercent(s.startCycle);
        const width = scale.toPercent(s.startCycle + s.cycles) - left;
        return <span key={s.startCycle} className={clsx(styles.segment, ACTIVITY_CLASS[s.activity])} style={{left: `${left}%`, width: `${width}%`}} />;
      })}
      {timeline.interruptAtCycles.map((at) => (
        <span key={at} className={styles.irq} style={{left: `${scale.toPercent(at)}%`}}>
          IRQ
        </span>
      ))}
    </div>
  );
}

export default function Timeline({pio, dma, scale, cursorCycle, animate}: Props): React.ReactNode {
  const label = translate(
    {id: 'dmaTimeline.chart.label', message: 'CPU timelines. PIO: {pio}. DMA: {dma}.'},
    {pio: spokenTimeline(pio), dma: spokenTimeline(dma)},
  );
  return (
    <div className={styles.chartBox}>
      <div className={styles.chart} role="img" aria-label={label}>
        <div className={styles.rowLabels}>
          <span>PIO</span>
          <span>DMA</span>
        </div>
        <div className={styles.tracks}>
          <Bar timeline={pio} scale={scale} />
          <Bar timeline={dma} scale={scale} />
          <div className={styles.axis}>
            <span>0</span>
            <span>
              <Translate id="dmaTimeline.chart.axisEnd" values={{cycles: formatCount(dma.totalCycles)}}>
                {'{cycles} cycles'}
              </Translate>
            </span>
          </div>
          {cursorCycle !== null && (
            <span
              className={clsx(styles.cursor, animate && styles.cursorAnimated)}
              style={{left: `${scale.toPercent(cursorCycle)}%`}}
            />
          )}
        </div>
      </div>
      <ul className={styles.legend}>
        {(['copying', 'setup', 'free', 'interrupt'] as const).map((activity) => (
          <li key={activity}>
            <span className={clsx(styles.swatch, ACTIVITY_CLASS[activity])} aria-hidden="true" />
            {activityLabel(activity)}
          </li>
        ))}
      </ul>
      {!scale.toScale && (
        <p className={styles.note}>
          <Translate id="dmaTimeline.chart.notToScale">
            Not to scale: short stretches are drawn wider so that you can see them. The numbers below are exact.
          </Translate>
        </p>
      )}
    </div>
  );
}
