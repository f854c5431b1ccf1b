import React, {useId, useMemo, useState, type KeyboardEvent} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {formatBytesForReader, methodVariantLabel} from '@site/src/components/shared/format';
import {CHART_FILE_SIZES, METHOD_VARIANTS, costCurve, type CostPoint, type MethodVariant} from '@site/src/model/compare';
import {formatDuration, type HardwareParams} from '@site/src/model/cost';
import MachineBadge from '@site/src/components/MachineBadge';
import {useMachine} from '@site/src/components/shared/machine';
import type {PageCacheState} from '@site/src/model/types';
import {KiB} from '@site/src/model/units';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

interface Props {
  readonly bufferSize?: number;
  readonly pageCache?: PageCacheState;
}

// Chart geometry: a log-log plot, file size across, CPU time up.
const WIDTH = 640;
const HEIGHT = 340;
const MARGIN = {left: 64, right: 16, top: 16, bottom: 44};
const LINE_STYLES: Record<MethodVariant['id'], {className: string; dash: string}> = {
  'read-write': {className: styles.readWrite, dash: ''},
  'mmap-write': {className: styles.mmapWrite, dash: '8 4'},
  sendfile: {className: styles.sendfile, dash: '2 4'},
  'sendfile-sg': {className: styles.sendfileSg, dash: '12 4 2 4'},
};

interface ParamField {
  readonly key: 'memcpyBytesPerSecond' | 'modeSwitchNs' | 'pageFaultNs' | 'perPageKernelNs';
  readonly label: () => string;
  /** The field shows GB/s for bandwidth; the model wants bytes per second. */
  readonly scale: number;
}

const PARAM_FIELDS: readonly ParamField[] = [
  {key: 'memcpyBytesPerSecond', label: () => translate({id: 'costChart.memcpy', message: 'Memory copy bandwidth (GB/s)'}), scale: 1e9},
  {key: 'modeSwitchNs', label: () => translate({id: 'costChart.modeSwitch', message: 'Mode switch (ns)'}), scale: 1},
  {key: 'pageFaultNs', label: () => translate({id: 'costChart.pageFault', message: 'Page fault (ns)'}), scale: 1},
  {key: 'perPageKernelNs', label: () => translate({id: 'costChart.perPage', message: 'Kernel work per page sent (ns)'}), scale: 1},
];

/** The fields' text for a set of parameters: bandwidth in GB/s, to three significant figures. */
function fieldTexts(params: HardwareParams): Record<ParamField['key'], string> {
  const text = (value: number) => String(Number(value.toPrecision(3)));
  return {
    memcpyBytesPerSecond: text(params.memcpyBytesPerSecond / 1e9),
    modeSwitchNs: text(params.modeSwitchNs),
    pageFaultNs: text(params.pageFaultNs),
    perPageKernelNs: text(params.perPageKernelNs),
  };
}

function logScale(value: number, min: number, max: number, from: number, to: number): number {
  const t = (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
  return from + t * (to - from);
}

/** Estimated CPU time against file size for every method, with the hardware parameters adjustable. */
export default function CostChart({bufferSize = 64 * KiB, pageCache = 'hit'}: Props): React.ReactNode {
  const id = useId();
  const machine = useMachine();
  const [texts, setTexts] = useState<Record<ParamField['key'], string>>(() => fieldTexts(machine.params));
  const [lastValid, setLastValid] = useState<HardwareParams>(machine.params);
  // A lab report loaded or forgotten (on the lab page, or in another tab) re-prices the chart;
  // adjusting state during render, as React recommends, instead of an effect's extra pass.
  const [pricedFor, setPricedFor] = useState(machine.params);
  if (pricedFor !== machine.params) {
    setPricedFor(machine.params);
    setTexts(fieldTexts(machine.params));
    setLastValid(machine.params);
  }
  const [cursor, setCursor] = useState(6);

  const errors: Partial<Record<ParamField['key'], string>> = {};
  const candidate: HardwareParams = {...lastValid};
  for (const field of PARAM_FIELDS) {
    const value = Number(texts[field.key]);
    if (texts[field.key].trim() === '' || !Number.isFinite(value) || value <= 0) {
      errors[field.key] = translate(
        {id: 'costChart.error', message: '{label} must be a positive number; got "{value}".'},
        {label: field.label(), value: texts[field.key]},
      );
    } else {
      (candidate as Record<ParamField['key'], number>)[field.key] = value * field.scale;
    }
  }
  const valid = Object.keys(errors).length === 0;
  if (valid && PARAM_FIELDS.some((f) => candidate[f.key] !== lastValid[f.key])) setLastValid(candidate);
  const params = valid ? candidate : lastValid;

  const curves = useMemo(
    () => METHOD_VARIANTS.map((variant) => ({variant, points: costCurve(variant, CHART_FILE_SIZES, {bufferSize, pageCache}, params)})),
    [bufferSize, pageCache, params],
  );
  const allTimes = curves.flatMap((c) => c.points.map((p) => p.cpuNs)).filter((ns) => ns > 0);
  const minNs = 10 ** Math.floor(Math.log10(Math.min(...allTimes)));
  const maxNs = 10 ** Math.ceil(Math.log10(Math.max(...allTimes)));
  const minSize = CHART_FILE_SIZES[0];
  const maxSize = CHART_FILE_SIZES[CHART_FILE_SIZES.length - 1];
  const x = (size: number) => logScale(size, minSize, maxSize, MARGIN.left, WIDTH - MARGIN.right);
  const y = (ns: number) => logScale(Math.max(ns, minNs), minNs, maxNs, HEIGHT - MARGIN.bottom, MARGIN.top);
  const yTicks = Array.from({length: Math.log10(maxNs / minNs) + 1}, (_, i) => minNs * 10 ** i);
  const cursorSize = CHART_FILE_SIZES[cursor];

  const move = (step: number) => setCursor((c) => Math.min(Math.max(c + step, 0), CHART_FILE_SIZES.length - 1));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('input')) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      move(event.key === 'ArrowRight' ? 1 : -1);
    }
  };
  const pointAt = (points: readonly CostPoint[]) => points[cursor];
  const readout = translate(
    {id: 'costChart.readout', message: 'At {size}: {values}.'},
    {
      size: formatBytesForReader(cursorSize),
      values: curves.map((c) => `${methodVariantLabel(c.variant)} ${formatDuration(pointAt(c.points).cpuNs)}`).join('; '),
    },
  );

  const regionLabel = translate({id: 'costChart.label', message: 'Estimated CPU time against file size'});
  return (
    <section
      className={styles.costChart}
      aria-label={regionLabel}
      data-live-component="CostChart"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={onKeyDown}>
      <PresentButton label={regionLabel} />
      <div className={styles.params}>
        {PARAM_FIELDS.map((field) => (
          <div key={field.key} className={styles.param}>
            <label htmlFor={`${id}-${field.key}`}>{field.label()}</label>
            <input
              id={`${id}-${field.key}`}
              type="text"
              inputMode="decimal"
              value={texts[field.key]}
              aria-invalid={errors[field.key] !== undefined}
              onChange={(event) => setTexts((t) => ({...t, [field.key]: event.target.value}))}
            />
            {errors[field.key] && (
              <p className={styles.error} role="alert">
                {errors[field.key]}
              </p>
            )}
          </div>
        ))}
      </div>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {yTicks.map((ns) => (
          <g key={ns}>
            <line className={styles.grid} x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(ns)} y2={y(ns)} />
            <text className={styles.tick} x={MARGIN.left - 6} y={y(ns) + 4} textAnchor="end">
              {formatDuration(ns)}
            </text>
          </g>
        ))}
        {CHART_FILE_SIZES.filter((_, i) => i % 2 === 0).map((size) => (
          <text key={size} className={styles.tick} x={x(size)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
            {formatBytesForReader(size)}
          </text>
        ))}
        <line className={styles.cursor} x1={x(cursorSize)} x2={x(cursorSize)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
        {curves.map(({variant, points}) => (
          <g key={variant.id} className={LINE_STYLES[variant.id].className}>
            <polyline
              className={styles.line}
              strokeDasharray={LINE_STYLES[variant.id].dash}
              points={points.map((p) => `${x(p.fileSize)},${y(p.cpuNs)}`).join(' ')}
            />
            <circle className={styles.dot} cx={x(cursorSize)} cy={y(pointAt(points).cpuNs)} r={5} />
          </g>
        ))}
      </svg>
      <ul className={styles.legend}>
        {curves.map(({variant}) => (
          <li key={variant.id} className={LINE_STYLES[variant.id].className}>
            <svg width="36" height="10" aria-hidden="true">
              <line className={styles.line} x1="0" x2="36" y1="5" y2="5" strokeDasharray={LINE_STYLES[variant.id].dash} />
            </svg>
            <code>{methodVariantLabel(variant)}</code>
          </li>
        ))}
      </ul>
      <div className={styles.buttons}>
        <button type="button" className="button button--secondary button--sm" onClick={() => move(-1)} disabled={cursor === 0}>
          <Translate id="costChart.smaller">Smaller file</Translate>
        </button>
        <button
          type="button"
          className="button button--primary button--sm"
          onClick={() => move(1)}
          disabled={cursor === CHART_FILE_SIZES.length - 1}
          data-live-click="">
          <Translate id="costChart.larger">Larger file</Translate>
        </button>
      </div>
      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>
      <MachineBadge />
      <details className={styles.data}>
        <summary>
          <Translate id="costChart.table">The numbers as a table</Translate>
        </summary>
        <div className={styles.scroll} tabIndex={0} aria-label={translate({id: 'costChart.table', message: 'The numbers as a table'})}>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <Translate id="costChart.fileSize">File size</Translate>
                </th>
                {curves.map(({variant}) => (
                  <th key={variant.id} scope="col">
                    <code>{methodVariantLabel(variant)}</code>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CHART_FILE_SIZES.map((size, i) => (
                <tr key={size}>
                  <th scope="row">{formatBytesForReader(size)}</th>
                  {curves.map(({variant, points}) => (
                    <td key={variant.id}>{formatDuration(points[i].cpuNs)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
