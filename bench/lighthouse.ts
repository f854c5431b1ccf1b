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

export async function runLighthouse(url: string, formFactor: FormFactor): Promise<LighthouseResult> {
  const {default: lighthouse, desktopConfig} = await import('lighthouse');
  const result = await lighthouse(
    url,
    {port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']},
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr as unknown as LhrLike;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
    },
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
  };
}
