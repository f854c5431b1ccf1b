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
  /** How many runs the figures are the median of (Lighthouse's own median-run choice). */
  readonly runs: number;
  /** The lowest and highest performance score over those runs: how noisy this page was. */
  readonly performanceRange: readonly [number, number];
}

export const DEBUG_PORT = 9333;

export function launchForLighthouse(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${DEBUG_PORT}`],
  });
}

interface LhrLike {
  categories: Record<string, {score: number | null}>;
  audits: Record<string, {numericValue?: number}>;
}

async function runOnce(url: string, formFactor: FormFactor): Promise<LhrLike> {
  const {default: lighthouse, desktopConfig} = await import('lighthouse');
  const result = await lighthouse(
    url,
    {port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']},
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result.lhr as unknown as LhrLike;
}

const score = (lhr: LhrLike, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

/**
 * Runs Lighthouse `runs` times and reports the median run, chosen as Lighthouse's own CLI does
 * (the run nearest the median FCP and TTI): one run on a loaded two-core machine can swing the
 * simulated timings by a second.
 */
export async function runLighthouse(url: string, formFactor: FormFactor, runs = 1): Promise<LighthouseResult> {
  const lhrs: LhrLike[] = [];
  for (let i = 0; i < runs; i++) lhrs.push(await runOnce(url, formFactor));
  const {computeMedianRun} = (await import('lighthouse/core/lib/median-run.js')) as unknown as {computeMedianRun: (runs: LhrLike[]) => LhrLike};
  const lhr = lhrs.length > 1 ? computeMedianRun(lhrs) : lhrs[0];
  const performance = lhrs.map((run) => score(run, 'performance'));
  return {
    scores: {
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      bestPractices: score(lhr, 'best-practices'),
      seo: score(lhr, 'seo'),
    },
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    runs: lhrs.length,
    performanceRange: [Math.min(...performance), Math.max(...performance)],
  };
}
