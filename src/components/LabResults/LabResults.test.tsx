import React from 'react';
import {describe, expect, it} from 'vitest';
import {act, fireEvent, render, screen, waitFor} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CostChart from '@site/src/components/CostChart';
import {LAB_STORAGE_KEY} from '@site/src/components/shared/labStorage';
import {MachineProvider} from '@site/src/components/shared/machine';
import {SAMPLE_LAB_REPORT} from '@site/src/data/lab-sample';
import LabResults, {formatMs} from './index';
import {niceTicks} from './Bars';

/** The sample, as a reader's own report from another machine. */
const theirs = {...structuredClone(SAMPLE_LAB_REPORT), machine: {...SAMPLE_LAB_REPORT.machine, cpuModel: 'Test CPU 9000', kernel: 'Linux 6.1.0 (x64)'}};
theirs.parameters = {...theirs.parameters, modeSwitchNs: 250, memcpyBytesPerSecond: 8e9};

function jsonFile(content: string, name = 'lab.json'): File {
  return new File([content], name, {type: 'application/json'});
}

function renderLab(extra?: React.ReactNode) {
  return render(
    <MachineProvider>
      <LabResults />
      {extra}
    </MachineProvider>,
  );
}

const source = () => document.querySelector('[data-lab-source]')!;
const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('<LabResults>', () => {
  it('shows the shipped sample with every measured method, and the model beside the ones it prices', () => {
    renderLab();
    expect(source().getAttribute('data-lab-source')).toBe('sample');
    expect(source().textContent).toContain(SAMPLE_LAB_REPORT.machine.kernel);
    const measured = SAMPLE_LAB_REPORT.methods.filter((m) => m.status === 'measured');
    // Two charts (CPU and wall), one row per measured method in each.
    expect(document.querySelectorAll('[data-lab-row]')).toHaveLength(2 * measured.length);
    const sendfileRow = document.querySelector('[data-lab-row="sendfile"]')!;
    expect(sendfileRow.textContent).toMatch(/model: \d/);
    expect(document.querySelector('[data-lab-row="msg-zerocopy"]')!.textContent).toContain('model: not priced yet');
  });

  it('switches size and cache, and the figures follow', async () => {
    const user = userEvent.setup();
    renderLab();
    const before = document.querySelector('[data-lab-row="read-write"]')!.textContent;
    await user.click(screen.getByRole('radio', {name: '1 MiB'}));
    const small = document.querySelector('[data-lab-row="read-write"]')!.textContent;
    expect(small).not.toBe(before);
    const result = SAMPLE_LAB_REPORT.results.find((r) => r.method === 'read-write' && r.fileBytes === 1024 * 1024 && r.cache === 'warm')!;
    expect(small).toContain(formatMs((result.userUs.median + result.sysUs.median) * 1000));
    await user.click(screen.getByRole('radio', {name: /cold cache/}));
    const cold = SAMPLE_LAB_REPORT.results.find((r) => r.method === 'read-write' && r.fileBytes === 1024 * 1024 && r.cache === 'cold')!;
    expect(document.querySelector('[data-lab-row="read-write"]')!.textContent).toContain(formatMs((cold.userUs.median + cold.sysUs.median) * 1000));
  });

  it('loads a reader\'s report, keeps it, and prices the other components with it', async () => {
    renderLab(<CostChart />);
    fireEvent.change(fileInput(), {target: {files: [jsonFile(JSON.stringify(theirs))]}});
    await waitFor(() => expect(source().getAttribute('data-lab-source')).toBe('yours'));
    expect(source().textContent).toContain('Test CPU 9000');
    expect(screen.getByRole('status').textContent).toContain('Every estimate on the site now uses its figures');
    expect(JSON.parse(window.localStorage.getItem(LAB_STORAGE_KEY)!).machine.cpuModel).toBe('Test CPU 9000');
    // The cost chart now starts from the measured parameters, and says whose they are.
    expect(screen.getByLabelText('Mode switch (ns)')).toHaveProperty('value', '250');
    expect(screen.getByLabelText('Memory copy bandwidth (GB/s)')).toHaveProperty('value', '8');
    expect(document.querySelector('[data-machine-badge]')!.textContent).toContain('Test CPU 9000');
  });

  it('forgets the report on request: back to the sample and the defaults', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(LAB_STORAGE_KEY, JSON.stringify(theirs));
    renderLab(<CostChart />);
    await waitFor(() => expect(source().getAttribute('data-lab-source')).toBe('yours'));
    await user.click(screen.getByRole('button', {name: 'Forget my report'}));
    expect(source().getAttribute('data-lab-source')).toBe('sample');
    expect(window.localStorage.getItem(LAB_STORAGE_KEY)).toBeNull();
    expect(screen.getByLabelText('Mode switch (ns)')).toHaveProperty('value', '100');
    expect(document.querySelector('[data-machine-badge]')).toBeNull();
  });

  it.each([
    ['not JSON', '{"version": 1,', /not JSON/],
    ['another version', JSON.stringify({...theirs, version: 2}), /version must be 1; got 2/],
    ['a missing field', JSON.stringify({...theirs, parameters: undefined}), /parameters must be an object/],
    ['a list', '[]', /must be an object/],
  ])('refuses %s with the reason, and changes nothing', async (_name, content, reason) => {
    window.localStorage.setItem(LAB_STORAGE_KEY, JSON.stringify(theirs));
    renderLab();
    await waitFor(() => expect(source().getAttribute('data-lab-source')).toBe('yours'));
    fireEvent.change(fileInput(), {target: {files: [jsonFile(content)]}});
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That file was not loaded, and nothing changed');
    expect(alert.textContent).toMatch(reason);
    expect(source().textContent).toContain('Test CPU 9000');
    expect(JSON.parse(window.localStorage.getItem(LAB_STORAGE_KEY)!).machine.cpuModel).toBe('Test CPU 9000');
  });

  it('refuses a file far larger than any report before reading it', async () => {
    renderLab();
    const huge = jsonFile('x');
    Object.defineProperty(huge, 'size', {value: 50 * 1024 * 1024});
    fireEvent.change(fileInput(), {target: {files: [huge]}});
    expect((await screen.findByRole('alert')).textContent).toMatch(/well under 5 MB/);
    expect(source().getAttribute('data-lab-source')).toBe('sample');
  });

  it('takes a file dropped on the box', async () => {
    renderLab();
    const drop = document.querySelector('[data-lab-drop]')!;
    fireEvent.dragOver(drop, {dataTransfer: {files: []}});
    fireEvent.drop(drop, {dataTransfer: {files: [jsonFile(JSON.stringify(theirs))]}});
    await waitFor(() => expect(source().getAttribute('data-lab-source')).toBe('yours'));
  });

  it('ignores corrupt or outdated data in storage instead of failing the page', async () => {
    for (const stored of ['{not json', JSON.stringify({...theirs, version: 0}), '"text"']) {
      window.localStorage.setItem(LAB_STORAGE_KEY, stored);
      const {unmount} = renderLab();
      await act(async () => {});
      expect(source().getAttribute('data-lab-source')).toBe('sample');
      unmount();
    }
  });
});

describe('the axis', () => {
  it('uses round steps that cover the largest value', () => {
    expect(niceTicks(96e6)).toEqual([0, 50e6, 100e6]);
    expect(niceTicks(55e6)).toEqual([0, 20e6, 40e6, 60e6]);
    expect(niceTicks(0.9)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0)).toEqual([0]);
    for (const max of [1, 7, 13, 250, 1234]) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
