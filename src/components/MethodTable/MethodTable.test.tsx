import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import MethodTable from './index';
import {compareMethods} from '@site/src/model/compare';
import {formatDuration} from '@site/src/model/cost';
import {GiB, KiB, formatCount} from '@site/src/model/units';

const readout = (c: HTMLElement) => c.querySelector('[data-live-readout]')!.textContent ?? '';

function cells(container: HTMLElement, label: string): string[] {
  const row = within(container.querySelector('table')!).getByText(label).closest('tr')!;
  return [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
}

describe('<MethodTable>', () => {
  it('shows every method with the model\'s numbers', () => {
    const {container} = render(<MethodTable fileSize={GiB} bufferSize={64 * KiB} pageCache="hit" />);
    const rows = compareMethods({fileSize: GiB, bufferSize: 64 * KiB, pageCache: 'hit'});
    for (const row of rows) {
      const shown = cells(container, row.variant.label);
      expect(shown[0]).toBe(formatCount(row.summary.cpuCopies));
      expect(shown[3]).toBe(formatCount(row.summary.modeSwitches));
      expect(shown.at(-1)).toBe(formatDuration(row.cost.cpuNs));
    }
    expect(readout(container)).toMatch(/^1 GiB, warm cache: sendfile\(\) \+ scatter-gather costs the CPU least/);
  });

  it('moves through preset file sizes with the button and the arrow keys', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodTable fileSize={4 * KiB} />);
    await user.click(screen.getByRole('button', {name: 'Next file size'}));
    expect(readout(container)).toMatch(/^1 MiB/);
    container.querySelector<HTMLElement>('[data-live-component]')!.focus();
    await user.keyboard('{ArrowRight}');
    expect(readout(container)).toMatch(/^1 GiB/);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(readout(container)).toMatch(/^4 KiB/);
  });

  it('explains a bad buffer size and keeps the last valid table', async () => {
    const user = userEvent.setup();
    const {container} = render(<MethodTable fileSize={GiB} bufferSize={64 * KiB} />);
    const before = cells(container, 'read() + write()');
    const field = screen.getByLabelText('Buffer size', {exact: true});
    await user.clear(field);
    await user.type(field, 'x');
    expect(screen.getByRole('alert').textContent).toBe('Buffer size must be a number; got "x".');
    expect(cells(container, 'read() + write()')).toEqual(before);
  });
});
