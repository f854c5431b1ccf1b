import React from 'react';
import {describe, expect, it} from 'vitest';
import {act, render} from '@testing-library/react';
import DataPathCounters from '@site/src/components/DataPath/Counters';
import PageFaults from '@site/src/components/PageFaults';
import SyscallCounters from '@site/src/components/SyscallTimeline/Counters';
import {SAMPLE_LAB_REPORT} from '@site/src/data/lab-sample';
import {DEFAULT_HARDWARE, estimateCost, formatDuration} from '@site/src/model/cost';
import {hardwareFromLabReport} from '@site/src/model/lab-report';
import {readWriteSummary} from '@site/src/model/read-write';
import {EMPTY_PROGRAM_SUMMARY} from '@site/src/model/user-kernel';
import {LAB_STORAGE_KEY} from './labStorage';
import {MachineProvider} from './machine';

const report = {...structuredClone(SAMPLE_LAB_REPORT), parameters: {...SAMPLE_LAB_REPORT.parameters, modeSwitchNs: 250, minorFaultNs: 8000, pagesPerMinorFault: 16}};
const mine = hardwareFromLabReport(report, DEFAULT_HARDWARE);
const total = readWriteSummary(1024 * 1024, 4096, 'hit');
const program = {...EMPTY_PROGRAM_SUMMARY, syscalls: 10, modeSwitches: 20};

async function withMachine(stored: string | null, ui: React.ReactNode) {
  if (stored !== null) window.localStorage.setItem(LAB_STORAGE_KEY, stored);
  const view = render(<MachineProvider>{ui}</MachineProvider>);
  await act(async () => {}); // the stored report is read after hydration, in a transition
  return view;
}

describe('every cost component prices with the machine the reader chose', () => {
  it('uses the course defaults without a report, and says nothing about a machine', async () => {
    const {container} = await withMachine(null, <DataPathCounters done={[]} total={total} />);
    expect(container.textContent).toContain(formatDuration(estimateCost(total, DEFAULT_HARDWARE).cpuNs));
    expect(container.querySelector('[data-machine-badge]')).toBeNull();
  });

  it('uses a stored lab report in the data path\'s estimate, and says so', async () => {
    const {container} = await withMachine(JSON.stringify(report), <DataPathCounters done={[]} total={total} />);
    expect(container.textContent).toContain(`Estimated CPU time for the whole transfer: ${formatDuration(estimateCost(total, mine).cpuNs)}`);
    expect(container.querySelector('[data-machine-badge]')?.textContent).toContain(report.machine.cpuModel);
  });

  it('prices the system-call timeline\'s crossings with the measured mode switch', async () => {
    const {container} = await withMachine(JSON.stringify(report), <SyscallCounters soFar={program} total={program} />);
    expect(container.textContent).toContain('Priced at 250 ns per mode switch');
    expect(container.textContent).toContain(formatDuration(20 * 250));
  });

  it('prices page faults with the measured cost per page', async () => {
    const {container} = await withMachine(JSON.stringify(report), <PageFaults />);
    expect(container.textContent).toContain(`Estimated at ${formatDuration(mine.pageFaultNs)} per fault`);
    expect(mine.pageFaultNs).toBe(8000);
  });

  it('ignores a stored report it cannot read', async () => {
    const {container} = await withMachine('{"version": 1}', <SyscallCounters soFar={program} total={program} />);
    expect(container.textContent).toContain(`Priced at ${formatDuration(DEFAULT_HARDWARE.modeSwitchNs)} per mode switch`);
  });
});
