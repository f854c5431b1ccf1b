// The table printed at the end of `npm run lab`: one row per method, size and cache state.
import type {LabMethod, LabParameters, LabResult, Spread} from '../src/model/lab-report';
import {formatBytes} from '../src/model/units';
import {colour, pad} from '../tools/workbench/terminal';

function ms(spread: Spread, divisor: number): string {
  const f = (value: number): string => (value / divisor).toFixed(value / divisor < 10 ? 2 : 1);
  return `${f(spread.median)} (${f(spread.min)}–${f(spread.max)})`;
}

function mbPerSecond(spread: Spread): string {
  return (spread.median / 1e6).toFixed(0);
}

const HEADERS = ['method', 'size', 'cache', 'wall ms (range)', 'MB/s', 'user ms', 'sys ms', 'ctx vol/invol', 'faults min/maj', 'calls'];

export function resultsTable(methods: readonly LabMethod[], results: readonly LabResult[]): string {
  const label = new Map(methods.map((m) => [m.id, m.label]));
  const rows = results.map((r) => [
    label.get(r.method) ?? r.method,
    formatBytes(r.fileBytes),
    r.cache,
    ms(r.wallNs, 1e6),
    mbPerSecond(r.throughputBytesPerSecond),
    (r.userUs.median / 1000).toFixed(2),
    (r.sysUs.median / 1000).toFixed(2),
    `${r.voluntarySwitches.median}/${r.involuntarySwitches.median}`,
    `${r.minorFaults.median}/${r.majorFaults.median}`,
    String(r.dataPathCalls),
  ]);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const format = (cells: readonly string[]): string => cells.map((cell, i) => pad(cell, widths[i])).join('  ');
  const lines = [colour.bold(format(HEADERS)), ...rows.map(format)];
  for (const method of methods) {
    if (method.status !== 'measured') lines.push(colour.yellow(`${method.label}: ${method.status} (${method.reason ?? ''})`));
  }
  return lines.join('\n');
}

function figure(value: number | null, unit: string, digits = 0): string {
  return value === null ? 'not measured' : `${value.toFixed(digits)} ${unit}`;
}

export function parametersTable(p: LabParameters): string {
  return [
    `mode switch            ${figure(p.modeSwitchNs, 'ns')} (half a getppid() round trip of ${figure(p.syscallRoundTripNs, 'ns')})`,
    `context switch         ${figure(p.contextSwitchNs, 'ns')} (pinned pipe ping-pong: an upper bound)`,
    `memcpy bandwidth       ${figure(p.memcpyBytesPerSecond === null ? null : p.memcpyBytesPerSecond / 1e9, 'GB/s', 1)}`,
    `minor fault (file)     ${figure(p.minorFaultNs, 'ns')} per fault, ${figure(p.pagesPerMinorFault, 'pages per fault', 1)}`,
    `sendfile, per page     ${figure(p.sendfileKernelNsPerPage, 'ns')} of sender CPU per 4 KiB page (warm cache, loopback)`,
  ].join('\n');
}
