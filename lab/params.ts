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

async function probe(executable: string, args: readonly string[], field: string): Promise<number | null> {
  const values: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const result = await run(executable, args, {timeoutMs: 60_000});
    if (result.code !== 0) return null;
    try {
      const value: unknown = (JSON.parse(result.stdout.trim()) as Record<string, unknown>)[field];
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) values.push(value);
    } catch {
      return null;
    }
  }
  return values.length > 0 ? spread(values).median : null;
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
  const syscallRoundTripNs = await probe(input.params, ['syscall', String(200_000 * scale)], 'roundTripNs');
  input.onStep('context switch (pinned pipe ping-pong)');
  const contextSwitchNs = await probe(input.params, ['pingpong', String(10_000 * scale)], 'switchNs');
  input.onStep('memcpy bandwidth');
  const memcpyBytesPerSecond = await probe(input.params, ['memcpy', String(64 * 1024 * 1024)], 'bytesPerSecond');
  input.onStep('file-backed minor fault');
  const minorFaultNs = await probe(input.params, ['fault', input.faultFile], 'faultNs');
  const pagesPerMinorFault = await probe(input.params, ['fault', input.faultFile], 'pagesPerFault');
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
