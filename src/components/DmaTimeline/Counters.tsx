import React from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import type {CpuTimeline} from '@site/src/model/dma';
import {formatCount} from '@site/src/model/units';
import {busyCyclesUntil, interruptsUntil} from './timelineStops';
import styles from './styles.module.css';

interface Props {
  readonly pio: CpuTimeline;
  readonly dma: CpuTimeline;
  /** The cursor's cycle; null before the first step, when nothing has been counted yet. */
  readonly cycle: number | null;
}

interface Row {
  readonly key: string;
  readonly label: string;
  readonly value: (timeline: CpuTimeline) => number;
}

/** PIO beside DMA: CPU busy cycles and interrupts so far and for the whole transfer, from the model. */
export default function Counters({pio, dma, cycle}: Props): React.ReactNode {
  const rows: readonly Row[] = [
    {
      key: 'busy-so-far',
      label: translate({id: 'dmaTimeline.counter.busySoFar', message: 'CPU busy so far (cycles)'}),
      value: (t) => (cycle === null ? 0 : busyCyclesUntil(t, cycle)),
    },
    {
      key: 'busy-total',
      label: translate({id: 'dmaTimeline.counter.busyTotal', message: 'CPU busy, whole transfer (cycles)'}),
      value: (t) => t.cpuBusyCycles,
    },
    {
      key: 'interrupts-so-far',
      label: translate({id: 'dmaTimeline.counter.interruptsSoFar', message: 'Interrupts so far'}),
      value: (t) => (cycle === null ? 0 : interruptsUntil(t, cycle)),
    },
    {
      key: 'interrupts-total',
      label: translate({id: 'dmaTimeline.counter.interruptsTotal', message: 'Interrupts, whole transfer'}),
      value: (t) => t.interruptAtCycles.length,
    },
    {
      key: 'transfer',
      label: translate({id: 'dmaTimeline.counter.transfer', message: 'Cycles the words take to cross the bus'}),
      value: (t) => t.transferCycles,
    },
  ];
  return (
    <table className={styles.counters}>
      <thead>
        <tr>
          <th scope="col">
            <Translate id="dmaTimeline.counter.what">Counter</Translate>
          </th>
          <th scope="col">PIO</th>
          <th scope="col">DMA</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-counter={row.key}>
            <th scope="row">{row.label}</th>
            <td data-mode="pio">{formatCount(row.value(pio))}</td>
            <td data-mode="dma">{formatCount(row.value(dma))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
