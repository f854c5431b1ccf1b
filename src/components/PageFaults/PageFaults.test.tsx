import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {DEFAULT_HARDWARE, formatDuration} from '@site/src/model/cost';
import {DEFAULT_FAULT_AROUND_PAGES, DEFAULT_READAHEAD_PAGES, pageFaultsFor} from '@site/src/model/mmap-nio';
import PageFaults from './index';
import {accessOrder, finalTotals, pageRuns, touchOutcomes} from './touches';
import {parseWhole} from './wholeNumber';

function readout(): string {
  return document.querySelector<HTMLElement>('[data-live-readout]')!.textContent ?? '';
}

function counter(key: string): {soFar: string; total: string} {
  const cells = within(document.querySelector<HTMLElement>(`[data-counter="${key}"]`)!).getAllByRole('cell');
  return {soFar: cells[0].textContent!, total: cells[1].textContent!};
}

function focusComponent(): void {
  document.querySelector<HTMLElement>('[data-live-component="PageFaults"]')!.focus();
}

/** The strip's squares for pages just mapped by the current fault. */
function justMapped(): number[] {
  return within(screen.getByRole('list', {name: /The mapped file/}))
    .getAllByRole('listitem')
    .filter((item) => /just mapped/.test(item.textContent ?? ''))
    .map((item) => Number.parseInt(item.textContent ?? '', 10));
}

describe('access patterns', () => {
  it('touch every page once in order when sequential, and column by column when strided', () => {
    expect(accessOrder('sequential', 6, {seed: 1, stride: 2})).toEqual([0, 1, 2, 3, 4, 5]);
    expect(accessOrder('strided', 6, {seed: 1, stride: 2})).toEqual([0, 2, 4, 1, 3, 5]);
    expect(accessOrder('strided', 5, {seed: 1, stride: 3})).toEqual([0, 3, 1, 4, 2]);
  });

  it('are random but reproducible from a seed, and stay inside the file', () => {
    const one = accessOrder('random', 64, {seed: 7, stride: 1});
    expect(one).toEqual(accessOrder('random', 64, {seed: 7, stride: 1}));
    expect(one).not.toEqual(accessOrder('random', 64, {seed: 8, stride: 1}));
    expect(one.every((page) => Number.isInteger(page) && page >= 0 && page < 64)).toBe(true);
  });
});

describe('touch outcomes, asked of the model', () => {
  it("agree with pageFaultsFor's totals for every pattern and window", () => {
    for (const pattern of ['sequential', 'random', 'strided'] as const) {
      for (const [readaheadPages, faultAroundPages] of [[1, 16], [4, 16], [32, 16], [32, 1], [4, 8]]) {
        const order = accessOrder(pattern, 64, {seed: 3, stride: 12});
        const options = {readaheadPages, faultAroundPages, cached: [0, 1, 2, 3, 4, 5, 6, 7]};
        const outcomes = touchOutcomes(order, 64, options);
        const model = pageFaultsFor(order, options);
        const last = outcomes[outcomes.length - 1];
        expect(last.faults).toBe(model.faults);
        expect(last.major).toBe(model.major);
        expect(last.minor).toBe(model.minor);
        expect(outcomes.filter((o) => o.fault).map((o) => o.page)).toEqual(model.faultPages);
      }
    }
  });

  it('end with the totals the component shows before the reader steps (finalTotals)', () => {
    for (const pattern of ['sequential', 'random', 'strided'] as const) {
      for (const [readaheadPages, faultAroundPages] of [[1, 16], [4, 16], [32, 1], [4, 8]]) {
        for (const pages of [1, 9, 64]) {
          const order = accessOrder(pattern, pages, {seed: 5, stride: 3});
          const options = {readaheadPages, faultAroundPages, cached: [0, 2, 3]};
          const {faults, major, minor, hits, mappedPages} = touchOutcomes(order, pages, options).at(-1)!;
          expect(finalTotals(order, pages, options)).toEqual({faults, major, minor, hits, mappedPages});
        }
      }
    }
  });

  it('say a fault maps the cached pages of its aligned fault-around window', () => {
    const warm = touchOutcomes([20, 17, 31, 32], 64, {readaheadPages: 32, cached: Array.from({length: 64}, (_, page) => page)});
    expect(warm[0].fault).toEqual({major: false, mapped: Array.from({length: 16}, (_, i) => 16 + i)});
    expect(warm.map((o) => o.fault !== null)).toEqual([true, false, false, true]);
  });

  it('say a cold fault maps only what readahead brought in, and the pages after it hit', () => {
    const outcomes = touchOutcomes(accessOrder('sequential', 16, {seed: 1, stride: 1}), 16, {readaheadPages: 4});
    expect(outcomes[0].fault).toEqual({major: true, mapped: [0, 1, 2, 3]});
    expect(outcomes.slice(1, 4).every((o) => o.fault === null)).toBe(true);
    expect(outcomes[4].fault?.mapped).toEqual([4, 5, 6, 7]);
    expect(outcomes[15].mappedPages).toBe(16);
  });

  it('group pages into runs for reading', () => {
    expect(pageRuns([0, 1, 2, 5, 7, 8])).toEqual([
      [0, 2],
      [5, 5],
      [7, 8],
    ]);
  });
});

describe('whole-number fields', () => {
  it('accept whole numbers in range and say why they refuse the rest', () => {
    expect(parseWhole(' 8 ', {min: 0, max: 10})).toEqual({ok: true, value: 8});
    expect(parseWhole('abc', {min: 0, max: 10})).toEqual({ok: false, reason: 'nan'});
    expect(parseWhole('', {min: 0, max: 10})).toEqual({ok: false, reason: 'nan'});
    expect(parseWhole('2.5', {min: 0, max: 10})).toEqual({ok: false, reason: 'fraction'});
    expect(parseWhole('-1', {min: 0, max: 10})).toEqual({ok: false, reason: 'too-small'});
    expect(parseWhole('11', {min: 0, max: 10})).toEqual({ok: false, reason: 'too-big'});
  });
});

describe('<PageFaults> reading a 64-page file in order', () => {
  it('keeps the contract the browser tests rely on', () => {
    render(<PageFaults />);
    const root = document.querySelector<HTMLElement>('[data-live-component="PageFaults"]')!;
    expect(root.tabIndex).toBe(0);
    expect(root.dataset.liveKeys).toBe('ArrowRight');
    expect(screen.getByRole('button', {name: 'Next'}).hasAttribute('data-live-click')).toBe(true);
    expect(document.querySelector('[data-live-readout]')!.getAttribute('aria-live')).toBe('polite');
  });

  it('starts ready, with nothing mapped', () => {
    render(<PageFaults />);
    expect(readout()).toBe(
      'Ready: 64 sequential touches of a mapped file of 64 pages (256 KiB), nothing mapped yet. Press Next or the right arrow key.',
    );
    expect(within(screen.getByRole('list', {name: /The mapped file/})).getAllByRole('listitem')).toHaveLength(64);
    expect(counter('mapped').soFar).toBe('0');
  });

  it("faults once per 16-page fault-around window with Linux's defaults: the model's totals", () => {
    render(<PageFaults />);
    const model = pageFaultsFor(accessOrder('sequential', 64, {seed: 1, stride: 1}), {
      readaheadPages: DEFAULT_READAHEAD_PAGES,
      faultAroundPages: DEFAULT_FAULT_AROUND_PAGES,
    });
    expect(counter('faults').total).toBe(String(model.faults));
    expect(counter('faults').total).toBe('4');
    expect(counter('major').total).toBe('2');
    expect(counter('minor').total).toBe('2');
    expect(counter('hits').total).toBe('60');
    expect(counter('cost').total).toBe(formatDuration(4 * DEFAULT_HARDWARE.pageFaultNs));
    expect(screen.getByText(/Each fault maps the cached pages of its aligned window of 16 pages \(64 KiB\)/)).toBeTruthy();
  });

  it('takes one minor fault per 16 pages on a warm cache, and one per page with fault-around off', async () => {
    const user = userEvent.setup();
    render(<PageFaults cache="warm" />);
    expect(counter('faults').total).toBe('4');
    expect(counter('minor').total).toBe('4');
    await user.selectOptions(screen.getByLabelText('Fault-around window (pages, 1 = off)'), '1');
    expect(counter('faults').total).toBe('64');
    expect(screen.getByText(/Fault-around off: every fault maps one page/)).toBeTruthy();
  });

  it('steps on Next and on the arrow keys, telling a fault from a hit', async () => {
    const user = userEvent.setup();
    render(<PageFaults readahead={8} />);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout()).toBe(
      'Touch 1 of 64: page 0 is not mapped. Major page fault: the kernel reads it from disk into the page cache, then maps pages 0–7 (8 pages).',
    );
    expect(justMapped()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(counter('faults').soFar).toBe('1');
    focusComponent();
    await user.keyboard('{ArrowRight}');
    expect(readout()).toBe('Touch 2 of 64: page 1 is already mapped. A hit: no fault, the access is an ordinary memory read.');
    expect(justMapped()).toEqual([]);
    expect(counter('hits').soFar).toBe('1');
    await user.keyboard('{ArrowLeft}');
    expect(readout()).toMatch(/^Touch 1 of 64/);
    await user.keyboard('{End}');
    expect(readout()).toMatch(/^Touch 64 of 64: page 63 is already mapped/);
    expect(counter('faults').soFar).toBe('8');
    expect(counter('mapped').soFar).toBe('64');
    await user.keyboard('{Home}');
    expect(readout()).toMatch(/^Ready/);
  });

  it('changes the readout on every step', async () => {
    const user = userEvent.setup();
    render(<PageFaults pattern="random" />);
    focusComponent();
    const seen = [readout()];
    for (let i = 0; i < 64; i++) {
      await user.keyboard('{ArrowRight}');
      seen.push(readout());
    }
    expect(new Set(seen).size).toBe(seen.length);
  }, 30_000);

  it('maps one page per fault with readahead off', async () => {
    const user = userEvent.setup();
    render(<PageFaults />);
    const field = screen.getByLabelText('Readahead window (pages, 0 = off)');
    await user.clear(field);
    await user.type(field, '0');
    expect(counter('faults').total).toBe('64');
    expect(screen.getByText(/Readahead off: a fault on a page that is not cached reads that page alone from disk/)).toBeTruthy();
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout()).toMatch(/then maps page 0\.$/);
  });

  it('shows minor faults where the page cache already holds the pages', async () => {
    const user = userEvent.setup();
    render(<PageFaults readahead={8} />);
    await user.click(screen.getByRole('radio', {name: 'first half cached'}));
    // Pages 0-31 are cached: faults on 0 and 16 are minor, then 32, 40, 48 and 56 read from disk.
    expect(counter('minor').total).toBe('2');
    expect(counter('major').total).toBe('4');
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout()).toMatch(/Minor page fault: no disk read/);
    expect(justMapped()).toEqual(Array.from({length: 16}, (_, page) => page));
  });
});

describe('<PageFaults> with other access patterns', () => {
  it('costs a stride no more faults than reading in order while each fault maps a window, and one per page without fault-around', async () => {
    const user = userEvent.setup();
    render(<PageFaults readahead={8} />);
    await user.click(screen.getByRole('radio', {name: 'strided'}));
    const order = accessOrder('strided', 64, {seed: 1, stride: 16});
    expect(counter('faults').total).toBe(String(pageFaultsFor(order, {readaheadPages: 8}).faults));
    expect(counter('faults').total).toBe('8');
    await user.selectOptions(screen.getByLabelText('Fault-around window (pages, 1 = off)'), '1');
    expect(counter('faults').total).toBe(String(pageFaultsFor(order, {readaheadPages: 8, faultAroundPages: 1}).faults));
    expect(counter('faults').total).toBe('64');
    expect(counter('major').total).toBe('8');
  });

  it('draws a reproducible random pattern from the seed', async () => {
    const user = userEvent.setup();
    render(<PageFaults />);
    await user.click(screen.getByRole('radio', {name: 'random'}));
    const seed = screen.getByLabelText('Seed');
    await user.clear(seed);
    await user.type(seed, '42');
    const order = accessOrder('random', 64, {seed: 42, stride: 1});
    expect(counter('faults').total).toBe(String(pageFaultsFor(order, {readaheadPages: DEFAULT_READAHEAD_PAGES}).faults));
    const touches = within(screen.getByRole('list', {name: /Access order/})).getAllByRole('listitem');
    expect(touches.map((item) => Number.parseInt(item.textContent ?? '', 10))).toEqual(order);
  });

  it('restarts when a setting changes', async () => {
    const user = userEvent.setup();
    render(<PageFaults />);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('radio', {name: 'strided'}));
    expect(readout()).toMatch(/^Ready: 64 strided touches/);
  });
});

describe('<PageFaults> with input it cannot use', () => {
  it('explains each bad value and keeps the last valid pattern', async () => {
    const user = userEvent.setup();
    render(<PageFaults />);
    const field = screen.getByLabelText('Readahead window (pages, 0 = off)');
    await user.clear(field);
    await user.type(field, 'lots');
    expect(screen.getByRole('alert').textContent).toBe('Readahead window (pages, 0 = off) must be a whole number; got "lots".');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(counter('faults').total).toBe('4');
    await user.clear(field);
    await user.type(field, '1.5');
    expect(screen.getByRole('alert').textContent).toMatch(/must be a whole number, not a fraction; got 1\.5\./);
    await user.clear(field);
    await user.type(field, '-2');
    expect(screen.getByRole('alert').textContent).toMatch(/must be at least 0; got -2\./);
    await user.clear(field);
    await user.type(field, '70000');
    expect(screen.getByRole('alert').textContent).toMatch(/can be at most 65,536; got 70000\./);
    await user.clear(field);
    await user.type(field, '4');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(counter('faults').total).toBe('16');
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout()).toMatch(/^Touch 1 of 64/);
  });

  it('refuses a stride of 0 or wider than the file', async () => {
    const user = userEvent.setup();
    render(<PageFaults />);
    await user.click(screen.getByRole('radio', {name: 'strided'}));
    const stride = screen.getByLabelText('Stride (pages)');
    await user.clear(stride);
    await user.type(stride, '0');
    expect(screen.getByRole('alert').textContent).toBe('Stride (pages) must be at least 1; got 0.');
    await user.clear(stride);
    await user.type(stride, '65');
    expect(screen.getByRole('alert').textContent).toBe('Stride (pages) can be at most 64; got 65.');
  });
});
