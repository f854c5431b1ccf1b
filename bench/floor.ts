// `npm run bench:floor`: how much of each page's blocking time is its HTML and CSS alone. Serves
// the built site and a copy whose chosen pages have every script removed (bench/strip-scripts.ts),
// measures both in Lighthouse (mobile) in alternating order, round after round, and writes
// bench/floor.md and bench/floor.json. Needs a build (`npm run build`). Flags: --runs N (rounds,
// default 5), --pages /a/,/b/ (default: the plain page, the sendfile and mmap chapters, and the
// plain page and mmap chapter in zh-Hans; the plain page of each language measured always comes
// first), --render-only (measure nothing: write floor.md again from floor.json). A benchmark: it
// never fails on a timing, and it waits for a quiet machine as `npm run bench` does.
import path from 'node:path';
import {renderFloorMarkdown, type FloorPage, type FloorRuns} from './floor-report';
import {score, type LhrLike} from './lighthouse';
import {runCommand} from './paired-pages';
import {withoutScripts} from './strip-scripts';
import {runVariantBench} from './variants';

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
    performance: score(lhr, 'performance'),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
  };
}

async function main(args: readonly string[]): Promise<void> {
  await runVariantBench(args, REPORT_DIR, {
    name: 'floor',
    change: withoutScripts,
    changedLabel: 'without scripts',
    keep: runOf,
    show: (run) => `TBT ${run.tbt} ms, score ${run.performance}`,
    summarise: (list): FloorRuns => ({
      tbtMs: list.map((run) => run.tbt),
      performance: list.map((run) => run.performance),
      benchmarkIndexes: list.map((run) => run.benchmarkIndex),
    }),
    page: (path, built, withoutScripts): FloorPage => ({path, built, withoutScripts}),
    render: renderFloorMarkdown,
  });
}

runCommand(main);
