// One Lighthouse run against a page of the built site, in Debian's Chromium.
import type {Browser} from 'playwright-core';
import {chromium} from 'playwright-core';
import {CHROMIUM_FLAGS, CHROMIUM_PATH} from '../tests/support/browser';

export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseResult {
  readonly scores: {performance: number; accessibility: number; bestPractices: number; seo: number};
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  /** How many runs each figure is the median of. */
  readonly runs: number;
  /** The lowest and highest performance score over those runs: how noisy this page was. */
  readonly performanceRange: readonly [number, number];
  /** The lowest and highest TBT over those runs. */
  readonly tbtRangeMs: readonly [number, number];
  /**
   * Lighthouse's own measure of how fast this machine ran JavaScript just before each run
   * (environment.benchmarkIndex): a run on a busy machine shows as a low figure.
   */
  readonly benchmarkIndexes: readonly number[];
  /**
   * Each run's TBT and performance score, in the order of benchmarkIndexes (the order the runs
   * were made: round by round), so that a reader can pair a page's runs with the baseline's runs
   * of the same round, or with the machine's speed at that moment.
   */
  readonly tbtRunsMs: readonly number[];
  readonly performanceRuns: readonly number[];
  /** Each run's blocking time split by whose work it was (blockingShares), in the same order; absent in reports made before it was recorded. */
  readonly blockingRunsMs?: readonly BlockingShares[];
}

/**
 * A run's blocking time by whose work each long task was, as Lighthouse attributes it: the page's
 * own document (the browser parsing, styling and laying out its HTML), a script (its code, and the
 * style and layout it forces), or nothing Lighthouse could name.
 */
export interface BlockingShares {
  readonly page: number;
  readonly scripts: number;
  readonly unattributed: number;
}

export const DEBUG_PORT = 9333;

export function launchForLighthouse(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${DEBUG_PORT}`],
  });
}

export interface LhrLike {
  categories: Record<string, {score: number | null}>;
  audits: Record<
    string,
    {
      numericValue?: number;
      details?: {
        items?: readonly {group?: string; duration?: number}[];
        /** The long-tasks audit's full list (its table shows only the 20 longest), in simulated ms. */
        debugData?: {urls?: readonly string[]; tasks?: readonly {urlIndex: number; startTime: number; duration: number}[]};
      };
    }
  >;
  environment?: {benchmarkIndex?: number};
}

/** One Lighthouse run: the raw result, to be summarised with the page's other runs. */
export async function lighthouseOnce(url: string, formFactor: FormFactor): Promise<LhrLike> {
  const {default: lighthouse, desktopConfig} = await import('lighthouse');
  const result = await lighthouse(
    url,
    {port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']},
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result.lhr as unknown as LhrLike;
}

/** Lighthouse's threshold: a task blocks for the time it runs beyond this. */
const BLOCKING_THRESHOLD_MS = 50;

/**
 * Splits one run's blocking time by the URL Lighthouse's long-tasks audit attributes each task to,
 * summing each task's blocking time as Lighthouse sums TBT: only its part between first
 * contentful paint and time to interactive, beyond 50 ms. The tasks are the audit's simulated
 * ones, so the three add up to within a few ms of the run's TBT (Lighthouse blends two
 * simulations for TBT itself). Null when the run has no such list.
 *
 * The mmap chapter's own share (0-92 ms between runs of one build) was mostly one task: the one
 * that ends parsing. In it, Chromium followed the first layout with one forced style-and-layout
 * pass per live component far below the fold (297, 622, 149, 138 and 71 objects). The trace puts
 * them inside RenderFrameImpl::DidDispatchDOMContentLoadedEvent, where Chrome's autofill reads the
 * page's form controls (asking each whether it can take focus and how large it is), and a control
 * in a skipped block forces that block's layout. They follow the controls: gone with every control
 * taken out, the same with every control disabled, absent in the headless shell that the browser
 * tests use, which has no autofill. The task took 93-207 ms at 1x on the mmap chapter and 134-160
 * ms on its zh-Hans twin; once the blocks holding controls were laid out with the page and only
 * their parts without controls skipped (custom.css), it took 13-35 ms (traces of full Chromium,
 * 2-core AMD EPYC VM, 2026-12-07). Lighthouse's simulated blocking time did not move measurably
 * with it on that VM (11 alternating rounds, medians before and after: mmap 168 and 177 ms, its
 * zh-Hans twin 348 and 307, sendfile 166 and 177): the page's own share fell, the scripts' share
 * rose, and the script CPU time per load stayed the same (V8's profiler: 454-551 ms both ways), so
 * the rise is the simulation's noise or its placing of tasks, not more work. Laying those blocks
 * out whole had been measured first and not kept: the first layout doubled (6 alternating rounds,
 * 2-core Intel Xeon VM: mmap 85 ms against 54 ms as built, its zh-Hans twin 119 against 135,
 * sendfile 57 against 37). Whether a long task ends before Lantern's simulated first paint (which
 * waits only for the first task that laid anything out and the first that painted:
 * getRenderBlockingNodeData in lantern/metrics/FirstContentfulPaint.js) decides how much of it
 * counts.
 */
export function blockingShares(lhr: LhrLike): BlockingShares | null {
  const debug = lhr.audits['long-tasks']?.details?.debugData;
  const fcp = lhr.audits['first-contentful-paint']?.numericValue;
  const tti = lhr.audits.interactive?.numericValue;
  if (!debug?.tasks || !debug.urls || fcp === undefined || tti === undefined) return null;
  const shares: Record<keyof BlockingShares, number> = {page: 0, scripts: 0, unattributed: 0};
  for (const task of debug.tasks) {
    const clipped = Math.min(task.startTime + task.duration, tti) - Math.max(task.startTime, fcp);
    if (clipped <= BLOCKING_THRESHOLD_MS) continue;
    const url: string = debug.urls[task.urlIndex] ?? '';
    const owner: keyof BlockingShares = /^https?:/.test(url) ? (/\.m?js$/.test(new URL(url).pathname) ? 'scripts' : 'page') : 'unattributed';
    shares[owner] += clipped - BLOCKING_THRESHOLD_MS;
  }
  return {page: Math.round(shares.page), scripts: Math.round(shares.scripts), unattributed: Math.round(shares.unattributed)};
}

/** A Lighthouse category's score of one run, 0-100. */
export const score = (lhr: LhrLike, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

/**
 * Main-thread time of one run in one of Lighthouse's task groups ('styleLayout',
 * 'paintCompositeRender', 'scriptEvaluation'...), in ms at its simulated 4x CPU slowdown.
 */
export function mainThreadMs(lhr: LhrLike, group: string): number {
  const items = lhr.audits['mainthread-work-breakdown']?.details?.items ?? [];
  return Math.round(items.find((item) => item.group === group)?.duration ?? 0);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The median of each figure over a page's runs: on a two-core machine one run's simulated
 * blocking time can swing by 200 ms with nothing changed, and the run Lighthouse itself would
 * call median (nearest the median FCP and TTI) can be the one with the worst TBT.
 */
export function summarise(lhrs: readonly LhrLike[]): LighthouseResult {
  if (lhrs.length === 0) throw new Error('no Lighthouse runs to summarise');
  const each = (figure: (lhr: LhrLike) => number) => median(lhrs.map(figure));
  const performanceScores = lhrs.map((run) => score(run, 'performance'));
  const tbt = lhrs.map((run) => Math.round(run.audits['total-blocking-time']?.numericValue ?? 0));
  const shares = lhrs.map(blockingShares);
  return {
    scores: {
      performance: Math.round(median(performanceScores)),
      accessibility: Math.round(each((run) => score(run, 'accessibility'))),
      bestPractices: Math.round(each((run) => score(run, 'best-practices'))),
      seo: Math.round(each((run) => score(run, 'seo'))),
    },
    lcpMs: Math.round(each((run) => run.audits['largest-contentful-paint']?.numericValue ?? 0)),
    tbtMs: Math.round(median(tbt)),
    cls: Number(each((run) => run.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    runs: lhrs.length,
    performanceRange: [Math.min(...performanceScores), Math.max(...performanceScores)],
    tbtRangeMs: [Math.min(...tbt), Math.max(...tbt)],
    benchmarkIndexes: lhrs.map((run) => Math.round(run.environment?.benchmarkIndex ?? 0)),
    tbtRunsMs: tbt,
    performanceRuns: performanceScores,
    ...(shares.every((share) => share !== null) ? {blockingRunsMs: shares as BlockingShares[]} : {}),
  };
}
