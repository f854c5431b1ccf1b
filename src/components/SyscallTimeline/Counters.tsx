import React from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {formatDuration} from '@site/src/model/cost';
import MachineBadge from '@site/src/components/MachineBadge';
import {useMachine} from '@site/src/components/shared/machine';
import {programCost, type ProgramSummary} from '@site/src/model/user-kernel';
import {formatCount} from '@site/src/model/units';
import styles from './styles.module.css';

interface Props {
  /** Counters up to and including the current event. */
  readonly soFar: ProgramSummary;
  readonly total: ProgramSummary;
}

const ROWS: readonly {key: Exclude<keyof ProgramSummary, 'userWorkNs'>; label: () => string; className?: string}[] = [
  {key: 'syscalls', label: () => translate({id: 'syscallTimeline.counter.syscalls', message: 'System calls'})},
  {key: 'modeSwitches', label: () => translate({id: 'syscallTimeline.counter.modeSwitches', message: 'Mode switches'}), className: styles.rowMode},
  {
    key: 'contextSwitches',
    label: () => translate({id: 'syscallTimeline.counter.contextSwitches', message: 'Context switches'}),
    className: styles.rowContext,
  },
  {key: 'vdsoCalls', label: () => translate({id: 'syscallTimeline.counter.vdsoCalls', message: 'vDSO calls'}), className: styles.rowVdso},
];

export default function Counters({soFar, total}: Props): React.ReactNode {
  const {params} = useMachine();
  const costSoFar = programCost(soFar, params);
  const costTotal = programCost(total, params);
  return (
    <div className={styles.counters}>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="syscallTimeline.counter.what">Counter</Translate>
            </th>
            <th scope="col">
              <Translate id="syscallTimeline.counter.soFar">So far</Translate>
            </th>
            <th scope="col">
              <Translate id="syscallTimeline.counter.total">Whole program</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className={row.className}>
              <th scope="row">{row.label()}</th>
              <td>{formatCount(soFar[row.key])}</td>
              <td>{formatCount(total[row.key])}</td>
            </tr>
          ))}
          <tr className={styles.rowCost}>
            <th scope="row">
              <Translate id="syscallTimeline.counter.cost">Estimated cost of the crossings</Translate>
            </th>
            <td>{formatDuration(costSoFar.totalNs)}</td>
            <td>{formatDuration(costTotal.totalNs)}</td>
          </tr>
        </tbody>
      </table>
      <p className={styles.costNote}>
        <Translate
          id="syscallTimeline.counter.prices"
          values={{
            mode: formatDuration(params.modeSwitchNs),
            context: formatDuration(params.contextSwitchNs),
            vdso: formatDuration(params.vdsoCallNs),
          }}>
          {
            'Priced at {mode} per mode switch, {context} per context switch and {vdso} per vDSO call: rough figures. The work the kernel does inside each call, and the wait for the disk, are not included.'
          }
        </Translate>
      </p>
      <MachineBadge />
    </div>
  );
}
