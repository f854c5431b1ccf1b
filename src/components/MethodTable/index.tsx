import React, {useMemo, useState, type KeyboardEvent} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import SizeField from '@site/src/components/SizeField';
import {CacheChoice} from '@site/src/components/TransferChoices';
import {formatBytesForReader, methodVariantLabel} from '@site/src/components/shared/format';
import {useSizeField} from '@site/src/components/shared/useSizeField';
import {compareMethods} from '@site/src/model/compare';
import {formatDuration} from '@site/src/model/cost';
import type {PageCacheState, Summary} from '@site/src/model/types';
import {GiB, KiB, MAX_EXACT_BYTES, MAX_RW_COUNT, MiB, formatCount} from '@site/src/model/units';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

interface Props {
  readonly fileSize?: number;
  readonly bufferSize?: number;
  readonly pageCache?: PageCacheState;
}

const PRESETS = [4 * KiB, MiB, GiB, 4 * GiB];

const COLUMNS: readonly {key: keyof Summary; label: () => string; bytes?: boolean}[] = [
  {key: 'cpuCopies', label: () => translate({id: 'counter.cpuCopies', message: 'CPU copies'})},
  {key: 'dmaCopies', label: () => translate({id: 'counter.dmaCopies', message: 'DMA copies'})},
  {key: 'cpuBytes', label: () => translate({id: 'counter.cpuBytes', message: 'Bytes copied by the CPU'}), bytes: true},
  {key: 'modeSwitches', label: () => translate({id: 'counter.modeSwitches', message: 'Mode switches'})},
  {key: 'syscalls', label: () => translate({id: 'counter.syscalls', message: 'System calls'})},
  {key: 'pageFaults', label: () => translate({id: 'counter.pageFaults', message: 'Page faults'})},
];

/** Every method of the course for one file, straight from the model. */
export default function MethodTable({fileSize = GiB, bufferSize = 64 * KiB, pageCache: initialCache = 'hit'}: Props): React.ReactNode {
  const file = useSizeField(translate({id: 'dataPath.fileSize', message: 'File size'}), fileSize, {allowZero: true, max: MAX_EXACT_BYTES});
  const buffer = useSizeField(translate({id: 'dataPath.bufferSize', message: 'Buffer size'}), bufferSize, {allowZero: false, max: MAX_RW_COUNT});
  const [pageCache, setPageCache] = useState<PageCacheState>(initialCache);
  const rows = useMemo(
    () => compareMethods({fileSize: file.bytes, bufferSize: buffer.bytes, pageCache}),
    [file.bytes, buffer.bytes, pageCache],
  );
  const cheapest = rows.reduce((best, row) => (row.cost.cpuNs < best.cost.cpuNs ? row : best));
  const costliest = rows.reduce((worst, row) => (row.cost.cpuNs > worst.cost.cpuNs ? row : worst));

  const nextPreset = (step: 1 | -1) => {
    const index = PRESETS.findIndex((size) => size === file.bytes);
    const next = index < 0 ? 0 : (index + step + PRESETS.length) % PRESETS.length;
    file.setBytes(PRESETS[next]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('input, select')) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      nextPreset(event.key === 'ArrowRight' ? 1 : -1);
    }
  };

  const readout = translate(
    {
      id: 'methodTable.readout',
      message: '{file}, {cache} cache: {best} costs the CPU least, {bestTime}; {worst} costs most, {worstTime}.',
    },
    {
      file: formatBytesForReader(file.bytes),
      cache: pageCache === 'hit' ? translate({id: 'methodTable.warm', message: 'warm'}) : translate({id: 'methodTable.cold', message: 'cold'}),
      best: methodVariantLabel(cheapest.variant),
      bestTime: formatDuration(cheapest.cost.cpuNs),
      worst: methodVariantLabel(costliest.variant),
      worstTime: formatDuration(costliest.cost.cpuNs),
    },
  );

  const regionLabel = translate({id: 'methodTable.label', message: 'Every method compared'});
  return (
    <section
      className={styles.methodTable}
      aria-label={regionLabel}
      data-live-component="MethodTable"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={onKeyDown}>
      <PresentButton label={regionLabel} />
      <div className={styles.controls}>
        <SizeField label={translate({id: 'dataPath.fileSize', message: 'File size'})} value={file.text} unit={file.unit} error={file.error} onChange={file.set} />
        <SizeField label={translate({id: 'dataPath.bufferSize', message: 'Buffer size'})} value={buffer.text} unit={buffer.unit} error={buffer.error} onChange={buffer.set} />
        <CacheChoice value={pageCache} onChange={setPageCache} />
        <button type="button" className="button button--secondary button--sm" onClick={() => nextPreset(1)} data-live-click="">
          <Translate id="methodTable.nextSize">Next file size</Translate>
        </button>
      </div>
      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>
      <div className={styles.scroll} tabIndex={0} aria-label={translate({id: 'methodTable.tableLabel', message: 'Comparison table'})}>
        <table>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="methodTable.method">Method</Translate>
              </th>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col">
                  {column.label()}
                </th>
              ))}
              <th scope="col">
                <Translate id="methodTable.cpuTime">Estimated CPU time</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.variant.id} className={clsx(row === cheapest && styles.best)}>
                <th scope="row">
                  <code>{methodVariantLabel(row.variant)}</code>
                </th>
                {COLUMNS.map((column) => (
                  <td key={column.key}>{column.bytes ? formatBytesForReader(row.summary[column.key]) : formatCount(row.summary[column.key])}</td>
                ))}
                <td>{formatDuration(row.cost.cpuNs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.note}>
        <Translate id="methodTable.note">
          Estimated CPU time uses the model's default hardware parameters (memory copy bandwidth, mode-switch and
          page-fault costs); the DMA engines' time is not CPU time and is not included. The model charges nothing
          for building descriptors or taking page references, so sendfile() with scatter-gather shows only its mode
          switches: a real kernel still does a little work per page.
        </Translate>
      </p>
    </section>
  );
}
