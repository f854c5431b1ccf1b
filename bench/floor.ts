// `npm run bench:floor`: how much of each page's blocking time is its HTML and CSS alone. Serves
// the built site and a copy whose chosen pages have every script removed (bench/strip-scripts.ts),
// measures both in Lighthouse (mobile) in alternating order, round after round, and writes
// bench/floor.md and bench/floor.json. Needs a build (`npm run build`). Flags: --runs N (rounds,
// default 5), --pages /a/,/b/ (default: the plain page, the sendfile and mmap chapters, and the
// plain page and mmap chapter in zh-Hans; the plain page of each language measured always comes
// first), --render-only (measure nothing: write floor.md again from floor.json). A benchmark: it
// never fails on a timing, and it waits for a quiet machine as `npm run bench` does.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BUILD_DIR} from '../tests/support/site-pages';
import {startStaticServer} from '../tests/support/static-server';
import {renderFloorMarkdown, type FloorPage, type FloorReport, type FloorRuns} from './floor-report';
import {launchForLighthouse, lighthouseOnce, type LhrLike} from './lighthouse';
import {loadAverageNow, machineFacts, waitForQuiet} from './machine';
import {BASELINE, pageFile, pagesOf, renderAgain, roundsOf, writeReport} from './paired-pages';
import {withoutScripts} from './strip-scripts';

const REPORT_DIR = path.resolve(process.env.ZC_BENCH_DIR ?? import.meta.dirname);

/** The figures kept from one Lighthouse run. */
interface Run {
  readonly tbt: number;
  readonly performance: number;
  readonly benchmarkIndex: number;
}

function runOf(lhr: LhrLike): Run {
  return {
    tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
  };
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--render-only')) {
    renderAgain<FloorReport>(REPORT_DIR, 'floor', renderFloorMarkdown);
    return;
  }
  const rounds = roundsOf(args);
  const pages = pagesOf(args, BUILD_DIR);

  const copy = mkdtempSync(path.join(tmpdir(), 'zc-floor-'));
  cpSync(BUILD_DIR, copy, {recursive: true});
  for (const page of pages) {
    const file = pageFile(copy, page);
    writeFileSync(file, withoutScripts(readFileSync(file, 'utf8')));
  }
  const built = await startStaticServer(BUILD_DIR);
  const bare = await startStaticServer(copy);
  const loadAverageStart = loadAverageNow();
  const quietWait = await waitForQuiet({onWait: (load, limit) => console.log(`Waiting for a quiet machine: load average ${load.toFixed(2)}, runs start below ${limit}...`)});
  const browser = await launchForLighthouse();
  const chromium = browser.version();
  const collected = new Map<string, {built: Run[]; bare: Run[]}>(pages.map((page) => [page, {built: [], bare: []}]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        const order = round % 2 === 0 ? (['built', 'bare'] as const) : (['bare', 'built'] as const);
        for (const variant of order) {
          const server = variant === 'built' ? built : bare;
          const result = runOf(await lighthouseOnce(server.url + page, 'mobile'));
          collected.get(page)![variant].push(result);
          console.log(`round ${round + 1}/${rounds} ${page} ${variant === 'built' ? 'as built' : 'without scripts'}: TBT ${result.tbt} ms, score ${result.performance}`);
        }
      }
    }
  } finally {
    await browser.close();
    await built.close();
    await bare.close();
    rmSync(copy, {recursive: true, force: true});
  }
  const summary = (list: readonly Run[]): FloorRuns => ({
    tbtMs: list.map((run) => run.tbt),
    performance: list.map((run) => run.performance),
    benchmarkIndexes: list.map((run) => run.benchmarkIndex),
  });
  const report: FloorReport = {
    generatedAt: new Date().toISOString(),
    machine: machineFacts(chromium, loadAverageStart, quietWait),
    rounds,
    baselinePath: BASELINE,
    pages: pages.map((page): FloorPage => ({path: page, built: summary(collected.get(page)!.built), withoutScripts: summary(collected.get(page)!.bare)})),
  };
  writeReport(REPORT_DIR, 'floor', report, renderFloorMarkdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
