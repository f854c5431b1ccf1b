// A horizontal bar chart in HTML rather than SVG, so its labels keep their size on a phone: one
// row per method, the median as a bar, the range of the runs as a whisker, and an optional marker
// (the model's prediction). The axis is linear from zero with round ticks, and says its unit.
import React from 'react';
import styles from './styles.module.css';

export interface BarRow {
  readonly key: string;
  readonly label: React.ReactNode;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** The model's figure; null where the model has none. */
  readonly marker: number | null;
}

interface Props {
  readonly title: string;
  readonly axisLabel: string;
  readonly rows: readonly BarRow[];
  /** Formats a value for the ticks and the figures beside each bar. */
  readonly format: (value: number) => string;
  /** A tick's figure without the unit, which the axis label names. */
  readonly formatTick: (value: number) => string;
  /** Says what the bar, the line and the mark are; omitted, the chart explains itself in its title. */
  readonly legend?: React.ReactNode;
  readonly markerLabel: string;
  readonly noMarkerLabel: string;
}

/** Round tick steps: 1, 2 or 5 times a power of ten, four or five ticks in all. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

export default function Bars({title, axisLabel, rows, format, formatTick, legend, markerLabel, noMarkerLabel}: Props): React.ReactNode {
  const top = Math.max(...rows.flatMap((r) => [r.max, r.marker ?? 0]), 0);
  const ticks = niceTicks(top);
  const end = ticks[ticks.length - 1] || 1;
  const at = (value: number) => `${Math.min(Math.max(value / end, 0), 1) * 100}%`;
  return (
    <figure className={styles.bars}>
      <figcaption className={styles.barsTitle}>{title}</figcaption>
      {legend}
      <ul className={styles.barRows}>
        {rows.map((row) => (
          <li key={row.key} className={styles.barRow} data-lab-row={row.key}>
            <span className={styles.barLabel}>{row.label}</span>
            <span className={styles.barTrack}>
              <span className={styles.bar} style={{width: at(row.median)}} />
              <span className={styles.whisker} style={{left: at(row.min), width: `calc(${at(row.max)} - ${at(row.min)})`}} />
              {row.marker !== null && <span className={styles.marker} style={{left: at(row.marker)}} />}
            </span>
            <span className={styles.barValue}>
              {format(row.median)}
              <span className={styles.range}>
                {' '}({format(row.min)}–{format(row.max)})
              </span>
              <span className={styles.modelValue}>
                {row.marker === null ? noMarkerLabel : `${markerLabel} ${format(row.marker)}`}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {/* The bars span the full width, and so does the axis: its ticks line up with them. */}
      <div aria-hidden="true">
        <span className={styles.axis}>
          {ticks.map((tick) => (
            <span key={tick} className={styles.tick} style={{left: at(tick)}}>
              {formatTick(tick)}
            </span>
          ))}
        </span>
        <span className={styles.axisLabel}>{axisLabel}</span>
      </div>
    </figure>
  );
}
