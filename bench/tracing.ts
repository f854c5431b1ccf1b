// `npm run bench:tracing`: how much of a page's measured blocking time is the measurement. Loads
// each page of the build at 4x CPU slowdown, once with no trace running and once while Chromium
// records Lighthouse's own trace categories, in alternating order, round after round; the page's
// Long Tasks API reports the tasks either way. Writes bench/tracing.md and bench/tracing.json.
// Needs a build (`npm run build`). Flags: --runs N (rounds, default 5), --pages /a/,/b/ (default:
// the pages `npm run bench:floor` measures; the plain page of each language measured always comes
// first), --render-only (write tracing.md again from tracing.json). A benchmark: it never fails on
// a timing, and it waits for a quiet machine as `npm run bench` does.
import path from 'node:path';
import type {Browser} from 'playwright-core';
import Trace from 'lighthouse/core/gather/gatherers/trace.js';
import {launchChromium} from '../tests/support/browser';
import {BUILD_DIR} from '../tests/support/site-pages';
import {startStaticServer} from '../tests/support/static-server';
import {loadAverageNow, machineFacts, waitForQuiet} from './machine';
import {BASELINE, pagesOf, renderAgain, roundsOf, runCommand, writeReport} from './paired-pages';
import {blockingTime, renderTracingMarkdown, type TracingReport} from './tracing-report';

const REPORT_DIR = path.resolve(process.env.ZC_BENCH_DIR ?? import.meta.dirname);
/** Lighthouse's CPU slowdown for mobile, applied here by Chromium itself. */
const CPU_SLOWDOWN = 4;
/** How long a load is watched: the app has started and the article been revealed well before. */
const WATCH_MS = 6000;

/** Records every long task from the first byte, buffered, for the page to report. */
const RECORD_LONG_TASKS = `
  window.__zcLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__zcLongTasks.push(entry.duration);
  }).observe({type: 'longtask', buffered: true});
`;

/** Lighthouse's trace categories, split as Chromium's Tracing.start takes them ("-*" excludes). */
function lighthouseCategories(): {included: string[]; excluded: string[]} {
  const all = Trace.getDefaultTraceCategories();
  return {
    included: all.filter((category) => !category.startsWith('-')),
    excluded: all.filter((category) => category.startsWith('-')).map((category) => category.slice(1)),
  };
}

/** One load of `url` in a fresh phone-sized context at 4x CPU slowdown: its blocking time in ms. */
async function load(browser: Browser, url: string, traced: boolean): Promise<number> {
  const context = await browser.newContext({viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true});
  try {
    const page = await context.newPage();
    await page.addInitScript({content: RECORD_LONG_TASKS});
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
    let traceDone: Promise<unknown> | undefined;
    if (traced) {
      const {included, excluded} = lighthouseCategories();
      traceDone = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      // The events are discarded as they arrive: recording them is the cost being measured.
      cdp.on('Tracing.dataCollected', () => undefined);
      await cdp.send('Tracing.start', {traceConfig: {includedCategories: included, excludedCategories: excluded}, transferMode: 'ReportEvents'});
    }
    await page.goto(url, {waitUntil: 'load'});
    await page.waitForTimeout(WATCH_MS);
    const durations = (await page.evaluate('window.__zcLongTasks')) as number[];
    if (traced) {
      await cdp.send('Tracing.end');
      await traceDone;
    }
    return blockingTime(durations);
  } finally {
    await context.close();
  }
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--render-only')) {
    renderAgain<TracingReport>(REPORT_DIR, 'tracing', renderTracingMarkdown);
    return;
  }
  const rounds = roundsOf(args);
  const pages = pagesOf(args, BUILD_DIR);

  const server = await startStaticServer(BUILD_DIR);
  const loadAverageStart = loadAverageNow();
  const quietWait = await waitForQuiet({onWait: (load, limit) => console.log(`Waiting for a quiet machine: load average ${load.toFixed(2)}, runs start below ${limit}...`)});
  const browser = await launchChromium();
  const chromium = browser.version();
  const collected = new Map(pages.map((page) => [page, {untraced: [] as number[], traced: [] as number[]}]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        for (const traced of round % 2 === 0 ? [false, true] : [true, false]) {
          const ms = await load(browser, server.url + page, traced);
          collected.get(page)![traced ? 'traced' : 'untraced'].push(ms);
          console.log(`round ${round + 1}/${rounds} ${page} ${traced ? "with Lighthouse's trace" : 'no trace'}: ${ms} ms blocking`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const report: TracingReport = {
    generatedAt: new Date().toISOString(),
    machine: machineFacts(chromium, loadAverageStart, quietWait),
    rounds,
    watchMs: WATCH_MS,
    baselinePath: BASELINE,
    categories: lighthouseCategories().included,
    pages: pages.map((page) => ({path: page, untracedMs: collected.get(page)!.untraced, tracedMs: collected.get(page)!.traced})),
  };
  writeReport(REPORT_DIR, 'tracing', report, renderTracingMarkdown);
}

runCommand(main);
