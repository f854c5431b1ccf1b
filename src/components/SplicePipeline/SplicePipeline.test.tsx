import React, {act} from 'react';
import {hydrateRoot} from 'react-dom/client';
import {describe, expect, it, vi} from 'vitest';
import {fireEvent, render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {renderToString} from 'react-dom/server';
import {spliceSteps, spliceSummary} from '@site/src/model/splice';
import * as spliceModel from '@site/src/model/splice';
import * as summaryModel from '@site/src/model/summary';
import {GiB, KiB, MiB, PAGE_SIZE, formatCount} from '@site/src/model/units';
import SplicePipeline from './index';

// Pass-through spies: the model runs unchanged, and a test can count how much of a transfer
// the component makes it list step by step.
vi.mock('@site/src/model/summary', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@site/src/model/summary')>();
  return {...actual, summarizeSteps: vi.fn(actual.summarizeSteps)};
});
vi.mock('@site/src/model/splice', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@site/src/model/splice')>();
  return {...actual, spliceSteps: vi.fn(actual.spliceSteps)};
});

const FULL = {scatterGather: true, checksumOffload: true};

function readout(): string {
  return document.querySelector<HTMLElement>('[data-live-readout]')!.textContent ?? '';
}

function counter(key: string): {soFar: string; total: string} {
  const cells = within(document.querySelector<HTMLElement>(`[data-counter="${key}"]`)!).getAllByRole('cell');
  return {soFar: cells[0].textContent!, total: cells[1].textContent!};
}

function root(): HTMLElement {
  return document.querySelector<HTMLElement>('[data-live-component="SplicePipeline"]')!;
}

function usedSlots(): number {
  return within(screen.getByRole('list', {name: /^Pipe slots in use/}))
    .getAllByRole('listitem')
    .filter((slot) => /reference/.test(slot.textContent ?? '')).length;
}

describe('<SplicePipeline>', () => {
  it('hydrates the server-rendered HTML without a mismatch', async () => {
    (globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;
    const container = document.createElement('div');
    container.innerHTML = renderToString(<SplicePipeline />);
    document.body.append(container);
    const serverHtml = container.innerHTML;
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    const root = await act(async () => hydrateRoot(container, <SplicePipeline />, {onRecoverableError: (error) => errors.push(error)}));
    expect(errors).toEqual([]);
    expect(container.innerHTML).toBe(serverHtml);
    consoleError.mockRestore();
    await act(async () => root.unmount());
    container.remove();
  });

  it('keeps the contract the browser tests rely on, and renders the same on the server', () => {
    const html = renderToString(<SplicePipeline />);
    expect(html).toContain('Ready: a file of 100 KiB (in the page cache after its first read) goes to a socket through a pipe of 64 KiB. File pages: 25; pipe slots: 16; rounds: 2; splice() calls: 4.');
    render(<SplicePipeline />);
    expect(root().tabIndex).toBe(0);
    expect(root().dataset.liveKeys).toBe('ArrowRight');
    expect(screen.getByRole('button', {name: 'Next'}).hasAttribute('data-live-click')).toBe(true);
    expect(document.querySelector('[data-live-readout]')!.getAttribute('aria-live')).toBe('polite');
  });

  it('steps call by call: file -> pipe fills the slots with references, pipe -> socket empties them', async () => {
    const user = userEvent.setup();
    render(<SplicePipeline />);
    expect(readout()).toMatch(/^Ready: .* through a pipe of 64 KiB\. File pages: 25; pipe slots: 16; rounds: 2; splice\(\) calls: 4\./);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout()).toMatch(/^Call 1 of 4: splice\(file → pipe\) puts references to pages 0–15 \(64 KiB\) into the pipe\./);
    expect(readout()).toContain('No byte is copied');
    expect(usedSlots()).toBe(16);
    expect(counter('cpuCopies').soFar).toBe('0');
    expect(counter('syscalls').soFar).toBe('1');

    fireEvent.keyDown(root(), {key: 'ArrowRight'});
    expect(readout()).toMatch(/^Call 2 of 4: splice\(pipe → socket\) .* pages 0–15 .* 64 KiB of 100 KiB sent/);
    expect(usedSlots()).toBe(0);
    expect(counter('modeSwitches').soFar).toBe('4');

    fireEvent.keyDown(root(), {key: 'ArrowRight'});
    expect(readout()).toMatch(/pages 16–24 \(36 KiB\).* Slots in use: 9 of 16\./);
    expect(usedSlots()).toBe(9);
    fireEvent.keyDown(root(), {key: 'ArrowRight'});
    expect(readout()).toContain('The whole file has been sent.');
    fireEvent.keyDown(root(), {key: 'ArrowLeft'});
    expect(readout()).toMatch(/^Call 3 of 4/);
  });

  it('says when the pipe is full and the next splice into it would block', async () => {
    const user = userEvent.setup();
    render(<SplicePipeline />);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout()).toContain('The pipe is full: the next splice into the pipe would block (or fail with EAGAIN with SPLICE_F_NONBLOCK)');
    expect(document.querySelector('[data-pipe-full]')).not.toBeNull();
    expect(screen.getByText(/^Pipe full:/)).toBeTruthy();
    // The short last round leaves free slots: not full.
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout()).not.toContain('pipe is full');
    expect(document.querySelector('[data-pipe-full]')).toBeNull();
  });

  it("shows the model's whole-transfer counts for several files and pipes", () => {
    const cases: readonly [number, number, number][] = [
      [100 * KiB, 64 * KiB, 64 * KiB],
      [MiB, 64 * KiB, 64 * KiB],
      [MiB, 100 * KiB, 128 * KiB],
      [10 * MiB + 3, MiB, MiB],
      [5, 0, 4 * KiB],
    ];
    for (const [file, asked, capacity] of cases) {
      const {unmount} = render(<SplicePipeline fileBytes={file} pipeBytes={asked} />);
      const model = spliceSummary(file, {pipeBytes: capacity, nic: FULL});
      expect(counter('syscalls').total).toBe(formatCount(model.syscalls));
      expect(counter('modeSwitches').total).toBe(formatCount(model.modeSwitches));
      expect(counter('cpuCopies').total).toBe('0');
      expect(counter('dmaCopies').total).toBe(formatCount(model.dmaCopies));
      expect(counter('rounds').total).toBe(formatCount(spliceSteps(file, capacity).callsEachWay));
      expect(counter('references').total).toBe(formatCount(spliceSteps(file, capacity).pageReferences));
      expect(document.querySelector('[data-pipe-capacity]')!.getAttribute('data-pipe-capacity')).toBe(String(capacity));
      unmount();
    }
  });

  it('counts a CPU copy per round without scatter-gather, and the so-far column reaches the total', async () => {
    const user = userEvent.setup();
    render(<SplicePipeline fileBytes={MiB} />);
    await user.click(screen.getByLabelText('NIC with scatter-gather and checksum offload'));
    expect(counter('cpuCopies').total).toBe(String(spliceSummary(MiB).cpuCopies));
    expect(counter('cpuCopies').total).toBe('16');
    fireEvent.keyDown(root(), {key: 'End'});
    for (const key of ['syscalls', 'modeSwitches', 'cpuCopies', 'dmaCopies', 'rounds', 'references']) {
      expect(counter(key).soFar).toBe(counter(key).total);
    }
    expect(readout()).toContain('one CPU copy');
  });

  it('rounds the pipe size up, and refuses one above pipe-max-size keeping the last pipe', async () => {
    const user = userEvent.setup();
    render(<SplicePipeline />);
    const pipe = screen.getByLabelText('Pipe size asked with F_SETPIPE_SZ');
    await user.clear(pipe);
    await user.type(pipe, '100');
    expect(screen.getByText(/^The pipe holds 128 KiB; slots, one page reference each: 32\./)).toBeTruthy();
    expect(readout()).toMatch(/through a pipe of 128 KiB\. File pages: 25; pipe slots: 32; rounds: 1;/);
    // Set at once: typed key by key, "409" would be the last valid size (512 KiB).
    fireEvent.change(pipe, {target: {value: '4096'}});
    expect(screen.getByRole('alert').textContent).toBe(
      'Pipe size asked with F_SETPIPE_SZ: 4 MiB rounds up to 4 MiB, above /proc/sys/fs/pipe-max-size (1 MiB); F_SETPIPE_SZ fails with EPERM for an unprivileged program. Still showing the last pipe that worked, 128 KiB.',
    );
    expect(screen.getByText(/^The pipe holds 128 KiB/)).toBeTruthy();
    // Huge: beyond what the field takes at all.
    fireEvent.change(pipe, {target: {value: '99999999'}});
    expect(screen.getByRole('alert').textContent).toMatch(/can be at most 2 GiB/);
    expect(screen.getByText(/^The pipe holds 128 KiB/)).toBeTruthy();
  });

  it('explains NaN and negative sizes and keeps the last valid file', async () => {
    const user = userEvent.setup();
    render(<SplicePipeline />);
    const file = screen.getByLabelText('File size');
    await user.clear(file);
    await user.type(file, 'abc');
    expect(screen.getByRole('alert').textContent).toBe('File size must be a number; got "abc".');
    expect(readout()).toMatch(/a file of 100 KiB/);
    await user.clear(file);
    await user.type(file, '-5');
    expect(screen.getByRole('alert').textContent).toBe('File size cannot be negative; got -5 KiB.');
    expect(counter('rounds').total).toBe('2');
    await user.clear(file);
    await user.type(file, '256');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(counter('rounds').total).toBe('4');
  });

  it('counts the largest transfer (1 GiB through a one-page pipe) without listing its 262,144 rounds', () => {
    const summarized = vi.mocked(summaryModel.summarizeSteps);
    const listed = vi.mocked(spliceModel.spliceSteps);
    summarized.mockClear();
    listed.mockClear();
    render(<SplicePipeline fileBytes={GiB} pipeBytes={PAGE_SIZE} />);
    expect(counter('rounds').total).toBe('262,144');
    expect(counter('syscalls').total).toBe('524,288');
    expect(counter('references').total).toBe('262,144');
    fireEvent.keyDown(root(), {key: 'ArrowRight'});
    fireEvent.keyDown(root(), {key: 'ArrowRight'});
    fireEvent.keyDown(root(), {key: 'End'});
    expect(counter('syscalls').soFar).toBe('524,288');
    expect(readout()).toContain('The whole file has been sent.');
    // Listing every round made the browser spend ~1.8 s here; a handful of rounds is the budget.
    expect(listed).not.toHaveBeenCalled();
    expect(summarized.mock.calls.length).toBeLessThanOrEqual(40);
    expect(summarized.mock.calls.every(([steps]) => steps.length <= 10)).toBe(true);
  });
});
