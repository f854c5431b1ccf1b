import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CostChart from './index';
import {CHART_FILE_SIZES, METHOD_VARIANTS, costCurve} from '@site/src/model/compare';
import {DEFAULT_HARDWARE, formatDuration} from '@site/src/model/cost';
import {KiB} from '@site/src/model/units';

const readout = (c: HTMLElement) => c.querySelector('[data-live-readout]')!.textContent ?? '';

describe('<CostChart>', () => {
  it('reads out the model\'s estimate for every method at the cursor, and moves with keys', async () => {
    const user = userEvent.setup();
    const {container} = render(<CostChart bufferSize={64 * KiB} pageCache="hit" />);
    const at = (index: number) =>
      METHOD_VARIANTS.map((v) => formatDuration(costCurve(v, CHART_FILE_SIZES, {bufferSize: 64 * KiB, pageCache: 'hit'}, DEFAULT_HARDWARE)[index].cpuNs));
    expect(readout(container)).toContain(at(6)[0]);
    container.querySelector<HTMLElement>('[data-live-component]')!.focus();
    await user.keyboard('{ArrowRight}');
    for (const value of at(7)) expect(readout(container)).toContain(value);
    await user.click(screen.getByRole('button', {name: 'Larger file'}));
    expect(readout(container)).toContain(at(8)[0]);
  });

  it('recomputes when a hardware parameter changes, and rejects nonsense', async () => {
    const user = userEvent.setup();
    const {container} = render(<CostChart />);
    const before = readout(container);
    const field = screen.getByLabelText('Mode switch (ns)');
    await user.clear(field);
    await user.type(field, '1000');
    expect(readout(container)).not.toBe(before);
    const changed = readout(container);
    await user.clear(field);
    await user.type(field, '-1');
    expect(screen.getByRole('alert').textContent).toBe('Mode switch (ns) must be a positive number; got "-1".');
    expect(readout(container)).toBe(changed);
  });

  it('prices the kernel\'s per-page work, which even the zero-copy curve pays', async () => {
    const user = userEvent.setup();
    const {container} = render(<CostChart bufferSize={64 * KiB} pageCache="hit" />);
    const zeroCopy = METHOD_VARIANTS.find((v) => v.id === 'sendfile-sg')!;
    const estimate = (perPageKernelNs: number) =>
      formatDuration(
        costCurve(zeroCopy, CHART_FILE_SIZES, {bufferSize: 64 * KiB, pageCache: 'hit'}, {...DEFAULT_HARDWARE, perPageKernelNs})[6].cpuNs,
      );
    expect(readout(container)).toContain(`${estimate(DEFAULT_HARDWARE.perPageKernelNs)}`);
    const field = screen.getByLabelText('Kernel work per page sent (ns)');
    await user.clear(field);
    await user.type(field, '2000');
    expect(readout(container)).toContain(estimate(2000));
    expect(estimate(2000)).not.toBe(estimate(DEFAULT_HARDWARE.perPageKernelNs));
  });
});
