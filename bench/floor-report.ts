// bench/floor.md: each page measured as built and as HTML and CSS alone (bench/strip-scripts.ts),
// in the same rounds, with the plain page beside it. A page's floor is the blocking time that
// remains with none of the site's scripts; what lies above it is its JavaScript.
import {median} from './lighthouse';
import {loadAverageSentence, quietSentence} from './machine';
import {baselineOf, figure, ratio, type PairedReport} from './paired-pages';

/** One page's Lighthouse runs (mobile), as built and without scripts, in round order. */
export interface FloorPage {
  readonly path: string;
  readonly built: FloorRuns;
  readonly withoutScripts: FloorRuns;
}

export interface FloorRuns {
  readonly tbtMs: readonly number[];
  readonly performance: readonly number[];
  readonly benchmarkIndexes: readonly number[];
}

export interface FloorReport extends PairedReport {
  readonly pages: readonly FloorPage[];
}

export function renderFloorMarkdown(report: FloorReport): string {
  baselineOf(report.pages, report.baselinePath, report.baselinePath);
  const m = report.machine;
  const indexes = report.pages.flatMap((page) => [...page.built.benchmarkIndexes, ...page.withoutScripts.benchmarkIndexes]);
  const lines = [
    '# Blocking time without scripts',
    '',
    `Measured ${report.generatedAt} on ${m.cpuModel}, ${m.cpus} cores, Chromium ${m.chromium}, by \`npm run bench:floor\`: Lighthouse mobile (simulated slow 4G, 4x CPU slowdown), ${report.rounds} rounds. In each round every page was measured twice, as built and with the site's scripts removed (same HTML and CSS; only Docusaurus's colour-mode script stays, which, as on a real visit, holds the HTML parser until the stylesheet has arrived), the two in alternating order.${loadAverageSentence(m.loadAverageStart, m.loadAverageEnd)}${quietSentence(m.quietWait, 'The runs')} Lighthouse's benchmarkIndex: median ${Math.round(median(indexes))}, range ${Math.min(...indexes)}–${Math.max(...indexes)}.`,
    '',
    `Figures are medians with the range of the runs in brackets. "÷ plain" divides a page's median TBT by the median TBT of the plain page in its language (\`${report.baselinePath}\`, or its zh-Hans twin when measured) measured the same way in the same rounds. The columns without scripts are the floor: the browser parsing, styling and laying out the page's HTML, which no change to the site's scripts can lower. What lies between the two columns is the scripts' share: starting the app and what it sets the browser doing (hydration, the live components, the progressive reveal laying out the rest of the article). "÷ plain as built" divides a page's floor by the plain page's whole blocking time: the part of a target such as "at most 1.5 times the plain page" that the page's HTML and CSS use up before any script runs.`,
    '',
    '| Page | TBT as built (ms) | ÷ plain | TBT without scripts (ms) | ÷ plain as built | Score as built | Score without scripts |',
    '| --- | --: | --: | --: | --: | --: | --: |',
  ];
  for (const page of report.pages) {
    const baseline = baselineOf(report.pages, report.baselinePath, page.path);
    lines.push(
      `| \`${page.path}\` | ${figure(page.built.tbtMs)} | ${ratio(page.built.tbtMs, baseline.built.tbtMs)} | ${figure(page.withoutScripts.tbtMs)} | ${ratio(page.withoutScripts.tbtMs, baseline.built.tbtMs)} | ${figure(page.built.performance)} | ${figure(page.withoutScripts.performance)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
