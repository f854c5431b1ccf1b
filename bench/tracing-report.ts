// bench/tracing.md: each page's blocking time as the page itself reports it (the Long Tasks API)
// at 4x CPU slowdown, loaded with no trace running and with Lighthouse's trace categories on, in
// the same rounds, with the plain page beside it. What the second adds is the cost of the
// measurement, not of the page.
import {loadAverageSentence, quietSentence} from './machine';
import {baselineOf, figure, ratio, type PairedReport} from './paired-pages';

/** A long task is one over 50 ms; its blocking time is what lies beyond (Lighthouse's TBT counts the same). */
export const LONG_TASK_MS = 50;

/** The blocking time of a load: the part of each long task beyond 50 ms, summed. */
export function blockingTime(taskDurationsMs: readonly number[]): number {
  return Math.round(taskDurationsMs.reduce((sum, duration) => sum + Math.max(0, duration - LONG_TASK_MS), 0));
}

/** One page's loads, in round order: blocking time in ms. */
export interface TracingPage {
  readonly path: string;
  readonly untracedMs: readonly number[];
  readonly tracedMs: readonly number[];
}

export interface TracingReport extends PairedReport {
  /** How long each load was watched after navigation began. */
  readonly watchMs: number;
  /** The trace categories of the traced loads: Lighthouse's own defaults. */
  readonly categories: readonly string[];
  readonly pages: readonly TracingPage[];
}

export function renderTracingMarkdown(report: TracingReport): string {
  baselineOf(report.pages, report.baselinePath, report.baselinePath);
  const m = report.machine;
  const lines = [
    "# Blocking time with and without Lighthouse's trace",
    '',
    `Measured ${report.generatedAt} on ${m.cpuModel}, ${m.cpus} cores, Chromium ${m.chromium}, by \`npm run bench:tracing\`, in ${report.rounds} round${report.rounds === 1 ? '' : 's'}.${loadAverageSentence(m.loadAverageStart, m.loadAverageEnd)}${quietSentence(m.quietWait, 'The runs')}`,
    '',
    `Each page was loaded in a phone-sized viewport with the CPU slowed down 4x, and watched for ${report.watchMs / 1000} s; its blocking time is the time each task took beyond ${LONG_TASK_MS} ms, summed over the tasks, as the page's own Long Tasks API reported them. In each round every page was loaded twice, in alternating order: once with no trace running, as a reader's browser runs, and once while Chromium traced the categories Lighthouse records (${report.categories.length} of them, among them the JavaScript stack of timeline events and the tracking of every style and layout invalidation). These are not Lighthouse's figures: Lighthouse simulates the slowdown from an unthrottled trace and counts from the first paint. They show what Lighthouse's trace adds to the tasks it measures.`,
    '',
    `Figures are medians with the range of the runs in brackets. "÷ plain" divides a page's median by the median of the plain page in its language (\`${report.baselinePath}\`, or its zh-Hans twin when measured), loaded the same way in the same rounds.`,
    '',
    '| Page | No trace (ms) | ÷ plain | With the trace (ms) | ÷ plain | Trace ÷ no trace |',
    '| --- | --: | --: | --: | --: | --: |',
  ];
  for (const page of report.pages) {
    const baseline = baselineOf(report.pages, report.baselinePath, page.path);
    lines.push(
      `| \`${page.path}\` | ${figure(page.untracedMs)} | ${ratio(page.untracedMs, baseline.untracedMs)} | ${figure(page.tracedMs)} | ${ratio(page.tracedMs, baseline.tracedMs)} | ${ratio(page.tracedMs, page.untracedMs)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
