import React, {useState, type KeyboardEvent} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import ModelNotice from '@site/src/components/ModelNotice';
import SizeField from '@site/src/components/SizeField';
import {CacheChoice, NicChoice} from '@site/src/components/TransferChoices';
import {useSizeField, type SizeMessages} from '@site/src/components/shared/useSizeField';
import {estimateCost, formatDuration, type HardwareParams} from '@site/src/model/cost';
import MachineBadge from '@site/src/components/MachineBadge';
import {useMachine} from '@site/src/components/shared/machine';
import {METHODS, transferSummary, type TransferInput} from '@site/src/model/methods';
import {DEFAULT_NIC, zeroCopyCapable, type NicFeatures} from '@site/src/model/sendfile';
import type {PageCacheState, Summary} from '@site/src/model/types';
import {GiB, KiB, MAX_EXACT_BYTES, MAX_RW_COUNT, MiB, formatCount} from '@site/src/model/units';
import {formatBytesForReader as formatBytes} from '@site/src/components/shared/format';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

interface Props {
  /** The file size when the page loads, in bytes. */
  readonly fileSize?: number;
  /** The user buffer of the read()+write() loop it is compared with. */
  readonly bufferSize?: number;
  readonly pageCache?: PageCacheState;
  readonly nic?: NicFeatures;
}

/** The sizes the "Next size" button and the arrow keys step through. */
export const PRESET_SIZES: readonly number[] = [4 * KiB, MiB, GiB, 3 * GiB];

/**
 * The preset after (direction 1) or before (-1) `size`. A size that is not a preset steps to
 * the nearest preset in that direction, wrapping around at either end.
 */
export function stepPreset(size: number, direction: 1 | -1): number {
  const at = PRESET_SIZES.indexOf(size);
  if (at >= 0) return PRESET_SIZES[(at + direction + PRESET_SIZES.length) % PRESET_SIZES.length];
  const candidates = direction === 1 ? PRESET_SIZES.filter((s) => s > size) : PRESET_SIZES.filter((s) => s < size).reverse();
  return candidates[0] ?? PRESET_SIZES[direction === 1 ? 0 : PRESET_SIZES.length - 1];
}

type Verdict = 'fewer' | 'more' | 'same';

interface CompareRow {
  readonly key: string;
  readonly label: string;
  readonly readWrite: number;
  readonly sendfile: number;
  readonly format: (value: number) => string;
}

function rowsFor(readWrite: Summary, sendfile: Summary, params: HardwareParams): CompareRow[] {
  const count = formatCount;
  const row = (key: keyof Summary, label: string, format: (value: number) => string): CompareRow => ({
    key,
    label,
    readWrite: readWrite[key],
    sendfile: sendfile[key],
    format,
  });
  return [
    row('cpuCopies', translate({id: 'counter.cpuCopies', message: 'CPU copies'}), count),
    row('dmaCopies', translate({id: 'counter.dmaCopies', message: 'DMA copies'}), count),
    row('cpuBytes', translate({id: 'counter.cpuBytes', message: 'Bytes copied by the CPU'}), formatBytes),
    row('cpuPassBytes', translate({id: 'counter.cpuPassBytes', message: 'Bytes read by the CPU for checksums'}), formatBytes),
    row('modeSwitches', translate({id: 'counter.modeSwitches', message: 'Mode switches'}), count),
    row('syscalls', translate({id: 'counter.syscalls', message: 'System calls'}), count),
    row('interrupts', translate({id: 'counter.interrupts', message: 'Interrupts'}), count),
    {
      key: 'cpuNs',
      label: translate({id: 'methodCompare.cpuTime', message: 'Estimated CPU time'}),
      readWrite: estimateCost(readWrite, params).cpuNs,
      sendfile: estimateCost(sendfile, params).cpuNs,
      format: formatDuration,
    },
  ];
}

function verdict(difference: number): Verdict {
  return difference < 0 ? 'fewer' : difference > 0 ? 'more' : 'same';
}

// The difference as a signed figure, "−2" or "+1 GiB", with a real minus sign.
function signed(difference: number, format: (value: number) => string): string {
  if (difference === 0) return translate({id: 'methodCompare.same', message: 'same'});
  return `${difference < 0 ? '\u2212' : '+'}${format(Math.abs(difference))}`;
}

// This component's own word for a zero size; the other messages are the shared ones.
const SIZE_MESSAGES: SizeMessages = {
  zero: (values) =>
    translate({id: 'methodCompare.error.zero', message: '{label} must be at least 1 byte: an empty file sends nothing to compare.'}, values),
};

function nicDescription(nic: NicFeatures): string {
  if (zeroCopyCapable(nic)) {
    return translate({id: 'methodCompare.nic.both', message: 'a NIC with scatter-gather and checksum offload'});
  }
  if (nic.scatterGather) {
    return translate({
      id: 'methodCompare.nic.sgOnly',
      message: 'a NIC with scatter-gather but no checksum offload, so the CPU copies nothing but reads every byte for the checksum',
    });
  }
  return translate({id: 'methodCompare.nic.noSg', message: 'a NIC without scatter-gather'});
}

/** read()+write() and sendfile() moving the same file, side by side, with the differences. */
export default function MethodCompare({
  fileSize = GiB,
  bufferSize = 4 * KiB,
  pageCache: initialCache = 'miss',
  nic: initialNic = DEFAULT_NIC,
}: Props): React.ReactNode {
  const {params} = useMachine();
  const [pageCache, setPageCache] = useState<PageCacheState>(initialCache);
  const [nic, setNic] = useState<NicFeatures>(initialNic);

  const fileLabel = translate({id: 'methodCompare.fileSize', message: 'File size'});
  // While the field is invalid the component keeps comparing the last valid size.
  const field = useSizeField(fileLabel, fileSize, {allowZero: false, max: MAX_EXACT_BYTES}, SIZE_MESSAGES);
  const size = field.bytes;

  // Summaries are arithmetic, whatever the size: cheap enough to compute on every render.
  const input: TransferInput = {fileSize: size, bufferSize, pageCache, nic};
  const readWrite = transferSummary('read-write', input);
  const sendfile = transferSummary('sendfile', input);
  // One chunk of each: a read()+write() pair of one buffer, and one sendfile() call.
  const oneChunk: TransferInput = {...input, fileSize: bufferSize};
  const pair = transferSummary('read-write', oneChunk);
  const call = transferSummary('sendfile', oneChunk);
  const rows = rowsFor(readWrite, sendfile, params);
  const cpuTime = rows.find((row) => row.key === 'cpuNs')!;

  const showSize = field.setBytes;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys typed into a field, or used to move between radio buttons, belong to that control.
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    const direction = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (direction === 0) return;
    event.preventDefault();
    showSize(stepPreset(size, direction));
  };

  const cacheText =
    pageCache === 'miss'
      ? translate({id: 'methodCompare.cold', message: 'cold cache'})
      : translate({id: 'methodCompare.warm', message: 'warm cache'});
  const readout = translate(
    {
      id: 'methodCompare.readout',
      message:
        '{size}, {cache}, {nic}. sendfile() against read()+write(): {sfCalls} against {rwCalls} system calls, {sfCopies} against {rwCopies} CPU copies, {sfBytes} against {rwBytes} copied by the CPU, and an estimated {sfTime} against {rwTime} of CPU time.',
    },
    {
      size: formatBytes(size),
      cache: cacheText,
      nic: nicDescription(nic),
      sfCalls: formatCount(sendfile.syscalls),
      rwCalls: formatCount(readWrite.syscalls),
      sfCopies: formatCount(sendfile.cpuCopies),
      rwCopies: formatCount(readWrite.cpuCopies),
      sfBytes: formatBytes(sendfile.cpuBytes),
      rwBytes: formatBytes(readWrite.cpuBytes),
      sfTime: formatDuration(cpuTime.sendfile),
      rwTime: formatDuration(cpuTime.readWrite),
    },
  );

  const perChunk = [
    {key: 'cpuCopies', difference: call.cpuCopies - pair.cpuCopies, label: translate({id: 'methodCompare.perChunk.cpuCopies', message: 'CPU copies'})},
    {key: 'modeSwitches', difference: call.modeSwitches - pair.modeSwitches, label: translate({id: 'methodCompare.perChunk.modeSwitches', message: 'mode switches'})},
    {key: 'syscalls', difference: call.syscalls - pair.syscalls, label: translate({id: 'methodCompare.perChunk.syscalls', message: 'system calls'})},
  ];
  const cpuShare = cpuTime.readWrite > 0 ? cpuTime.sendfile / cpuTime.readWrite : 0;

  const regionLabel = translate({id: 'methodCompare.label', message: 'read() + write() and sendfile() compared'});
  return (
    <section
      className={styles.methodCompare}
      aria-label={regionLabel}
      data-live-component="MethodCompare"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={onKeyDown}>
      <PresentButton label={regionLabel} />
      <ModelNotice modules={['read-write', 'sendfile']} />
      <div className={styles.controls}>
        <SizeField label={fileLabel} value={field.text} unit={field.unit} error={field.error} onChange={field.set} />
        <CacheChoice value={pageCache} onChange={setPageCache} />
        <NicChoice value={nic} onChange={setNic} legend={translate({id: 'methodCompare.nic', message: 'Network card (for sendfile())'})} />
      </div>

      <div className={styles.buttons}>
        <button type="button" className="button button--primary button--sm" onClick={() => showSize(stepPreset(size, 1))} data-live-click="">
          <Translate id="methodCompare.nextSize">Next size</Translate>
        </button>
        <span className={styles.keys}>
          <Translate id="methodCompare.keys" values={{sizes: PRESET_SIZES.map(formatBytes).join(', ')}}>
            {'Keys: ← → step through {sizes}'}
          </Translate>
        </span>
      </div>

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <p className={styles.perChunk}>
        <strong>
          <Translate id="methodCompare.perChunk" values={{buffer: formatBytes(bufferSize)}}>
            {'Per {buffer} chunk, sendfile() instead of a read()+write() pair:'}
          </Translate>
        </strong>{' '}
        {perChunk.map((item) => (
          <span key={item.key} className={clsx(styles.badge, styles[verdict(item.difference)])}>
            {item.label} {signed(item.difference, formatCount)}
          </span>
        ))}
      </p>

      <div
        className={styles.tableWrap}
        tabIndex={0}
        role="region"
        aria-label={translate({id: 'methodCompare.tableLabel', message: 'The two methods side by side'})}>
        <table className={styles.table}>
          <caption>
            <Translate
              id="methodCompare.caption"
              values={{size: formatBytes(size), cache: cacheText, buffer: formatBytes(bufferSize)}}>
              {'The whole {size} file on a {cache}. Difference: sendfile() minus read()+write() with a {buffer} buffer.'}
            </Translate>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="counter.what">Counter</Translate>
              </th>
              <th scope="col">
                {METHODS['read-write'].label}
                <span className={styles.sub}>
                  <Translate id="methodCompare.buffer" values={{buffer: formatBytes(bufferSize)}}>
                    {'{buffer} buffer'}
                  </Translate>
                </span>
              </th>
              <th scope="col">
                {METHODS.sendfile.label}
                <span className={styles.sub}>
                  <Translate id="methodCompare.cap" values={{max: formatCount(MAX_RW_COUNT)}}>
                    {'up to {max} bytes a call'}
                  </Translate>
                </span>
              </th>
              <th scope="col">
                <Translate id="methodCompare.difference">Difference</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const difference = row.sendfile - row.readWrite;
              return (
                <tr key={row.key} data-row={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.format(row.readWrite)}</td>
                  <td>{row.format(row.sendfile)}</td>
                  <td className={clsx(styles.diff, styles[verdict(difference)])}>{signed(difference, row.format)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {/* The CPU time as two bars on one scale; the table above has the same numbers as text. */}
      <div className={styles.bars} aria-hidden="true">
        <span className={styles.barLabel}>{METHODS['read-write'].label}</span>
        <span className={styles.track}>
          <span className={clsx(styles.bar, styles.barReadWrite)} style={{width: cpuTime.readWrite > 0 ? '100%' : '0%'}} />
        </span>
        <span className={styles.barValue}>{formatDuration(cpuTime.readWrite)}</span>
        <span className={styles.barLabel}>{METHODS.sendfile.label}</span>
        <span className={styles.track}>
          <span className={clsx(styles.bar, styles.barSendfile)} style={{width: `${Math.max(cpuShare * 100, cpuTime.sendfile > 0 ? 0.5 : 0)}%`}} />
        </span>
        <span className={styles.barValue}>{formatDuration(cpuTime.sendfile)}</span>
      </div>
      <p className={styles.note}>
        <Translate
          id="methodCompare.note"
          values={{gbps: Number((params.memcpyBytesPerSecond / 1e9).toPrecision(3)), ns: Math.round(params.modeSwitchNs)}}>
          {"The estimated CPU time is the model's: memory copies at {gbps} GB/s and {ns} ns per mode switch. DMA costs the CPU no instructions and is not counted."}
        </Translate>
      </p>
      <MachineBadge />
    </section>
  );
}
