import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from '@testing-library/react';
import {methodOverview} from '@site/src/model/overview';
import {GiB, KiB, formatCount} from '@site/src/model/units';
import MethodOverview from './index';

describe('<MethodOverview>', () => {
  it('shows every method of the model, with its counts and what must hold', () => {
    const input = {fileBytes: GiB, bufferBytes: 64 * KiB, pageCache: 'hit' as const};
    const {container} = render(<MethodOverview {...input} />);
    const rows = methodOverview(input);
    expect(container.querySelectorAll('[data-overview-row]')).toHaveLength(rows.length);
    for (const row of rows) {
      const cells = [...container.querySelector(`[data-overview-row="${row.method}"]`)!.querySelectorAll('td')].map((td) => td.textContent);
      expect(cells[0]).toBe(row.since ?? 'always');
      if (row.summary === null) expect(cells[1]).toBe('batched');
      else expect(cells.slice(1, 5)).toEqual([row.summary.syscalls, row.summary.modeSwitches, row.summary.dmaCopies, row.summary.cpuCopies].map(formatCount));
    }
    const splice = container.querySelector('[data-overview-row="splice"]')!;
    expect(splice.textContent).toContain('one end of each call is a pipe');
    expect(container.querySelector('[data-overview-row="msg-zerocopy"]')!.textContent).toContain('data in user memory');
  });
});
