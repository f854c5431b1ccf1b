import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ILLUSTRATIVE_LIMITS,
  blockVsGatherInterrupts,
  buildDescriptorList,
  sgTransfer,
  type NicFeatures,
} from '@site/src/model/scatter-gather';
import {formatBytes, formatCount} from '@site/src/model/units';
import GatherList from './index';
import {FIRST_FRAME, MEMORY_FRAMES, pageLayout} from './layout';
import {transferStops} from './stops';

const BOTH: NicFeatures = {scatterGather: true, checksumOffload: true};
const NO_CHECKSUM: NicFeatures = {scatterGather: true, checksumOffload: false};

// The component's default case: 8 pages laid out by seed 1, the chapter's illustrative limits.
const frames = pageLayout(1, 8);
const list = buildDescriptorList(frames, ILLUSTRATIVE_LIMITS);
const gather = sgTransfer(list.bytes, list.descriptors.length, BOTH);
const linear = sgTransfer(list.bytes, list.descriptors.length, NO_CHECKSUM);

function readout(): string {
  return document.querySelector<HTMLElement>('[data-live-readout]')!.textContent ?? '';
}

function counter(key: string): {soFar: string; total: string} {
  const cells = within(document.querySelector<HTMLElement>(`[data-counter="${key}"]`)!).getAllByRole('cell');
  return {soFar: cells[0].textContent!, total: cells[1].textContent!};
}

function focusComponent(): void {
  document.querySelector<HTMLElement>('[data-live-component="GatherList"]')!.focus();
}

describe('page layouts', () => {
  it('are the same for the same seed and differ for the next one', () => {
    expect(pageLayout(1, 8)).toEqual(pageLayout(1, 8));
    expect(pageLayout(2, 8)).not.toEqual(pageLayout(1, 8));
  });

  it('put every page in its own frame, inside the memory drawn, with a run to merge', () => {
    for (let seed = 0; seed < 200; seed++) {
      for (const pages of [1, 2, 8, 12]) {
        const layout = pageLayout(seed, pages);
        expect(layout).toHaveLength(pages);
        expect(new Set(layout).size).toBe(pages);
        for (const frame of layout) {
          expect(frame).toBeGreaterThanOrEqual(FIRST_FRAME);
          expect(frame).toBeLessThan(FIRST_FRAME + MEMORY_FRAMES);
        }
        if (pages > 1) expect(layout.some((frame, i) => layout[i + 1] === frame + 1)).toBe(true);
      }
    }
  });
});

describe('<GatherList> with a NIC that has scatter-gather and checksum offload', () => {
  it('starts ready, naming the pages and the descriptors', () => {
    render(<GatherList />);
    expect(readout()).toBe(
      `Ready: sendfile() sends 8 cached pages (${formatBytes(list.bytes)}) in ${list.descriptors.length} descriptors, with no CPU copy. Press Next or the right arrow key.`,
    );
    expect(document.querySelector('[data-live-readout]')!.getAttribute('aria-live')).toBe('polite');
  });

  it('keeps the contract the browser tests rely on', () => {
    render(<GatherList />);
    const root = document.querySelector<HTMLElement>('[data-live-component="GatherList"]')!;
    expect(root.tabIndex).toBe(0);
    expect(root.dataset.liveKeys).toBe('ArrowRight');
    expect(screen.getByRole('button', {name: 'Next'}).hasAttribute('data-live-click')).toBe(true);
  });

  it('shows the descriptor list the model builds, merged runs marked', () => {
    render(<GatherList />);
    const rows = within(screen.getByRole('table', {name: /The descriptor list/})).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(list.descriptors.length);
    rows.forEach((row, i) => {
      const cells = within(row).getAllByRole('cell');
      expect(cells[1].textContent).toBe(`0x${list.descriptors[i].address.toString(16)}`);
      expect(cells[2].textContent).toBe(formatBytes(list.descriptors[i].length));
      const pages = list.descriptors[i].length / ILLUSTRATIVE_LIMITS.pageSize;
      expect(cells[3].textContent!.includes('consecutive frames, merged')).toBe(pages > 1);
    });
  });

  it('advances on Next and on the right arrow key, the NIC gathering one descriptor per step', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    const stops = transferStops(gather);
    expect(stops).toHaveLength(gather.steps.length - 1 + list.descriptors.length);
    const seen = [readout()];
    await user.click(screen.getByRole('button', {name: 'Next'}));
    seen.push(readout());
    expect(readout()).toBe(`Step 1 of ${stops.length}: sendfile() enters the kernel: mode switch to kernel.`);
    focusComponent();
    await user.keyboard('{ArrowRight}');
    seen.push(readout());
    expect(readout()).toBe(
      `Step 2 of ${stops.length}: The kernel appends ${list.descriptors.length} descriptors, (address, length) pairs for ${formatBytes(list.bytes)}, to the socket buffer. No byte is copied.`,
    );
    await user.keyboard('{ArrowRight}{ArrowRight}');
    seen.push(readout());
    const first = list.descriptors[0];
    expect(readout()).toContain(`the NIC reads descriptor 1 of ${list.descriptors.length}, ${formatBytes(first.length)} at 0x${first.address.toString(16)}`);
    for (let i = 4; i < stops.length; i++) {
      await user.keyboard('{ArrowRight}');
      seen.push(readout());
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(readout()).toMatch(new RegExp(`^Step ${stops.length} of ${stops.length}: Interrupt`));
    await user.keyboard('{Home}');
    expect(readout()).toMatch(/^Ready/);
  });

  it("counts what the model counts: 0 CPU copies, one DMA copy, one interrupt", async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    expect(counter('cpuCopies').total).toBe(formatCount(gather.summary.cpuCopies));
    expect(counter('cpuCopies').total).toBe('0');
    expect(counter('cpuBytes').total).toBe(formatBytes(gather.summary.cpuBytes));
    expect(counter('dmaCopies').total).toBe(formatCount(gather.summary.dmaCopies));
    expect(counter('descriptors').total).toBe(formatCount(gather.descriptors));
    expect(counter('interrupts').total).toBe(formatCount(gather.summary.interrupts));
    expect(counter('modeSwitches').total).toBe(formatCount(gather.summary.modeSwitches));
    expect(counter('descriptors').soFar).toBe('0');
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(counter('descriptors').soFar).toBe(formatCount(list.descriptors.length));
    focusComponent();
    await user.keyboard('{End}');
    for (const key of ['cpuCopies', 'dmaCopies', 'interrupts', 'modeSwitches']) {
      expect(counter(key).soFar).toBe(counter(key).total);
    }
  });

  it('compares block DMA and gather DMA interrupts as the model does', () => {
    render(<GatherList />);
    const irq = blockVsGatherInterrupts(frames);
    expect(document.querySelector('[data-compare-block]')!.textContent).toBe(
      `${irq.blocks} blocks of consecutive frames: ${irq.blockDmaInterrupts} interrupts`,
    );
    expect(document.querySelector('[data-compare-gather]')!.textContent).toBe(`one list: ${irq.gatherDmaInterrupts} interrupt`);
  });

  it('draws a new, reproducible layout on "New layout"', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    await user.click(screen.getByRole('button', {name: 'New layout'}));
    const next = buildDescriptorList(pageLayout(2, 8), ILLUSTRATIVE_LIMITS);
    expect(screen.getByText('Layout 2')).toBeTruthy();
    expect(readout()).toContain(`in ${next.descriptors.length} descriptors`);
    expect(within(screen.getByRole('table', {name: /The descriptor list/})).getAllByRole('row')).toHaveLength(next.descriptors.length + 1);
  });
});

describe('<GatherList> when the NIC lacks a feature', () => {
  it('brings one CPU copy back when checksum offload is turned off', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    await user.click(screen.getByRole('checkbox', {name: /Checksum offload/}));
    expect(counter('cpuCopies').total).toBe(formatCount(linear.summary.cpuCopies));
    expect(counter('cpuCopies').total).toBe('1');
    expect(counter('cpuBytes').total).toBe(formatBytes(linear.summary.cpuBytes));
    expect(counter('descriptors').total).toBe('0');
    expect(counter('interrupts').total).toBe(formatCount(linear.summary.interrupts));
    expect(readout()).toBe(
      `Ready: sendfile() sends 8 cached pages (${formatBytes(list.bytes)}). With checksum offload off, the CPU copies them into one buffer first. Press Next or the right arrow key.`,
    );
    focusComponent();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(readout()).toBe(
      `Step 2 of ${linear.steps.length}: CPU copy: the kernel copies 8 pages (${formatBytes(list.bytes)}) from the page cache into one contiguous socket buffer, because the kernel drops scatter-gather on a device without checksum offload.`,
    );
    expect(counter('cpuCopies').soFar).toBe('1');
  });

  it('takes the same copying path without scatter-gather, and the gather path again with both', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    const sg = screen.getByRole('checkbox', {name: /Scatter-gather/});
    await user.click(sg);
    expect(counter('cpuCopies').total).toBe('1');
    expect(screen.getByText(/without scatter-gather the NIC can only read one contiguous buffer/)).toBeTruthy();
    await user.click(sg);
    expect(counter('cpuCopies').total).toBe('0');
    expect(readout()).toMatch(/^Ready: .* with no CPU copy/);
  });

  it('restarts the step-through when a feature changes', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('checkbox', {name: /Checksum offload/}));
    expect(readout()).toMatch(/^Ready/);
  });
});
