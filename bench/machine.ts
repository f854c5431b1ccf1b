// The machine a benchmark ran on. Absolute Lighthouse figures differ several-fold between
// machines of the same kind, so a report says where it was measured and how busy it was.
import {cpus, loadavg, release, totalmem} from 'node:os';

export interface MachineFacts {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly kernel: string;
  readonly node: string;
  readonly chromium: string;
  /** 1, 5 and 15-minute load averages when the benchmark started and when it ended. */
  readonly loadAverageStart: readonly number[];
  readonly loadAverageEnd: readonly number[];
}

const rounded = (values: readonly number[]) => values.map((value) => Number(value.toFixed(2)));

export function machineFacts(chromium: string, loadAverageStart: readonly number[]): MachineFacts {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cpus: cores.length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    kernel: release(),
    node: process.version,
    chromium,
    loadAverageStart: rounded(loadAverageStart),
    loadAverageEnd: rounded(loadavg()),
  };
}

export function loadAverageNow(): number[] {
  return loadavg();
}
