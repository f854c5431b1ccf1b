// What `npm run bench:floor` and `npm run bench:reveal` share: each chosen page measured in
// Lighthouse (mobile) as built and as a changed copy of itself, the two in alternating order,
// round after round, on a machine that was quiet when the runs began.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BUILD_DIR} from '../tests/support/site-pages';
import {startStaticServer} from '../tests/support/static-server';
import {launchForLighthouse, lighthouseOnce, type LhrLike} from './lighthouse';
import {loadAverageNow, machineFacts, waitForQuiet, type MachineFacts} from './machine';
import {pageFile} from './paired-pages';

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
