// The machine a benchmark ran on. Absolute Lighthouse figures differ several-fold between
// machines of the same kind, so a report says where it was measured and how busy it was.
import {spawnSync} from 'node:child_process';
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
  /**
   * A font with Simplified Chinese glyphs (fontconfig's first match for zh-cn), or null. Without
   * one, Chromium searches the system fonts for every Chinese character it lays out, which made
   * the zh-Hans pages' layout several times slower than on any reader's phone.
   */
  readonly chineseFont?: string | null;
  /** How the benchmark waited for a quiet machine before its Lighthouse runs (waitForQuiet). */
  readonly quietWait?: QuietWait;
}

/** The outcome of waitForQuiet. */
export interface QuietWait {
  readonly waitedSeconds: number;
  /** False when the load average was still too high at the time limit: the runs began busy. */
  readonly quiet: boolean;
  /** The 1-minute load average when the runs began, and the limit it was held to. */
  readonly loadAverage: number;
  readonly limit: number;
}

/** A report's sentence on how `runs` ("The runs") began: on a quiet machine, or busy after the wait; "" when not recorded. */
export function quietSentence(wait: QuietWait | undefined, runs: string): string {
  if (!wait) return '';
  return wait.quiet
    ? ` ${runs} began once the 1-minute load average was below ${wait.limit} (${wait.loadAverage}, after ${wait.waitedSeconds} s).`
    : ` The 1-minute load average was still ${wait.loadAverage} after ${wait.waitedSeconds} s, above the ${wait.limit} the runs wait for: they began on a busy machine.`;
}

/** The load average at the start and end of a run, as every report states it (leading space). */
export function loadAverageSentence(start: readonly number[], end: readonly number[]): string {
  return ` Load average (1, 5, 15 min) ${start.join(', ')} at the start and ${end.join(', ')} at the end.`;
}

/** A machine counts as quiet while its 1-minute load average is below half its cores. */
export const quietLimit = (cores: number): number => cores / 2;

/** The machine's own cores, load average and clock, with a poll every 5 s for at most 5 min. */
const REAL_MACHINE = {
  cores: cpus().length,
  timeoutMs: 5 * 60_000,
  pollMs: 5_000,
  readLoad: (): number => loadavg()[0],
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
  now: (): number => Date.now(),
};

export type QuietOptions = typeof REAL_MACHINE & {readonly onWait?: (load: number, limit: number) => void};

/**
 * Waits until the 1-minute load average falls below quietLimit(cores), giving up after
 * `timeoutMs`. Work that has just ended (a build, the grading run before the Lighthouse runs, a
 * test run) keeps the load average up for a minute or two, and measured in that time a page's
 * blocking time is its own plus the leftovers'.
 */
export async function waitForQuiet(overrides: Partial<QuietOptions> = {}): Promise<QuietWait> {
  const options: QuietOptions = {...REAL_MACHINE, ...overrides};
  const limit = quietLimit(options.cores);
  const start = options.now();
  let load = options.readLoad();
  if (load >= limit) options.onWait?.(load, limit);
  while (load >= limit && options.now() - start < options.timeoutMs) {
    await options.sleep(options.pollMs);
    load = options.readLoad();
  }
  const round = (value: number) => Number(value.toFixed(2));
  return {waitedSeconds: Math.round((options.now() - start) / 1000), quiet: load < limit, loadAverage: round(load), limit: round(limit)};
}

/** fontconfig's choice of sans-serif font for Simplified Chinese, if it has Chinese glyphs. */
export function chineseFont(): string | null {
  const match = spawnSync('fc-match', ['-f', '%{family[0]}', 'sans-serif:lang=zh-cn'], {encoding: 'utf8'});
  const withGlyphs = spawnSync('fc-list', [':lang=zh-cn', 'family'], {encoding: 'utf8'});
  if (match.status !== 0 || withGlyphs.status !== 0) return null;
  const family = match.stdout.trim();
  const families = withGlyphs.stdout.split('\n').flatMap((line) => line.split(',').map((name) => name.trim()));
  return family !== '' && families.includes(family) ? family : null;
}

const rounded = (values: readonly number[]) => values.map((value) => Number(value.toFixed(2)));

export function machineFacts(chromium: string, loadAverageStart: readonly number[], quietWait?: QuietWait): MachineFacts {
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
    chineseFont: chineseFont(),
    ...(quietWait ? {quietWait} : {}),
  };
}

export function loadAverageNow(): number[] {
  return loadavg();
}
