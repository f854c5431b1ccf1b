import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DEFAULT_FRAGMENT_OPTIONS,
  blockVsRingInterrupts,
  buildFragmentList,
  sgTransfer,
  type NicFeatures,
} from '@site/src/model/scatter-gather';
import {formatBytes, formatCount} from '@site/src/model/units';
import GatherList from './index';
import {FIRST_FRAME, MEMORY_FRAMES, pageLayout} from './layout';
import {transferStops} from './stops';

const BOTH: NicFeatures = {scatterGather: true, checksumOffload: true};
const NO_CHECKSUM: NicFeatures = {scatterGather: true, checksumOffload: false};

// The component's default case: 8 pages laid out by seed 1, 4 KiB pages, MAX_SKB_FRAGS 17.
const frames = pageLayout(1, 8);
const list = buildFragmentList(frames, DEFAULT_FRAGMENT_OPTIONS);
const gather = sgTransfer(list.bytes, list.descriptors, BOTH);
const checksum = sgTransfer(list.bytes, list.descriptors, NO_CHECKSUM);
const copy = sgTransfer(list.bytes, list.descriptors, {scatterGather: false, checksumOffload: true});

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

  it('put every page in its own frame, inside the memory drawn, with some frames consecutive (which still do not merge)', () => {
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
  it('starts ready, naming the pages and the fragments', () => {
    render(<GatherList />);
    expect(readout()).toBe(
      `Ready: sendfile() sends 8 cached pages (${formatBytes(list.bytes)}) as 8 fragments, one descriptor each; the CPU neither copies nor reads the bytes. Press Next or the right arrow key.`,
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

  it('shows one fragment and one descriptor per page, at its DMA address, never merging consecutive frames', () => {
    render(<GatherList />);
    const table = screen.getByRole('table', {name: /The fragments and their descriptors/});
    const rows = within(table).getAllByRole('row').slice(1);
    expect(frames.some((frame, i) => frames[i + 1] === frame + 1)).toBe(true);
    expect(rows).toHaveLength(8);
    rows.forEach((row, i) => {
      const cells = within(row).getAllByRole('cell');
      expect(cells[1].textContent).toBe(`0x${list.fragments[i].dmaAddress.toString(16)}`);
      expect(cells[1].textContent).toBe(`0x${(frames[i] * 4096).toString(16)}`);
      expect(cells[2].textContent).toBe(formatBytes(list.fragments[i].length));
      expect(cells[3].textContent).toBe(`P${i}`);
    });
    expect(document.body.textContent).not.toMatch(/merged/);
    expect(screen.getByText(/behind an IOMMU the driver gets I\/O virtual addresses/)).toBeTruthy();
  });

  it('advances on Next and on the right arrow key, the NIC gathering one descriptor per step', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    const stops = transferStops(gather);
    expect(stops).toHaveLength(gather.steps.length - 1 + list.descriptors);
    const seen = [readout()];
    await user.click(screen.getByRole('button', {name: 'Next'}));
    seen.push(readout());
    expect(readout()).toBe(`Step 1 of ${stops.length}: sendfile() enters the kernel: mode switch to kernel.`);
    focusComponent();
    await user.keyboard('{ArrowRight}');
    seen.push(readout());
    expect(readout()).toBe(
      `Step 2 of ${stops.length}: The kernel appends 8 page references (skb fragments: page, offset, length) for ${formatBytes(list.bytes)} to the socket buffer. No byte is copied.`,
    );
    await user.keyboard('{ArrowRight}{ArrowRight}');
    seen.push(readout());
    const first = list.fragments[0];
    expect(readout()).toContain(`the NIC reads descriptor 1 of 8, ${formatBytes(first.length)} at DMA address 0x${first.dmaAddress.toString(16)} (page P0)`);
    for (let i = 4; i < stops.length; i++) {
      await user.keyboard('{ArrowRight}');
      seen.push(readout());
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(readout()).toMatch(new RegExp(`^Step ${stops.length} of ${stops.length}: Interrupt`));
    expect(readout()).not.toMatch(/whole list/);
    await user.keyboard('{Home}');
    expect(readout()).toMatch(/^Ready/);
  });

  it('counts what the model counts: 0 CPU copies, 0 bytes read by the CPU, one DMA copy', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    expect(counter('cpuCopies').total).toBe(formatCount(gather.summary.cpuCopies));
    expect(counter('cpuCopies').total).toBe('0');
    expect(counter('cpuBytes').total).toBe(formatBytes(gather.summary.cpuBytes));
    expect(counter('cpuPassBytes').total).toBe(formatBytes(0));
    expect(counter('dmaCopies').total).toBe(formatCount(gather.summary.dmaCopies));
    expect(counter('descriptors').total).toBe(formatCount(gather.descriptors));
    expect(counter('interrupts').total).toBe(formatCount(gather.summary.interrupts));
    expect(counter('modeSwitches').total).toBe(formatCount(gather.summary.modeSwitches));
    expect(counter('descriptors').soFar).toBe('0');
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(counter('descriptors').soFar).toBe(formatCount(list.descriptors));
    focusComponent();
    await user.keyboard('{End}');
    for (const key of ['cpuCopies', 'dmaCopies', 'interrupts', 'modeSwitches']) {
      expect(counter(key).soFar).toBe(counter(key).total);
    }
  });

  it('compares historical block DMA with a descriptor ring as the model does, with no "one interrupt per list"', () => {
    render(<GatherList />);
    const irq = blockVsRingInterrupts(frames);
    expect(document.querySelector('[data-compare-block]')!.textContent).toBe(
      `${irq.blocks} blocks of consecutive frames: ${irq.blockDmaInterrupts} transfers, ${irq.blockDmaInterrupts} interrupts`,
    );
    expect(document.querySelector('[data-compare-ring]')!.textContent).toBe(
      `${irq.descriptors} descriptors on the ring, ${irq.completions} skb completed: ${irq.ringInterrupts} interrupt without coalescing; with coalescing (ethtool -C) and NAPI polling, one interrupt covers many completions`,
    );
    expect(document.body.textContent).not.toMatch(/one list/);
  });

  it('draws a new, reproducible layout on "New layout"', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    await user.click(screen.getByRole('button', {name: 'New layout'}));
    const next = buildFragmentList(pageLayout(2, 8), DEFAULT_FRAGMENT_OPTIONS);
    expect(screen.getByText('Layout 2')).toBeTruthy();
    const rows = within(screen.getByRole('table', {name: /The fragments and their descriptors/})).getAllByRole('row').slice(1);
    expect(within(rows[0]).getAllByRole('cell')[1].textContent).toBe(`0x${next.fragments[0].dmaAddress.toString(16)}`);
  });

  it('reports fragments beyond MAX_SKB_FRAGS as more skbs, not as an error', () => {
    render(<GatherList maxFrags={3} />);
    expect(screen.getByText('8 fragments are more than the 3 one skb holds: the kernel spreads them over 3 skbs.')).toBeTruthy();
  });
});

describe('<GatherList> when the NIC lacks a feature', () => {
  it('keeps the gather path but adds one CPU pass, not a copy, when checksum offload is turned off', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    await user.click(screen.getByRole('checkbox', {name: /Checksum offload/}));
    expect(counter('cpuCopies').total).toBe(formatCount(checksum.summary.cpuCopies));
    expect(counter('cpuCopies').total).toBe('0');
    expect(counter('cpuPassBytes').total).toBe(formatBytes(checksum.summary.cpuPassBytes));
    expect(counter('cpuPassBytes').total).toBe(formatBytes(list.bytes));
    expect(counter('descriptors').total).toBe(formatCount(list.descriptors));
    expect(screen.getByText(/on Linux 4\.17 and later the NIC still gathers/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/drops scatter-gather/);
    focusComponent();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(readout()).toBe(
      `Step 3 of ${transferStops(checksum).length}: CPU pass: the NIC cannot compute the checksum, so the CPU reads all ${formatBytes(list.bytes)} in the page cache to compute it (skb_checksum_help()). Nothing is copied.`,
    );
    expect(counter('cpuCopies').soFar).toBe('0');
  });

  it('brings one CPU copy back without scatter-gather, and the gather path again with both', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    const sg = screen.getByRole('checkbox', {name: /Scatter-gather/});
    await user.click(sg);
    expect(counter('cpuCopies').total).toBe(formatCount(copy.summary.cpuCopies));
    expect(counter('cpuCopies').total).toBe('1');
    expect(counter('cpuBytes').total).toBe(formatBytes(list.bytes));
    expect(counter('descriptors').total).toBe('0');
    expect(screen.getByText(/With scatter-gather off, the NIC can only read linear buffers: the CPU copies the pages into them at transmit\. 1 CPU copy\./)).toBeTruthy();
    focusComponent();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(readout()).toBe(
      `Step 2 of ${copy.steps.length}: CPU copy: the kernel copies 8 pages (${formatBytes(list.bytes)}) from the page cache into linear socket buffers, because without scatter-gather the NIC can only read linear buffers.`,
    );
    await user.click(sg);
    expect(counter('cpuCopies').total).toBe('0');
    expect(readout()).toMatch(/^Ready: .* the CPU neither copies nor reads the bytes/);
  });

  it('restarts the step-through when a feature changes', async () => {
    const user = userEvent.setup();
    render(<GatherList />);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    await user.click(screen.getByRole('checkbox', {name: /Checksum offload/}));
    expect(readout()).toMatch(/^Ready/);
  });
});
