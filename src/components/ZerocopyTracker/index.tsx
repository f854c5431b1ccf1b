import React, {useCallback, useId, useMemo, useState, type KeyboardEvent} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import ModelNotice from '@site/src/components/ModelNotice';
import PresentButton from '@site/src/components/PresentButton';
import {
  EMPTY_COMPLETIONS,
  addNotification,
  completedCount,
  copiedCount,
  freeBuffers,
  isCompleted,
  isCopied,
  pendingRanges,
  type CompletionState,
  type ZerocopyNotification,
} from '@site/src/model/msg-zerocopy';
import {formatCount} from '@site/src/model/units';
import styles from './styles.module.css';

/** The kernel's notifications, in the order this scenario delivers them: [ee_info, ee_data]. */
export const SCRIPT: readonly (readonly [number, number])[] = [
  [0, 0],
  [2, 3], // merged, and before send 1: out of order
  [1, 1],
  [4, 7], // four sends in one notification
  [9, 9], // out of order again
  [8, 8],
];

/** Sends the reader can make; the list of buffers stays readable. */
export const MAX_SENDS = 16;

type Event = {readonly kind: 'send'} | {readonly kind: 'deliver'; readonly copied: boolean};

interface Delivered {
  readonly notification: ZerocopyNotification;
  /** The lowest id still pending just before it arrived, if any. */
  readonly firstPending: number | null;
}

interface Tracker {
  readonly sent: number;
  readonly completions: CompletionState;
  readonly delivered: readonly Delivered[];
}

const START: Tracker = {sent: 0, completions: EMPTY_COMPLETIONS, delivered: []};

/**
 * The range the kernel reports next: the scenario's while it lasts (once every send in it has
 * been made), then all that is pending from the lowest id on, merged into one notification.
 */
export function nextRange(tracker: Tracker): readonly [number, number] | null {
  if (tracker.delivered.length < SCRIPT.length) {
    const range = SCRIPT[tracker.delivered.length];
    return range[1] < tracker.sent ? range : null;
  }
  return pendingRanges(tracker.completions, tracker.sent)[0] ?? null;
}

function apply(tracker: Tracker, event: Event): Tracker {
  if (event.kind === 'send') return tracker.sent < MAX_SENDS ? {...tracker, sent: tracker.sent + 1} : tracker;
  const range = nextRange(tracker);
  if (!range) return tracker;
  const notification = {lo: range[0], hi: range[1], copied: event.copied};
  const firstPending = pendingRanges(tracker.completions, tracker.sent)[0]?.[0] ?? null;
  return {
    ...tracker,
    completions: addNotification(tracker.completions, notification),
    delivered: [...tracker.delivered, {notification, firstPending}],
  };
}

function idList(ids: readonly number[]): string {
  return ids.length === 0 ? translate({id: 'zerocopy.none', message: 'none'}) : ids.join(', ');
}

function rangeText(lo: number, hi: number): string {
  return lo === hi
    ? translate({id: 'zerocopy.range.one', message: 'send {lo}'}, {lo})
    : translate({id: 'zerocopy.range.many', message: 'sends {lo}–{hi}'}, {lo, hi});
}

function describeDelivery(delivered: Delivered, free: readonly number[], pending: readonly number[]): string {
  const {lo, hi, copied} = delivered.notification;
  const parts = [
    translate(
      {
        id: 'zerocopy.readout.delivered',
        message: 'recvmsg(MSG_ERRQUEUE) returns a completion: ee_info = {lo}, ee_data = {hi}, so {range} completed.',
      },
      {lo, hi, range: rangeText(lo, hi)},
    ),
  ];
  if (hi > lo) {
    parts.push(
      translate({id: 'zerocopy.readout.merged', message: 'One notification for {count} sends: the kernel merged their completions.'}, {count: hi - lo + 1}),
    );
  }
  if (delivered.firstPending !== null && delivered.firstPending < lo) {
    parts.push(
      translate(
        {id: 'zerocopy.readout.outOfOrder', message: 'Out of order: send {first} is still pending although later sends completed.'},
        {first: delivered.firstPending},
      ),
    );
  }
  if (copied) {
    parts.push(
      translate({
        id: 'zerocopy.readout.copied',
        message: 'ee_code = SO_EE_CODE_ZEROCOPY_COPIED: the kernel copied the data after all (loopback always does), so zero-copy saved nothing here.',
      }),
    );
  }
  parts.push(
    translate(
      {id: 'zerocopy.readout.buffers', message: 'Buffers that may be reused now: {free}. Still pending, do not touch: {pending}.'},
      {free: idList(free), pending: idList(pending)},
    ),
  );
  return parts.join(' ');
}

type SendState = 'pending' | 'completed' | 'copied';

/** Make MSG_ZEROCOPY sends and read their completions: which buffers the program may reuse, and when. */
export default function ZerocopyTracker(): React.ReactNode {
  const id = useId();
  const [events, setEvents] = useState<readonly Event[]>([]);
  const [loopback, setLoopback] = useState(false);
  // Replaying the events keeps Back exact: every state is a pure function of what happened.
  const tracker = useMemo(() => events.reduce(apply, START), [events]);
  const last = events.at(-1);
  const next = nextRange(tracker);
  const ids = Array.from({length: tracker.sent}, (_, i) => i);
  const free = freeBuffers(tracker.completions, ids);
  const pending = ids.filter((i) => !isCompleted(tracker.completions, i));
  const canSend = tracker.sent < MAX_SENDS;

  const send = useCallback(() => setEvents((e) => [...e, {kind: 'send'}]), []);
  const deliver = useCallback(() => setEvents((e) => [...e, {kind: 'deliver', copied: loopback}]), [loopback]);
  const back = useCallback(() => setEvents((e) => e.slice(0, -1)), []);
  const restart = useCallback(() => setEvents([]), []);
  // ArrowRight plays the scenario on: the next notification when one can arrive, else a send.
  const advance = useCallback(() => {
    if (next) deliver();
    else if (canSend) send();
  }, [next, canSend, deliver, send]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    const actions: Record<string, () => void> = {ArrowRight: advance, ArrowLeft: back, Home: restart};
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  let readout: string;
  if (!last) {
    readout = translate({
      id: 'zerocopy.readout.ready',
      message: 'No send yet. Press send() to call send(fd, buf, len, MSG_ZEROCOPY), or the right arrow key to play the scenario.',
    });
  } else if (last.kind === 'send') {
    readout = translate(
      {
        id: 'zerocopy.readout.sent',
        message: 'send() number {n} returned at once; the socket numbers it {id}. The kernel pinned its buffer and will send from it: do not change or free buffer {id} until a completion covers it. Pending: {pending}.',
      },
      {n: tracker.sent, id: tracker.sent - 1, pending: idList(pending)},
    );
  } else {
    readout = describeDelivery(tracker.delivered.at(-1)!, free, pending);
  }

  const stateOf = (sendId: number): SendState =>
    !isCompleted(tracker.completions, sendId)
      ? 'pending'
      : isCopied(tracker.completions, sendId)
        ? 'copied'
        : 'completed';
  const stateLabels: Record<SendState, string> = {
    pending: translate({id: 'zerocopy.state.pending', message: 'pending: buffer in use'}),
    completed: translate({id: 'zerocopy.state.completed', message: 'completed: buffer reusable'}),
    copied: translate({id: 'zerocopy.state.copied', message: 'completed, copied: buffer reusable'}),
  };

  const nextText = next
    ? translate({id: 'zerocopy.next.ready', message: 'Next notification: [{lo}, {hi}].'}, {lo: next[0], hi: next[1]})
    : tracker.delivered.length < SCRIPT.length
      ? translate(
          {id: 'zerocopy.next.waiting', message: 'The next notification covers sends {lo}–{hi}: call send() until send {hi} exists.'},
          {lo: SCRIPT[tracker.delivered.length][0], hi: SCRIPT[tracker.delivered.length][1]},
        )
      : translate({id: 'zerocopy.next.none', message: 'Nothing pending: no notification to come.'});

  const counters: readonly {key: string; label: string; value: number}[] = [
    {key: 'sends', label: translate({id: 'zerocopy.counter.sends', message: 'Sends'}), value: tracker.sent},
    {key: 'completed', label: translate({id: 'zerocopy.counter.completed', message: 'Completed'}), value: completedCount(tracker.completions)},
    {key: 'copied', label: translate({id: 'zerocopy.counter.copied', message: 'of which copied'}), value: copiedCount(tracker.completions)},
    {key: 'pending', label: translate({id: 'zerocopy.counter.pending', message: 'Pending'}), value: pending.length},
    {key: 'notifications', label: translate({id: 'zerocopy.counter.notifications', message: 'Notifications read'}), value: tracker.delivered.length},
  ];

  const regionLabel = translate({id: 'zerocopy.label', message: 'MSG_ZEROCOPY sends and their completions'});
  return (
    <section
      className={styles.tracker}
      aria-label={regionLabel}
      data-live-component="ZerocopyTracker"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={onKeyDown}>
      <PresentButton label={regionLabel} />
      <ModelNotice modules={['msg-zerocopy']} />
      <div className={styles.buttons}>
        <button type="button" className="button button--primary button--sm" onClick={send} disabled={!canSend} data-live-click="">
          send()
        </button>
        <button type="button" className="button button--primary button--sm" onClick={deliver} disabled={!next}>
          <Translate id="zerocopy.deliver">deliver next notification</Translate>
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={back} disabled={!last}>
          <Translate id="zerocopy.back">Back</Translate>
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={restart} disabled={!last}>
          <Translate id="zerocopy.restart">Restart</Translate>
        </button>
        <label className={styles.check}>
          <input type="checkbox" checked={loopback} onChange={(event) => setLoopback(event.target.checked)} />{' '}
          <Translate id="zerocopy.loopback">Loopback: every completion comes back copied</Translate>
        </label>
      </div>
      <p className={styles.hint}>
        {nextText}{' '}
        <span className={styles.keys}>
          <Translate id="zerocopy.keys">Keys: → next event, ← back, Home restarts</Translate>
        </span>
      </p>

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <div className={styles.columns}>
        <div>
          <div className={styles.rowTitle} id={`${id}-sends`}>
            <Translate id="zerocopy.sendsTitle">Sends, by the socket's counter</Translate>
          </div>
          {tracker.sent === 0 ? (
            <p className={styles.note}>
              <Translate id="zerocopy.noSends">No send yet.</Translate>
            </p>
          ) : (
            <ol className={styles.sends} aria-labelledby={`${id}-sends`}>
              {ids.map((sendId) => {
                const state = stateOf(sendId);
                return (
                  <li key={sendId} className={clsx(styles.send, styles[state])} data-send={sendId} data-state={state}>
                    <span className={styles.sendId}>{sendId}</span> {stateLabels[state]}
                  </li>
                );
              })}
            </ol>
          )}
        </div>
        <div>
          <div className={styles.rowTitle} id={`${id}-queue`}>
            <Translate id="zerocopy.queueTitle">Error queue: notifications read, [ee_info, ee_data]</Translate>
          </div>
          {tracker.delivered.length === 0 ? (
            <p className={styles.note}>
              <Translate id="zerocopy.noNotifications">None read yet.</Translate>
            </p>
          ) : (
            <ol className={styles.queue} aria-labelledby={`${id}-queue`}>
              {tracker.delivered.map(({notification: n}, i) => (
                <li key={i} data-notification={`${n.lo}-${n.hi}`}>
                  <code>
                    [{n.lo}, {n.hi}]
                  </code>
                  {n.copied && (
                    <>
                      {' '}
                      <Translate id="zerocopy.copiedFlag">copied (SO_EE_CODE_ZEROCOPY_COPIED)</Translate>
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
          <table className={styles.counters}>
            <tbody>
              {counters.map((row) => (
                <tr key={row.key} data-counter={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{formatCount(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
