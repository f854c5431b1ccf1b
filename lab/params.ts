// The model's hardware parameters (src/model/cost.ts), measured here with lab/c/params.c. Each
// probe runs three times and the median is kept. A probe that fails leaves its figure null.
import type {LabParameters, LabResult} from '../src/model/lab-report';
import {run} from './process';
import {spread} from './stats';

export interface ParamsInput {
  readonly params: string;
  /** A file to map for the fault probe (already written to disk). */
  readonly faultFile: string;
  readonly quick: boolean;
  readonly onStep: (label: string) => void;
}

export const PARAM_PROBES = 4;
const REPEATS = 3;

/** Runs one probe REPEATS times; the median of each named field, or null where a run failed. */
async function probe<F extends string>(executable: string, args: readonly string[], fields: readonly F[]): Promise<Record<F, number | null>> {
  const values = new Map<F, number[]>(fields.map((field) => [field, []]));
  for (let i = 0; i < REPEATS; i++) {
    const result = await run(executable, args, {timeoutMs: 60_000});
    if (result.code !== 0) break;
    let line: Record<string, unknown> = {};
    try {
      line = JSON.parse(result.stdout.trim()) as Record<string, unknown>;
    } catch {
      break;
    }
    for (const field of fields) {
      const value = line[field];
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) values.get(field)?.push(value);
    }
  }
  const medians = {} as Record<F, number | null>;
  for (const field of fields) {
    const list = values.get(field) ?? [];
    medians[field] = list.length > 0 ? spread(list).median : null;
  }
  return medians;
}

export interface MeasuredParams {
  readonly syscallRoundTripNs: number | null;
  readonly contextSwitchNs: number | null;
  readonly memcpyBytesPerSecond: number | null;
  readonly minorFaultNs: number | null;
  readonly pagesPerMinorFault: number | null;
}

export async function measureParams(input: ParamsInput): Promise<MeasuredParams> {
  const scale = input.quick ? 1 : 4;
  input.onStep('mode switch (getppid loop)');
  const {roundTripNs: syscallRoundTripNs} = await probe(input.params, ['syscall', String(200_000 * scale)], ['roundTripNs']);
  input.onStep('context switch (pinned pipe ping-pong)');
  const {switchNs: contextSwitchNs} = await probe(input.params, ['pingpong', String(10_000 * scale)], ['switchNs']);
  input.onStep('memcpy bandwidth');
  const {bytesPerSecond: memcpyBytesPerSecond} = await probe(input.params, ['memcpy', String(64 * 1024 * 1024)], ['bytesPerSecond']);
  input.onStep('file-backed minor fault');
  const fault = await probe(input.params, ['fault', input.faultFile], ['faultNs', 'pagesPerFault']);
  const minorFaultNs = fault.faultNs;
  const pagesPerMinorFault = fault.pagesPerFault;
  return {syscallRoundTripNs, contextSwitchNs, memcpyBytesPerSecond, minorFaultNs, pagesPerMinorFault};
}

/**
 * The sender's CPU time per page for sendfile over loopback, warm cache, largest file: the
 * kernel's per-page work (page references, skb frags, segmentation, ACKs) that a model pricing
 * zero-copy sendfile at two mode switches would miss.
 */
export function sendfileNsPerPage(results: readonly LabResult[], pageSize: number): number | null {
  const runs = results
    .filter((r) => r.method === 'sendfile' && r.cache === 'warm' && r.fileBytes > 0)
    .sort((a, b) => b.fileBytes - a.fileBytes);
  const largest = runs[0];
  if (largest === undefined) return null;
  const cpuNs = (largest.userUs.median + largest.sysUs.median) * 1000;
  return cpuNs / Math.ceil(largest.fileBytes / pageSize);
}

export function labParameters(measured: MeasuredParams, results: readonly LabResult[], pageSize: number): LabParameters {
  return {
    ...measured,
    // A round trip is two mode switches (user -> kernel, kernel -> user); the model prices each.
    modeSwitchNs: measured.syscallRoundTripNs === null ? null : measured.syscallRoundTripNs / 2,
    sendfileKernelNsPerPage: sendfileNsPerPage(results, pageSize),
  };
}
