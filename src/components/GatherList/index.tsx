import React, {useMemo, useState} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import StepperControls from '@site/src/components/StepperControls';
import {useStepper} from '@site/src/components/shared/useStepper';
import {usePrefersReducedMotion} from '@site/src/components/shared/usePrefersReducedMotion';
import {
  ETHTOOL_FEATURE_NAMES,
  ILLUSTRATIVE_LIMITS,
  blockVsGatherInterrupts,
  buildDescriptorList,
  sgTransfer,
  type NicFeature,
  type NicFeatures,
} from '@site/src/model/scatter-gather';
import {summarizeSteps} from '@site/src/model/summary';
import type {Summary} from '@site/src/model/types';
import {formatCount} from '@site/src/model/units';
import {formatBytesForReader} from '@site/src/components/shared/format';
import {copyReason, describeStop, hex, missingFeatures, pageSpan} from './describe';
import {FIRST_FRAME, MAX_PAGES, MEMORY_FRAMES, pageLayout} from './layout';
import {descriptorOfPage, transferStops} from './stops';
import styles from './styles.module.css';

interface Props {
  /** Pages of the file being sent, 1 to 12. */
  readonly pages?: number;
  /** The first layout shown; "New layout" moves on from it. */
  readonly seed?: number;
  /** Descriptor limits of the modelled device (illustrative, not a real NIC's). */
  readonly maxEntries?: number;
  readonly maxSegmentBytes?: number;
}

const PAGE_SIZE = ILLUSTRATIVE_LIMITS.pageSize;

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

/** Step through one sendfile() of a file's scattered pages: the descriptor list, the NIC gathering, or the CPU copy. */
export default function GatherList({
  pages = 8,
  seed: initialSeed = 1,
  maxEntries = ILLUSTRATIVE_LIMITS.maxEntries,
  maxSegmentBytes = ILLUSTRATIVE_LIMITS.maxSegmentBytes,
}: Props): React.ReactNode {
  const pageCount = Math.min(Math.max(1, Math.round(pages)), MAX_PAGES);
  const [seed, setSeed] = useState(initialSeed);
  const [features, setFeatures] = useState<NicFeatures>({scatterGather: true, checksumOffload: true});
  const reducedMotion = usePrefersReducedMotion();

  const frames = useMemo(() => pageLayout(seed, pageCount), [seed, pageCount]);
  const list = useMemo(
    () => buildDescriptorList(frames, {pageSize: PAGE_SIZE, maxEntries, maxSegmentBytes}),
    [frames, maxEntries, maxSegmentBytes],
  );
  const transfer = useMemo(() => sgTransfer(list.bytes, list.descriptors.length, features), [list, features]);
  const interrupts = useMemo(() => blockVsGatherInterrupts(frames, PAGE_SIZE), [frames]);
  const pageDescriptor = useMemo(() => descriptorOfPage(frames, list.descriptors, PAGE_SIZE), [frames, list]);
  const pagesOf = useMemo(
    () => list.descriptors.map((_, d) => pageDescriptor.flatMap((owner, page) => (owner === d ? [page] : []))),
    [list, pageDescriptor],
  );
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
  const descriptorsQueued = transfer.path === 'gather' && stop !== null && stop.stepIndex >= 1;
  const cpuCopied = transfer.path === 'copy' && stop !== null && stop.stepIndex >= 1;
  const cpuCopying = kind === 'copy' && stop?.step.kind === 'copy' && stop.step.engine === 'cpu';
  const nicHasPage = (page: number): boolean => {
    if (!stop) return false;
    if (kind === 'interrupt') return true;
    if (transfer.path === 'gather') return gathering !== null && pageDescriptor[page] <= gathering;
    return kind === 'copy' && stop.step.kind === 'copy' && stop.step.engine === 'dma';
  };
  const pageActive = (page: number): boolean => cpuCopying || (gathering !== null && pageDescriptor[page] === gathering);

  const changeLayout = () => {
    setSeed((s) => s + 1);
    stepper.restart();
  };
  const toggle = (feature: NicFeature) => {
    setFeatures((current) => ({...current, [feature]: !current[feature]}));
    stepper.restart();
  };

  const context = {transfer, descriptors: list.descriptors, pagesOf, pageCount, blocks: interrupts.blocks};
  const readout = stop
    ? translate(
        {id: 'gatherList.readout.step', message: 'Step {n} of {total}: {description}'},
        {n: stepper.index + 1, total: stops.length, description: describeStop(stop, context)},
      )
    : transfer.path === 'gather'
      ? translate(
          {
            id: 'gatherList.readout.readyGather',
            message: 'Ready: sendfile() sends {pages} cached pages ({bytes}) in {n} descriptors, with no CPU copy. Press Next or the right arrow key.',
          },
          {pages: pageCount, bytes: formatBytesForReader(list.bytes), n: list.descriptors.length},
        )
      : translate(
          {
            id: 'gatherList.readout.readyCopy',
            message: 'Ready: sendfile() sends {pages} cached pages ({bytes}). With {missing} off, the CPU copies them into one buffer first. Press Next or the right arrow key.',
          },
          {pages: pageCount, bytes: formatBytesForReader(list.bytes), missing: missingFeatures(transfer.missing)},
        );

  const counters: readonly CounterRow[] = [
    {key: 'cpuCopies', label: translate({id: 'gatherList.counter.cpuCopies', message: 'CPU copies'}), value: (s) => formatCount(s.cpuCopies), tone: 'cpu'},
    {key: 'cpuBytes', label: translate({id: 'gatherList.counter.cpuBytes', message: 'Bytes copied by the CPU'}), value: (s) => formatBytesForReader(s.cpuBytes), tone: 'cpu'},
    {key: 'dmaCopies', label: translate({id: 'gatherList.counter.dmaCopies', message: 'DMA copies'}), value: (s) => formatCount(s.dmaCopies), tone: 'dma'},
    {key: 'descriptors', label: translate({id: 'gatherList.counter.descriptors', message: 'Descriptors to the NIC'}), value: (_, d) => formatCount(d), tone: 'kernel'},
    {key: 'interrupts', label: translate({id: 'gatherList.counter.interrupts', message: 'Interrupts'}), value: (s) => formatCount(s.interrupts)},
    {key: 'modeSwitches', label: translate({id: 'gatherList.counter.modeSwitches', message: 'Mode switches'}), value: (s) => formatCount(s.modeSwitches)},
  ];

  return (
    <section
      className={clsx(styles.gatherList, animate && styles.animate)}
      aria-label={translate({id: 'gatherList.label', message: 'Scatter-gather DMA: a descriptor list, gathered by the NIC'})}
      data-live-component="GatherList"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={stepper.onKeyDown}>
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

      <p className={clsx(styles.path, transfer.path === 'copy' && styles.pathCopy)}>
        {transfer.path === 'gather' ? (
          <Translate id="gatherList.path.gather">
            Both features on: the kernel hands the NIC descriptors and the NIC gathers the pages from the page cache. 0 CPU copies.
          </Translate>
        ) : (
          translate(
            {id: 'gatherList.path.copy', message: 'With {missing} off, sendfile() takes the copying path, because {reason}: the CPU first merges the pages into one contiguous buffer. 1 CPU copy.'},
            {missing: missingFeatures(transfer.missing), reason: copyReason(transfer.missing)},
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
          <li key={page} className={clsx(styles.filePage, pageActive(page) && (cpuCopying ? styles.activeCpu : styles.activeDma))}>
            <span className={styles.pageName}>P{page}</span>
            <span className={styles.frameNumber}>{hex(frame)}</span>
          </li>
        ))}
      </ol>

      <div className={styles.rowTitle}>
        <Translate
          id="gatherList.memory"
          values={{first: hex(FIRST_FRAME), last: hex(FIRST_FRAME + MEMORY_FRAMES - 1)}}>
          {'Physical memory: page frames {first} to {last}, and the descriptor each run becomes'}
        </Translate>
      </div>
      <div
        className={styles.memoryScroller}
        // Focusable so a keyboard can scroll it on a narrow screen.
        tabIndex={0}
        role="group"
        aria-label={translate({id: 'gatherList.memoryLabel', message: 'Page frames and descriptors'})}>
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
                  page >= 0 && pageActive(page) && (cpuCopying ? styles.activeCpu : styles.activeDma),
                )}
                style={{gridColumn: i + 1, gridRow: 1}}>
                <span className={styles.frameNumber}>{frame.toString(16)}</span>
                <span className={styles.pageName}>{page >= 0 ? `P${page}` : ''}</span>
              </div>
            );
          })}
          {list.descriptors.map((descriptor, d) => {
            const start = descriptor.address / PAGE_SIZE - FIRST_FRAME;
            const span = Math.ceil(descriptor.length / PAGE_SIZE);
            return (
              <div
                key={descriptor.address}
                className={clsx(styles.bar, span > 1 && styles.barMerged, gathering === d && styles.barActive)}
                style={{gridColumn: `${Math.floor(start) + 1} / span ${span}`, gridRow: 2}}>
                #{d + 1}
              </div>
            );
          })}
        </div>
      </div>

      <table className={clsx(styles.descriptors, transfer.path === 'copy' && styles.unused)}>
        <caption>
          {transfer.path === 'gather'
            ? translate(
                {id: 'gatherList.table.caption', message: 'The descriptor list: {n} entries for {pages} pages (the device takes at most {max}).'},
                {n: list.descriptors.length, pages: pageCount, max: maxEntries},
              )
            : translate(
                {id: 'gatherList.table.captionUnused', message: 'The descriptor list the NIC would get: {n} entries. On this path it gets one contiguous buffer instead.'},
                {n: list.descriptors.length},
              )}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">
              <Translate id="gatherList.table.address">Address</Translate>
            </th>
            <th scope="col">
              <Translate id="gatherList.table.length">Length</Translate>
            </th>
            <th scope="col">
              <Translate id="gatherList.table.pages">File pages</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.descriptors.map((descriptor, d) => (
            <tr key={descriptor.address} className={clsx(gathering === d && styles.rowActive)} aria-current={gathering === d ? 'step' : undefined}>
              <td>{d + 1}</td>
              <td>
                <code>{hex(descriptor.address)}</code>
              </td>
              <td>{formatBytesForReader(descriptor.length)}</td>
              <td>
                {pageSpan(pagesOf[d])}
                {pagesOf[d].length > 1 && (
                  <span className={styles.merged}>
                    {' '}
                    <Translate id="gatherList.table.merged" values={{n: pagesOf[d].length}}>
                      {'({n} consecutive frames, merged)'}
                    </Translate>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.overflow && (
        <p className={styles.overflow}>
          <Translate id="gatherList.overflow" values={{n: list.descriptors.length, max: maxEntries}}>
            {'This list needs {n} entries, more than the {max} the device takes: it is too long for one list.'}
          </Translate>
        </p>
      )}

      <div className={styles.destinations}>
        <div className={styles.rowTitle}>
          <Translate id="gatherList.socketBuffer">Socket buffer</Translate>
        </div>
        {transfer.path === 'gather' ? (
          <p className={clsx(styles.socketBuffer, !descriptorsQueued && styles.pending)}>
            {descriptorsQueued
              ? translate(
                  {id: 'gatherList.socketBuffer.descriptors', message: '{n} descriptors, no payload bytes'},
                  {n: list.descriptors.length},
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
              <Translate id="gatherList.compare.block">Block DMA (chapter 2)</Translate>
            </dt>
            <dd data-compare-block="">
              <Translate id="gatherList.compare.blockValue" values={{blocks: interrupts.blocks, interrupts: interrupts.blockDmaInterrupts}}>
                {'{blocks} blocks of consecutive frames: {interrupts} interrupts'}
              </Translate>
            </dd>
            <dt>
              <Translate id="gatherList.compare.gather">Gather DMA</Translate>
            </dt>
            <dd data-compare-gather="">
              <Translate id="gatherList.compare.gatherValue" values={{interrupts: interrupts.gatherDmaInterrupts}}>
                {'one list: {interrupts} interrupt'}
              </Translate>
            </dd>
          </dl>
        </div>
      </div>
    </section>
  );
}
