import React, {act} from 'react';
import {hydrateRoot} from 'react-dom/client';
import {describe, expect, it, vi} from 'vitest';
import {fireEvent, render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {renderToString} from 'react-dom/server';
import ZerocopyTracker, {MAX_SENDS} from './index';

function readout(): string {
  return document.querySelector<HTMLElement>('[data-live-readout]')!.textContent ?? '';
}

function root(): HTMLElement {
  return document.querySelector<HTMLElement>('[data-live-component="ZerocopyTracker"]')!;
}

function states(): string[] {
  return [...document.querySelectorAll<HTMLElement>('[data-send]')].map((li) => li.dataset.state!);
}

function counter(key: string): string {
  return within(document.querySelector<HTMLElement>(`[data-counter="${key}"]`)!).getByRole('cell').textContent!;
}

function press(key: string, times = 1): void {
  for (let i = 0; i < times; i++) fireEvent.keyDown(root(), {key});
}

async function sends(user: ReturnType<typeof userEvent.setup>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await user.click(screen.getByRole('button', {name: 'send()'}));
}

describe('<ZerocopyTracker>', () => {
  it('hydrates the server-rendered HTML without a mismatch', async () => {
    (globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;
    const container = document.createElement('div');
    container.innerHTML = renderToString(<ZerocopyTracker />);
    document.body.append(container);
    const serverHtml = container.innerHTML;
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    const root = await act(async () => hydrateRoot(container, <ZerocopyTracker />, {onRecoverableError: (error) => errors.push(error)}));
    expect(errors).toEqual([]);
    expect(container.innerHTML).toBe(serverHtml);
    consoleError.mockRestore();
    await act(async () => root.unmount());
    container.remove();
  });

  it('keeps the contract the browser tests rely on: a click and a key each change the readout', () => {
    const html = renderToString(<ZerocopyTracker />);
    expect(html).toContain('No send yet.');
    render(<ZerocopyTracker />);
    expect(root().tabIndex).toBe(0);
    expect(root().dataset.liveKeys).toBe('ArrowRight');
    const readoutEl = document.querySelector('[data-live-readout]')!;
    expect(readoutEl.getAttribute('aria-live')).toBe('polite');
    const before = readout();
    fireEvent.click(document.querySelector('[data-live-click]')!);
    const afterClick = readout();
    expect(afterClick).not.toBe(before);
    press('ArrowRight');
    expect(readout()).not.toBe(afterClick);
  });

  it('numbers sends from 0 and keeps their buffers pending until a completion covers them', async () => {
    const user = userEvent.setup();
    render(<ZerocopyTracker />);
    await sends(user, 3);
    expect(readout()).toBe(
      'send() number 3 returned at once; the socket numbers it 2. The kernel pinned its buffer and will send from it: do not change or free buffer 2 until a completion covers it. Pending: 0, 1, 2.',
    );
    expect(states()).toEqual(['pending', 'pending', 'pending']);
    await user.click(screen.getByRole('button', {name: 'deliver next notification'}));
    expect(readout()).toBe(
      'recvmsg(MSG_ERRQUEUE) returns a completion: ee_info = 0, ee_data = 0, so send 0 completed. Buffers that may be reused now: 0. Still pending, do not touch: 1, 2.',
    );
    expect(states()).toEqual(['completed', 'pending', 'pending']);
  });

  it('waits for the sends a notification covers, then reports a merged range out of order', async () => {
    const user = userEvent.setup();
    render(<ZerocopyTracker />);
    await sends(user, 3);
    const deliver = screen.getByRole('button', {name: 'deliver next notification'});
    await user.click(deliver); // [0, 0]
    // [2, 3] needs send 3.
    expect((deliver as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/The next notification covers sends 2–3: call send\(\) until send 3 exists\./)).toBeTruthy();
    await sends(user, 1);
    await user.click(deliver);
    expect(readout()).toBe(
      'recvmsg(MSG_ERRQUEUE) returns a completion: ee_info = 2, ee_data = 3, so sends 2–3 completed. One notification for 2 sends: the kernel merged their completions. Out of order: send 1 is still pending although later sends completed. Buffers that may be reused now: 0, 2, 3. Still pending, do not touch: 1.',
    );
    expect(states()).toEqual(['completed', 'pending', 'completed', 'completed']);
    expect(document.querySelector('[data-notification="2-3"]')!.textContent).toBe('[2, 3]');
    await user.click(deliver); // [1, 1]: everything reusable
    expect(readout()).toMatch(/Buffers that may be reused now: 0, 1, 2, 3\. Still pending, do not touch: none\.$/);
    expect(counter('completed')).toBe('4');
    expect(counter('pending')).toBe('0');
  });

  it('plays the scenario with the right arrow, and after it merges whatever is pending', () => {
    render(<ZerocopyTracker />);
    // Sends 0..9 and the six scripted notifications, in the order the arrow makes them.
    press('ArrowRight', 16);
    expect(counter('sends')).toBe('10');
    expect(counter('notifications')).toBe('6');
    expect(states().every((s) => s === 'completed')).toBe(true);
    expect([...document.querySelectorAll<HTMLElement>('[data-notification]')].map((li) => li.dataset.notification)).toEqual([
      '0-0',
      '2-3',
      '1-1',
      '4-7',
      '9-9',
      '8-8',
    ]);
    // After the script the arrow alternates: a send, then its completion.
    press('ArrowRight', 3);
    expect(counter('sends')).toBe('12');
    expect(counter('notifications')).toBe('7');
    press('ArrowRight');
    expect(readout()).toMatch(/^recvmsg\(MSG_ERRQUEUE\) returns a completion: ee_info = 11, ee_data = 11, so send 11 completed\./);
    // Two sends in flight come back merged into one range.
    fireEvent.click(screen.getByRole('button', {name: 'send()'}));
    fireEvent.click(screen.getByRole('button', {name: 'send()'}));
    fireEvent.click(screen.getByRole('button', {name: 'deliver next notification'}));
    expect(readout()).toMatch(/ee_info = 12, ee_data = 13, so sends 12–13 completed\. One notification for 2 sends/);
    press('ArrowLeft');
    expect(counter('notifications')).toBe('8');
    expect(counter('pending')).toBe('2');
    press('Home');
    expect(readout()).toMatch(/^No send yet/);
  });

  it('marks completions on loopback as copied, counting each send once', async () => {
    const user = userEvent.setup();
    render(<ZerocopyTracker />);
    await user.click(screen.getByLabelText('Loopback: every completion comes back copied'));
    await sends(user, 4);
    const deliver = screen.getByRole('button', {name: 'deliver next notification'});
    await user.click(deliver);
    await user.click(deliver);
    expect(readout()).toContain('ee_code = SO_EE_CODE_ZEROCOPY_COPIED: the kernel copied the data after all');
    expect(states()).toEqual(['copied', 'pending', 'copied', 'copied']);
    expect(counter('copied')).toBe('3');
    expect(screen.getAllByText(/copied \(SO_EE_CODE_ZEROCOPY_COPIED\)/)).toHaveLength(2);
    // Off again: the next completion is a true zero-copy one.
    await user.click(screen.getByLabelText('Loopback: every completion comes back copied'));
    await user.click(deliver);
    expect(readout()).not.toContain('COPIED');
    expect(states()).toEqual(['copied', 'completed', 'copied', 'copied']);
    expect(counter('copied')).toBe('3');
  });

  it(`stops at ${MAX_SENDS} sends`, () => {
    render(<ZerocopyTracker />);
    for (let i = 0; i < MAX_SENDS + 2; i++) fireEvent.click(screen.getByRole('button', {name: 'send()'}));
    expect(counter('sends')).toBe(String(MAX_SENDS));
    expect((screen.getByRole('button', {name: 'send()'}) as HTMLButtonElement).disabled).toBe(true);
  });
});
