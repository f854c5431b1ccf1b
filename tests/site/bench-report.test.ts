// bench/report.md reads every page against the baseline page of the same run, and marks runs
// made on a busy machine: absolute figures do not carry from one machine to another.
import {describe, expect, it} from 'vitest';
import {comparePage, renderMarkdown, TARGETS} from '../../bench/report';
import type {BenchReport, PageReport} from '../../bench/run';
import type {LighthouseResult} from '../../bench/lighthouse';

function lighthouse(tbtMs: number, performance: number, benchmarkIndexes: number[] = [2000, 2100]): LighthouseResult {
  return {
    scores: {performance, accessibility: 100, bestPractices: 100, seo: 100},
    lcpMs: 1500,
    tbtMs,
    cls: 0,
    runs: benchmarkIndexes.length,
    performanceRange: [performance, performance],
    tbtRangeMs: [tbtMs, tbtMs],
    benchmarkIndexes,
    tbtRunsMs: benchmarkIndexes.map(() => tbtMs),
    performanceRuns: benchmarkIndexes.map(() => performance),
  };
}

const weight = {initial: {js: {gzip: 100_000, raw: 300_000}, css: {gzip: 20_000, raw: 60_000}}, lazy: {js: {gzip: 0, raw: 0}}} as unknown as PageReport['weight'];

function page(path: string, kind: PageReport['kind'], locale: PageReport['locale'], mobile: LighthouseResult): PageReport {
  return {path, kind, locale, lighthouse: {mobile}, weight};
}

const report: BenchReport = {
  generatedAt: '2026-12-05T12:00:00.000Z',
  machine: {
    cpuModel: 'Example CPU',
    cpus: 2,
    memoryGiB: 24,
    kernel: '6.18.0',
    node: 'v20.20.2',
    chromium: '140.0',
    loadAverageStart: [0.1, 0.2, 0.3],
    loadAverageEnd: [1, 1, 1],
    chineseFont: 'Noto Sans CJK SC',
  },
  build: {coldSeconds: null, warmSeconds: null},
  gradeReferenceSeconds: 4,
  model: {summarise1GiB4KiBMicroseconds: 2},
  pages: [
    page('/docs/exercises/', 'baseline', 'en', lighthouse(200, 95, [2000, 2100, 2050, 1990])),
    page('/docs/sendfile/', 'chapter', 'en', lighthouse(280, 93)),
    page('/docs/mmap-and-java-nio/', 'chapter', 'en', lighthouse(400, 91)),
    page('/zh-Hans/docs/exercises/', 'baseline', 'zh-Hans', lighthouse(220, 95)),
    page('/zh-Hans/docs/sendfile/', 'chapter', 'zh-Hans', lighthouse(300, 92, [2000, 1200])),
  ],
};

describe('the benchmark report', () => {
  it('compares a chapter with the baseline page of its own language and run', () => {
    expect(comparePage(report, report.pages[1], 'mobile')).toEqual({
      tbtOverBaseline: 1.4,
      performanceMinusBaseline: -2,
      tbtOverEnglish: null,
      busy: false,
      busyRuns: 0,
      runs: 2,
      meetsTargets: true,
    });
  });

  it('fails a chapter whose TBT is more than 1.5 times the baseline\'s, whatever its absolute figures', () => {
    expect(comparePage(report, report.pages[2], 'mobile')).toMatchObject({tbtOverBaseline: 2, meetsTargets: false});
    expect(TARGETS.chapterTbtOverBaseline).toBe(1.5);
  });

  it('compares a zh-Hans page with its English twin, and marks a run on a busy machine', () => {
    const zh = comparePage(report, report.pages[4], 'mobile')!;
    expect(zh.tbtOverEnglish).toBeCloseTo(300 / 280, 5);
    expect(zh.busy).toBe(true);
    expect(zh).toMatchObject({busyRuns: 1, runs: 2});
  });

  it('says which machine it describes and prints the ratios', () => {
    const markdown = renderMarkdown(report, TARGETS);
    expect(markdown).toContain('Example CPU, 2 cores, 24 GiB, Linux 6.18.0, Node v20.20.2, Chromium 140.0');
    expect(markdown).toContain('0.1, 0.2, 0.3 at the start');
    expect(markdown).toContain('Chinese text set in Noto Sans CJK SC.');
    const noFont = renderMarkdown({...report, machine: {...report.machine, chineseFont: null}}, TARGETS);
    expect(noFont).toContain('No font with Chinese glyphs was installed');
    expect(markdown).toContain('| /docs/mmap-and-java-nio/ | 91 | -4 | 100 | 100 | 100 | 1500 | 400 | 2.00× | – | 0 | 2050 | ✗ |');
    expect(markdown).toContain('| 1600 (1 of 2 busy) |');
    expect(markdown).toContain('| Cold build, en + zh-Hans | skipped |');
    expect(markdown, 'no wait recorded, nothing said').not.toContain('load average was still');
    const waited = renderMarkdown({...report, machine: {...report.machine, quietWait: {waitedSeconds: 85, quiet: true, loadAverage: 0.93, limit: 1}}}, TARGETS);
    expect(waited).toContain('The Lighthouse runs began once the 1-minute load average was below 1 (0.93, after 85 s).');
    const busy = renderMarkdown({...report, machine: {...report.machine, quietWait: {waitedSeconds: 300, quiet: false, loadAverage: 2.4, limit: 1}}}, TARGETS);
    expect(busy).toContain('The 1-minute load average was still 2.4 after 300 s, above the 1 the runs wait for: they began on a busy machine.');
    expect(markdown).toContain('The runs went in 2 rounds, each measuring every page once');
    expect(markdown).toContain('The baseline, which every ratio divides by, was measured twice in each round, at the start and halfway through its language\'s pages: its figures are the median of 4 runs.');
  });
});
