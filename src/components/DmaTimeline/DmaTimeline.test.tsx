import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {DEFAULT_DMA_PARAMS, blockDmaPlan, cpuTimeline, dmaBreakEvenBytes} from '@site/src/model/dma';
import {GiB, KiB, formatCount} from '@site/src/model/units';
import DmaTimeline from './index';
import BlockDma from './BlockDma';
import {busyCyclesUntil, displayScale, timelineStops} from './timelineStops';

const DEFAULT_BYTES = 64 * KiB;
const pio = cpuTimeline(DEFAULT_BYTES, 'pio');
const dma = cpuTimeline(DEFAULT_BYTES, 'dma');

function readout(): HTMLElement {
  return document.querySelector<HTMLElement>('[data-live-readout]')!;
}

function counterCells(key: string): {pio: string; dma: string} {
  const row = document.querySelector<HTMLElement>(`[data-counter="${key}"]`)!;
  return {
    pio: within(row).getAllByRole('cell')[0].textContent!,
    dma: within(row).getAllByRole('cell')[1].textContent!,
  };
}

describe('<DmaTimeline> with the default 64 KiB transfer', () => {
  it('starts ready, naming the transfer and its stops', () => {
    render(<DmaTimeline />);
    expect(readout().textContent).toBe(
      'Ready: 5 stops along the timelines of a 64 KiB transfer. Press Next or the right arrow key.',
    );
    expect(readout().getAttribute('aria-live')).toBe('polite');
  });

  it('keeps the contract the browser tests rely on', () => {
    render(<DmaTimeline />);
    const root = document.querySelector<HTMLElement>('[data-live-component="DmaTimeline"]')!;
    expect(root.tabIndex).toBe(0);
    expect(root.dataset.liveKeys).toBe('ArrowRight');
    expect(screen.getByRole('button', {name: 'Next'}).hasAttribute('data-live-click')).toBe(true);
  });

  it('advances on Next and on the right arrow key, changing the readout every time', async () => {
    const user = userEvent.setup();
    render(<DmaTimeline />);
    const seen = [readout().textContent];
    await user.click(screen.getByRole('button', {name: 'Next'}));
    seen.push(readout().textContent);
    expect(readout().textContent).toBe(
      'Step 1 of 5, cycle 0 (0 ns). PIO: the CPU is copying, one word at a time. DMA: the CPU programs the engine (bus address, length, start).',
    );
    document.querySelector<HTMLElement>('[data-live-component]')!.focus();
    for (let i = 0; i < 4; i++) {
      await user.keyboard('{ArrowRight}');
      seen.push(readout().textContent);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(readout().textContent).toMatch(/^Step 5 of 5, cycle 35,768 /);
    expect(readout().textContent).toContain('DMA: finished');
  });

  it('walks start, setup done, PIO done while the engine copies, interrupt, done', async () => {
    const user = userEvent.setup();
    render(<DmaTimeline />);
    document.querySelector<HTMLElement>('[data-live-component]')!.focus();
    const steps: string[] = [];
    for (let i = 0; i < 5; i++) {
      await user.keyboard('{ArrowRight}');
      steps.push(readout().textContent!);
    }
    expect(steps[1]).toContain(`cycle ${formatCount(DEFAULT_DMA_PARAMS.setupCycles)} `);
    expect(steps[1]).toContain('the engine moves the bytes while the CPU is free');
    expect(steps[2]).toContain(`cycle ${formatCount(pio.totalCycles)} `);
    expect(steps[2]).toContain('PIO: finished');
    expect(steps[3]).toContain(`cycle ${formatCount(dma.interruptAtCycles[0])} `);
    expect(steps[3]).toContain('completion interrupt arrives');
    await user.keyboard('{Home}');
    expect(readout().textContent).toMatch(/^Ready/);
    await user.keyboard('{End}');
    expect(readout().textContent).toMatch(/^Step 5 of 5/);
  });

  it("shows the model's numbers: CPU busy cycles and interrupts for PIO and DMA", async () => {
    const user = userEvent.setup();
    render(<DmaTimeline />);
    expect(counterCells('busy-total')).toEqual({pio: formatCount(pio.cpuBusyCycles), dma: formatCount(dma.cpuBusyCycles)});
    expect(counterCells('interrupts-total')).toEqual({pio: '0', dma: '1'});
    expect(counterCells('transfer')).toEqual({pio: formatCount(pio.transferCycles), dma: formatCount(dma.transferCycles)});
    expect(counterCells('busy-so-far')).toEqual({pio: '0', dma: '0'});
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('button', {name: 'Next'}));
    // Cursor at the end of setup: PIO has copied for as long as DMA took to program the engine.
    const setup = DEFAULT_DMA_PARAMS.setupCycles;
    expect(counterCells('busy-so-far')).toEqual({pio: formatCount(setup), dma: formatCount(setup)});
    document.querySelector<HTMLElement>('[data-live-component]')!.focus();
    await user.keyboard('{End}');
    expect(counterCells('busy-so-far')).toEqual({pio: formatCount(pio.cpuBusyCycles), dma: formatCount(dma.cpuBusyCycles)});
    expect(counterCells('interrupts-so-far')).toEqual({pio: '0', dma: '1'});
    expect(screen.getByText(/DMA saves the CPU/).textContent).toContain(formatCount(pio.cpuBusyCycles - dma.cpuBusyCycles));
  });
});

describe('<DmaTimeline> when the reader changes the size', () => {
  async function typeSize(text: string) {
    const user = userEvent.setup();
    render(<DmaTimeline />);
    const field = screen.getByLabelText('Transfer size');
    await user.clear(field);
    if (text) await user.type(field, text);
    return user;
  }

  it('says a word is not a number and keeps the last valid view', async () => {
    await typeSize('abc');
    expect(screen.getByRole('alert').textContent).toBe('Transfer size must be a number; got "abc".');
    expect(readout().textContent).toContain('64 KiB transfer');
    expect(counterCells('busy-total').pio).toBe(formatCount(pio.cpuBusyCycles));
  });

  it('refuses a negative size', async () => {
    await typeSize('-5');
    expect(screen.getByRole('alert').textContent).toBe('Transfer size cannot be negative; got -5 KiB.');
    expect(readout().textContent).toContain('64 KiB transfer');
  });

  it('refuses an empty field and zero', async () => {
    await typeSize('');
    expect(screen.getByRole('alert').textContent).toContain('must be a number');
    await userEvent.type(screen.getByLabelText('Transfer size'), '0');
    expect(screen.getByRole('alert').textContent).toContain('at least 1 byte');
  });

  it('refuses more than 1 GiB', async () => {
    const user = await typeSize('2');
    await user.selectOptions(screen.getByLabelText('Transfer size: unit'), 'GiB');
    expect(screen.getByRole('alert').textContent).toBe('Transfer size can be at most 1 GiB here; got 2 GiB.');
    expect(readout().textContent).toContain('2 KiB transfer');
  });

  it('starts a new size from the beginning', async () => {
    const user = userEvent.setup();
    render(<DmaTimeline />);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.type(screen.getByLabelText('Transfer size'), '0');
    expect(readout().textContent).toBe(
      'Ready: 5 stops along the timelines of a 640 KiB transfer. Press Next or the right arrow key.',
    );
  });

  it('follows a valid new size, and says when PIO is the cheaper one', async () => {
    await typeSize('4');
    expect(screen.queryByRole('alert')).toBeNull();
    const small = cpuTimeline(4 * KiB, 'pio');
    expect(counterCells('busy-total').pio).toBe(formatCount(small.cpuBusyCycles));
    expect(screen.getByText(/PIO costs the CPU/).textContent).toContain(`${formatCount(dmaBreakEvenBytes())} bytes`);
  });
});

describe('timeline stops and scale', () => {
  it('stop at every boundary of either timeline', () => {
    expect(timelineStops(pio, dma).map((s) => s.cycle)).toEqual([
      0,
      DEFAULT_DMA_PARAMS.setupCycles,
      pio.totalCycles,
      dma.interruptAtCycles[0],
      dma.totalCycles,
    ]);
  });

  it('count busy cycles up to the cursor, leaving out the time the CPU is free', () => {
    expect(busyCyclesUntil(dma, dma.totalCycles)).toBe(dma.cpuBusyCycles);
    expect(busyCyclesUntil(dma, dma.interruptAtCycles[0])).toBe(DEFAULT_DMA_PARAMS.setupCycles);
  });

  it('draw 1 GiB widened but in order, and 64 KiB to scale', () => {
    expect(displayScale([pio, dma]).toScale).toBe(true);
    const big = [cpuTimeline(GiB, 'pio'), cpuTimeline(GiB, 'dma')];
    const scale = displayScale(big);
    expect(scale.toScale).toBe(false);
    const positions = timelineStops(big[0], big[1]).map((s) => scale.toPercent(s.cycle));
    expect(positions[0]).toBe(0);
    expect(positions.at(-1)).toBeCloseTo(100);
    for (let i = 1; i < positions.length; i++) expect(positions[i] - positions[i - 1]).toBeGreaterThanOrEqual(2);
  });
});

describe('<BlockDma>', () => {
  it('needs one transfer and one interrupt per contiguous block', async () => {
    const user = userEvent.setup();
    render(<BlockDma />);
    const scattered = blockDmaPlan([0x10000, 0x14000, 0x1a000].map((address) => ({address, length: 4096})));
    expect(screen.getAllByText(/^Transfer \d/)).toHaveLength(scattered.transfers);
    expect(screen.getAllByText('then a completion interrupt')).toHaveLength(scattered.interrupts);
    expect(screen.getByText(/DMA costs the CPU/).textContent).toBe(
      `${scattered.transfers} blocks: ${scattered.transfers} transfers and ${scattered.interrupts} interrupts. DMA costs the CPU ${formatCount(scattered.dmaCpuCycles)} cycles; PIO would cost ${formatCount(scattered.pioCpuCycles)}.`,
    );
    await user.click(screen.getByLabelText('side by side'));
    expect(screen.getAllByText(/^Transfer \d/)).toHaveLength(1);
    expect(screen.getByText(/DMA costs the CPU/).textContent).toMatch(/^One block: one transfer and one interrupt\./);
  });
});
