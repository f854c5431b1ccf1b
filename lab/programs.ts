// What a lab program prints: one JSON line with its own measurements (lab/c/common.h,
// lab/java/Lab.java), or a line saying the kernel lacks the interface (exit status 3).
import {LAB_RUN_FIGURES, type ZeroCopyCompletions} from '../src/model/lab-report';
import type {Finished} from './process';

export interface ProgramReport {
  readonly method: string;
  readonly bytes: number;
  readonly wallNs: number;
  readonly userUs: number;
  readonly sysUs: number;
  readonly voluntarySwitches: number;
  readonly involuntarySwitches: number;
  readonly minorFaults: number;
  readonly majorFaults: number;
  readonly residentBefore: number | null;
  /** Data-path system calls by the program's own count. */
  readonly calls: number;
  readonly bufferBytes?: number;
  readonly zerocopy?: ZeroCopyCompletions;
}

export type ProgramOutcome =
  | {readonly kind: 'ok'; readonly report: ProgramReport}
  | {readonly kind: 'unsupported'; readonly reason: string}
  | {readonly kind: 'failed'; readonly reason: string};

/** Exit status of a lab program whose system call this kernel does not offer. */
export const EXIT_UNSUPPORTED = 3;

const NUMBER_FIELDS = ['bytes', ...LAB_RUN_FIGURES, 'calls'] as const;

function lastJsonLine(stdout: string): Record<string, unknown> | null {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function interpretRun(finished: Finished, what: string): ProgramOutcome {
  const json = lastJsonLine(finished.stdout);
  if (finished.code === EXIT_UNSUPPORTED && json !== null && typeof json.unsupported === 'string') {
    return {kind: 'unsupported', reason: `not supported on this kernel: ${json.unsupported}`};
  }
  if (finished.code !== 0 || json === null) {
    const why = finished.timedOut ? 'it took too long and was stopped' : finished.stderr.trim() || `exit code ${String(finished.code)}`;
    return {kind: 'failed', reason: `${what}: ${why}`};
  }
  const missing = NUMBER_FIELDS.filter((field) => typeof json[field] !== 'number');
  if (missing.length > 0) return {kind: 'failed', reason: `${what} printed a line without ${missing.join(', ')}: ${finished.stdout.trim()}`};
  return {kind: 'ok', report: json as unknown as ProgramReport};
}
