import React, {useMemo, useState} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import SizeField from '@site/src/components/SizeField';
import {CacheChoice, NicChoice} from '@site/src/components/TransferChoices';
import ModelNotice from '@site/src/components/ModelNotice';
import Counters from './Counters';
import Diagram from './Diagram';
import {describeStep} from './describe';
import {useSizeField} from '@site/src/components/shared/useSizeField';
import StepperControls from '@site/src/components/StepperControls';
import {useStepper} from '@site/src/components/shared/useStepper';
import {usePrefersReducedMotion} from '@site/src/components/shared/usePrefersReducedMotion';
import {METHODS, transferTrace, type TransferMethod} from '@site/src/model/methods';
import {DEFAULT_NIC, type NicFeatures} from '@site/src/model/sendfile';
import {summarizeTrace} from '@site/src/model/summary';
import type {PageCacheState, Step} from '@site/src/model/types';
import {KiB, MAX_EXACT_BYTES, MAX_RW_COUNT, formatCount} from '@site/src/model/units';
import {formatBytesForReader} from '@site/src/components/shared/format';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

interface Props {
  readonly method?: TransferMethod;
  readonly fileSize?: number;
  readonly bufferSize?: number;
  readonly pageCache?: PageCacheState;
  /** The NIC's offloads, for sendfile(); default neither. */
  readonly nic?: NicFeatures;
  /** Chunks listed step by step; the rest of the file is counted. */
  readonly listedChunks?: number;
  /** Hide the size and cache controls, for a fixed example. */
  readonly fixed?: boolean;
}

/** Step through a file's journey to a socket, one copy and mode switch at a time. */
export default function DataPath({
  method = 'read-write',
  fileSize = 10 * KiB,
  bufferSize = 4 * KiB,
  pageCache: initialCache = 'miss',
  nic: initialNic = DEFAULT_NIC,
  listedChunks = 3,
  fixed = false,
}: Props): React.ReactNode {
  const fileLabel = translate({id: 'dataPath.fileSize', message: 'File size'});
  const bufferLabel = translate({id: 'dataPath.bufferSize', message: 'Buffer size'});
  // While an input is invalid the component keeps showing the last valid transfer.
  const file = useSizeField(fileLabel, fileSize, {allowZero: true, max: MAX_EXACT_BYTES});
  const buffer = useSizeField(bufferLabel, bufferSize, {allowZero: false, max: MAX_RW_COUNT});
  const [pageCache, setPageCache] = useState<PageCacheState>(initialCache);
  const [nic, setNic] = useState<NicFeatures>(initialNic);
  const reducedMotion = usePrefersReducedMotion();
  // sendfile() has no user buffer, and it is the method whose CPU copy depends on the NIC.
  const usesBuffer = method !== 'sendfile';
  const usesNic = method === 'sendfile';
  const current = {fileSize: file.bytes, bufferSize: buffer.bytes};

  const trace = useMemo(
    () => transferTrace(method, {fileSize: current.fileSize, bufferSize: current.bufferSize, pageCache, nic}, listedChunks),
    [method, current.fileSize, current.bufferSize, pageCache, nic, listedChunks],
  );
  const steps = useMemo(
    () => trace.chunks.flatMap((chunk) => chunk.steps.map((step) => ({chunk: chunk.index, chunkBytes: chunk.bytes, step}))),
    [trace],
  );
  const total = useMemo(() => summarizeTrace(trace), [trace]);
  const stepper = useStepper(steps.length);
  const active = stepper.index >= 0 ? steps[stepper.index] : null;
  const doneSteps: readonly Step[] = useMemo(() => steps.slice(0, stepper.index + 1).map((s) => s.step), [steps, stepper.index]);
  const totalChunks = trace.chunks.length + (trace.omitted?.chunks ?? 0);

  const readout = active
    ? translate(
        {id: 'dataPath.readout.step', message: 'Step {n} of {total}, chunk {chunk} of {chunks}: {description}.'},
        {
          n: stepper.index + 1,
          total: steps.length,
          chunk: active.chunk + 1,
          chunks: formatCount(totalChunks),
          description: describeStep(active.step),
        },
      )
    : steps.length === 0
      ? translate({id: 'dataPath.readout.empty', message: 'An empty file: the loop makes no calls and copies nothing.'})
      : translate(
          {id: 'dataPath.readout.ready', message: 'Ready: {total} steps for the first {listed} of {chunks} chunks. Press Next or the right arrow key.'},
          {total: steps.length, listed: trace.chunks.length, chunks: formatCount(totalChunks)},
        );

  const regionLabel = translate({id: 'dataPath.label', message: 'Data path of {method}'}, {method: METHODS[method].label});
  return (
    <section
      className={styles.dataPath}
      aria-label={regionLabel}
      data-live-component="DataPath"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={stepper.onKeyDown}>
      <PresentButton label={regionLabel} />
      <ModelNotice />
      {!fixed && (
        <div className={styles.controls}>
          <SizeField
            label={fileLabel}
            value={file.text}
            unit={file.unit}
            error={file.error}
            onChange={file.set}
          />
          {usesBuffer && (
            <SizeField
              label={bufferLabel}
              value={buffer.text}
              unit={buffer.unit}
              error={buffer.error}
              onChange={buffer.set}
            />
          )}
          <CacheChoice value={pageCache} onChange={setPageCache} />
          {usesNic && <NicChoice value={nic} onChange={setNic} />}
        </div>
      )}

      <p className={styles.method}>
        <strong>{METHODS[method].label}</strong>{' '}
        {usesBuffer ? (
          <Translate
            id="dataPath.transfer"
            values={{file: formatBytesForReader(current.fileSize), buffer: formatBytesForReader(current.bufferSize), chunks: formatCount(totalChunks)}}>
            {'· {file} in {chunks} chunks of up to {buffer}'}
          </Translate>
        ) : (
          <Translate
            id="dataPath.transferNoBuffer"
            values={{file: formatBytesForReader(current.fileSize), chunks: formatCount(totalChunks), max: formatCount(MAX_RW_COUNT)}}>
            {'· {file} in {chunks} call(s) of at most {max} bytes, no user buffer'}
          </Translate>
        )}
      </p>

      <Diagram step={active?.step ?? null} stepKey={stepper.index} animate={!reducedMotion && !stepper.atStart} />

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <StepperControls stepper={stepper} empty={steps.length === 0} />

      <div className={styles.columns}>
        {/* Focusable: the list scrolls, and keyboard users must be able to scroll it. */}
        <ol className={styles.steps} tabIndex={0} aria-label={translate({id: 'dataPath.stepList', message: 'Steps of the listed chunks'})}>
          {trace.chunks.map((chunk) => (
            <li key={chunk.index} className={styles.chunk}>
              <span className={styles.chunkTitle}>
                <Translate id="dataPath.chunk" values={{n: chunk.index + 1, bytes: formatBytesForReader(chunk.bytes)}}>
                  {'Chunk {n}: {bytes}'}
                </Translate>
              </span>
              <ol>
                {chunk.steps.map((step, i) => {
                  const flatIndex = steps.findIndex((s) => s.chunk === chunk.index) + i;
                  return (
                    <li
                      key={i}
                      aria-current={flatIndex === stepper.index ? 'step' : undefined}
                      className={clsx(
                        styles.step,
                        step.kind === 'copy' && (step.engine === 'cpu' ? styles.stepCpu : styles.stepDma),
                        step.kind === 'descriptor' && styles.stepDescriptor,
                        flatIndex === stepper.index && styles.stepActive,
                        flatIndex > stepper.index && styles.stepPending,
                      )}>
                      {describeStep(step)}
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
          {trace.omitted && (
            <li className={styles.omitted}>
              <Translate
                id="dataPath.omitted"
                values={{chunks: formatCount(trace.omitted.chunks), bytes: formatBytesForReader(trace.omitted.bytes)}}>
                {'… and {chunks} more chunks ({bytes}), counted in the totals but not listed.'}
              </Translate>
            </li>
          )}
        </ol>
        <Counters done={doneSteps} total={total} />
      </div>
    </section>
  );
}
