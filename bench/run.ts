// `npm run bench`: how fast the course is, measured. Builds the site (cold and warm), serves
// it gzipped on loopback, runs Lighthouse (mobile and desktop) on the landing page, a plain
// doc page and every chapter in both locales, weighs each page's JS and CSS, times grading
// and the model, and writes bench/report.json and bench/report.md. Flags: --skip-build,
// --mobile-only, --runs N (Lighthouse runs per page and form factor, median kept; default 5; the
// runs go in rounds over all pages, bench/schedule.ts),
// --pages /a/,/b/ (measure only these paths, in both locales; for a quick look), --render-only
// (measure nothing: write report.md again from report.json, after a change to bench/report.ts).
// A benchmark, not a test: it never fails on a timing. Every page is also reported against the
// course's plainest page (/docs/exercises/, no live component) measured in the same run, and
// the report records the machine: absolute figures differ widely between machines. Before the
// Lighthouse runs it waits (up to 5 min) for the 1-minute load average to fall below half the
// cores, and the report says whether it did.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {CHAPTERS} from '../src/data/course';
import {readWriteSummary} from '../src/model/read-write';
import {GiB, KiB} from '../src/model/units';
import {launchChromium} from '../tests/support/browser';
import {BUILD_DIR} from '../tests/support/site-pages';
import {startStaticServer} from '../tests/support/static-server';
import {launchForLighthouse, lighthouseOnce, summarise, type FormFactor, type LhrLike, type LighthouseResult} from './lighthouse';
import {interleavedRuns, withBaselineTwice} from './schedule';
import {measurePageWeight, type PageWeight} from './page-weight';
import {renderMarkdown, TARGETS} from './report';
import {loadAverageNow, machineFacts, waitForQuiet, type MachineFacts} from './machine';
import {readMutationReport, withMutationSection} from '../tools/mutation/report';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Where report.json and report.md go; ZC_BENCH_DIR lets a test render elsewhere. */
const REPORT_DIR = path.resolve(process.env.ZC_BENCH_DIR ?? path.join(ROOT, 'bench'));
const BIN = path.join(ROOT, 'node_modules', '.bin');

export interface PageReport {
  readonly path: string;
  /** 'baseline': the plainest page, which every other page is compared with. */
  readonly kind: 'landing' | 'baseline' | 'page' | 'chapter';
  readonly locale: 'en' | 'zh-Hans';
  readonly lighthouse: Partial<Record<FormFactor, LighthouseResult>>;
  readonly weight: PageWeight;
}

export interface BenchReport {
  readonly generatedAt: string;
  readonly machine: MachineFacts;
  readonly build: {coldSeconds: number | null; warmSeconds: number | null};
  readonly gradeReferenceSeconds: number;
  readonly model: {summarise1GiB4KiBMicroseconds: number};
  readonly pages: readonly PageReport[];
}

function timed(command: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(path.join(BIN, command), args, {cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit']});
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return Number(((performance.now() - started) / 1000).toFixed(1));
}

function modelMicroseconds(): number {
  const runs = 20_000;
  readWriteSummary(GiB, 4 * KiB);
  const started = performance.now();
  for (let i = 0; i < runs; i++) readWriteSummary(GiB, 4 * KiB);
  return Number((((performance.now() - started) * 1000) / runs).toFixed(2));
}

function numberFlag(args: readonly string[], flag: string, fallback: number): number {
  const index = args.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} wants a whole number of runs, at least 1; got "${args[index + 1] ?? ''}"`);
  return value;
}

export const BASELINE_PATH = '/docs/exercises/';

function pagesToMeasure(only: readonly string[]): {path: string; kind: PageReport['kind']}[] {
  const chapters = CHAPTERS.filter((c) => c.status === 'published').map((c) => ({path: `/docs/${c.slug}/`, kind: 'chapter' as const}));
  const all: {path: string; kind: PageReport['kind']}[] = [
    {path: BASELINE_PATH, kind: 'baseline'},
    {path: '/', kind: 'landing'},
    {path: '/docs/teach/', kind: 'page'},
    ...chapters,
    // The lab page is held to the chapters' targets (issue 13).
    {path: '/docs/lab/', kind: 'chapter'},
  ];
  // The baseline is always measured: every other figure is read against it.
  return only.length === 0 ? all : all.filter((page) => page.kind === 'baseline' || only.includes(page.path));
}

function writeMarkdown(report: BenchReport): void {
  writeFileSync(path.join(REPORT_DIR, 'report.md'), withMutationSection(renderMarkdown(report, TARGETS), readMutationReport()));
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--render-only')) {
    writeMarkdown(JSON.parse(readFileSync(path.join(REPORT_DIR, 'report.json'), 'utf8')) as BenchReport);
    console.log(`Wrote ${path.relative(ROOT, path.join(REPORT_DIR, 'report.md'))} from report.json`);
    return;
  }
  const skipBuild = args.includes('--skip-build');
  const formFactors: FormFactor[] = args.includes('--mobile-only') ? ['mobile'] : ['mobile', 'desktop'];
  const runs = numberFlag(args, '--runs', 5);
  const pagesAt = args.indexOf('--pages');
  const only = pagesAt >= 0 ? (args[pagesAt + 1] ?? '').split(',').filter(Boolean) : [];
  const loadAverageStart = loadAverageNow();
  const build = {coldSeconds: null as number | null, warmSeconds: null as number | null};
  if (!skipBuild) {
    console.log('Building (cold)...');
    timed('docusaurus', ['clear']);
    build.coldSeconds = timed('docusaurus', ['build']);
    console.log('Building (warm)...');
    build.warmSeconds = timed('docusaurus', ['build']);
  }
  console.log('Grading every chapter against the reference model...');
  const gradeReferenceSeconds = timed('tsx', ['tools/cli.ts', 'grade', '--target', 'reference', '--report', mkdtempSync(path.join(tmpdir(), 'zc-bench-'))]);
  const model = {summarise1GiB4KiBMicroseconds: modelMicroseconds()};
  const quietWait = await waitForQuiet({
    onWait: (load, limit) => console.log(`Waiting for a quiet machine: 1-minute load average ${load.toFixed(2)}, runs start below ${limit} (at most 5 min)...`),
  });
  if (!quietWait.quiet) console.log(`The load average is still ${quietWait.loadAverage}: measuring anyway, and the report says so.`);

  const server = await startStaticServer(BUILD_DIR);
  const weigher = await launchChromium();
  const lighthouseBrowser = await launchForLighthouse();
  const pages: PageReport[] = [];
  const chromiumVersion = lighthouseBrowser.version();
  // Every page and form factor once per round (bench/schedule.ts says why), then the weights.
  const localePages = (['en', 'zh-Hans'] as const).map((locale) =>
    pagesToMeasure(only).map((page) => ({...page, locale, urlPath: locale === 'en' ? page.path : `/zh-Hans${page.path}`})),
  );
  const targets = localePages.flat();
  const roundOrder = localePages.flatMap((pages) => {
    const baseline = pages.find((page) => page.kind === 'baseline')!;
    return withBaselineTwice(baseline, pages.filter((page) => page !== baseline));
  });
  const runsOf = new Map<string, LhrLike[]>();
  const key = (urlPath: string, formFactor: FormFactor) => `${formFactor} ${urlPath}`;
  try {
    const schedule = interleavedRuns(
      roundOrder.flatMap((target) => formFactors.map((formFactor) => ({...target, formFactor}))),
      runs,
    );
    for (const [i, {round, target}] of schedule.entries()) {
      console.log(`Round ${round}/${runs}, run ${i + 1}/${schedule.length}: ${target.urlPath} (${target.formFactor})`);
      const lhr = await lighthouseOnce(`${server.url}${target.urlPath}`, target.formFactor);
      const k = key(target.urlPath, target.formFactor);
      runsOf.set(k, [...(runsOf.get(k) ?? []), lhr]);
    }
    for (const target of targets) {
      const lighthouse: PageReport['lighthouse'] = {};
      for (const formFactor of formFactors) lighthouse[formFactor] = summarise(runsOf.get(key(target.urlPath, formFactor)) ?? []);
      const weight = await measurePageWeight(weigher, server.url, target.urlPath, BUILD_DIR);
      pages.push({path: target.urlPath, kind: target.kind, locale: target.locale, lighthouse, weight});
    }
  } finally {
    await lighthouseBrowser.close();
    await weigher.close();
    await server.close();
  }
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    machine: machineFacts(chromiumVersion, loadAverageStart, quietWait),
    build,
    gradeReferenceSeconds,
    model,
    pages,
  };
  writeFileSync(path.join(REPORT_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeMarkdown(report);
  console.log('Wrote bench/report.md and bench/report.json');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
