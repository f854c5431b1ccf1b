import React, {useMemo, useState} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import StepperControls from '@site/src/components/StepperControls';
import {useStepper} from '@site/src/components/shared/useStepper';
import {usePrefersReducedMotion} from '@site/src/components/shared/usePrefersReducedMotion';
import {
  DEFAULT_FRAGMENT_OPTIONS,
  ETHTOOL_FEATURE_NAMES,
  blockVsRingInterrupts,
  buildFragmentList,
  sgTransfer,
  type NicFeature,
  type NicFeatures,
} from '@site/src/model/scatter-gather';
import {summarizeSteps} from '@site/src/model/summary';
import type {Summary} from '@site/src/model/types';
import {formatCount} from '@site/src/model/units';
import {formatBytesForReader} from '@site/src/components/shared/format';
import {describeStop, hex, missingFeatures, pathReason} from './describe';
import {FIRST_FRAME, MAX_PAGES, MEMORY_FRAMES, pageLayout} from './layout';
import {transferStops} from './stops';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

interface Props {
  /** Pages of the file being sent, 1 to 12. */
  readonly pages?: number;
  /** The first layout shown; "New layout" moves on from it. */
  readonly seed?: number;
  /** Fragments per skb (MAX_SKB_FRAGS); default 17, the kernel's default. */
  readonly maxFrags?: number;
}

const PAGE_SIZE = DEFAULT_FRAGMENT_OPTIONS.pageSize;

function featureLabel(feature: NicFeature): string {
  return feature === 'scatterGather'
    ? translate({id: 'gatherList.toggle.scatterGather', message: 'Scatter-gather'})
    : translate({id: 'gatherList.toggle.checksumOffload', message: 'Checksum offload'});
}

interface CounterRow {
  readonly key: string;
  readonly label: string;
  readonly value: (summary: Summary, descriptors: number) => string;
  readonly tone?: 'cpu' | 'dma' | 'kernel';
}

/**
 * Step through one sendfile() of a file's scattered pages on a current kernel: the skb fragments
 * and their descriptors, the NIC gathering, the CPU's checksum pass, or the CPU copy.
 */
export default function GatherList({pages = 8, seed: initialSeed = 1, maxFrags = DEFAULT_FRAGMENT_OPTIONS.maxFrags}: Props): React.ReactNode {
  const pageCount = Math.min(Math.max(1, Math.round(pages)), MAX_PAGES);
  const [seed, setSeed] = useState(initialSeed);
  const [features, setFeatures] = useState<NicFeatures>({scatterGather: true, checksumOffload: true});
  const reducedMotion = usePrefersReducedMotion();

  const frames = useMemo(() => pageLayout(seed, pageCount), [seed, pageCount]);
  const list = useMemo(() => buildFragmentList(frames, {pageSize: PAGE_SIZE, maxFrags}), [frames, maxFrags]);
  const transfer = useMemo(() => sgTransfer(list.bytes, list.descriptors, features), [list, features]);
  const interrupts = useMemo(() => blockVsRingInterrupts(frames, {pageSize: PAGE_SIZE, maxFrags}), [frames, maxFrags]);
  const stops = useMemo(() => transferStops(transfer), [transfer]);
  const stepper = useStepper(stops.length);
  const stop = stepper.index >= 0 ? stops[stepper.index] : null;
  const sofar = useMemo(
    () => summarizeSteps(stop ? transfer.steps.slice(0, stop.stepIndex + 1) : []),
    [transfer, stop],
  );
  const animate = !reducedMotion && !stepper.atStart;

  // Where the bytes are at this stop, for the drawing.
  const kind = stop?.step.kind ?? null;
  const gathering = stop?.descriptor ?? null;
  const gathers = transfer.path !== 'copy';
  const descriptorsQueued = gathers && stop !== null && stop.stepIndex >= 1;
  const cpuCopied = !gathers && stop !== null && stop.stepIndex >= 1;
  // The CPU is on the bytes while it copies them or reads them for the checksum.
  const cpuBusy = (kind === 'copy' && stop?.step.kind === 'copy' && stop.step.engine === 'cpu') || kind === 'cpu-pass';
  const nicHasPage = (page: number): boolean => {
    if (!stop) return false;
    if (kind === 'interrupt') return true;
    if (gathers) return gathering !== null && page <= gathering;
    return kind === 'copy' && stop.step.kind === 'copy' && stop.step.engine === 'dma';
  };
  // Fragment i is page i: one fragment per page.
  const pageActive = (page: number): boolean => cpuBusy || (gathering !== null && page === gathering);

  const changeLayout = () => {
    setSeed((s) => s + 1);
    stepper.restart();
  };
  const toggle = (feature: NicFeature) => {
    setFeatures((current) => ({...current, [feature]: !current[feature]}));
    stepper.restart();
  };

  const context = {transfer, fragments: list.fragments, pageCount};
  const readout = stop
    ? translate(
        {id: 'gatherList.readout.step', message: 'Step {n} of {total}: {description}'},
        {n: stepper.index + 1, total: stops.length, description: describeStop(stop, context)},
      )
    : transfer.path === 'gather'
      ? translate(
          {
            id: 'gatherList.readout.readyGather',
            message: 'Ready: sendfile() sends {pages} cached pages ({bytes}) as {n} fragments, one descriptor each; the CPU neither copies nor reads the bytes. Press Next or the right arrow key.',
          },
          {pages: pageCount, bytes: formatBytesForReader(list.bytes), n: list.descriptors},
        )
      : transfer.path === 'gather-cpu-checksum'
        ? translate(
            {
              id: 'gatherList.readout.readyChecksum',
              message: 'Ready: sendfile() sends {pages} cached pages ({bytes}) as {n} fragments. With checksum offload off, the NIC still gathers, but the CPU reads every byte once for the checksum. Press Next or the right arrow key.',
            },
            {pages: pageCount, bytes: formatBytesForReader(list.bytes), n: list.descriptors},
          )
        : translate(
            {
              id: 'gatherList.readout.readyCopy',
              message: 'Ready: sendfile() sends {pages} cached pages ({bytes}). With {missing} off, the CPU copies them into linear buffers. Press Next or the right arrow key.',
            },
            {pages: pageCount, bytes: formatBytesForReader(list.bytes), missing: missingFeatures(transfer.missing)},
          );

  const counters: readonly CounterRow[] = [
    {key: 'cpuCopies', label: translate({id: 'gatherList.counter.cpuCopies', message: 'CPU copies'}), value: (s) => formatCount(s.cpuCopies), tone: 'cpu'},
    {key: 'cpuBytes', label: translate({id: 'gatherList.counter.cpuBytes', message: 'Bytes copied by the CPU'}), value: (s) => formatBytesForReader(s.cpuBytes), tone: 'cpu'},
    {key: 'cpuPassBytes', label: translate({id: 'gatherList.counter.cpuPassBytes', message: 'Bytes read by the CPU for the checksum'}), value: (s) => formatBytesForReader(s.cpuPassBytes), tone: 'cpu'},
    {key: 'dmaCopies', label: translate({id: 'gatherList.counter.dmaCopies', message: 'DMA copies'}), value: (s) => formatCount(s.dmaCopies), tone: 'dma'},
    {key: 'descriptors', label: translate({id: 'gatherList.counter.descriptors', message: 'Descriptors to the NIC'}), value: (_, d) => formatCount(d), tone: 'kernel'},
    {key: 'interrupts', label: translate({id: 'gatherList.counter.interrupts', message: 'Interrupts'}), value: (s) => formatCount(s.interrupts)},
    {key: 'modeSwitches', label: translate({id: 'gatherList.counter.modeSwitches', message: 'Mode switches'}), value: (s) => formatCount(s.modeSwitches)},
  ];

  const regionLabel = translate({id: 'gatherList.label', message: 'Scatter-gather DMA: skb fragments and their descriptors, gathered by the NIC'});
  return (
    <section
      className={clsx(styles.gatherList, animate && styles.animate)}
      aria-label={regionLabel}
      data-live-component="GatherList"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={stepper.onKeyDown}>
      <PresentButton label={regionLabel} />
      <div className={styles.controls}>
        <div className={styles.layoutControl}>
          <button type="button" className="button button--secondary button--sm" onClick={changeLayout}>
            <Translate id="gatherList.newLayout">New layout</Translate>
          </button>
          <span className={styles.layoutName}>
            <Translate id="gatherList.layoutName" values={{n: seed}}>
              {'Layout {n}'}
            </Translate>
          </span>
        </div>
        <fieldset className={styles.features}>
          <legend>
            <Translate id="gatherList.features">NIC features (as ethtool -k names them)</Translate>
          </legend>
          {(['scatterGather', 'checksumOffload'] as const).map((feature) => (
            <label key={feature}>
              <input type="checkbox" checked={features[feature]} onChange={() => toggle(feature)} /> {featureLabel(feature)}{' '}
              <code>{ETHTOOL_FEATURE_NAMES[feature]}</code>
            </label>
          ))}
        </fieldset>
      </div>

      <p className={clsx(styles.path, transfer.path !== 'gather' && styles.pathCopy)}>
        {transfer.path === 'gather' ? (
          <Translate id="gatherList.path.gather">
            Both features on: the socket buffer holds page references and the NIC gathers the pages from the page cache. 0 CPU copies, and the CPU does not read the bytes.
          </Translate>
        ) : transfer.path === 'gather-cpu-checksum' ? (
          translate(
            {
              id: 'gatherList.path.checksum',
              message: 'Checksum offload off: on Linux 4.17 and later the NIC still gathers from the page cache, 0 CPU copies, but {reason}: one CPU pass over every byte. (Kernels before 4.17 copied here instead.)',
            },
            {reason: pathReason(transfer)},
          )
        ) : (
          translate(
            {id: 'gatherList.path.copy', message: 'With {missing} off, the NIC can only read linear buffers: the CPU copies the pages into them at transmit. 1 CPU copy.'},
            {missing: missingFeatures(transfer.missing)},
          )
        )}
      </p>

      <div className={styles.rowTitle}>
        <Translate id="gatherList.filePages" values={{pages: pageCount, size: formatBytesForReader(PAGE_SIZE)}}>
          {'The file: {pages} pages of {size}, in file order, and the page frame each one is in'}
        </Translate>
      </div>
      <ol className={styles.filePages}>
        {frames.map((frame, page) => (
          <li key={page} className={clsx(styles.filePage, pageActive(page) && (cpuBusy ? styles.activeCpu : styles.activeDma))}>
            <span className={styles.pageName}>P{page}</span>
            <span className={styles.frameNumber}>{hex(frame)}</span>
          </li>
        ))}
      </ol>

      <div className={styles.rowTitle}>
        <Translate
          id="gatherList.memory"
          values={{first: hex(FIRST_FRAME), last: hex(FIRST_FRAME + MEMORY_FRAMES - 1)}}>
          {'Physical memory: page frames {first} to {last}, and the descriptor of each page\'s fragment'}
        </Translate>
      </div>
      <div
        className={styles.memoryScroller}
        // Focusable so a keyboard can scroll it on a narrow screen.
        tabIndex={0}
        role="group"
        aria-label={translate({id: 'gatherList.memoryLabel', message: 'Page frames and their fragments\' descriptors'})}>
        <div className={styles.memory} style={{gridTemplateColumns: `repeat(${MEMORY_FRAMES}, minmax(1.5rem, 1fr))`}}>
          {Array.from({length: MEMORY_FRAMES}, (_, i) => {
            const frame = FIRST_FRAME + i;
            const page = frames.indexOf(frame);
            return (
              <div
                key={frame}
                className={clsx(
                  styles.frame,
                  page >= 0 && styles.frameUsed,
                  page >= 0 && pageActive(page) && (cpuBusy ? styles.activeCpu : styles.activeDma),
                )}
                style={{gridColumn: i + 1, gridRow: 1}}>
                <span className={styles.frameNumber}>{frame.toString(16)}</span>
                <span className={styles.pageName}>{page >= 0 ? `P${page}` : ''}</span>
              </div>
            );
          })}
          {list.fragments.map((fragment, d) => (
            <div
              key={fragment.page}
              className={clsx(styles.bar, gathering === d && styles.barActive)}
              style={{gridColumn: frames[fragment.page] - FIRST_FRAME + 1, gridRow: 2}}>
              #{d + 1}
            </div>
          ))}
        </div>
      </div>

      <table className={clsx(styles.descriptors, !gathers && styles.unused)}>
        <caption>
          {gathers
            ? translate(
                {
                  id: 'gatherList.table.caption',
                  message: 'The fragments and their descriptors: {n} for {pages} pages, one per page, even where frames are consecutive. skbs needed: {skbs}, at most {max} fragments each.',
                },
                {n: list.descriptors, pages: pageCount, skbs: list.skbs, max: maxFrags},
              )
            : translate(
                {id: 'gatherList.table.captionUnused', message: 'The fragments the NIC would gather: {n}. Without scatter-gather it reads linear buffers instead.'},
                {n: list.descriptors},
              )}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">
              <Translate id="gatherList.table.dmaAddress">DMA address</Translate>
            </th>
            <th scope="col">
              <Translate id="gatherList.table.length">Length</Translate>
            </th>
            <th scope="col">
              <Translate id="gatherList.table.page">File page</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.fragments.map((fragment, d) => (
            <tr key={fragment.page} className={clsx(gathering === d && styles.rowActive)} aria-current={gathering === d ? 'step' : undefined}>
              <td>{d + 1}</td>
              <td>
                <code>{hex(fragment.dmaAddress)}</code>
              </td>
              <td>{formatBytesForReader(fragment.length)}</td>
              <td>P{fragment.page}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.iommuNote}>
        <Translate id="gatherList.iommu">
          DMA addresses as the device sees them. Without an IOMMU they equal the physical addresses drawn here; behind an IOMMU the driver gets I/O virtual addresses instead.
        </Translate>
      </p>
      {list.overflow && (
        <p className={styles.overflow}>
          <Translate id="gatherList.overflow" values={{n: list.descriptors, max: maxFrags, skbs: list.skbs}}>
            {'{n} fragments are more than the {max} one skb holds: the kernel spreads them over {skbs} skbs.'}
          </Translate>
        </p>
      )}

      <div className={styles.destinations}>
        <div className={styles.rowTitle}>
          <Translate id="gatherList.socketBuffer">Socket buffer</Translate>
        </div>
        {gathers ? (
          <p className={clsx(styles.socketBuffer, !descriptorsQueued && styles.pending)}>
            {descriptorsQueued
              ? translate(
                  {id: 'gatherList.socketBuffer.fragments', message: '{n} page references (skb fragments), no payload bytes'},
                  {n: list.descriptors},
                )
              : translate({id: 'gatherList.socketBuffer.empty', message: 'empty'})}
          </p>
        ) : (
          <ol className={styles.slots}>
            {frames.map((_, page) => (
              <li key={page} className={clsx(styles.slot, cpuCopied ? styles.slotCpu : styles.pending)}>
                P{page}
              </li>
            ))}
          </ol>
        )}
        <div className={styles.rowTitle}>
          <Translate id="gatherList.nic">NIC (what it has read, in file order)</Translate>
        </div>
        <ol className={styles.slots}>
          {frames.map((_, page) => (
            <li key={page} className={clsx(styles.slot, nicHasPage(page) ? styles.slotDma : styles.pending)}>
              P{page}
            </li>
          ))}
        </ol>
      </div>

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <StepperControls stepper={stepper} />

      <div className={styles.columns}>
        <table className={styles.counters}>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="gatherList.counter.what">Counter</Translate>
              </th>
              <th scope="col">
                <Translate id="gatherList.counter.soFar">So far</Translate>
              </th>
              <th scope="col">
                <Translate id="gatherList.counter.total">Whole send</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {counters.map((row) => (
              <tr key={row.key} data-counter={row.key} className={row.tone && styles[`tone-${row.tone}`]}>
                <th scope="row">{row.label}</th>
                <td>{row.value(sofar, descriptorsQueued ? transfer.descriptors : 0)}</td>
                <td>{row.value(transfer.summary, transfer.descriptors)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className={styles.compare} data-compare="">
          <p className={styles.compareTitle}>
            <Translate id="gatherList.compare.title" values={{pages: pageCount}}>
              {'Completion interrupts for these {pages} pages'}
            </Translate>
          </p>
          <dl>
            <dt>
              <Translate id="gatherList.compare.block">Block-only DMA (historical, chapter 2)</Translate>
            </dt>
            <dd data-compare-block="">
              <Translate id="gatherList.compare.blockValue" values={{blocks: interrupts.blocks, interrupts: interrupts.blockDmaInterrupts}}>
                {'{blocks} blocks of consecutive frames: {interrupts} transfers, {interrupts} interrupts'}
              </Translate>
            </dd>
            <dt>
              <Translate id="gatherList.compare.ring">NIC descriptor ring</Translate>
            </dt>
            <dd data-compare-ring="">
              <Translate
                id="gatherList.compare.ringValue"
                values={{descriptors: interrupts.descriptors, completions: interrupts.completions, interrupts: interrupts.ringInterrupts}}>
                {'{descriptors} descriptors on the ring, {completions} skb completed: {interrupts} interrupt without coalescing; with coalescing (ethtool -C) and NAPI polling, one interrupt covers many completions'}
              </Translate>
            </dd>
          </dl>
        </div>
      </div>
    </section>
  );
}
