import React, {useId, useMemo, useState} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {DEFAULT_DMA_PARAMS, blockDmaPlan, type DmaParams, type PhysicalBuffer} from '@site/src/model/dma';
import {formatBytes, formatCount} from '@site/src/model/units';
import styles from './styles.module.css';

// Three 4 KiB buffers, by the bus addresses the device sees, laid out three ways.
const PAGE = 4096;
const LAYOUTS = {
  adjacent: [0x10000, 0x11000, 0x12000],
  partly: [0x10000, 0x11000, 0x16000],
  scattered: [0x10000, 0x14000, 0x1a000],
} as const;
type Layout = keyof typeof LAYOUTS;

function layoutLabel(layout: Layout): string {
  switch (layout) {
    case 'adjacent':
      return translate({id: 'dmaTimeline.blocks.adjacent', message: 'side by side'});
    case 'partly':
      return translate({id: 'dmaTimeline.blocks.partly', message: 'two side by side, one apart'});
    case 'scattered':
      return translate({id: 'dmaTimeline.blocks.scattered', message: 'scattered'});
  }
}

const hex = (address: number) => `0x${address.toString(16)}`;

interface Props {
  readonly initial?: Layout;
  readonly params?: DmaParams;
}

/** Block DMA over a few buffers: one transfer and one interrupt per contiguous block, from the model. */
export default function BlockDma({initial = 'scattered', params = DEFAULT_DMA_PARAMS}: Props): React.ReactNode {
  const [layout, setLayout] = useState<Layout>(initial);
  const radioName = useId();
  const buffers: PhysicalBuffer[] = useMemo(() => LAYOUTS[layout].map((address) => ({address, length: PAGE})), [layout]);
  const plan = useMemo(() => blockDmaPlan(buffers, params), [buffers, params]);
  const values = {
    transfers: plan.transfers,
    interrupts: plan.interrupts,
    dma: formatCount(plan.dmaCpuCycles),
    pio: formatCount(plan.pioCpuCycles),
  };
  // The model says how many buffers each block joins, in the order given.
  const firstBuffer = plan.blocks.map((_, i) => plan.blocks.slice(0, i).reduce((n, b) => n + b.bufferCount, 0));

  return (
    <section className={styles.blockDma} aria-label={translate({id: 'dmaTimeline.blocks.label', message: 'Block DMA over three buffers'})}>
      <fieldset className={styles.layouts}>
        <legend>
          <Translate id="dmaTimeline.blocks.legend" values={{size: formatBytes(PAGE)}}>
            {'Three {size} buffers, placed:'}
          </Translate>
        </legend>
        {(Object.keys(LAYOUTS) as Layout[]).map((option) => (
          <label key={option}>
            <input type="radio" name={radioName} value={option} checked={layout === option} onChange={() => setLayout(option)} />{' '}
            {layoutLabel(option)}
          </label>
        ))}
      </fieldset>

      <ol className={styles.blocks}>
        {plan.blocks.map((block, i) => (
          <li key={block.address} className={styles.block}>
            <span className={styles.blockTitle}>
              <Translate id="dmaTimeline.blocks.transfer" values={{n: i + 1, bytes: formatBytes(block.length)}}>
                {'Transfer {n}: {bytes}'}
              </Translate>
            </span>
            <span className={styles.buffers}>
              {buffers.slice(firstBuffer[i], firstBuffer[i] + block.bufferCount).map((buffer) => (
                <span key={buffer.address} className={styles.buffer}>
                  {hex(buffer.address)}
                </span>
              ))}
            </span>
            <span className={styles.blockIrq}>
              <Translate id="dmaTimeline.blocks.interrupt">then a completion interrupt</Translate>
            </span>
          </li>
        ))}
      </ol>

      <p className={styles.blockSummary} aria-live="polite">
        {plan.transfers === 1
          ? translate(
              {id: 'dmaTimeline.blocks.summaryOne', message: 'One block: one transfer and one interrupt. DMA costs the CPU {dma} cycles; PIO would cost {pio}.'},
              values,
            )
          : translate(
              {
                id: 'dmaTimeline.blocks.summaryMany',
                message: '{transfers} blocks: {transfers} transfers and {interrupts} interrupts. DMA costs the CPU {dma} cycles; PIO would cost {pio}.',
              },
              values,
            )}
      </p>
    </section>
  );
}
