// What `npm run bench:floor` and `npm run bench:reveal` share: each chosen page measured in
// Lighthouse (mobile) as built and as a changed copy of itself, the two in alternating order,
// round after round, on a machine that was quiet when the runs began; and the command line both
// share (runVariantBench).
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BUILD_DIR} from '../tests/support/site-pages';
import {startStaticServer} from '../tests/support/static-server';
import {launchForLighthouse, lighthouseOnce, type LhrLike} from './lighthouse';
import {loadAverageNow, machineFacts, waitForQuiet, type MachineFacts} from './machine';
import {BASELINE, pageFile, pagesOf, renderAgain, roundsOf, writeReport, type PairedReport} from './paired-pages';

export interface BesideBuilt<R> {
  readonly pages: readonly string[];
  readonly rounds: number;
  /** The copy's HTML of a chosen page, from the built page's. */
  readonly change: (html: string) => string;
  /** How the log names the copy ("without scripts"). */
  readonly changedLabel: string;
  /** What to keep of one run, and how the log shows it. */
  readonly keep: (lhr: LhrLike) => R;
  readonly show: (run: R) => string;
}

export interface Measured<R> {
  readonly machine: MachineFacts;
  /** Each page's runs in round order, as built and as the changed copy. */
  readonly runs: ReadonlyMap<string, {readonly built: readonly R[]; readonly changed: readonly R[]}>;
}

export async function measureBesideBuilt<R>({pages, rounds, change, changedLabel, keep, show}: BesideBuilt<R>): Promise<Measured<R>> {
  const copy = mkdtempSync(path.join(tmpdir(), 'zc-variant-'));
  cpSync(BUILD_DIR, copy, {recursive: true});
  for (const page of pages) {
    const file = pageFile(copy, page);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  }
  const built = await startStaticServer(BUILD_DIR);
  const changed = await startStaticServer(copy);
  const loadAverageStart = loadAverageNow();
  const quietWait = await waitForQuiet({onWait: (load, limit) => console.log(`Waiting for a quiet machine: load average ${load.toFixed(2)}, runs start below ${limit}...`)});
  const browser = await launchForLighthouse();
  const chromium = browser.version();
  const runs = new Map<string, {built: R[]; changed: R[]}>(pages.map((page) => [page, {built: [], changed: []}]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        const order = round % 2 === 0 ? (['built', 'changed'] as const) : (['changed', 'built'] as const);
        for (const variant of order) {
          const server = variant === 'built' ? built : changed;
          const run = keep(await lighthouseOnce(server.url + page, 'mobile'));
          runs.get(page)![variant].push(run);
          console.log(`round ${round + 1}/${rounds} ${page} ${variant === 'built' ? 'as built' : changedLabel}: ${show(run)}`);
        }
      }
    }
  } finally {
    await browser.close();
    await built.close();
    await changed.close();
    rmSync(copy, {recursive: true, force: true});
  }
  return {machine: machineFacts(chromium, loadAverageStart, quietWait), runs};
}

/** A benchmark of pages beside a changed copy of each: how to measure, sum up and report it. */
export interface VariantBench<R, S, P> extends Omit<BesideBuilt<R>, 'pages' | 'rounds'> {
  /** The report's file names in the report folder: `<name>.md` and `<name>.json`. */
  readonly name: string;
  /** One variant's runs of a page, in round order, as the report keeps them. */
  readonly summarise: (runs: readonly R[]) => S;
  /** A page of the report, from its two variants. */
  readonly page: (path: string, built: S, changed: S) => P;
  readonly render: (report: PairedReport & {readonly pages: readonly P[]}) => string;
}

/**
 * A benchmark's command line: --runs N, --pages /a/,/b/, or --render-only (write `<name>.md`
 * again from `<name>.json`, measuring nothing). Measures the chosen pages beside their changed
 * copies and writes the report to `reportDir`.
 */
export async function runVariantBench<R, S, P>(args: readonly string[], reportDir: string, bench: VariantBench<R, S, P>): Promise<void> {
  if (args.includes('--render-only')) {
    renderAgain(reportDir, bench.name, bench.render);
    return;
  }
  const rounds = roundsOf(args);
  const pages = pagesOf(args, BUILD_DIR);
  const {machine, runs} = await measureBesideBuilt({...bench, pages, rounds});
  const report = {
    generatedAt: new Date().toISOString(),
    machine,
    rounds,
    baselinePath: BASELINE,
    pages: pages.map((page) => bench.page(page, bench.summarise(runs.get(page)!.built), bench.summarise(runs.get(page)!.changed))),
  };
  writeReport(reportDir, bench.name, report, bench.render);
}
