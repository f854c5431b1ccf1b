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
    chineseFont: chineseFont(),
  };
}

export function loadAverageNow(): number[] {
  return loadavg();
}
