// @vitest-environment jsdom
// npm run bench:reveal measures each page as built and with its progressive reveal held back
// (bench/reveal.ts). The held copy must differ only in the mark the reveal obeys; the report must
// divide by the right page and show both variants; the CLI must refuse what it cannot measure.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {withRevealHeld} from '../../bench/hold-reveal';
import {mainThreadMs, type LhrLike} from '../../bench/lighthouse';
import {renderRevealMarkdown, type RevealReport} from '../../bench/reveal-report';
import {HELD} from '../../src/theme/Root/reveal';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

const PAGE =
  '<!doctype html><html lang=en dir=ltr data-has-hydrated=false><head><title>mmap</title>' +
  '<script>document.documentElement.setAttribute("data-theme","light")</script></head>' +
  '<body><div class="theme-doc-markdown"><p>&lt;html&gt; in a paragraph</p></div></body></html>';

describe('withRevealHeld', () => {
  it('marks <html> for the reveal and changes nothing else', () => {
    const held = withRevealHeld(PAGE);
    const document = new DOMParser().parseFromString(held, 'text/html');
    expect(document.documentElement.hasAttribute(HELD)).toBe(true);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(held.replace(` ${HELD}`, '')).toBe(PAGE);
  });

  it('refuses a page without an <html> tag', () => {
    expect(() => withRevealHeld('<p>fragment</p>')).toThrow('no <html> tag to mark');
  });
});

describe('mainThreadMs', () => {
  it("reads one group of Lighthouse's main-thread breakdown, 0 when absent", () => {
    const lhr: LhrLike = {
      categories: {},
      audits: {'mainthread-work-breakdown': {details: {items: [{group: 'styleLayout', duration: 1550.4}, {group: 'paintCompositeRender', duration: 560.6}]}}},
    };
    expect(mainThreadMs(lhr, 'styleLayout')).toBe(1550);
    expect(mainThreadMs(lhr, 'paintCompositeRender')).toBe(561);
    expect(mainThreadMs(lhr, 'garbageCollection')).toBe(0);
    expect(mainThreadMs({categories: {}, audits: {}}, 'styleLayout')).toBe(0);
  });
});

const runs = (tbtMs: number[], styleLayoutMs: number[], paintMs: number[], accessibility: number[]) => ({
  tbtMs,
  performance: tbtMs.map((tbt) => (tbt > 500 ? 84 : 92)),
  accessibility,
  styleLayoutMs,
  paintMs,
  benchmarkIndexes: tbtMs.map(() => 1700),
});

const REPORT: RevealReport = {
  generatedAt: '2026-12-07T11:00:00.000Z',
  machine: {cpuModel: 'Test CPU', cpus: 2, memoryGiB: 8, kernel: '6.1', node: 'v20', chromium: '156', loadAverageStart: [0.5, 1, 1], loadAverageEnd: [1, 1, 1]},
  rounds: 3,
  baselinePath: '/docs/exercises/',
  pages: [
    {path: '/docs/exercises/', built: runs([400, 300, 350], [300, 320, 310], [60, 70, 65], [100, 100, 100]), held: runs([380, 310, 360], [300, 300, 310], [60, 60, 65], [100, 100, 100])},
    {path: '/docs/mmap-and-java-nio/', built: runs([700, 600, 650], [1550, 1600, 1500], [560, 540, 580], [100, 100, 100]), held: runs([450, 420, 480], [600, 590, 610], [60, 70, 65], [97, 97, 97])},
  ],
};

describe('renderRevealMarkdown', () => {
  it('gives both variants of each page, each TBT divided by the plain page as built', () => {
    const markdown = renderRevealMarkdown(REPORT);
    expect(markdown).toContain('| `/docs/exercises/` | 350 (300–400) | 1.0× | 360 (310–380) | 1.0× | 310 → 300 | 65 → 60 | 92 → 92 | 100 → 100 |');
    // 650 / 350 as built; 450 / 350 held back.
    expect(markdown).toContain('| `/docs/mmap-and-java-nio/` | 650 (600–700) | 1.9× | 450 (420–480) | 1.3× | 1550 → 600 | 560 → 65 | 84 → 92 | 100 → 97 |');
    expect(markdown).toContain('Test CPU, 2 cores, Chromium 156');
    expect(markdown).toContain('3 rounds');
  });

  it('refuses a report without its baseline', () => {
    expect(() => renderRevealMarkdown({...REPORT, baselinePath: '/docs/'})).toThrow('the baseline /docs/ was not measured');
  });
});

describe('npm run bench:reveal', () => {
  const reveal = (args: string[], buildDir: string, benchDir = buildDir) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/reveal.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, ZC_BUILD_DIR: buildDir, ZC_BENCH_DIR: benchDir},
    });

  it('--render-only writes reveal.md again from reveal.json, measuring nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zc-reveal-report-'));
    writeFileSync(path.join(dir, 'reveal.json'), JSON.stringify(REPORT));
    const result = reveal(['--render-only'], path.join(dir, 'no-build'), dir);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'reveal.md'), 'utf8')).toBe(renderRevealMarkdown(REPORT));
  });

  it('refuses a number of rounds it cannot run, and a page the build does not have, before measuring', () => {
    const build = mkdtempSync(path.join(tmpdir(), 'zc-reveal-build-'));
    mkdirSync(path.join(build, 'docs', 'exercises'), {recursive: true});
    writeFileSync(path.join(build, 'docs', 'exercises', 'index.html'), '<html></html>');
    const zero = reveal(['--runs', '0'], build);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain('--runs takes a whole number of rounds, 1 or more; got 0');
    const missing = reveal(['--pages', '/docs/no-such-chapter/'], build);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`/docs/no-such-chapter/ is not a page of the build in ${build}`);
  });
});
