// bench/report.md says where each page's blocking time is: in its own HTML and CSS or in scripts,
// as Lighthouse's long-task list attributes each task, summed the way Lighthouse sums TBT.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {blockingShares, summarise, type LhrLike} from '../../bench/lighthouse';
import {blockingSection} from '../../bench/report';
import type {BenchReport, PageReport} from '../../bench/run';

const PAGE = 'http://127.0.0.1:4000/docs/sendfile/';
const SCRIPT = 'http://127.0.0.1:4000/assets/js/main.1234.js';
const STYLES = 'http://127.0.0.1:4000/assets/css/styles.abcd.css';

type Task = {url: string; startTime: number; duration: number};

function lhr(tasks: readonly Task[], fcp = 1000, tti = 3000, tbt = 0): LhrLike {
  const urls = [...new Set(tasks.map((t) => t.url))];
  return {
    categories: {performance: {score: 0.9}, accessibility: {score: 1}, 'best-practices': {score: 1}, seo: {score: 1}},
    audits: {
      'first-contentful-paint': {numericValue: fcp},
      interactive: {numericValue: tti},
      'total-blocking-time': {numericValue: tbt},
      'long-tasks': {details: {items: [], debugData: {urls, tasks: tasks.map((t) => ({urlIndex: urls.indexOf(t.url), startTime: t.startTime, duration: t.duration}))}}},
    },
    environment: {benchmarkIndex: 2000},
  };
}

describe('blockingShares', () => {
  it("counts each task's time beyond 50 ms between FCP and TTI, by the URL it is attributed to", () => {
    const shares = blockingShares(
      lhr([
        {url: PAGE, startTime: 1100, duration: 150}, // 100 ms
        {url: STYLES, startTime: 1400, duration: 80}, // 30 ms: the page's stylesheet is the page's own work
        {url: SCRIPT, startTime: 2000, duration: 140}, // 90 ms
        {url: 'Unattributable', startTime: 2500, duration: 60}, // 10 ms
        {url: PAGE, startTime: 900, duration: 130}, // 30 ms after FCP: not blocking
        {url: PAGE, startTime: 900, duration: 180}, // 80 ms after FCP: 30 ms
        {url: SCRIPT, startTime: 2950, duration: 200}, // 50 ms before TTI: not blocking
        {url: SCRIPT, startTime: 3100, duration: 400}, // after TTI
      ]),
    );
    expect(shares).toEqual({page: 160, scripts: 90, unattributed: 10});
  });

  it('adds up to the TBT Lighthouse would compute from the same tasks, however they fall', () => {
    const task = fc.record({
      url: fc.constantFrom(PAGE, STYLES, SCRIPT, 'Unattributable'),
      startTime: fc.integer({min: 0, max: 4000}),
      duration: fc.integer({min: 50, max: 600}),
    });
    fc.assert(
      fc.property(fc.array(task, {maxLength: 30}), fc.integer({min: 0, max: 2000}), fc.integer({min: 0, max: 3000}), (tasks, fcp, span) => {
        const tti = fcp + span;
        // Lighthouse's calculateTbtImpactForEvent, written out for top-level tasks.
        const expected = tasks.reduce((sum, t) => {
          if (t.startTime + t.duration < fcp || t.startTime > tti) return sum;
          const clipped = Math.min(t.startTime + t.duration, tti) - Math.max(t.startTime, fcp);
          return clipped < 50 ? sum : sum + clipped - 50;
        }, 0);
        const shares = blockingShares(lhr(tasks, fcp, tti))!;
        // Each share is rounded to the ms.
        expect(Math.abs(shares.page + shares.scripts + shares.unattributed - expected)).toBeLessThanOrEqual(1.5);
      }),
      {seed: 20261207, numRuns: 200},
    );
  });

  it('is null for a run without the long-task list, and summarise then records no split', () => {
    const bare = lhr([]);
    delete bare.audits['long-tasks'];
    expect(blockingShares(bare)).toBeNull();
    expect(summarise([bare]).blockingRunsMs).toBeUndefined();
    expect(summarise([lhr([{url: SCRIPT, startTime: 1000, duration: 100}])]).blockingRunsMs).toEqual([{page: 0, scripts: 50, unattributed: 0}]);
  });
});

describe('the report section', () => {
  const weight = {initial: {js: {gzip: 1, raw: 1}, css: {gzip: 1, raw: 1}}, lazy: {js: {gzip: 0, raw: 0}}} as unknown as PageReport['weight'];
  const page = (path: string, kind: PageReport['kind'], runs: [number, number][]): PageReport => ({
    path,
    kind,
    locale: 'en',
    weight,
    lighthouse: {
      mobile: {
        ...summarise(runs.map(([own, scripts]) => lhr([{url: PAGE, startTime: 1000, duration: 50 + own}, {url: SCRIPT, startTime: 2000, duration: 50 + scripts}]))),
      },
    },
  });
  const report = {pages: [page('/docs/exercises/', 'baseline', [[20, 100], [40, 120], [30, 110]]), page('/docs/sendfile/', 'chapter', [[200, 150], [260, 130], [230, 140]])]} as unknown as BenchReport;

  it("gives each page's medians and what it adds to the baseline's", () => {
    const lines = blockingSection(report, 'mobile');
    expect(lines[0]).toBe('### Where the blocking time is (mobile)');
    expect(lines.join('\n')).toContain('layoutTaskMultiplier of 0.5');
    expect(lines).toContain('| /docs/exercises/ (baseline) | 0 | 30 | 110 | 0 | – | – |');
    expect(lines).toContain('| /docs/sendfile/ | 0 | 230 | 140 | 0 | +200 | +30 |');
  });

  it('is left out for runs recorded before the split was', () => {
    const old = {pages: report.pages.map((p) => ({...p, lighthouse: {mobile: {...p.lighthouse.mobile!, blockingRunsMs: undefined}}}))} as unknown as BenchReport;
    expect(blockingSection(old, 'mobile')).toEqual([]);
    expect(blockingSection(report, 'desktop')).toEqual([]);
  });
});
