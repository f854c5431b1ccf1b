// bench/report.md: the figures beside the targets the performance issue set.
import type {BenchReport, PageReport} from './run';

export const TARGETS = {
  performance: 95,
  accessibility: 100,
  bestPractices: 95,
  seo: 95,
  cls: 0.02,
  tbtMs: 150,
  /** Initial JS of a chapter page at most this much above a plain doc page. */
  chapterJsOverPlain: 0.2,
} as const;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** " (low–high)" after a median, when its runs differed. */
const range = (pair: readonly [number, number]): string => (pair[0] !== pair[1] ? ` (${pair[0]}–${pair[1]})` : '');

function lighthouseRows(pages: readonly PageReport[], formFactor: 'mobile' | 'desktop', targets: typeof TARGETS): string[] {
  return pages
    .filter((page) => page.lighthouse[formFactor])
    .map((page) => {
      const lh = page.lighthouse[formFactor]!;
      const s = lh.scores;
      const ok =
        s.performance >= targets.performance &&
        s.accessibility >= targets.accessibility &&
        s.bestPractices >= targets.bestPractices &&
        s.seo >= targets.seo &&
        lh.cls <= targets.cls &&
        lh.tbtMs <= targets.tbtMs;
      return `| ${page.path} | ${s.performance}${range(lh.performanceRange)} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${lh.lcpMs} | ${lh.tbtMs}${range(lh.tbtRangeMs)} | ${lh.cls} | ${mark(ok)} |`;
    });
}

export function renderMarkdown(report: BenchReport, targets: typeof TARGETS): string {
  const lines: string[] = [];
  lines.push('# Benchmark report', '');
  lines.push(`Generated ${report.generatedAt} on ${report.machine.cpus} cores, Node ${report.machine.node}. Timings are noisy; read them as rough.`, '');
  lines.push('## Build, grading, model', '');
  lines.push('| What | Figure |', '| --- | --: |');
  lines.push(`| Cold build, en + zh-Hans | ${report.build.coldSeconds ?? 'skipped'} s |`);
  lines.push(`| Warm build, en + zh-Hans | ${report.build.warmSeconds ?? 'skipped'} s |`);
  lines.push(`| \`npm run grade -- --target reference\`, every chapter | ${report.gradeReferenceSeconds} s |`);
  lines.push(`| Model: summarise 1 GiB read 4 KiB at a time | ${report.model.summarise1GiB4KiBMicroseconds} µs |`, '');
  for (const formFactor of ['mobile', 'desktop'] as const) {
    const rows = lighthouseRows(report.pages, formFactor, targets);
    if (rows.length === 0) continue;
    lines.push(`## Lighthouse 12, ${formFactor}`, '');
    const runs = Math.max(...report.pages.map((page) => page.lighthouse[formFactor]?.runs ?? 1));
    lines.push(
      `Each figure is the median of ${runs} run${runs === 1 ? '' : 's'} per page; the lowest and highest performance score and TBT follow in brackets where they differ.`,
      '',
    );
    lines.push(
      `Targets: performance ≥ ${targets.performance}, accessibility ${targets.accessibility}, best practices ≥ ${targets.bestPractices}, SEO ≥ ${targets.seo}, CLS ≤ ${targets.cls}, TBT ≤ ${targets.tbtMs} ms.`,
      '',
    );
    lines.push('| Page | Perf | A11y | BP | SEO | LCP ms | TBT ms | CLS | Targets |', '| --- | --: | --: | --: | --: | --: | --: | --: | :-: |');
    lines.push(...rows, '');
  }
  lines.push('## Page weight (JS and CSS)', '');
  lines.push('Initial: loaded before any interaction. Lazy: loaded while scrolling through the page (Mermaid, for instance).', '');
  lines.push('| Page | JS initial (gzip / raw) | CSS initial (gzip) | JS lazy (gzip / raw) | JS vs plain page | Target |', '| --- | --: | --: | --: | --: | :-: |');
  for (const locale of ['en', 'zh-Hans'] as const) {
    const plain = report.pages.find((p) => p.kind === 'plain' && p.locale === locale);
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
