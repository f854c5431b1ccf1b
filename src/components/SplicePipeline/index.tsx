import React, {useId, useMemo, useRef, useState} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import ModelNotice from '@site/src/components/ModelNotice';
import PresentButton from '@site/src/components/PresentButton';
import SizeField from '@site/src/components/SizeField';
import StepperControls from '@site/src/components/StepperControls';
import {formatBytesForReader} from '@site/src/components/shared/format';
import {useSizeField} from '@site/src/components/shared/useSizeField';
import {useStepper} from '@site/src/components/shared/useStepper';
import {usePrefersReducedMotion} from '@site/src/components/shared/usePrefersReducedMotion';
import {DEFAULT_NIC} from '@site/src/model/sendfile';
import {
  DEFAULT_PIPE_BYTES,
  PIPE_MAX_SIZE_DEFAULT,
  pipeCapacity,
  spliceCallAt,
  splicePlan,
  spliceSummary,
  spliceSummaryThrough,
  type SpliceCall,
} from '@site/src/model/splice';
import {EMPTY_SUMMARY} from '@site/src/model/summary';
import type {Summary} from '@site/src/model/types';
import {GiB, KiB, PAGE_SIZE, formatCount} from '@site/src/model/units';
import {ModelInputError} from '@site/src/model/validate';
import styles from './styles.module.css';

/** The most file pages the picture draws one by one; a larger file is described in words. */
export const MAX_DRAWN_PAGES = 256;
/** The largest file the reader may type: 1 GiB through a one-page pipe is still only 524,288 calls. */
export const MAX_FILE_BYTES = GiB;
/** What the size field accepts before F_SETPIPE_SZ's own limit; pipeCapacity works up to 2^31. */
const MAX_REQUEST_BYTES = 2 * GiB;

const FULL_NIC = {scatterGather: true, checksumOffload: true} as const;

interface Props {
  readonly fileBytes?: number;
  /** The size asked of F_SETPIPE_SZ; the pipe gets it rounded up. */
  readonly pipeBytes?: number;
}

type PageState = 'waiting' | 'inPipe' | 'sent' | 'movedNow';

function pagesText(first: number, last: number): string {
  return first === last
    ? translate({id: 'splice.pages.one', message: 'page {first}'}, {first: formatCount(first)})
    : translate({id: 'splice.pages.many', message: 'pages {first}–{last}'}, {first: formatCount(first), last: formatCount(last)});
}

function describeCall(call: SpliceCall, total: number, slots: number, fileBytes: number, scatterGather: boolean): string {
  const values = {
    n: formatCount(call.index + 1),
    total: formatCount(total),
    pages: pagesText(call.firstPage, call.lastPage),
    bytes: formatBytesForReader(call.bytes),
    used: formatCount(call.pipePages),
    slots: formatCount(slots),
    sent: formatBytesForReader(call.sentBytes),
    file: formatBytesForReader(fileBytes),
  };
  const done = call.index === total - 1 ? ` ${translate({id: 'splice.readout.done', message: 'The whole file has been sent.'})}` : '';
  if (call.direction === 'file-to-pipe') {
    const moved = translate(
      {
        id: 'splice.readout.fileToPipe',
        message:
          'Call {n} of {total}: splice(file → pipe) puts references to {pages} ({bytes}) into the pipe. No byte is copied: each slot now points at a page in the page cache. Slots in use: {used} of {slots}.',
      },
      values,
    );
    const full = call.pipeFull
      ? ` ${translate({
          id: 'splice.readout.full',
          message: 'The pipe is full: the next splice into the pipe would block (or fail with EAGAIN with SPLICE_F_NONBLOCK) until splice(pipe → socket) drains it.',
        })}`
      : '';
    return moved + full;
  }
  const handed = translate(
    {
      id: 'splice.readout.pipeToSocket',
      message: 'Call {n} of {total}: splice(pipe → socket) hands the references to {pages} to the socket, and the pipe is empty again. {sent} of {file} sent.',
    },
    values,
  );
  const nic = scatterGather
    ? translate({id: 'splice.readout.sg', message: 'The NIC reads these pages from the page cache by DMA: no CPU copy.'})
    : translate(
        {id: 'splice.readout.noSg', message: 'Without scatter-gather the kernel copies these {bytes} into the socket buffer: one CPU copy.'},
        values,
      );
  return `${handed} ${nic}${done}`;
}

function pageState(page: number, call: SpliceCall | null): PageState {
  if (!call || page > call.lastPage) return 'waiting';
  if (page < call.firstPage) return 'sent';
  return call.direction === 'file-to-pipe' ? 'inPipe' : 'movedNow';
}

/** Step through splice(file → pipe) and splice(pipe → socket), call by call: references move, bytes do not. */
export default function SplicePipeline({fileBytes: initialFile = 100 * KiB, pipeBytes: initialPipe = DEFAULT_PIPE_BYTES}: Props): React.ReactNode {
  const id = useId();
  const reducedMotion = usePrefersReducedMotion();
  const fileLabel = translate({id: 'splice.fileSize', message: 'File size'});
  const pipeLabel = translate({id: 'splice.pipeSize', message: 'Pipe size asked with F_SETPIPE_SZ'});
  const file = useSizeField(fileLabel, initialFile, {allowZero: false, max: MAX_FILE_BYTES});
  const request = useSizeField(pipeLabel, initialPipe, {allowZero: true, max: MAX_REQUEST_BYTES});
  const [scatterGather, setScatterGather] = useState(true);

  // F_SETPIPE_SZ's rounding and limit are the model's; a refused size keeps the last pipe.
  const lastCapacity = useRef(DEFAULT_PIPE_BYTES);
  let capacityError: string | null = null;
  try {
    lastCapacity.current = pipeCapacity(request.bytes);
  } catch (error) {
    if (!(error instanceof ModelInputError)) throw error;
    capacityError = translate(
      {
        id: 'splice.error.pipeMax',
        message:
          '{label}: {requested} rounds up to {rounded}, above /proc/sys/fs/pipe-max-size ({max}); F_SETPIPE_SZ fails with EPERM for an unprivileged program. Still showing the last pipe that worked, {capacity}.',
      },
      {
        label: pipeLabel,
        requested: formatBytesForReader(request.bytes),
        rounded: formatBytesForReader(pipeCapacity(request.bytes, PAGE_SIZE, MAX_REQUEST_BYTES)),
        max: formatBytesForReader(PIPE_MAX_SIZE_DEFAULT),
        capacity: formatBytesForReader(lastCapacity.current),
      },
    );
  }
  const capacity = lastCapacity.current;
  const slots = capacity / PAGE_SIZE;
  const fileBytes = file.bytes;
  const options = useMemo(() => ({pipeBytes: capacity, nic: scatterGather ? FULL_NIC : DEFAULT_NIC}), [capacity, scatterGather]);
  // Counted, not listed: a 1 GiB file through a one-page pipe is 262,144 rounds.
  const plan = useMemo(() => splicePlan(fileBytes, capacity), [fileBytes, capacity]);
  const whole = useMemo(() => spliceSummary(fileBytes, options), [fileBytes, options]);
  const totalCalls = plan.callsEachWay * 2;
  const stepper = useStepper(totalCalls);
  const call = stepper.index >= 0 ? spliceCallAt(fileBytes, capacity, stepper.index) : null;
  const soFar: Summary = stepper.index >= 0 ? spliceSummaryThrough(fileBytes, stepper.index, options) : EMPTY_SUMMARY;
  const filePages = Math.ceil(fileBytes / PAGE_SIZE);

  const change = (apply: () => void) => {
    apply();
    stepper.restart();
  };

  const readout = call
    ? describeCall(call, totalCalls, slots, fileBytes, scatterGather)
    : translate(
        {
          id: 'splice.readout.ready',
          message:
            'Ready: a file of {file} (in the page cache after its first read) goes to a socket through a pipe of {capacity}. File pages: {pages}; pipe slots: {slots}; rounds: {rounds}; splice() calls: {calls}. Press Next or the right arrow key.',
        },
        {
          file: formatBytesForReader(fileBytes),
          pages: formatCount(filePages),
          capacity: formatBytesForReader(capacity),
          slots: formatCount(slots),
          rounds: formatCount(plan.callsEachWay),
          calls: formatCount(totalCalls),
        },
      );

  const counters: readonly {key: string; label: string; soFar: number; total: number}[] = [
    {
      key: 'syscalls',
      label: translate({id: 'splice.counter.syscalls', message: 'System calls'}),
      soFar: soFar.syscalls,
      total: whole.syscalls,
    },
    {
      key: 'modeSwitches',
      label: translate({id: 'splice.counter.modeSwitches', message: 'Mode switches'}),
      soFar: soFar.modeSwitches,
      total: whole.modeSwitches,
    },
    {
      key: 'cpuCopies',
      label: translate({id: 'splice.counter.cpuCopies', message: 'CPU copies'}),
      soFar: soFar.cpuCopies,
      total: whole.cpuCopies,
    },
    {
      key: 'dmaCopies',
      label: translate({id: 'splice.counter.dmaCopies', message: 'DMA copies'}),
      soFar: soFar.dmaCopies,
      total: whole.dmaCopies,
    },
    {
      key: 'rounds',
      label: translate({id: 'splice.counter.rounds', message: 'Rounds (file → pipe, pipe → socket)'}),
      soFar: call ? call.round + 1 : 0,
      total: plan.callsEachWay,
    },
    {
      key: 'references',
      label: translate({id: 'splice.counter.references', message: 'Page references put in the pipe'}),
      soFar: call ? call.lastPage + 1 : 0,
      total: plan.pageReferences,
    },
  ];

  const pipeSlots = Array.from({length: slots}, (_, slot) => (call && slot < call.pipePages ? call.firstPage + slot : null));
  const pageLabels: Record<PageState, string> = {
    waiting: translate({id: 'splice.page.waiting', message: ': in the page cache, not spliced yet'}),
    inPipe: translate({id: 'splice.page.inPipe', message: ': referenced by the pipe'}),
    movedNow: translate({id: 'splice.page.movedNow', message: ': just handed to the socket'}),
    sent: translate({id: 'splice.page.sent', message: ': handed to the socket'}),
  };

  const regionLabel = translate({id: 'splice.label', message: 'A file sent through a pipe with splice()'});
  return (
    <section
      className={clsx(styles.splice, !reducedMotion && !stepper.atStart && styles.animate)}
      aria-label={regionLabel}
      data-live-component="SplicePipeline"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={stepper.onKeyDown}>
      <PresentButton label={regionLabel} />
      <ModelNotice modules={['splice']} />
      <div className={styles.controls}>
        <SizeField label={fileLabel} value={file.text} unit={file.unit} error={file.error} onChange={(text, unit) => change(() => file.set(text, unit))} />
        <SizeField
          label={pipeLabel}
          value={request.text}
          unit={request.unit}
          error={request.error ?? capacityError}
          onChange={(text, unit) => change(() => request.set(text, unit))}
        />
        <label className={styles.check}>
          <input type="checkbox" checked={scatterGather} onChange={(event) => change(() => setScatterGather(event.target.checked))} />{' '}
          <Translate id="splice.nic">NIC with scatter-gather and checksum offload</Translate>
        </label>
      </div>
      <p className={styles.setting} data-pipe-capacity={capacity}>
        <Translate id="splice.capacity" values={{capacity: formatBytesForReader(capacity), slots: formatCount(slots)}}>
          {'The pipe holds {capacity}; slots, one page reference each: {slots}. F_SETPIPE_SZ rounds the size up to a power-of-two number of pages.'}
        </Translate>
      </p>

      <div className={styles.path}>
        <div className={styles.stage}>
          <div className={styles.rowTitle} id={`${id}-file`}>
            <Translate id="splice.fileTitle">File pages in the page cache</Translate>
          </div>
          {filePages <= MAX_DRAWN_PAGES ? (
            <ol className={styles.cells} aria-labelledby={`${id}-file`}>
              {Array.from({length: filePages}, (_, page) => {
                const state = pageState(page, call);
                return (
                  <li key={page} className={clsx(styles.cell, styles[state])}>
                    {page}
                    <span className={styles.visuallyHidden}>{pageLabels[state]}</span>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className={styles.note}>
              <Translate id="splice.fileTooBig" values={{pages: formatCount(filePages), max: formatCount(MAX_DRAWN_PAGES)}}>
                {'{pages} pages: too many to draw one by one (at most {max}). The readout names the pages of each call.'}
              </Translate>
            </p>
          )}
        </div>
        <div className={styles.arrow} aria-hidden="true">
          →
        </div>
        <div className={styles.stage}>
          <div className={styles.rowTitle} id={`${id}-pipe`}>
            <Translate id="splice.pipeTitle" values={{used: formatCount(call?.pipePages ?? 0), slots: formatCount(slots)}}>
              {'Pipe slots in use: {used} of {slots}'}
            </Translate>
          </div>
          <ol className={clsx(styles.cells, call?.pipeFull && styles.full)} aria-labelledby={`${id}-pipe`} data-pipe-full={call?.pipeFull ? '' : undefined}>
            {pipeSlots.map((page, slot) => (
              <li key={slot} className={clsx(styles.cell, page === null ? styles.emptySlot : styles.inPipe)}>
                {page === null ? (
                  <span className={styles.visuallyHidden}>{translate({id: 'splice.slot.empty', message: 'empty slot'})}</span>
                ) : (
                  <>
                    <span aria-hidden="true">↗</span>
                    {page}
                    <span className={styles.visuallyHidden}>{translate({id: 'splice.slot.ref', message: ': reference to this page'})}</span>
                  </>
                )}
              </li>
            ))}
          </ol>
          {call?.pipeFull && (
            <p className={styles.fullNote}>
              <Translate id="splice.fullNote">Pipe full: the next splice into the pipe would block (EAGAIN with SPLICE_F_NONBLOCK).</Translate>
            </p>
          )}
        </div>
        <div className={styles.arrow} aria-hidden="true">
          →
        </div>
        <div className={styles.stage}>
          <div className={styles.rowTitle}>
            <Translate id="splice.socketTitle">Socket</Translate>
          </div>
          <p className={styles.socket}>
            <Translate
              id="splice.socket"
              values={{sent: formatBytesForReader(call?.sentBytes ?? 0), file: formatBytesForReader(fileBytes)}}>
              {'{sent} of {file} handed over'}
            </Translate>
          </p>
        </div>
      </div>
      <ul className={styles.legend}>
        <li>
          <span className={clsx(styles.swatch, styles.waiting)} /> <Translate id="splice.legend.waiting">not spliced yet</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.inPipe)} /> <Translate id="splice.legend.inPipe">referenced by the pipe</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.movedNow)} />{' '}
          <Translate id="splice.legend.movedNow">just handed to the socket</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.sent)} /> <Translate id="splice.legend.sent">handed to the socket</Translate>
        </li>
      </ul>

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <StepperControls stepper={stepper} empty={totalCalls === 0} />

      <div className={styles.counters}>
        <table>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="splice.counter.what">Counter</Translate>
              </th>
              <th scope="col">
                <Translate id="splice.counter.soFar">So far</Translate>
              </th>
              <th scope="col">
                <Translate id="splice.counter.total">Whole transfer</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {counters.map((row) => (
              <tr key={row.key} data-counter={row.key}>
                <th scope="row">{row.label}</th>
                <td>{formatCount(row.soFar)}</td>
                <td>{formatCount(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={styles.note}>
          {scatterGather ? (
            <Translate id="splice.note.sg">
              With scatter-gather no CPU copy at all: the DMA copies are the disk filling the page cache and the NIC reading from it.
            </Translate>
          ) : (
            <Translate id="splice.note.noSg">
              Without scatter-gather the socket side copies each round once on the CPU, as sendfile() does: the pipe saves no copy.
            </Translate>
          )}
        </p>
      </div>
    </section>
  );
}
