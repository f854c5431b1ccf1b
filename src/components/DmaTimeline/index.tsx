import React, {useEffect, useMemo} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import SizeField from '@site/src/components/SizeField';
import {useSizeField, type SizeMessages} from '@site/src/components/shared/useSizeField';
import {formatBytesForReader} from '@site/src/components/shared/format';
import StepperControls from '@site/src/components/StepperControls';
import {useStepper} from '@site/src/components/shared/useStepper';
import {usePrefersReducedMotion} from '@site/src/components/shared/usePrefersReducedMotion';
import {formatDuration} from '@site/src/model/cost';
import {DEFAULT_DMA_PARAMS, cpuTimeline, cyclesToNs, dmaBreakEvenBytes, type DmaParams} from '@site/src/model/dma';
import {GiB, KiB, formatCount} from '@site/src/model/units';
import Counters from './Counters';
import Timeline from './Timeline';
import {describeActivity} from './describe';
import {displayScale, timelineStops} from './timelineStops';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

interface Props {
  /** The transfer's size in bytes when the page loads. */
  readonly bytes?: number;
  /** The model's cost parameters; the defaults are illustrative assumptions. */
  readonly params?: DmaParams;
  /** Hide the size field, for a fixed example. */
  readonly fixed?: boolean;
}

// One transfer is the point of the picture; past 1 GiB the bars only get longer.
export const MAX_TIMELINE_BYTES = GiB;

// This component's own words where its limits differ from other size fields'.
const SIZE_MESSAGES: SizeMessages = {
  zero: (values) =>
    translate({id: 'dmaTimeline.error.zero', message: '{label} must be at least 1 byte: an empty transfer has no timeline.'}, values),
  'too-big': (values) =>
    translate({id: 'dmaTimeline.error.tooBig', message: '{label} can be at most {max} here; got {value} {unit}.'}, values),
};

/** One transfer seen from the CPU, by programmed I/O and by DMA, one event at a time. */
export default function DmaTimeline({bytes = 64 * KiB, params = DEFAULT_DMA_PARAMS, fixed = false}: Props): React.ReactNode {
  const reducedMotion = usePrefersReducedMotion();
  const sizeLabel = translate({id: 'dmaTimeline.size', message: 'Transfer size'});
  // While the field is invalid the component keeps showing the last valid transfer.
  const field = useSizeField(sizeLabel, bytes, {allowZero: false, max: MAX_TIMELINE_BYTES}, SIZE_MESSAGES);
  const size = field.bytes;

  const pio = useMemo(() => cpuTimeline(size, 'pio', params), [size, params]);
  const dma = useMemo(() => cpuTimeline(size, 'dma', params), [size, params]);
  const stops = useMemo(() => timelineStops(pio, dma), [pio, dma]);
  const scale = useMemo(() => displayScale([pio, dma]), [pio, dma]);
  const stepper = useStepper(stops.length);
  const {restart} = stepper;
  // A new size is a new transfer: walk it from the start, even when it has as many stops.
  useEffect(() => restart(), [size, restart]);
  const stop = stepper.index >= 0 ? stops[stepper.index] : null;
  const time = (cycles: number) => formatDuration(cyclesToNs(cycles, params));

  const readout = stop
    ? translate(
        {id: 'dmaTimeline.readout.step', message: 'Step {n} of {total}, cycle {cycle} ({time}). {pio}. {dma}.'},
        {
          n: stepper.index + 1,
          total: stops.length,
          cycle: formatCount(stop.cycle),
          time: time(stop.cycle),
          pio: describeActivity('pio', stop.pio),
          dma: describeActivity('dma', stop.dma),
        },
      )
    : translate(
        {id: 'dmaTimeline.readout.ready', message: 'Ready: {total} stops along the timelines of a {size} transfer. Press Next or the right arrow key.'},
        {total: stops.length, size: formatBytesForReader(size)},
      );

  const saved = pio.cpuBusyCycles - dma.cpuBusyCycles;
  const verdictValues = {
    size: formatBytesForReader(size),
    cycles: formatCount(Math.abs(saved)),
    time: time(Math.abs(saved)),
    breakEven: formatCount(dmaBreakEvenBytes(params)),
  };
  const verdict =
    saved > 0
      ? translate({id: 'dmaTimeline.verdict.dma', message: 'For {size}, DMA saves the CPU {cycles} cycles ({time}).'}, verdictValues)
      : saved < 0
        ? translate(
            {
              id: 'dmaTimeline.verdict.pio',
              message: 'For {size}, PIO costs the CPU {cycles} cycles less: below the break-even size of {breakEven} bytes, setting up the engine and taking its interrupt cost more than copying.',
            },
            verdictValues,
          )
        : translate({id: 'dmaTimeline.verdict.tie', message: 'For {size}, PIO and DMA cost the CPU the same.'}, verdictValues);

  const regionLabel = translate({id: 'dmaTimeline.label', message: 'CPU timelines of programmed I/O and DMA'});
  return (
    <section
      className={styles.dmaTimeline}
      aria-label={regionLabel}
      data-live-component="DmaTimeline"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={stepper.onKeyDown}>
      <PresentButton label={regionLabel} />
      {!fixed && (
        <div className={styles.controls}>
          <SizeField label={sizeLabel} value={field.text} unit={field.unit} error={field.error} onChange={field.set} />
        </div>
      )}

      <Timeline pio={pio} dma={dma} scale={scale} cursorCycle={stop?.cycle ?? null} animate={!reducedMotion} />

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <StepperControls stepper={stepper} />

      <Counters pio={pio} dma={dma} cycle={stop?.cycle ?? null} />

      <p className={styles.verdict}>{verdict}</p>
      <p className={styles.note}>
        <Translate id="dmaTimeline.assumptions" values={{ghz: params.cpuHz / 1e9}}>
          {'Cycle counts come from the model’s cost parameters, which are illustrative assumptions, not measurements; times assume a {ghz} GHz clock.'}
        </Translate>
      </p>
    </section>
  );
}
