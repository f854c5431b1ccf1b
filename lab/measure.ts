// Runs every method on every file size and cache state, `runs` times each, and turns the runs
// into the report's results (median and range). An interface this kernel lacks marks its method
// "not supported on this kernel" and the lab carries on.
import {rmSync} from 'node:fs';
import path from 'node:path';
import type {LabCache, LabMethod, LabResult} from '../src/model/lab-report';
import {type MethodSpec, type RunContext, copyDestination} from './methods';
import {run} from './process';
import {type ProgramReport, interpretRun} from './programs';
import {spread} from './stats';
import {straceSummary} from './strace';

export interface MeasureInput {
  readonly methods: readonly MethodSpec[];
  readonly context: RunContext;
  /** Source file per size in bytes. */
  readonly files: ReadonlyMap<number, string>;
  readonly caches: readonly LabCache[];
  readonly runs: number;
  readonly strace: boolean;
  /** Why a method cannot run at all (missing tool, failed build); absent when it can. */
  readonly unavailable: ReadonlyMap<string, string>;
  readonly onStep: (label: string) => void;
}

export interface Measured {
  readonly methods: LabMethod[];
  readonly results: LabResult[];
}

const RUN_TIMEOUT_MS = 120_000;

/** Steps the progress bar counts for one method: every run, plus one strace run per size. */
export function stepsPerMethod(sizes: number, caches: number, runs: number, strace: boolean): number {
  return sizes * caches * runs + (strace ? sizes : 0);
}

function summarise(method: MethodSpec, fileBytes: number, cache: LabCache, samples: readonly ProgramReport[]): LabResult {
  const of = (pick: (r: ProgramReport) => number) => spread(samples.map(pick));
  const resident = samples.map((s) => s.residentBefore).filter((r): r is number => r !== null);
  const zerocopy = samples.at(-1)?.zerocopy ?? null;
  return {
    method: method.id,
    fileBytes,
    cache,
    runs: samples.length,
    bufferBytes: samples[0]?.bufferBytes ?? null,
    wallNs: of((s) => s.wallNs),
    userUs: of((s) => s.userUs),
    sysUs: of((s) => s.sysUs),
    voluntarySwitches: of((s) => s.voluntarySwitches),
    involuntarySwitches: of((s) => s.involuntarySwitches),
    minorFaults: of((s) => s.minorFaults),
    majorFaults: of((s) => s.majorFaults),
    throughputBytesPerSecond: of((s) => (s.wallNs > 0 ? (s.bytes * 1e9) / s.wallNs : 0)),
    dataPathCalls: spread(samples.map((s) => s.calls)).median,
    residentBefore: resident.length > 0 ? spread(resident).median : null,
    syscalls: null,
    zerocopy,
  };
}

type MethodRun = {status: 'measured'; results: LabResult[]} | {status: 'unsupported' | 'failed'; reason: string};

async function measureMethod(method: MethodSpec, input: MeasureInput): Promise<MethodRun> {
  const {context} = input;
  const results: LabResult[] = [];
  for (const [fileBytes, file] of input.files) {
    for (const cache of input.caches) {
      const samples: ProgramReport[] = [];
      for (let i = 0; i < input.runs; i++) {
        input.onStep(`${method.label}, ${cache}`);
        // Java has no posix_fadvise: evict the file with the C helper before the JVM starts.
        if (cache === 'cold' && method.runtime === 'java' && context.programs.evict) {
          await run(context.programs.evict, [file], {timeoutMs: RUN_TIMEOUT_MS});
        }
        const command = method.command(context, file, cache);
        if (command === null) return {status: 'failed', reason: 'its program is not available'};
        const outcome = interpretRun(await run(command.command, command.args, {timeoutMs: RUN_TIMEOUT_MS}), method.label);
        if (method.target === 'file') rmSync(copyDestination(context.tempDir), {force: true});
        if (outcome.kind !== 'ok') return {status: outcome.kind, reason: outcome.reason};
        samples.push(outcome.report);
      }
      results.push(summarise(method, fileBytes, cache, samples));
    }
    if (input.strace) {
      input.onStep(`${method.label}, strace`);
      const command = method.command(context, file, 'warm');
      if (command !== null) {
        try {
          const traced = await straceSummary(command.command, command.args, path.join(context.tempDir, 'strace-c.txt'));
          const warm = results.findIndex((r) => r.fileBytes === fileBytes && r.cache === 'warm');
          if (warm >= 0) results[warm] = {...results[warm], syscalls: traced.counts};
        } catch (error) {
          // The counts are extra: the timings stand without them.
          process.stderr.write(`\nstrace of ${method.label} failed: ${error instanceof Error ? error.message : String(error)}\n`);
        } finally {
          if (method.target === 'file') rmSync(copyDestination(context.tempDir), {force: true});
        }
      }
    }
  }
  return {status: 'measured', results};
}

export async function measureAll(input: MeasureInput): Promise<Measured> {
  const methods: LabMethod[] = [];
  const results: LabResult[] = [];
  const steps = stepsPerMethod(input.files.size, input.caches.length, input.runs, input.strace);
  for (const method of input.methods) {
    const base = {id: method.id, label: method.label, target: method.target};
    const unavailable = input.unavailable.get(method.id);
    if (unavailable !== undefined) {
      methods.push({...base, status: 'unavailable', reason: unavailable});
      for (let i = 0; i < steps; i++) input.onStep(`${method.label}, skipped`);
      continue;
    }
    let taken = 0;
    const outcome = await measureMethod(method, {...input, onStep: (label) => (taken++, input.onStep(label))});
    // A method that stopped early still moves the bar to its end.
    for (; taken < steps; taken++) input.onStep(`${method.label}, skipped`);
    if (outcome.status === 'measured') {
      methods.push({...base, status: 'measured', reason: null});
      results.push(...outcome.results);
    } else {
      methods.push({...base, status: outcome.status, reason: outcome.reason});
    }
  }
  return {methods, results};
}
