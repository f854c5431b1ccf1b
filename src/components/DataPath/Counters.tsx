import React, {useMemo} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {estimateCost, formatDuration} from '@site/src/model/cost';
import MachineBadge from '@site/src/components/MachineBadge';
import {useMachine} from '@site/src/components/shared/machine';
import {summarizeSteps} from '@site/src/model/summary';
import type {Step, Summary} from '@site/src/model/types';
import {formatCount} from '@site/src/model/units';
import {formatBytesForReader} from '@site/src/components/shared/format';
import styles from './styles.module.css';

interface Props {
  /** Steps shown so far. */
  readonly done: readonly Step[];
  /** The whole transfer, listed and counted chunks together. */
  readonly total: Summary;
}

const ROWS: readonly {key: keyof Summary; label: () => string; bytes?: boolean}[] = [
  {key: 'cpuCopies', label: () => translate({id: 'counter.cpuCopies', message: 'CPU copies'})},
  {key: 'dmaCopies', label: () => translate({id: 'counter.dmaCopies', message: 'DMA copies'})},
  {key: 'cpuBytes', label: () => translate({id: 'counter.cpuBytes', message: 'Bytes copied by the CPU'}), bytes: true},
  {key: 'cpuPassBytes', label: () => translate({id: 'counter.cpuPassBytes', message: 'Bytes read by the CPU for checksums'}), bytes: true},
  {key: 'dmaBytes', label: () => translate({id: 'counter.dmaBytes', message: 'Bytes moved by DMA'}), bytes: true},
  {key: 'modeSwitches', label: () => translate({id: 'counter.modeSwitches', message: 'Mode switches'})},
  {key: 'syscalls', label: () => translate({id: 'counter.syscalls', message: 'System calls'})},
  {key: 'interrupts', label: () => translate({id: 'counter.interrupts', message: 'Interrupts'})},
  {key: 'pageFaults', label: () => translate({id: 'counter.pageFaults', message: 'Page faults'})},
];

export default function Counters({done, total}: Props): React.ReactNode {
  const sofar = useMemo(() => summarizeSteps(done), [done]);
  const {params} = useMachine();
  const cost = estimateCost(total, params);
  const show = (row: (typeof ROWS)[number], summary: Summary) =>
    row.bytes ? formatBytesForReader(summary[row.key]) : formatCount(summary[row.key]);
  return (
    <div className={styles.counters}>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="counter.what">Counter</Translate>
            </th>
            <th scope="col">
              <Translate id="counter.soFar">So far</Translate>
            </th>
            <th scope="col">
              <Translate id="counter.total">Whole transfer</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className={row.key.startsWith('cpu') ? styles.rowCpu : row.key.startsWith('dma') ? styles.rowDma : undefined}>
              <th scope="row">{row.label()}</th>
              <td>{show(row, sofar)}</td>
              <td>{show(row, total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.cost}>
        <Translate id="counter.cpuTime" values={{time: formatDuration(cost.cpuNs)}}>
          {'Estimated CPU time for the whole transfer: {time}'}
        </Translate>{' '}
        <Translate id="counter.kernelWork" values={{time: formatDuration(cost.kernelNs)}}>
          {'({time} of it is the kernel\'s work per page sent, which no method avoids.)'}
        </Translate>
      </p>
      <MachineBadge />
    </div>
  );
}
