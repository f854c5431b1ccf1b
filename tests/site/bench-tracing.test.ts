// npm run bench:tracing loads each page with no trace and with Lighthouse's trace categories, and
// reports the page's own long tasks (bench/tracing.ts). Its arithmetic must be Lighthouse's (time
// beyond 50 ms per task), its report must divide by the right page, and the CLI must refuse what
// it cannot measure.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {blockingTime, renderTracingMarkdown, type TracingReport} from '../../bench/tracing-report';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('blockingTime', () => {
  it("counts only each task's time beyond 50 ms", () => {
    expect(blockingTime([])).toBe(0);
    expect(blockingTime([50, 12, 49.9])).toBe(0);
    expect(blockingTime([30, 60, 120.4])).toBe(80);
  });

  it('never falls when a task grows, and is the sum of the tasks taken apart (seeded random loads)', () => {
    const task = fc.double({min: 0, max: 2000, noNaN: true});
    fc.assert(
      fc.property(fc.array(task, {maxLength: 40}), fc.array(task, {maxLength: 40}), fc.nat(500), (a, b, extra) => {
        const exact = (tasks: number[]) => tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
        expect(blockingTime(a)).toBe(Math.round(exact(a)));
        expect(Math.abs(blockingTime([...a, ...b]) - (exact(a) + exact(b)))).toBeLessThanOrEqual(0.5);
        if (a.length > 0) expect(blockingTime([a[0] + extra, ...a.slice(1)])).toBeGreaterThanOrEqual(blockingTime(a));
      }),
      {seed: 20261207, numRuns: 300},
    );
  });
});

const REPORT: TracingReport = {
  generatedAt: '2026-12-07T06:00:00.000Z',
  machine: {cpuModel: 'Test CPU', cpus: 2, memoryGiB: 8, kernel: '6.1', node: 'v20', chromium: '156', loadAverageStart: [0.5, 1, 1], loadAverageEnd: [1, 1, 1]},
  rounds: 3,
  watchMs: 6000,
  baselinePath: '/docs/exercises/',
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'],
  pages: [
    {path: '/docs/exercises/', untracedMs: [400, 500, 300], tracedMs: [420, 380, 400]},
    {path: '/docs/mmap-and-java-nio/', untracedMs: [600, 700, 650], tracedMs: [800, 900, 1000]},
  ],
};

describe('renderTracingMarkdown', () => {
  it('gives medians with ranges, each divided by the plain page loaded the same way, and what the trace adds', () => {
    const markdown = renderTracingMarkdown(REPORT);
    expect(markdown).toContain('| `/docs/exercises/` | 400 (300–500) | 1.0× | 400 (380–420) | 1.0× | 1.0× |');
    // 650 / 400 with no trace, 900 / 400 with it; 900 / 650 is what the trace adds on this page.
    expect(markdown).toContain('| `/docs/mmap-and-java-nio/` | 650 (600–700) | 1.6× | 900 (800–1000) | 2.3× | 1.4× |');
    expect(markdown).toContain('Test CPU, 2 cores, Chromium 156');
    expect(markdown).toContain('in 3 rounds.');
    expect(markdown).toContain('watched for 6 s');
    expect(markdown).toContain('(2 of them,');
  });

  it('divides a zh-Hans page by the zh-Hans plain page when it was measured, and refuses a report without its baseline', () => {
    const zhPlain = {path: '/zh-Hans/docs/exercises/', untracedMs: [500, 500, 500], tracedMs: [600, 600, 600]};
    const zhMmap = {path: '/zh-Hans/docs/mmap-and-java-nio/', untracedMs: [750, 800, 700], tracedMs: [1200, 1100, 1300]};
    const markdown = renderTracingMarkdown({...REPORT, pages: [...REPORT.pages, zhPlain, zhMmap]});
    expect(markdown).toContain('| `/zh-Hans/docs/mmap-and-java-nio/` | 750 (700–800) | 1.5× | 1200 (1100–1300) | 2.0× | 1.6× |');
    expect(() => renderTracingMarkdown({...REPORT, baselinePath: '/docs/'})).toThrow('the baseline /docs/ was not measured');
  });
});

describe('npm run bench:tracing', () => {
  const tracing = (args: string[], buildDir: string, benchDir = buildDir) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/tracing.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, ZC_BUILD_DIR: buildDir, ZC_BENCH_DIR: benchDir},
    });

  it('--render-only writes tracing.md again from tracing.json, measuring nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zc-tracing-report-'));
    writeFileSync(path.join(dir, 'tracing.json'), JSON.stringify(REPORT));
    const result = tracing(['--render-only'], path.join(dir, 'no-build'), dir);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'tracing.md'), 'utf8')).toBe(renderTracingMarkdown(REPORT));
  });

  it('refuses a number of rounds it cannot run, and a missing build, before measuring', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zc-tracing-build-'));
    const fractional = tracing(['--runs', '1.5'], dir);
    expect(fractional.status).toBe(1);
    expect(fractional.stderr).toContain('--runs takes a whole number of rounds, 1 or more; got 1.5');
    const noBuild = tracing([], path.join(dir, 'none'));
    expect(noBuild.status).toBe(1);
    expect(noBuild.stderr).toContain(`no build in ${path.join(dir, 'none')}: run \`npm run build\` first`);
  });
});
