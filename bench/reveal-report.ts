// bench/reveal.md: each page measured as built and with its progressive reveal held back
// (bench/hold-reveal.ts), in the same rounds, with the plain page beside it. The difference is
// what showing the whole article during the load costs: the blocking time, and the main thread's
// style, layout and paint work that Lighthouse adds up.
import {median} from './lighthouse';
import {loadAverageSentence, quietSentence} from './machine';
import {baselineOf, figure, ratio, type PairedReport} from './paired-pages';

/** One variant's Lighthouse runs (mobile) of a page, in round order. */
export interface RevealRuns {
  readonly tbtMs: readonly number[];
  readonly performance: readonly number[];
  readonly accessibility: readonly number[];
  /** Main-thread style and layout, and paint, composite and render, in ms at 4x CPU. */
  readonly styleLayoutMs: readonly number[];
  readonly paintMs: readonly number[];
  readonly benchmarkIndexes: readonly number[];
}

export interface RevealPage {
  readonly path: string;
  readonly built: RevealRuns;
  readonly held: RevealRuns;
}

export interface RevealReport extends PairedReport {
  readonly pages: readonly RevealPage[];
}

/** The median of each variant: "as built → held back". */
const pair = (built: readonly number[], held: readonly number[]) => `${Math.round(median(built))} → ${Math.round(median(held))}`;

export function renderRevealMarkdown(report: RevealReport): string {
  baselineOf(report.pages, report.baselinePath, report.baselinePath);
  const m = report.machine;
  const indexes = report.pages.flatMap((page) => [...page.built.benchmarkIndexes, ...page.held.benchmarkIndexes]);
  const lines = [
    '# What the progressive reveal costs',
    '',
    `Measured ${report.generatedAt} on ${m.cpuModel}, ${m.cpus} cores, Chromium ${m.chromium}, by \`npm run bench:reveal\`: Lighthouse mobile (simulated slow 4G, 4x CPU slowdown), ${report.rounds} rounds. In each round every page was measured twice, as built and with the reveal held back (the same page with \`<html data-reveal-held>\`, which src/theme/Root/reveal.ts obeys), the two in alternating order.${loadAverageSentence(m.loadAverageStart, m.loadAverageEnd)}${quietSentence(m.quietWait, 'The runs')} Lighthouse's benchmarkIndex: median ${Math.round(median(indexes))}, range ${Math.min(...indexes)}–${Math.max(...indexes)}.`,
    '',
    'As built, an article shows its first seven blocks at once and the rest a frame\'s worth at a time once the app has started, so that by the end of the load every block is laid out. Held back, the blocks after the seventh stay `content-visibility: auto`: the browser lays each out only when it nears the viewport, which in a Lighthouse run, where nobody scrolls, is never. The last six are the exception: src/css/custom.css lays them out as the page loads, as a site that held the reveal back would have to, since axe otherwise measures the contrast of the end of the article against the footer that the estimated sizes put there.',
    '',
    `Figures are medians with the range of the runs in brackets; "→" gives the median as built, then held back. "÷ plain" divides a page's median TBT by the median TBT, as built, of the plain page in its language (\`${report.baselinePath}\`, or its zh-Hans twin when measured) in the same rounds. Style and layout, and paint, are the main thread's time in Lighthouse's groups of the same names (\`mainthread-work-breakdown\`, at 4x CPU), summed over the load. Accessibility is Lighthouse's score: axe checks colour contrast by asking the browser what is drawn under each piece of text, and a block not yet laid out has nothing drawn.`,
    '',
    '| Page | TBT as built (ms) | ÷ plain | TBT held back (ms) | ÷ plain | Style and layout (ms) | Paint (ms) | Score | Accessibility |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const page of report.pages) {
    const baseline = baselineOf(report.pages, report.baselinePath, page.path);
    const {built, held} = page;
    lines.push(
      `| \`${page.path}\` | ${figure(built.tbtMs)} | ${ratio(built.tbtMs, baseline.built.tbtMs)} | ${figure(held.tbtMs)} | ${ratio(held.tbtMs, baseline.built.tbtMs)} | ${pair(built.styleLayoutMs, held.styleLayoutMs)} | ${pair(built.paintMs, held.paintMs)} | ${pair(built.performance, held.performance)} | ${pair(built.accessibility, held.accessibility)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
