// The shape of `reports/lab.json`, written by `npm run lab` on a reader's Linux machine, and a
// validator for it. Pure (no Node, no DOM): the lab writes the file, and the site can load one
// a reader hands it. A file that does not match gets one message listing what is wrong.
import type {HardwareParams} from './cost';
import {DEFAULT_FAULT_AROUND_PAGES} from './page-faults';

/** Bumped whenever a field changes meaning or goes away; lab/README.md documents each version. */
export const LAB_REPORT_VERSION = 1;

export type LabCache = 'warm' | 'cold';
export const LAB_CACHES: readonly LabCache[] = ['warm', 'cold'];

export type LabMethodId =
  | 'read-write'
  | 'sendfile'
  | 'mmap-write'
  | 'splice'
  | 'copy-file-range'
  | 'msg-zerocopy'
  | 'java-transfer-to'
  | 'java-heap-loop';

export const LAB_METHOD_IDS: readonly LabMethodId[] = [
  'read-write',
  'sendfile',
  'mmap-write',
  'splice',
  'copy-file-range',
  'msg-zerocopy',
  'java-transfer-to',
  'java-heap-loop',
];

/**
 * measured: figures below; unsupported: this kernel lacks the interface; unavailable: a tool is
 * missing (no JDK, no cc); failed: the program went wrong (the reason says how).
 */
export type LabMethodStatus = 'measured' | 'unsupported' | 'unavailable' | 'failed';
export const LAB_METHOD_STATUSES: readonly LabMethodStatus[] = ['measured', 'unsupported', 'unavailable', 'failed'];

/** The median of the runs and their range. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface LabMachine {
  readonly kernel: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly pageSize: number;
  /** Filesystem type of the temp directory ("tmpfs" has no disk: cold runs are then warm). */
  readonly tempFilesystem: string;
  /** `ethtool -k lo`, feature name to its state ("on", "off [fixed]"); null without ethtool. */
  readonly loopbackFeatures: Readonly<Record<string, string>> | null;
  /** Each tool's version line, or null when it is not installed. */
  readonly tools: {
    readonly cc: string | null;
    readonly strace: string | null;
    readonly java: string | null;
    readonly ethtool: string | null;
  };
}

/** The model's hardware parameters as measured here; null when the probe could not run. */
export interface LabParameters {
  /** One getppid() round trip: two mode switches and almost no work. */
  readonly syscallRoundTripNs: number | null;
  readonly modeSwitchNs: number | null;
  /** Half a CPU-pinned pipe ping-pong round trip: an upper bound (it includes a read, a write, a wake-up). */
  readonly contextSwitchNs: number | null;
  readonly memcpyBytesPerSecond: number | null;
  /** One file-backed minor fault on a cached file; fault-around maps several pages per fault. */
  readonly minorFaultNs: number | null;
  readonly pagesPerMinorFault: number | null;
  /** The sender's CPU time (user + system) per 4 KiB page for sendfile over loopback, warm cache. */
  readonly sendfileKernelNsPerPage: number | null;
}

export interface LabMethod {
  readonly id: LabMethodId;
  readonly label: string;
  /** Where the bytes go: a TCP socket on 127.0.0.1, or another file. */
  readonly target: 'socket' | 'file';
  readonly status: LabMethodStatus;
  /** Why it was not measured ("not supported on this kernel: ..."); null when measured. */
  readonly reason: string | null;
}

export interface ZeroCopyCompletions {
  /** send(MSG_ZEROCOPY) calls made. */
  readonly sends: number;
  /** Sends covered by completion notifications. */
  readonly completed: number;
  /** Completed sends the kernel marked SO_EE_CODE_ZEROCOPY_COPIED (always all, on loopback). */
  readonly copied: number;
  readonly notifications: number;
}

/** One method on one file size with one cache state, over `runs` repetitions. */
export interface LabResult {
  readonly method: LabMethodId;
  readonly fileBytes: number;
  readonly cache: LabCache;
  readonly runs: number;
  /** The user buffer or piece size, for the methods that have one. */
  readonly bufferBytes: number | null;
  readonly wallNs: Spread;
  readonly userUs: Spread;
  readonly sysUs: Spread;
  readonly voluntarySwitches: Spread;
  readonly involuntarySwitches: Spread;
  readonly minorFaults: Spread;
  readonly majorFaults: Spread;
  readonly throughputBytesPerSecond: Spread;
  /** System calls of the transfer itself, by the program's own count (median over the runs). */
  readonly dataPathCalls: number;
  /** Fraction of the file's pages cached before the transfer (mincore); null where unknown (Java). */
  readonly residentBefore: number | null;
  /** System calls by name for one whole run of the program, from `strace -c -f`; null without strace. */
  readonly syscalls: Readonly<Record<string, number>> | null;
  readonly zerocopy: ZeroCopyCompletions | null;
}

export interface LabOptions {
  readonly quick: boolean;
  readonly runs: number;
  readonly fileSizes: readonly number[];
  readonly bufferBytes: number;
  readonly caches: readonly LabCache[];
}

export interface LabReport {
  readonly version: typeof LAB_REPORT_VERSION;
  /** ISO 8601 time the run finished. */
  readonly generatedAt: string;
  readonly options: LabOptions;
  readonly machine: LabMachine;
  readonly parameters: LabParameters;
  readonly methods: readonly LabMethod[];
  readonly results: readonly LabResult[];
}

export class LabReportError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `This is not a lab report the course can read (reports/lab.json, version ${LAB_REPORT_VERSION}):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'LabReportError';
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: each checker records a readable problem and carries on, so one message lists all.
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

const MAX_PROBLEMS = 12;

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

class Checker {
  readonly problems: string[] = [];

  problem(text: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(text);
  }

  object(value: unknown, where: string): Json | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problem(`${where} must be an object; got ${show(value)}`);
    return null;
  }

  array(value: unknown, where: string): readonly unknown[] {
    if (Array.isArray(value)) return value;
    this.problem(`${where} must be a list; got ${show(value)}`);
    return [];
  }

  number(value: unknown, where: string, {min = 0, integer = false} = {}): void {
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && (!integer || Number.isInteger(value));
    if (!ok) this.problem(`${where} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}; got ${show(value)}`);
  }

  numberOrNull(value: unknown, where: string): void {
    if (value !== null) this.number(value, where);
  }

  string(value: unknown, where: string): void {
    if (typeof value !== 'string') this.problem(`${where} must be text; got ${show(value)}`);
  }

  stringOrNull(value: unknown, where: string): void {
    if (value !== null) this.string(value, where);
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): void {
    if (!allowed.includes(value as T)) this.problem(`${where} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}; got ${show(value)}`);
  }

  counts(value: unknown, where: string): void {
    if (value === null) return;
    const record = this.object(value, where);
    if (record === null) return;
    for (const [name, count] of Object.entries(record)) this.number(count, `${where}.${name}`, {integer: true});
  }

  spread(value: unknown, where: string): void {
    const record = this.object(value, where);
    if (record === null) return;
    for (const field of ['median', 'min', 'max'] as const) this.number(record[field], `${where}.${field}`);
    const {median, min, max} = record as {median: number; min: number; max: number};
    if (min > median || median > max) this.problem(`${where} must have min <= median <= max; got ${show(record)}`);
  }
}

function checkMachine(c: Checker, value: unknown): void {
  const machine = c.object(value, 'machine');
  if (machine === null) return;
  c.string(machine.kernel, 'machine.kernel');
  c.string(machine.cpuModel, 'machine.cpuModel');
  c.number(machine.cpuCount, 'machine.cpuCount', {min: 1, integer: true});
  c.number(machine.pageSize, 'machine.pageSize', {min: 1, integer: true});
  c.string(machine.tempFilesystem, 'machine.tempFilesystem');
  if (machine.loopbackFeatures !== null) {
    const features = c.object(machine.loopbackFeatures, 'machine.loopbackFeatures');
    for (const [name, state] of Object.entries(features ?? {})) c.string(state, `machine.loopbackFeatures.${name}`);
  }
  const tools = c.object(machine.tools, 'machine.tools');
  if (tools !== null) for (const tool of ['cc', 'strace', 'java', 'ethtool'] as const) c.stringOrNull(tools[tool], `machine.tools.${tool}`);
}

const PARAMETER_FIELDS: readonly (keyof LabParameters)[] = [
  'syscallRoundTripNs',
  'modeSwitchNs',
  'contextSwitchNs',
  'memcpyBytesPerSecond',
  'minorFaultNs',
  'pagesPerMinorFault',
  'sendfileKernelNsPerPage',
];

function checkParameters(c: Checker, value: unknown): void {
  const parameters = c.object(value, 'parameters');
  if (parameters !== null) for (const field of PARAMETER_FIELDS) c.numberOrNull(parameters[field], `parameters.${field}`);
}

function checkOptions(c: Checker, value: unknown): void {
  const options = c.object(value, 'options');
  if (options === null) return;
  if (typeof options.quick !== 'boolean') c.problem(`options.quick must be true or false; got ${show(options.quick)}`);
  c.number(options.runs, 'options.runs', {min: 1, integer: true});
  c.array(options.fileSizes, 'options.fileSizes').forEach((size, i) => c.number(size, `options.fileSizes[${i}]`, {integer: true}));
  c.number(options.bufferBytes, 'options.bufferBytes', {min: 1, integer: true});
  c.array(options.caches, 'options.caches').forEach((cache, i) => c.oneOf(cache, LAB_CACHES, `options.caches[${i}]`));
}

function checkMethod(c: Checker, value: unknown, where: string): void {
  const method = c.object(value, where);
  if (method === null) return;
  c.oneOf(method.id, LAB_METHOD_IDS, `${where}.id`);
  c.string(method.label, `${where}.label`);
  c.oneOf(method.target, ['socket', 'file'] as const, `${where}.target`);
  c.oneOf(method.status, LAB_METHOD_STATUSES, `${where}.status`);
  c.stringOrNull(method.reason, `${where}.reason`);
}

/** The figures every lab program reports about one run; a result holds their median and range. */
export const LAB_RUN_FIGURES = [
  'wallNs',
  'userUs',
  'sysUs',
  'voluntarySwitches',
  'involuntarySwitches',
  'minorFaults',
  'majorFaults',
] as const;

const SPREAD_FIELDS = [...LAB_RUN_FIGURES, 'throughputBytesPerSecond'] as const;

function checkResult(c: Checker, value: unknown, where: string): void {
  const result = c.object(value, where);
  if (result === null) return;
  c.oneOf(result.method, LAB_METHOD_IDS, `${where}.method`);
  c.number(result.fileBytes, `${where}.fileBytes`, {integer: true});
  c.oneOf(result.cache, LAB_CACHES, `${where}.cache`);
  c.number(result.runs, `${where}.runs`, {min: 1, integer: true});
  if (result.bufferBytes !== null) c.number(result.bufferBytes, `${where}.bufferBytes`, {min: 1, integer: true});
  for (const field of SPREAD_FIELDS) c.spread(result[field], `${where}.${field}`);
  c.number(result.dataPathCalls, `${where}.dataPathCalls`);
  c.numberOrNull(result.residentBefore, `${where}.residentBefore`);
  c.counts(result.syscalls, `${where}.syscalls`);
  if (result.zerocopy !== null) {
    const zerocopy = c.object(result.zerocopy, `${where}.zerocopy`);
    if (zerocopy !== null) {
      for (const field of ['sends', 'completed', 'copied', 'notifications'] as const) {
        c.number(zerocopy[field], `${where}.zerocopy.${field}`, {integer: true});
      }
    }
  }
}

/** Checks a parsed lab report; returns it typed, or throws LabReportError listing every problem found. */
export function validateLabReport(value: unknown): LabReport {
  const c = new Checker();
  const report = c.object(value, 'The report');
  if (report === null) throw new LabReportError(c.problems);
  if (report.version !== LAB_REPORT_VERSION) {
    // A different version may mean anything: say so and stop, instead of listing every field.
    throw new LabReportError([
      `version must be ${LAB_REPORT_VERSION}; got ${show(report.version)}` +
        (typeof report.version === 'number' && report.version > LAB_REPORT_VERSION
          ? ' (a newer lab wrote it: update the course)'
          : ' (run `npm run lab` again to write a current report)'),
    ]);
  }
  if (typeof report.generatedAt !== 'string' || Number.isNaN(Date.parse(report.generatedAt))) {
    c.problem(`generatedAt must be a date and time (ISO 8601); got ${show(report.generatedAt)}`);
  }
  checkOptions(c, report.options);
  checkMachine(c, report.machine);
  checkParameters(c, report.parameters);
  c.array(report.methods, 'methods').forEach((method, i) => checkMethod(c, method, `methods[${i}]`));
  c.array(report.results, 'results').forEach((result, i) => checkResult(c, result, `results[${i}]`));
  if (c.problems.length > 0) throw new LabReportError(c.problems);
  return value as LabReport;
}

/** Parses the text of a lab.json; bad JSON gets the same kind of message as a bad field. */
export function parseLabReport(text: string): LabReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LabReportError([`the file is not JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  return validateLabReport(value);
}

/**
 * The model's cost parameters with this machine's measurements where the lab has them; the
 * rest (DMA bandwidth, vDSO call) keep the given defaults, since the lab does not measure them.
 */
export function hardwareFromLabReport(report: LabReport, defaults: HardwareParams): HardwareParams {
  const p = report.parameters;
  return {
    ...defaults,
    memcpyBytesPerSecond: p.memcpyBytesPerSecond ?? defaults.memcpyBytesPerSecond,
    modeSwitchNs: p.modeSwitchNs ?? defaults.modeSwitchNs,
    pageFaultNs: modelFaultNs(p) ?? defaults.pageFaultNs,
    // The sender's whole CPU time per page for sendfile over loopback: the same quantity the model
    // charges per page sent (it includes the receiver's TCP work, which loopback runs here too).
    perPageKernelNs: p.sendfileKernelNsPerPage ?? defaults.perPageKernelNs,
    contextSwitchNs: p.contextSwitchNs ?? defaults.contextSwitchNs,
  };
}

/**
 * The cost of one fault as the model counts faults. A measured fault may map far more pages than
 * the model's fault-around window (large page-cache folios map over a hundred), so the cost per
 * page is the figure that carries over: scale it to the model's pages per fault.
 */
function modelFaultNs(p: LabParameters): number | null {
  if (p.minorFaultNs === null) return null;
  if (p.pagesPerMinorFault === null || p.pagesPerMinorFault <= 0) return p.minorFaultNs;
  return (p.minorFaultNs / p.pagesPerMinorFault) * DEFAULT_FAULT_AROUND_PAGES;
}
