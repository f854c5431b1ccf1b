import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import MethodCompare, {PRESET_SIZES, stepPreset} from './index';
import {estimateCost, formatDuration} from '@site/src/model/cost';
import {readWriteSummary} from '@site/src/model/read-write';
import {sendfileSummary} from '@site/src/model/sendfile';
import {GiB, KiB, MiB, formatBytes, formatCount} from '@site/src/model/units';

const readout = (container: HTMLElement) => container.querySelector('[data-live-readout]')!.textContent ?? '';

/** The table as {row label: [read()+write(), sendfile(), difference]}. */
function table(container: HTMLElement): Record<string, string[]> {
  const rows = within(container.querySelector('table')!).getAllByRole('row').slice(1);
  return Object.fromEntries(
    rows.map((row) => [row.querySelector('th')!.textContent, [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')]),
  );
}

describe('<MethodCompare>: read()+write() beside sendfile()', () => {
  it('keeps the live-component contract: a focusable root, a clickable button and a polite readout', () => {
    const {container} = render(<MethodCompare />);
    const root = container.querySelector<HTMLElement>('[data-live-component="MethodCompare"]')!;
    expect(root.tabIndex).toBe(0);
    expect(root.getAttribute('data-live-keys')).toBe('ArrowRight');
    expect(root.querySelector('button[data-live-click]')).not.toBeNull();
    expect(root.querySelector('[data-live-readout]')!.getAttribute('aria-live')).toBe('polite');
  });

  it("shows the model's counts for a 1 GiB file on a cold cache, with the differences", () => {
    const {container} = render(<MethodCompare fileSize={GiB} bufferSize={4 * KiB} />);
    const readWrite = readWriteSummary(GiB, 4 * KiB);
    const sendfile = sendfileSummary(GiB);
    const rows = table(container);
    expect(rows['CPU copies']).toEqual([formatCount(readWrite.cpuCopies), '1', `\u2212${formatCount(readWrite.cpuCopies - 1)}`]);
    expect(rows['Bytes copied by the CPU']).toEqual(['2 GiB', '1 GiB', '\u22121 GiB']);
    expect(rows['System calls']).toEqual([formatCount(readWrite.syscalls), '1', `\u2212${formatCount(readWrite.syscalls - 1)}`]);
    expect(rows['Mode switches'][1]).toBe(formatCount(sendfile.modeSwitches));
    expect(rows['Estimated CPU time']).toEqual([
      formatDuration(estimateCost(readWrite).cpuNs),
      formatDuration(estimateCost(sendfile).cpuNs),
      `\u2212${formatDuration(estimateCost(readWrite).cpuNs - estimateCost(sendfile).cpuNs)}`,
    ]);
    expect(readout(container)).toBe(
      `1 GiB, cold cache, a NIC without scatter-gather. sendfile() against read()+write(): 1 against 524,288 system calls, 1 against 524,288 CPU copies, 1 GiB against 2 GiB copied by the CPU, and an estimated ${formatDuration(estimateCost(sendfile).cpuNs)} against ${formatDuration(estimateCost(readWrite).cpuNs)} of CPU time.`,
    );
  });

  it('marks each difference as fewer, more or the same', () => {
    const {container} = render(<MethodCompare fileSize={4 * KiB} bufferSize={4 * KiB} />);
    const rows = table(container);
    expect(rows['DMA copies']).toEqual(['2', '2', 'same']);
    expect(rows['Interrupts']).toEqual(['2', '2', 'same']);
    expect(rows['CPU copies'][2]).toBe('\u22121');
    expect(container.querySelector('tr[data-row="cpuCopies"] td:last-child')!.className).toMatch(/fewer/);
    expect(container.querySelector('tr[data-row="dmaCopies"] td:last-child')!.className).toMatch(/same/);
  });

  it('states the per-chunk difference: one CPU copy and two mode switches fewer per chunk', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodCompare fileSize={MiB} bufferSize={64 * KiB} />);
    const perChunk = () => container.querySelector('p[class*="perChunk"]')!.textContent;
    expect(perChunk()).toContain('Per 64 KiB chunk');
    expect(perChunk()).toContain('CPU copies \u22121');
    expect(perChunk()).toContain('mode switches \u22122');
    expect(perChunk()).toContain('system calls \u22121');
    await user.click(screen.getByLabelText('scatter-gather'));
    await user.click(screen.getByLabelText('checksum offload'));
    expect(perChunk()).toContain('CPU copies \u22122');
  });

  it('drops the CPU copy with scatter-gather, and the checksum pass only with checksum offload too', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodCompare fileSize={3 * GiB} bufferSize={4 * KiB} />);
    const sendfileCopies = () => table(container)['CPU copies'][1];
    expect(sendfileCopies()).toBe('2');
    await user.click(screen.getByLabelText('scatter-gather'));
    expect(sendfileCopies()).toBe('0');
    expect(table(container)['Bytes read by the CPU for checksums'][1]).toBe('3 GiB');
    expect(readout(container)).toContain('reads every byte for the checksum');
    await user.click(screen.getByLabelText('checksum offload'));
    expect(sendfileCopies()).toBe('0');
    expect(table(container)['Bytes copied by the CPU'][1]).toBe('0 bytes');
    expect(table(container)['Bytes read by the CPU for checksums'][1]).toBe('0 bytes');
    expect(readout(container)).toContain('a NIC with scatter-gather and checksum offload');
  });

  it('steps through the preset sizes with the Next size button and the arrow keys', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodCompare fileSize={4 * KiB} />);
    expect(readout(container)).toMatch(/^4 KiB,/);
    await user.click(screen.getByRole('button', {name: 'Next size'}));
    expect(readout(container)).toMatch(/^1 MiB,/);
    container.querySelector<HTMLElement>('[data-live-component]')!.focus();
    await user.keyboard('{ArrowRight}');
    expect(readout(container)).toMatch(/^1 GiB,/);
    await user.keyboard('{ArrowRight}');
    expect(readout(container)).toMatch(/^3 GiB,/);
    expect(table(container)['System calls'][1]).toBe('2');
    await user.keyboard('{ArrowRight}');
    expect(readout(container)).toMatch(/^4 KiB,/);
    await user.keyboard('{ArrowLeft}');
    expect(readout(container)).toMatch(/^3 GiB,/);
    expect((screen.getByLabelText('File size') as HTMLInputElement).value).toBe('3');
  });

  it('leaves arrow keys typed in the size field to the field', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodCompare fileSize={MiB} />);
    await user.click(screen.getByLabelText('File size'));
    await user.keyboard('{ArrowRight}');
    expect(readout(container)).toMatch(/^1 MiB,/);
  });

  it('explains a bad size and keeps comparing the last valid one', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodCompare fileSize={MiB} />);
    const field = screen.getByLabelText('File size');
    await user.clear(field);
    await user.type(field, 'lots');
    expect(screen.getByRole('alert').textContent).toBe('File size must be a number; got "lots".');
    expect(readout(container)).toMatch(/^1 MiB,/);
    await user.clear(field);
    await user.type(field, '0');
    expect(screen.getByRole('alert').textContent).toBe('File size must be at least 1 byte: an empty file sends nothing to compare.');
    await user.clear(field);
    await user.type(field, '5');
    await user.selectOptions(screen.getByLabelText('File size: unit'), 'GiB');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(table(container)['System calls'][1]).toBe(formatCount(sendfileSummary(5 * GiB).syscalls));
    // From a size that is not a preset, Next goes to the next bigger preset, wrapping round.
    await user.click(screen.getByRole('button', {name: 'Next size'}));
    expect(readout(container)).toMatch(/^4 KiB,/);
  });

  it('drops the disk DMA for both methods on a warm cache', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodCompare fileSize={8 * KiB} bufferSize={4 * KiB} />);
    await user.click(screen.getByLabelText('warm (already cached)'));
    expect(table(container)['DMA copies']).toEqual(['2', '1', '\u22121']);
    expect(readout(container)).toContain('warm cache');
  });
});

describe('stepPreset', () => {
  it('cycles through the presets in both directions', () => {
    expect(PRESET_SIZES.map((size) => formatBytes(stepPreset(size, 1)))).toEqual(['1 MiB', '1 GiB', '3 GiB', '4 KiB']);
    expect(stepPreset(4 * KiB, -1)).toBe(3 * GiB);
  });

  it('goes from any other size to the nearest preset in that direction', () => {
    expect(stepPreset(10 * MiB, 1)).toBe(GiB);
    expect(stepPreset(10 * MiB, -1)).toBe(MiB);
    expect(stepPreset(100, -1)).toBe(3 * GiB);
    expect(stepPreset(5 * GiB, 1)).toBe(4 * KiB);
  });
});
