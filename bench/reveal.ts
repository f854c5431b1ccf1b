// `npm run bench:reveal`: what the progressive reveal (src/theme/Root/reveal.ts) costs a page's
// load. Serves the built site and a copy whose chosen pages hold the reveal back
// (bench/hold-reveal.ts), measures both in Lighthouse (mobile) in alternating order, round after
// round, and writes bench/reveal.md and bench/reveal.json: blocking time, the main thread's style,
// layout and paint, and the accessibility score. Needs a build (`npm run build`). Flags as
// `npm run bench:floor`: --runs N (rounds, default 5), --pages /a/,/b/, --render-only. A
// benchmark: it never fails on a timing, and it waits for a quiet machine as `npm run bench` does.
import path from 'node:path';
import {withRevealHeld} from './hold-reveal';
import {mainThreadMs, score, type LhrLike} from './lighthouse';
import {runCommand} from './paired-pages';
import {renderRevealMarkdown, type RevealPage, type RevealRuns} from './reveal-report';
import {runVariantBench} from './variants';

const REPORT_DIR = path.resolve(process.env.ZC_BENCH_DIR ?? import.meta.dirname);

/** The figures kept from one Lighthouse run. */
interface Run {
  readonly tbt: number;
  readonly performance: number;
  readonly accessibility: number;
  readonly styleLayout: number;
  readonly paint: number;
  readonly benchmarkIndex: number;
}

function runOf(lhr: LhrLike): Run {
  return {
    tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    styleLayout: mainThreadMs(lhr, 'styleLayout'),
    paint: mainThreadMs(lhr, 'paintCompositeRender'),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
  };
}

async function main(args: readonly string[]): Promise<void> {
  await runVariantBench(args, REPORT_DIR, {
    name: 'reveal',
    change: withRevealHeld,
    changedLabel: 'reveal held back',
    keep: runOf,
    show: (run) => `TBT ${run.tbt} ms, style and layout ${run.styleLayout} ms, paint ${run.paint} ms, score ${run.performance}, accessibility ${run.accessibility}`,
    summarise: (list): RevealRuns => ({
      tbtMs: list.map((run) => run.tbt),
      performance: list.map((run) => run.performance),
      accessibility: list.map((run) => run.accessibility),
      styleLayoutMs: list.map((run) => run.styleLayout),
      paintMs: list.map((run) => run.paint),
      benchmarkIndexes: list.map((run) => run.benchmarkIndex),
    }),
    page: (path, built, held): RevealPage => ({path, built, held}),
    render: renderRevealMarkdown,
  });
}

runCommand(main);
