// What `npm run bench:floor` and `npm run bench:tracing` share: which pages they measure, each
// beside the plain page of its language measured in the same rounds, how many rounds, and how
// their reports give a page's runs against that plain page.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {median} from './lighthouse';
import type {MachineFacts} from './machine';

export const BASELINE = '/docs/exercises/';
const ZH = 'zh-Hans';
const ZH_BASELINE = `/${ZH}${BASELINE}`;
const DEFAULT_PAGES = [BASELINE, '/docs/sendfile/', '/docs/mmap-and-java-nio/', ZH_BASELINE, '/zh-Hans/docs/mmap-and-java-nio/'];

/** The value after `name` on the command line, if given. */
function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** --runs N: the number of rounds, 5 unless given; anything but a whole number from 1 is refused. */
export function roundsOf(args: readonly string[]): number {
  const rounds = Number(flag(args, '--runs') ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--runs takes a whole number of rounds, 1 or more; got ${flag(args, '--runs')}`);
  return rounds;
}

/**
 * --pages /a/,/b/ (default: the plain page, the sendfile and mmap chapters, and the plain page and
 * mmap chapter in zh-Hans), with the plain page of each language measured first; each must be a
 * page of the build in `buildDir`.
 */
export function pagesOf(args: readonly string[], buildDir: string): string[] {
  const chosen = flag(args, '--pages')?.split(',').filter(Boolean) ?? DEFAULT_PAGES;
  const baselines = chosen.some((page) => page.startsWith(`/${ZH}/`)) ? [BASELINE, ZH_BASELINE] : [BASELINE];
  const pages = [...baselines, ...chosen.filter((page) => !baselines.includes(page))];
  if (!existsSync(buildDir)) throw new Error(`no build in ${buildDir}: run \`npm run build\` first`);
  for (const page of pages) if (!page.endsWith('/') || !existsSync(pageFile(buildDir, page))) throw new Error(`${page} is not a page of the build in ${buildDir}`);
  return pages;
}

/** The HTML file of a page of the build in `dir`, by its path ("/docs/sendfile/"). */
export const pageFile = (dir: string, page: string) => path.join(dir, page, 'index.html');

/** What both reports record besides their pages. */
export interface PairedReport {
  readonly generatedAt: string;
  readonly machine: MachineFacts;
  readonly rounds: number;
  /** The course's plainest page (/docs/exercises/); a zh-Hans page is compared with its zh-Hans twin when measured. */
  readonly baselinePath: string;
}

/** Runs a benchmark's command line; an error's message goes to stderr and the exit code is 1. */
export function runCommand(main: (args: readonly string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

/** Writes `<name>.json` and `<name>.md` (rendered from it) into `dir`. */
export function writeReport<R>(dir: string, name: string, report: R, render: (report: R) => string): void {
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(dir, `${name}.md`), render(report));
  console.log(`Wrote ${path.join(dir, `${name}.md`)} and ${name}.json`);
}

/** --render-only: writes `<name>.md` again from `<name>.json`, measuring nothing. */
export function renderAgain<R>(dir: string, name: string, render: (report: R) => string): void {
  const report = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as R;
  writeFileSync(path.join(dir, `${name}.md`), render(report));
  console.log(`Wrote ${path.join(dir, `${name}.md`)} from ${name}.json`);
}

/** A median with the range of the runs in brackets. */
export const figure = (values: readonly number[]) => `${Math.round(median(values))} (${Math.min(...values)}–${Math.max(...values)})`;

/** A ratio of medians, to one decimal place; "–" when the reference is 0 ms. */
export function ratio(value: readonly number[], reference: readonly number[]): string {
  const below = median(reference);
  return below === 0 ? '–' : `${(median(value) / below).toFixed(1)}×`;
}

/** The plain page of a page's language: `/zh-Hans/docs/exercises/` for a zh-Hans page, when measured. */
export function baselineOf<P extends {readonly path: string}>(pages: readonly P[], baselinePath: string, page: string): P {
  const find = (path: string) => pages.find((measured) => measured.path === path);
  const zh = page.startsWith(`/${ZH}/`) ? find(`/${ZH}${baselinePath}`) : undefined;
  const baseline = zh ?? find(baselinePath);
  if (!baseline) throw new Error(`the baseline ${baselinePath} was not measured`);
  return baseline;
}
