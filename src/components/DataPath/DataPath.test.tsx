import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DataPath from './index';
import {readWriteSummary} from '@site/src/model/read-write';
import {sendfileSummary} from '@site/src/model/sendfile';
import {GiB, KiB, formatBytes, formatCount} from '@site/src/model/units';

const readout = (container: HTMLElement) => container.querySelector('[data-live-readout]')!.textContent ?? '';

function totalsColumn(container: HTMLElement): Record<string, string> {
  const rows = within(container.querySelector('table')!).getAllByRole('row').slice(1);
  return Object.fromEntries(rows.map((row) => [row.querySelector('th')!.textContent, row.querySelectorAll('td')[1].textContent]));
}

describe('<DataPath> for read()+write()', () => {
  it('starts ready, and steps with the Next button and the arrow keys', async () => {
    const user = userEvent.setup();
    const {container} = render(<DataPath fileSize={10_000} bufferSize={4 * KiB} />);
    expect(readout(container)).toMatch(/^Ready: 30 steps for the first 3 of 3 chunks/);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout(container)).toBe('Step 1 of 30, chunk 1 of 3: read(): mode switch, user to kernel.');
    container.querySelector<HTMLElement>('[data-live-component]')!.focus();
    await user.keyboard('{ArrowRight}');
    expect(readout(container)).toBe('Step 2 of 30, chunk 1 of 3: DMA copy: 4 KiB, disk to page cache.');
    await user.keyboard('{End}');
    expect(readout(container)).toMatch(/^Step 30 of 30, chunk 3 of 3: Interrupt/);
    await user.keyboard('{Home}');
    expect(readout(container)).toMatch(/^Ready/);
  });

  it('shows the model\'s totals for a 1 GiB file, with the unlisted chunks counted', () => {
    const {container} = render(<DataPath fileSize={GiB} bufferSize={4 * KiB} />);
    const model = readWriteSummary(GiB, 4 * KiB);
    const totals = totalsColumn(container);
    expect(totals['System calls']).toBe(formatCount(model.syscalls));
    expect(totals['Mode switches']).toBe(formatCount(model.modeSwitches));
    expect(totals['Bytes copied by the CPU']).toBe(formatBytes(model.cpuBytes));
    expect(screen.getByText(/and 262,141 more chunks/)).toBeTruthy();
  });

  it('drops the disk from every chunk when the cache is warm', async () => {
    const user = userEvent.setup();
    const {container} = render(<DataPath fileSize={8 * KiB} bufferSize={4 * KiB} />);
    await user.click(screen.getByLabelText('warm (already cached)'));
    expect(totalsColumn(container)['DMA copies']).toBe('2');
    expect(readout(container)).toMatch(/^Ready: 16 steps/);
  });

  it('explains bad sizes and keeps the last valid transfer', async () => {
    const user = userEvent.setup();
    const {container} = render(<DataPath fileSize={8 * KiB} bufferSize={4 * KiB} />);
    const file = screen.getByLabelText('File size');
    await user.clear(file);
    await user.type(file, 'abc');
    expect(screen.getByRole('alert').textContent).toBe('File size must be a number; got "abc".');
    // JavaScript's Number() would read these as 16, 3 and Infinity. Pasted, so that no
    // valid prefix ("0") is ever in the field.
    for (const typed of ['0x10', '0b11', 'Infinity']) {
      await user.clear(file);
      await user.paste(typed);
      expect(screen.getByRole('alert').textContent).toBe(`File size must be a number; got "${typed}".`);
    }
    await user.clear(file);
    await user.type(file, '-5');
    expect(screen.getByRole('alert').textContent).toBe('File size cannot be negative; got -5 KiB.');
    expect(totalsColumn(container)['System calls']).toBe('4');
    const buffer = screen.getByLabelText('Buffer size');
    await user.clear(buffer);
    await user.type(buffer, '0');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Buffer size must be at least 1 byte.');
  });

  it('says so for an empty file', async () => {
    const {container} = render(<DataPath fileSize={0} bufferSize={4 * KiB} />);
    expect(readout(container)).toBe('An empty file: the loop makes no calls and copies nothing.');
  });
});

describe('<DataPath> for sendfile()', () => {
  const cpuCopiesTotal = (container: HTMLElement) => totalsColumn(container)['CPU copies'];

  it('has no buffer field, because sendfile() has no user buffer', () => {
    render(<DataPath method="sendfile" fileSize={4 * KiB} />);
    expect(screen.queryByLabelText('Buffer size')).toBeNull();
    expect(screen.getByLabelText('File size')).toBeTruthy();
    expect(screen.getByText(/in 1 call\(s\) of at most 2,147,479,552 bytes, no user buffer/)).toBeTruthy();
  });

  it('copies without scatter-gather, reads for the checksum with scatter-gather alone, and does neither with both', async () => {
    const user = userEvent.setup();
    const {container} = render(<DataPath method="sendfile" fileSize={4 * KiB} />);
    expect(cpuCopiesTotal(container)).toBe('1');
    expect(totalsColumn(container)['Mode switches']).toBe('2');
    expect(totalsColumn(container)['Bytes read by the CPU for checksums']).toBe('0 bytes');
    await user.click(screen.getByLabelText('scatter-gather'));
    expect(cpuCopiesTotal(container)).toBe('0');
    expect(totalsColumn(container)['Bytes read by the CPU for checksums']).toBe('4 KiB');
    expect(screen.getByText(/copies nothing, but the CPU reads every byte to compute the checksum/)).toBeTruthy();
    await user.click(screen.getByLabelText('checksum offload'));
    expect(cpuCopiesTotal(container)).toBe('0');
    expect(totalsColumn(container)['Bytes read by the CPU for checksums']).toBe('0 bytes');
    expect(totalsColumn(container)['Bytes copied by the CPU']).toBe('0 bytes');
    expect(screen.getByText(/1 descriptor\(s\) for 4 KiB appended to the socket buffer; no bytes copied/)).toBeTruthy();
    await user.click(screen.getByLabelText('scatter-gather'));
    expect(cpuCopiesTotal(container)).toBe('1');
  });

  it('counts one CPU copy per call for a file that needs two calls', async () => {
    const user = userEvent.setup();
    const {container} = render(<DataPath method="sendfile" fileSize={3 * GiB} />);
    const model = sendfileSummary(3 * GiB);
    expect(model.syscalls).toBe(2);
    expect(cpuCopiesTotal(container)).toBe('2');
    expect(totalsColumn(container)['System calls']).toBe('2');
    await user.click(screen.getByLabelText('scatter-gather'));
    await user.click(screen.getByLabelText('checksum offload'));
    expect(cpuCopiesTotal(container)).toBe(formatCount(sendfileSummary(3 * GiB, {nic: {scatterGather: true, checksumOffload: true}}).cpuCopies));
    expect(cpuCopiesTotal(container)).toBe('0');
  });

  it('steps through one call: enter, disk DMA, interrupt, CPU copy in the kernel, return', async () => {
    const user = userEvent.setup();
    const {container} = render(<DataPath method="sendfile" fileSize={4 * KiB} />);
    expect(readout(container)).toMatch(/^Ready: 7 steps for the first 1 of 1 chunks/);
    const next = screen.getByRole('button', {name: 'Next'});
    await user.click(next);
    expect(readout(container)).toBe('Step 1 of 7, chunk 1 of 1: sendfile(): mode switch, user to kernel.');
    await user.click(next);
    await user.click(next);
    await user.click(next);
    expect(readout(container)).toBe('Step 4 of 7, chunk 1 of 1: CPU copy: 4 KiB, page cache to socket buffer.');
  });

  it('starts with the NIC features a page passes in', () => {
    const {container} = render(<DataPath method="sendfile" fileSize={4 * KiB} pageCache="hit" nic={{scatterGather: true, checksumOffload: true}} />);
    expect(cpuCopiesTotal(container)).toBe('0');
    expect((screen.getByLabelText('checksum offload') as HTMLInputElement).checked).toBe(true);
    expect(readout(container)).toMatch(/^Ready: 5 steps/);
  });

  it('shows no NIC features for read()+write()', () => {
    render(<DataPath fileSize={4 * KiB} bufferSize={4 * KiB} />);
    expect(screen.queryByLabelText('scatter-gather')).toBeNull();
    expect(screen.getByLabelText('Buffer size')).toBeTruthy();
  });
});
