// bench/report.md: the figures beside the targets the performance issue set.
import type {LighthouseResult} from './lighthouse';
import {loadAverageSentence, quietSentence} from './machine';
import type {BenchReport, PageReport} from './run';
import {combine, CONFIDENCE, judgeAtLeast, judgeAtMost, medianInterval, pairedRatios, type Interval, type Verdict} from './confidence';

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
const VERDICT_MARK: Record<Verdict, string> = {met: '✓', missed: '✗', undecided: '?'};

/** " (low–high)" after a median, when its runs differed. */
const range = (pair: readonly [number, number]): string => (pair[0] !== pair[1] ? ` (${pair[0]}–${pair[1]})` : '');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** "1.09× (0.86–2.94)": a ratio and, when there is one, its interval. */
function ratioText(ratio: number | null, interval: Interval | null = null): string {
  if (ratio === null) return '–';
  return interval ? `${ratio.toFixed(2)}× (${interval.low.toFixed(2)}–${interval.high.toFixed(2)})` : `${ratio.toFixed(2)}×`;
}

/** The figures that say how a page compares, in the same run, and whether it meets the targets. */
export interface Comparison {
  /** The median of the per-round ratios to the baseline, or, without paired runs, the ratio of the medians. */
  readonly tbtOverBaseline: number | null;
  /** Where the median per-round ratio lies with at least CONFIDENCE (null: too few rounds). */
  readonly tbtOverBaselineInterval: Interval | null;
  readonly performanceMinusBaseline: number | null;
  /** zh-Hans pages only: TBT over the English twin's, paired by round like tbtOverBaseline. */
  readonly tbtOverEnglish: number | null;
  readonly tbtOverEnglishInterval: Interval | null;
  /** Where the median performance score lies with at least CONFIDENCE. */
  readonly performanceInterval: Interval | null;
  /** Some run of this page had a benchmarkIndex below BUSY_SHARE of the report's best. */
  readonly busy: boolean;
  /** How many of the page's runs had such a benchmarkIndex, and how many runs it had. */
  readonly runs: number;
  readonly busyRuns: number;
  /**
   * 'met' when every target is met with at least CONFIDENCE, 'missed' when one is missed with it,
   * 'undecided' when an interval straddles a target or there were too few runs to have one.
   */
  readonly verdict: Verdict;
}

/** TBT over the baseline's; a baseline of 0 ms counts as 1 ms, so a ratio stays finite. */
const tbtRatio = (tbt: number, baseline: number): number => tbt / Math.max(baseline, 1);

/** A page's TBT over a reference page's: paired by round where the runs line up, else medians. */
function tbtOver(
  lh: LighthouseResult,
  reference: LighthouseResult | undefined,
  perRound: number,
): {ratio: number | null; interval: Interval | null} {
  if (!reference) return {ratio: null, interval: null};
  const paired = lh.tbtRunsMs && reference.tbtRunsMs ? pairedRatios(lh.tbtRunsMs, reference.tbtRunsMs, perRound) : null;
  if (!paired) return {ratio: tbtRatio(lh.tbtMs, reference.tbtMs), interval: null};
  return {ratio: median(paired), interval: medianInterval(paired)};
}

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
  // The baseline is measured twice in each round (bench/schedule.ts), its English twin once.
  const overBaseline = page.kind === 'baseline' ? {ratio: baseline ? 1 : null, interval: null} : tbtOver(lh, baseline, 2);
  const overEnglish = tbtOver(lh, twin, 1);
  const s = lh.scores;
  // Fewer than five runs (--runs 1, say) decide nothing either way.
  const performanceInterval = medianInterval(lh.performanceRuns ?? []);
  const verdicts: Verdict[] = [
    judgeAtLeast(performanceInterval, targets.performance),
    s.accessibility >= targets.accessibility && s.bestPractices >= targets.bestPractices && s.seo >= targets.seo && lh.cls <= targets.cls ? 'met' : 'missed',
  ];
  if (page.kind === 'chapter' && overBaseline.ratio !== null) verdicts.push(judgeAtMost(overBaseline.interval, targets.chapterTbtOverBaseline));
  if (overEnglish.ratio !== null) verdicts.push(judgeAtMost(overEnglish.interval, targets.zhTbtOverEn));
  return {
    tbtOverBaseline: overBaseline.ratio,
    tbtOverBaselineInterval: overBaseline.interval,
    performanceMinusBaseline: baseline ? s.performance - baseline.scores.performance : null,
    tbtOverEnglish: overEnglish.ratio,
    tbtOverEnglishInterval: overEnglish.interval,
    performanceInterval,
    busy: busyRuns > 0,
    runs: indexes.length,
    busyRuns,
    verdict: combine(verdicts),
  };
}

/** A signed difference, rounded: "+12", "0" or "-3". */
const signed = (value: number): string => `${value > 0 ? '+' : ''}${Math.round(value)}`;

function lighthouseRows(report: BenchReport, formFactor: 'mobile' | 'desktop', targets: typeof TARGETS): string[] {
  return report.pages
    .filter((page) => page.lighthouse[formFactor])
    .map((page) => {
      const lh = page.lighthouse[formFactor]!;
      const c = comparePage(report, page, formFactor, targets)!;
      const s = lh.scores;
      const difference = c.performanceMinusBaseline === null ? '–' : signed(c.performanceMinusBaseline);
      const index = lh.benchmarkIndexes?.length ? `${median(lh.benchmarkIndexes)}${c.busy ? ` (${c.busyRuns} of ${c.runs} busy)` : ''}` : '–';
      return `| ${page.path}${page.kind === 'baseline' ? ' (baseline)' : ''} | ${s.performance}${range(lh.performanceRange)} | ${difference} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${lh.lcpMs} | ${lh.tbtMs}${range(lh.tbtRangeMs)} | ${ratioText(c.tbtOverBaseline, c.tbtOverBaselineInterval)} | ${ratioText(c.tbtOverEnglish, c.tbtOverEnglishInterval)} | ${lh.cls} | ${index} | ${VERDICT_MARK[c.verdict]} |`;
    });
}

/**
 * Where each page's blocking time is, by whose work Lighthouse says each long task was
 * (lighthouse.ts, blockingShares): empty when the report's runs did not record it.
 */
export function blockingSection(report: BenchReport, formFactor: 'mobile' | 'desktop'): string[] {
  const measured = report.pages.filter((page) => page.lighthouse[formFactor]?.blockingRunsMs?.length);
  if (measured.length === 0) return [];
  const medians = (page: PageReport | undefined) => {
    const runs = page?.lighthouse[formFactor]?.blockingRunsMs ?? [];
    return runs.length === 0
      ? null
      : {page: median(runs.map((r) => r.page)), scripts: median(runs.map((r) => r.scripts)), unattributed: median(runs.map((r) => r.unattributed))};
  };
  const lines = [
    `### Where the blocking time is (${formFactor})`,
    '',
    "Lighthouse's long-task list (its `long-tasks` audit: every simulated task of 50 ms or more, not only the 20 its table shows) names the URL each task is attributed to. Summed the way TBT is summed (each task's part between first contentful paint and time to interactive, beyond 50 ms), the tasks of a page's own HTML and CSS are the browser parsing, styling and laying out the page; those of a script are the site's JavaScript, with any style and layout it forces; the rest Lighthouse could not attribute. Figures are medians over the runs, so they need not add up to the TBT median; \"beyond the baseline\" subtracts the baseline's medians in the same language. Lighthouse simulates a phone with a CPU 4x slower than this machine's, but counts a task that did layout as only 2x slower (the layoutTaskMultiplier of 0.5 in its Lantern simulator), so a style and layout task blocks once it takes 25 ms here, a task of script alone once it takes 12.5 ms.",
    '',
    '| Page | TBT ms | HTML and CSS ms | Scripts ms | Unattributed ms | HTML and CSS beyond the baseline | Scripts beyond the baseline |',
    '| --- | --: | --: | --: | --: | --: | --: |',
  ];
  for (const page of measured) {
    const own = medians(page)!;
    const base = medians(report.pages.find((p) => p.kind === 'baseline' && p.locale === page.locale));
    const beyond = (key: 'page' | 'scripts') => (base && page.kind !== 'baseline' ? signed(own[key] - base[key]) : '–');
    lines.push(
      `| ${page.path}${page.kind === 'baseline' ? ' (baseline)' : ''} | ${page.lighthouse[formFactor]!.tbtMs} | ${Math.round(own.page)} | ${Math.round(own.scripts)} | ${Math.round(own.unattributed)} | ${beyond('page')} | ${beyond('scripts')} |`,
    );
  }
  lines.push('');
  return lines;
}

function machineLine(report: BenchReport): string {
  const m = report.machine;
  const indexes = report.pages.flatMap((p) => Object.values(p.lighthouse).flatMap((r) => r?.benchmarkIndexes ?? []));
  const index = indexes.length ? ` Lighthouse's benchmarkIndex over all runs: median ${median(indexes)}, range ${Math.min(...indexes)}–${Math.max(...indexes)}.` : '';
  const load = m.loadAverageStart ? loadAverageSentence(m.loadAverageStart, m.loadAverageEnd) : '';
  const quiet = quietSentence(m.quietWait, 'The Lighthouse runs');
  const font =
    m.chineseFont === undefined ? '' : m.chineseFont ? ` Chinese text set in ${m.chineseFont}.` : ' No font with Chinese glyphs was installed: the zh-Hans figures include Chromium searching for one (install fonts-noto-cjk).';
  return `Measured ${report.generatedAt} on ${m.cpuModel ?? 'an unrecorded CPU'}, ${m.cpus} cores, ${m.memoryGiB ?? '?'} GiB, Linux ${m.kernel ?? '?'}, Node ${m.node}, Chromium ${m.chromium ?? '?'}.${font}${load}${quiet}${index}`;
}

const percent = (share: number) => `${Number((share * 100).toFixed(2))} %`;

const ORDINALS = ['', '', 'second', 'third', 'fourth', 'fifth'];

/** How the ratios' intervals are found, for a report of `rounds` rounds. */
function intervalsParagraph(rounds: number, performanceTarget: number): string {
  const ranks = Array.from({length: rounds}, (_, i) => i + 1);
  const interval = medianInterval(ranks);
  const scores = !interval
    ? ''
    : interval.low === 1
      ? ' (its lowest and highest score, the figures in brackets)'
      : ` (its ${ORDINALS[interval.low] ?? `${interval.low}th`} lowest and highest score, so brackets that reach ${performanceTarget} do not settle it)`;
  const which = !interval
    ? `with ${rounds} rounds there is none, and no target is decided`
    : interval.low === 1
      ? `with ${rounds} rounds it is the lowest and highest ratio, at ${percent(interval.confidence)}`
      : `with ${rounds} rounds it runs from the ${ORDINALS[interval.low] ?? `${interval.low}th`} lowest to the ${ORDINALS[interval.low] ?? `${interval.low}th`} highest ratio, at ${percent(interval.confidence)}`;
  return (
    'The ratios are paired by round: each run of a page is divided by the mean of the baseline\'s two runs in the same round (a zh-Hans page by its English twin\'s run in the same round), and the column gives the median of those ratios. ' +
    `The bracket after it is the range that holds that median with at least ${percent(CONFIDENCE)} confidence, from the order statistics of the rounds alone, assuming nothing about the shape of the noise: ${which}. ` +
    `The performance score is judged the same way, on its own runs${scores}. ` +
    'A page is marked ✓ when every range lies within its target, ✗ when a range lies wholly outside one, and ? when a range straddles a target: the runs cannot tell, and more rounds would.'
  );
}

/** "Of 22 pages: 3 meet every target (✓), 5 miss at least one (✗), 14 cannot be decided from these runs (?)." */
function verdictCount(report: BenchReport, formFactor: 'mobile' | 'desktop', targets: typeof TARGETS): string {
  const verdicts = report.pages.flatMap((page) => comparePage(report, page, formFactor, targets)?.verdict ?? []);
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
  const verb = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Of ${verdicts.length} pages: ${verb(count('met'), 'meets', 'meet')} every target (✓), ${verb(count('missed'), 'misses', 'miss')} at least one (✗), ${count('undecided')} cannot be decided from these runs (?).`;
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
    if (runs > 1) lines.push(intervalsParagraph(runs, targets.performance), '');
    lines.push(
      '| Page | Perf | Perf − baseline | A11y | BP | SEO | LCP ms | TBT ms | TBT ÷ baseline | TBT zh ÷ en | CLS | benchmarkIndex | Targets |',
      '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | :-: |',
    );
    lines.push(...rows, '');
    lines.push(verdictCount(report, formFactor, targets), '');
    lines.push(...blockingSection(report, formFactor));
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
