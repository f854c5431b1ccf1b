import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {formatDuration} from '@site/src/model/cost';
import {
  CAT_FILE_PROGRAM,
  programCost,
  programSummary,
  programTimeline,
  type ProgramOp,
} from '@site/src/model/user-kernel';
import {formatCount} from '@site/src/model/units';
import SyscallTimeline, {AddressClassifier} from '.';

function readout(): HTMLElement {
  return document.querySelector('[data-live-readout]') as HTMLElement;
}

/** The "So far" and "Whole program" cells of a counter row. */
function counterCells(label: string): [string, string] {
  const header = screen.getByRole('rowheader', {name: label});
  const cells = within(header.closest('tr') as HTMLElement).getAllByRole('cell');
  return [cells[0].textContent ?? '', cells[1].textContent ?? ''];
}

const COUNTERS = [
  ['System calls', 'syscalls'],
  ['Mode switches', 'modeSwitches'],
  ['Context switches', 'contextSwitches'],
  ['vDSO calls', 'vdsoCalls'],
] as const;

describe('the system call timeline of cat', () => {
  const summary = programSummary(CAT_FILE_PROGRAM);
  const timeline = programTimeline(CAT_FILE_PROGRAM);

  it('honours the live-component contract the browser tests rely on', () => {
    render(<SyscallTimeline />);
    const root = document.querySelector('[data-live-component="SyscallTimeline"]') as HTMLElement;
    expect(root).not.toBeNull();
    expect(root.tabIndex).toBe(0);
    expect(root.getAttribute('data-live-keys')).toBe('ArrowRight');
    expect(root.querySelector('[data-live-click]')?.textContent).toBe('Next');
    expect(readout().getAttribute('aria-live')).toBe('polite');
  });

  it('starts ready, with nothing counted yet and the whole program totalled', () => {
    render(<SyscallTimeline />);
    expect(readout().textContent).toBe(
      `Ready: ${CAT_FILE_PROGRAM.length} operations, ${timeline.length} events. The task starts in user mode. Press Next or the right arrow key.`,
    );
    for (const [label, key] of COUNTERS) {
      expect(counterCells(label)).toEqual(['0', formatCount(summary[key])]);
    }
  });

  it('steps with the Next button: the first clock_gettime goes through the vDSO, open() traps into the kernel', async () => {
    const user = userEvent.setup();
    render(<SyscallTimeline />);
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout().textContent).toBe(
      `Step 1 of ${timeline.length}: clock_gettime() runs in the vDSO, inside the process: no switch of any kind. The task is in user mode.`,
    );
    expect(counterCells('vDSO calls')[0]).toBe('1');
    expect(counterCells('Mode switches')[0]).toBe('0');
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout().textContent).toBe(
      `Step 2 of ${timeline.length}: open() traps into the kernel: mode switch, user to kernel. The task is in kernel mode.`,
    );
    expect(counterCells('System calls')[0]).toBe('1');
    expect(counterCells('Mode switches')[0]).toBe('1');
  });

  it('steps with the right arrow key, and every step changes the readout', async () => {
    const user = userEvent.setup();
    render(<SyscallTimeline />);
    const root = document.querySelector('[data-live-component]') as HTMLElement;
    root.focus();
    const seen = [readout().textContent];
    for (let i = 0; i < timeline.length; i++) {
      await user.keyboard('{ArrowRight}');
      seen.push(readout().textContent);
      expect(seen.at(-1)).not.toBe(seen.at(-2));
    }
    expect(readout().textContent).toMatch(new RegExp(`^Step ${timeline.length} of ${timeline.length}: clock_gettime\\(\\) runs in the vDSO`));
  });

  it("shows the blocking read()'s two context switches, with the task asleep in between", async () => {
    const user = userEvent.setup();
    render(<SyscallTimeline />);
    const sleepAt = timeline.findIndex((entry) => entry.event.kind === 'context-switch');
    for (let i = 0; i <= sleepAt; i++) await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout().textContent).toContain('the task sleeps and the scheduler runs another task (context switch)');
    expect(counterCells('Context switches')[0]).toBe('1');
    await user.click(screen.getByRole('button', {name: 'Next'}));
    expect(readout().textContent).toContain('switches back to this task, still inside read()');
    expect(counterCells('Context switches')[0]).toBe('2');
  });

  it("ends (End key) with the model's programSummary and programCost", async () => {
    const user = userEvent.setup();
    render(<SyscallTimeline />);
    (document.querySelector('[data-live-component]') as HTMLElement).focus();
    await user.keyboard('{End}');
    for (const [label, key] of COUNTERS) {
      expect(counterCells(label)).toEqual([formatCount(summary[key]), formatCount(summary[key])]);
    }
    const cost = formatDuration(programCost(summary).totalNs);
    expect(counterCells('Estimated cost of the crossings')).toEqual([cost, cost]);
    expect(screen.getByRole('button', {name: 'Next'})).toHaveProperty('disabled', true);
    await user.keyboard('{Home}');
    expect(readout().textContent).toMatch(/^Ready/);
  });

  it('counts another program the same way the model does', async () => {
    const program: ProgramOp[] = [
      {kind: 'syscall', name: 'getppid'},
      {kind: 'user-work', ns: 500},
      {kind: 'syscall', name: 'read', blocks: true},
    ];
    const user = userEvent.setup();
    render(<SyscallTimeline program={program} title="getppid, work, read" />);
    (document.querySelector('[data-live-component]') as HTMLElement).focus();
    await user.keyboard('{End}');
    const expected = programSummary(program);
    for (const [label, key] of COUNTERS) expect(counterCells(label)[0]).toBe(formatCount(expected[key]));
    expect(counterCells('Estimated cost of the crossings')[0]).toBe(formatDuration(programCost(expected).totalNs));
  });
});

describe('the address classifier', () => {
  async function classify(text: string, pagingLevels?: 4 | 5): Promise<string> {
    const user = userEvent.setup();
    render(<AddressClassifier pagingLevels={pagingLevels} />);
    const input = screen.getByLabelText('Virtual address (hexadecimal)');
    await user.clear(input);
    if (text !== '') await user.type(input, text);
    return document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
  }

  it('puts the top of the lower half in user space', async () => {
    expect(await classify('0x7fff_ffff_ffff')).toBe(
      '0x0000_7fff_ffff_ffff is in user space: the lower canonical half, private to each process.',
    );
  });

  it('puts 0xffff_8000_0000_0000 in kernel space', async () => {
    expect(await classify('ffff800000000000')).toMatch(/^0xffff_8000_0000_0000 is in kernel space/);
  });

  it('finds the non-canonical hole between them', async () => {
    expect(await classify('0x0000_8000_0000_0000')).toMatch(/is in the non-canonical hole: its top bits are not all copies of bit 47/);
  });

  it('knows that 0x0000_8000_0000_0000 is user space with 5-level paging', async () => {
    expect(await classify('0x0000_8000_0000_0000', 5)).toMatch(/is in user space/);
  });

  it('says what is wrong with input that is not an address', async () => {
    expect(await classify('hello')).toBe(
      'An address is written in hexadecimal digits (0-9, a-f), optionally after 0x and grouped with _; got "hello".',
    );
    expect(screen.getByLabelText('Virtual address (hexadecimal)').getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses more than 64 bits and negative numbers', async () => {
    expect(await classify('0x1_0000_0000_0000_0000')).toBe('A 64-bit address has at most 16 hexadecimal digits; got 17.');
    render(<AddressClassifier initialAddress="-1" />);
    expect(screen.getAllByText('Addresses are unsigned: write -1 as 0xffff_ffff_ffff_ffff.')).toHaveLength(1);
  });

  it('asks for an address when the field is empty', async () => {
    expect(await classify('')).toBe('Type an address in hexadecimal, such as 0x7ffd_1234_5678.');
  });
});
