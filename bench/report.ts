// bench/report.md: the figures beside the targets the performance issue set.
import type {BenchReport, PageReport} from './run';

export const TARGETS = {
  /** Mobile and desktop, median of the runs. */
  performance: 90,
  accessibility: 100,
  bestPractices: 95,
  seo: 95,
  cls: 0.02,
  /** A chapter's TBT at most this many times the baseline page's TBT in the same run. */
  chapterTbtOverBaseline: 1.5,
  /** A zh-Hans page's TBT at most this many times its English twin's. */
  zhTbtOverEn: 1.2,
  /** Initial JS of a chapter page at most this much above the baseline page. */
  chapterJsOverPlain: 0.2,
} as const;

/** A run whose benchmarkIndex is below this share of the best in the report ran on a busy machine. */
export const BUSY_SHARE = 0.8;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** " (low–high)" after a median, when its runs differed. */
const range = (pair: readonly [number, number]): string => (pair[0] !== pair[1] ? ` (${pair[0]}–${pair[1]})` : '');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ratioText = (ratio: number | null): string => (ratio === null ? '–' : `${ratio.toFixed(2)}×`);

/** The figures that say how a page compares, in the same run, and whether it meets the targets. */
export interface Comparison {
  readonly tbtOverBaseline: number | null;
  readonly performanceMinusBaseline: number | null;
  /** zh-Hans pages only: TBT over the English twin's. */
  readonly tbtOverEnglish: number | null;
  /** Some run of this page had a benchmarkIndex below BUSY_SHARE of the report's best. */
  readonly busy: boolean;
  /** How many of the page's runs had such a benchmarkIndex, and how many runs it had. */
  readonly busyRuns: number;
  readonly runs: number;
  readonly meetsTargets: boolean;
}

/** TBT over the baseline's; a baseline of 0 ms counts as 1 ms, so a ratio stays finite. */
const tbtRatio = (tbt: number, baseline: number): number => tbt / Math.max(baseline, 1);

export function comparePage(
  report: BenchReport,
  page: PageReport,
  formFactor: 'mobile' | 'desktop',
  targets: typeof TARGETS = TARGETS,
): Comparison | null {
  const lh = page.lighthouse[formFactor];
  if (!lh) return null;
  const baseline = report.pages.find((p) => p.kind === 'baseline' && p.locale === page.locale)?.lighthouse[formFactor];
  const twin = page.locale === 'zh-Hans' ? report.pages.find((p) => p.locale === 'en' && `/zh-Hans${p.path}` === page.path)?.lighthouse[formFactor] : undefined;
  const best = Math.max(0, ...report.pages.flatMap((p) => Object.values(p.lighthouse).flatMap((r) => r?.benchmarkIndexes ?? [])));
  const indexes = lh.benchmarkIndexes ?? [];
  const busyRuns = best > 0 ? indexes.filter((index) => index < BUSY_SHARE * best).length : 0;
  const tbtOverBaseline = baseline ? tbtRatio(lh.tbtMs, baseline.tbtMs) : null;
  const tbtOverEnglish = twin ? tbtRatio(lh.tbtMs, twin.tbtMs) : null;
  const s = lh.scores;
  const meetsTargets =
    s.performance >= targets.performance &&
    s.accessibility >= targets.accessibility &&
    s.bestPractices >= targets.bestPractices &&
    s.seo >= targets.seo &&
    lh.cls <= targets.cls &&
    (page.kind !== 'chapter' || tbtOverBaseline === null || tbtOverBaseline <= targets.chapterTbtOverBaseline) &&
    (tbtOverEnglish === null || tbtOverEnglish <= targets.zhTbtOverEn);
  return {
    tbtOverBaseline,
    performanceMinusBaseline: baseline ? s.performance - baseline.scores.performance : null,
    tbtOverEnglish,
    busy: busyRuns > 0,
    busyRuns,
    runs: indexes.length,
    meetsTargets,
  };
}

function lighthouseRows(report: BenchReport, formFactor: 'mobile' | 'desktop', targets: typeof TARGETS): string[] {
  return report.pages
    .filter((page) => page.lighthouse[formFactor])
    .map((page) => {
      const lh = page.lighthouse[formFactor]!;
      const c = comparePage(report, page, formFactor, targets)!;
      const s = lh.scores;
      const difference = c.performanceMinusBaseline === null ? '–' : `${c.performanceMinusBaseline > 0 ? '+' : ''}${c.performanceMinusBaseline}`;
      const index = lh.benchmarkIndexes?.length ? `${median(lh.benchmarkIndexes)}${c.busy ? ` (${c.busyRuns} of ${c.runs} busy)` : ''}` : '–';
      return `| ${page.path}${page.kind === 'baseline' ? ' (baseline)' : ''} | ${s.performance}${range(lh.performanceRange)} | ${difference} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${lh.lcpMs} | ${lh.tbtMs}${range(lh.tbtRangeMs)} | ${ratioText(c.tbtOverBaseline)} | ${ratioText(c.tbtOverEnglish)} | ${lh.cls} | ${index} | ${mark(c.meetsTargets)} |`;
    });
}

function machineLine(report: BenchReport): string {
  const m = report.machine;
  const indexes = report.pages.flatMap((p) => Object.values(p.lighthouse).flatMap((r) => r?.benchmarkIndexes ?? []));
  const index = indexes.length ? ` Lighthouse's benchmarkIndex over all runs: median ${median(indexes)}, range ${Math.min(...indexes)}–${Math.max(...indexes)}.` : '';
  const load = m.loadAverageStart ? ` Load average (1, 5, 15 min) ${m.loadAverageStart.join(', ')} at the start and ${m.loadAverageEnd.join(', ')} at the end.` : '';
  const w = m.quietWait;
  const quiet = !w
    ? ''
    : w.quiet
      ? ` The Lighthouse runs began once the 1-minute load average was below ${w.limit} (${w.loadAverage}, after ${w.waitedSeconds} s).`
      : ` The 1-minute load average was still ${w.loadAverage} after ${w.waitedSeconds} s, above the ${w.limit} the runs wait for: they began on a busy machine.`;
  const font =
    m.chineseFont === undefined ? '' : m.chineseFont ? ` Chinese text set in ${m.chineseFont}.` : ' No font with Chinese glyphs was installed: the zh-Hans figures include Chromium searching for one (install fonts-noto-cjk).';
  return `Measured ${report.generatedAt} on ${m.cpuModel ?? 'an unrecorded CPU'}, ${m.cpus} cores, ${m.memoryGiB ?? '?'} GiB, Linux ${m.kernel ?? '?'}, Node ${m.node}, Chromium ${m.chromium ?? '?'}.${font}${load}${quiet}${index}`;
}

export function renderMarkdown(report: BenchReport, targets: typeof TARGETS): string {
  const lines: string[] = [];
  lines.push('# Benchmark report', '');
  lines.push(machineLine(report), '');
  lines.push(
    'These figures describe the machine above, at that moment. On another machine of the same kind the absolute figures can differ several-fold, so each page is also compared with the course\'s plainest page, `/docs/exercises/` (no live component), measured in the same run: TBT as a ratio, performance as a difference. A run whose benchmarkIndex fell below ' +
      `${BUSY_SHARE * 100} % of the best in the report counts as busy: the machine ran JavaScript slower than at its best, because something else used the CPU or, on a virtual machine, its host did. The benchmarkIndex column gives each page's median and how many of its runs were busy.`,
    '',
  );
  lines.push('## Build, grading, model', '');
  lines.push('| What | Figure |', '| --- | --: |');
  const seconds = (value: number | null) => (value === null ? 'skipped' : `${value} s`);
  lines.push(`| Cold build, en + zh-Hans | ${seconds(report.build.coldSeconds)} |`);
  lines.push(`| Warm build, en + zh-Hans | ${seconds(report.build.warmSeconds)} |`);
  lines.push(`| \`npm run grade -- --target reference\`, every chapter | ${report.gradeReferenceSeconds} s |`);
  lines.push(`| Model: summarise 1 GiB read 4 KiB at a time | ${report.model.summarise1GiB4KiBMicroseconds} µs |`, '');
  for (const formFactor of ['mobile', 'desktop'] as const) {
    const rows = lighthouseRows(report, formFactor, targets);
    if (rows.length === 0) continue;
    lines.push(`## Lighthouse 12, ${formFactor}`, '');
    const measured = report.pages.filter((page) => page.lighthouse[formFactor]);
    const runsOf = (pages: readonly PageReport[]) => pages.map((page) => page.lighthouse[formFactor]!.runs);
    const baselineRuns = Math.max(1, ...runsOf(measured.filter((page) => page.kind === 'baseline')));
    const others = runsOf(measured.filter((page) => page.kind !== 'baseline'));
    const runs = others.length > 0 ? Math.min(...others) : baselineRuns;
    lines.push(
      runs === 1
        ? `Each figure is from one run per page, but the baseline's, which every ratio divides by: that page was measured ${baselineRuns} times, at the start and halfway through its language's pages, and its figures are the median.`
        : `Each figure is the median of ${runs} runs per page; the lowest and highest performance score and TBT follow in brackets where they differ. The runs went in ${runs} rounds, each measuring every page once (alternate rounds in reverse order), so a busy minute fell on every page alike rather than on one page's runs. The baseline, which every ratio divides by, was measured twice in each round, at the start and halfway through its language's pages: its figures are the median of ${baselineRuns} runs.`,
      '',
    );
    lines.push(
      `Targets: performance ≥ ${targets.performance}, accessibility ${targets.accessibility}, best practices ≥ ${targets.bestPractices}, SEO ≥ ${targets.seo}, CLS ≤ ${targets.cls}; a chapter's TBT ≤ ${targets.chapterTbtOverBaseline}× the baseline's; a zh-Hans page's TBT ≤ ${targets.zhTbtOverEn}× its English twin's.`,
      '',
    );
    lines.push(
      '| Page | Perf | Perf − baseline | A11y | BP | SEO | LCP ms | TBT ms | TBT ÷ baseline | TBT zh ÷ en | CLS | benchmarkIndex | Targets |',
      '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | :-: |',
    );
    lines.push(...rows, '');
  }
  lines.push('## Page weight (JS and CSS)', '');
  lines.push('Initial: loaded before any interaction. Lazy: loaded while scrolling through the page (Mermaid, for instance).', '');
  lines.push('| Page | JS initial (gzip / raw) | CSS initial (gzip) | JS lazy (gzip / raw) | JS vs baseline | Target |', '| --- | --: | --: | --: | --: | :-: |');
  for (const locale of ['en', 'zh-Hans'] as const) {
    const plain = report.pages.find((p) => p.kind === 'baseline' && p.locale === locale);
    for (const page of report.pages.filter((p) => p.locale === locale)) {
      const ratio = plain ? page.weight.initial.js.gzip / plain.weight.initial.js.gzip - 1 : 0;
      const ok = page.kind !== 'chapter' || ratio <= targets.chapterJsOverPlain;
      lines.push(
        `| ${page.path} | ${kb(page.weight.initial.js.gzip)} / ${kb(page.weight.initial.js.raw)} | ${kb(page.weight.initial.css.gzip)} | ${kb(page.weight.lazy.js.gzip)} / ${kb(page.weight.lazy.js.raw)} | ${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}% | ${page.kind === 'chapter' ? mark(ok) : ''} |`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
