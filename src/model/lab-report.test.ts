import {describe, expect, it} from 'vitest';
import {DEFAULT_HARDWARE} from './cost';
import {LAB_REPORT_VERSION, LabReportError, hardwareFromLabReport, parseLabReport, validateLabReport} from './lab-report';
import type {LabReport, LabResult} from './lab-report';

const spread = (median: number) => ({median, min: median, max: median});

const result: LabResult = {
  method: 'sendfile',
  fileBytes: 1_048_576,
  cache: 'warm',
  runs: 5,
  bufferBytes: null,
  wallNs: {median: 700_000, min: 650_000, max: 900_000},
  userUs: spread(0),
  sysUs: spread(150),
  voluntarySwitches: spread(2),
  involuntarySwitches: spread(0),
  minorFaults: spread(2),
  majorFaults: spread(0),
  throughputBytesPerSecond: spread(1.4e9),
  dataPathCalls: 1,
  residentBefore: 1,
  syscalls: {sendfile: 1, read: 3},
  zerocopy: null,
};

const report: LabReport = {
  version: LAB_REPORT_VERSION,
  generatedAt: '2026-12-05T14:00:00.000Z',
  options: {quick: true, runs: 5, fileSizes: [1_048_576], bufferBytes: 65_536, caches: ['warm', 'cold']},
  machine: {
    kernel: 'Linux 6.18.0 (x64)',
    cpuModel: 'AMD EPYC',
    cpuCount: 2,
    pageSize: 4096,
    tempFilesystem: 'ext2/ext3',
    loopbackFeatures: {'scatter-gather': 'on', 'tx-checksumming': 'on'},
    tools: {cc: 'cc 12', strace: 'strace 6.1', java: null, ethtool: 'ethtool 6.1'},
  },
  parameters: {
    syscallRoundTripNs: 400,
    modeSwitchNs: 200,
    contextSwitchNs: 3000,
    memcpyBytesPerSecond: 10e9,
    minorFaultNs: 900,
    pagesPerMinorFault: 16,
    sendfileKernelNsPerPage: 500,
  },
  methods: [
    {id: 'sendfile', label: 'sendfile()', target: 'socket', status: 'measured', reason: null},
    {id: 'java-transfer-to', label: 'Java transferTo()', target: 'socket', status: 'unavailable', reason: 'needs a JDK'},
  ],
  results: [result],
};

/** A copy of the report with one path changed (or removed, with `undefined`). */
function withChange(path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(report) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

function problemsOf(value: unknown): string {
  try {
    validateLabReport(value);
  } catch (error) {
    expect(error).toBeInstanceOf(LabReportError);
    return (error as Error).message;
  }
  throw new Error('expected the report to be rejected');
}

describe('reports/lab.json, version 1', () => {
  it('accepts a complete report and returns it unchanged', () => {
    expect(validateLabReport(structuredClone(report))).toEqual(report);
    expect(parseLabReport(JSON.stringify(report))).toEqual(report);
  });

  it('says when the file is not JSON at all', () => {
    expect(() => parseLabReport('{"version": 1,')).toThrow(/not JSON/);
  });

  it('refuses another version and says which way to go', () => {
    expect(problemsOf(withChange(['version'], 0))).toMatch(/version must be 1; got 0 \(run `npm run lab` again/);
    expect(problemsOf(withChange(['version'], 2))).toMatch(/a newer lab wrote it/);
    expect(problemsOf(withChange(['version'], undefined))).toMatch(/version must be 1; got nothing/);
  });

  it('names every missing or wrong field, with where it is', () => {
    const broken = withChange(['machine', 'cpuCount'], 0) as Record<string, unknown>;
    delete (broken.parameters as Record<string, unknown>).memcpyBytesPerSecond;
    const message = problemsOf(broken);
    expect(message).toMatch(/machine.cpuCount must be a whole number of at least 1; got 0/);
    expect(message).toMatch(/parameters.memcpyBytesPerSecond must be a number of at least 0; got nothing/);
  });

  it('rejects a result without its figures, an unknown method and a range that does not hold its median', () => {
    expect(problemsOf(withChange(['results', 0, 'wallNs'], undefined))).toMatch(/results\[0\].wallNs must be an object/);
    expect(problemsOf(withChange(['results', 0, 'method'], 'carrier-pigeon'))).toMatch(/results\[0\].method must be one of "read-write"/);
    expect(problemsOf(withChange(['results', 0, 'sysUs'], {median: 5, min: 6, max: 7}))).toMatch(/min <= median <= max/);
    expect(problemsOf(withChange(['results', 0, 'syscalls'], {sendfile: -1}))).toMatch(/results\[0\].syscalls.sendfile/);
  });

  it('rejects a report that is not an object, and a bad date', () => {
    expect(problemsOf([])).toMatch(/The report must be an object/);
    expect(problemsOf(withChange(['generatedAt'], 'yesterday'))).toMatch(/generatedAt must be a date/);
  });
});

describe('this machine as the cost model\'s parameters', () => {
  it('takes the measured figures and keeps the defaults the lab does not measure', () => {
    expect(hardwareFromLabReport(report, DEFAULT_HARDWARE)).toEqual({
      ...DEFAULT_HARDWARE,
      memcpyBytesPerSecond: 10e9,
      modeSwitchNs: 200,
      // 900 ns per fault over 16 pages (the model's fault-around) is 900 ns per model fault.
      pageFaultNs: 900,
      perPageKernelNs: report.parameters.sendfileKernelNsPerPage,
      contextSwitchNs: 3000,
    });
  });

  it('carries a fault\'s cost per page over to the model\'s 16-page fault, whatever a measured fault mapped', () => {
    // Large folios: one measured fault mapped 128 pages for 8 us, so 1 us buys 16 pages.
    const folios: LabReport = {...report, parameters: {...report.parameters, minorFaultNs: 8000, pagesPerMinorFault: 128}};
    expect(hardwareFromLabReport(folios, DEFAULT_HARDWARE).pageFaultNs).toBe(1000);
    const unknown: LabReport = {...report, parameters: {...report.parameters, minorFaultNs: 8000, pagesPerMinorFault: null}};
    expect(hardwareFromLabReport(unknown, DEFAULT_HARDWARE).pageFaultNs).toBe(8000);
  });

  it('keeps a default where a probe could not run', () => {
    const partial: LabReport = {...report, parameters: {...report.parameters, modeSwitchNs: null}};
    expect(hardwareFromLabReport(partial, DEFAULT_HARDWARE).modeSwitchNs).toBe(DEFAULT_HARDWARE.modeSwitchNs);
  });
});
