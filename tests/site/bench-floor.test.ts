// @vitest-environment jsdom
// npm run bench:floor measures each page as built and as HTML and CSS alone (bench/floor.ts).
// The stripped copy must keep everything but what runs (and the colour-mode script, which holds the
// parser until the stylesheet is there, as on a real visit), or its "floor" would measure a different
// page; the report must divide by the right page; the CLI must refuse what it cannot measure.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {renderFloorMarkdown, type FloorReport} from '../../bench/floor-report';
import {isColourModeScript, withoutScripts} from '../../bench/strip-scripts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

// The head and tail of a built page as Docusaurus minifies it (unquoted attributes), with an
// article between: structured data, the colour-mode script, the deferred-start loader and preloads.
const PAGE = [
  '<!doctype html><html lang=en dir=ltr data-has-hydrated=false><head><meta charset=UTF-8>',
  '<title data-rh=true>sendfile()</title>',
  '<link data-rh=true rel=canonical href=https://zero-copy.example.org/docs/sendfile/ />',
  '<link rel=stylesheet href=/assets/css/styles.e53c1013.css />',
  '<link rel=preload as=script fetchpriority=low href=/assets/js/runtime~main.ee2e4aae.js />',
  '<link rel="modulepreload" href="/assets/js/module.js">',
  // A quoted value may hold ">": the tag does not end there.
  '<link data-note="a>b" rel=preload as=script href=/assets/js/after-quote.js>',
  '<script data-rh=true type=application/ld+json>{"@type":"BreadcrumbList"}</script>',
  '<script>!function(){var t=1>0&&"</scr"+"ipt>";document.documentElement.setAttribute("data-theme","light")}()</script>',
  '</head><body><div id=__docusaurus><article><div class="theme-doc-markdown markdown"><h1>sendfile()</h1>',
  '<p>One call, <code>a > b</code>, no user buffer.</p><pre><code>&lt;script&gt;not a script&lt;/script&gt;</code></pre></div></article></div>',
  `<script data-scripts='["/assets/js/runtime~main.ee2e4aae.js","/assets/js/main.8c020e6a.js"]'>!function(){var t=JSON.parse(document.currentScript.getAttribute("data-scripts"))}()</script>`,
  '<script src=/assets/js/extra.js defer></script></body></html>',
].join('');

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('withoutScripts', () => {
  const before = parse(PAGE);
  const after = parse(withoutScripts(PAGE));

  it('removes every script element but the colour-mode script, and every link that preloads script', () => {
    expect(before.querySelectorAll('script')).toHaveLength(4);
    expect(Array.from(after.querySelectorAll('script'), (script) => script.outerHTML)).toEqual([before.querySelectorAll('script')[1].outerHTML]);
    expect(before.querySelectorAll('link[as=script], link[rel=modulepreload]')).toHaveLength(3);
    expect(after.querySelectorAll('link[as=script], link[rel=modulepreload]')).toHaveLength(0);
  });

  it('keeps the stylesheet, the other links and the article exactly', () => {
    const links = (document: Document) => Array.from(document.querySelectorAll('link:not([as=script]):not([rel=modulepreload])'), (link) => link.outerHTML);
    expect(links(after)).toEqual(links(before));
    expect(after.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe('/assets/css/styles.e53c1013.css');
    expect(after.querySelector('#__docusaurus')!.outerHTML).toBe(before.querySelector('#__docusaurus')!.outerHTML);
    expect(after.querySelector('pre')!.textContent).toBe('<script>not a script</script>');
  });

  // The colour-mode script makes the parser wait for the stylesheet, as on a real visit: without
  // it Chromium laid out the whole unstyled page first (bench/strip-scripts.ts).
  it('keeps only the inline colour-mode script, as it was', () => {
    expect(isColourModeScript('<script>document.documentElement.setAttribute("data-theme","dark")</script>')).toBe(true);
    expect(isColourModeScript('<script src=/theme.js>document.documentElement.setAttribute("data-theme","dark")</script>')).toBe(false);
    expect(isColourModeScript('<script>window.dataTheme = 1</script>')).toBe(false);
    expect(withoutScripts(PAGE)).toContain('document.documentElement.setAttribute("data-theme","light")}()</script>');
  });

  it('leaves a page without scripts as it was', () => {
    const plain = '<html><head><link rel=stylesheet href=/a.css></head><body><p>x</p></body></html>';
    expect(withoutScripts(plain)).toBe(plain);
  });
});

const runs = (tbtMs: number[], performance: number[]) => ({tbtMs, performance, benchmarkIndexes: tbtMs.map(() => 1700)});

const REPORT: FloorReport = {
  generatedAt: '2026-12-07T03:00:00.000Z',
  machine: {cpuModel: 'Test CPU', cpus: 2, memoryGiB: 8, kernel: '6.1', node: 'v20', chromium: '156', loadAverageStart: [0.5, 1, 1], loadAverageEnd: [1, 1, 1]},
  rounds: 3,
  baselinePath: '/docs/exercises/',
  pages: [
    {path: '/docs/exercises/', built: runs([400, 500, 300], [90, 88, 94]), withoutScripts: runs([60, 40, 100], [99, 99, 98])},
    {path: '/docs/mmap-and-java-nio/', built: runs([600, 700, 650], [84, 82, 85]), withoutScripts: runs([300, 360, 420], [91, 90, 88])},
  ],
};

describe('renderFloorMarkdown', () => {
  it('gives medians with ranges, each divided by the plain page measured the same way', () => {
    const markdown = renderFloorMarkdown(REPORT);
    expect(markdown).toContain('| `/docs/exercises/` | 400 (300–500) | 1.0× | 60 (40–100) | 0.1× | 90 (88–94) | 99 (98–99) |');
    // 650 / 400 as built; 360 / 400 without scripts: the HTML alone takes 0.9 of the plain page's whole time.
    expect(markdown).toContain('| `/docs/mmap-and-java-nio/` | 650 (600–700) | 1.6× | 360 (300–420) | 0.9× | 84 (82–85) | 90 (88–91) |');
    expect(markdown).toContain('Test CPU, 2 cores, Chromium 156');
    expect(markdown).toContain('3 rounds');
    expect(markdown).toContain("Lighthouse's benchmarkIndex: median 1700, range 1700–1700.");
  });

  it('says whether the runs began on a quiet machine', () => {
    const waited = (quiet: boolean) => ({...REPORT, machine: {...REPORT.machine, quietWait: {waitedSeconds: 40, quiet, loadAverage: quiet ? 0.8 : 1.4, limit: 1}}});
    expect(renderFloorMarkdown(waited(true))).toContain('The runs began once the 1-minute load average was below 1 (0.8, after 40 s).');
    expect(renderFloorMarkdown(waited(false))).toContain('was still 1.4 after 40 s, above the 1 the runs wait for: they began on a busy machine.');
  });

  it("divides a zh-Hans page by the zh-Hans plain page when it was measured, else by the English one", () => {
    const zhMmap = {path: '/zh-Hans/docs/mmap-and-java-nio/', built: runs([900, 800, 1000], [80, 81, 79]), withoutScripts: runs([300, 240, 330], [95, 96, 94])};
    const withoutZhBaseline = {...REPORT, pages: [...REPORT.pages, zhMmap]};
    expect(renderFloorMarkdown(withoutZhBaseline)).toContain('| `/zh-Hans/docs/mmap-and-java-nio/` | 900 (800–1000) | 2.3× | 300 (240–330) | 0.8× |');
    const zhPlain = {path: '/zh-Hans/docs/exercises/', built: runs([450, 400, 500], [90, 91, 89]), withoutScripts: runs([100, 90, 120], [99, 99, 99])};
    const withZhBaseline = {...REPORT, pages: [...REPORT.pages, zhPlain, zhMmap]};
    const markdown = renderFloorMarkdown(withZhBaseline);
    expect(markdown).toContain('| `/zh-Hans/docs/exercises/` | 450 (400–500) | 1.0× | 100 (90–120) | 0.2× |');
    expect(markdown).toContain('| `/zh-Hans/docs/mmap-and-java-nio/` | 900 (800–1000) | 2.0× | 300 (240–330) | 0.7× |');
    expect(markdown).toContain('| `/docs/mmap-and-java-nio/` | 650 (600–700) | 1.6× |');
  });

  it('refuses a report without its baseline, and says "–" for a plain page of 0 ms', () => {
    expect(() => renderFloorMarkdown({...REPORT, baselinePath: '/docs/'})).toThrow('the baseline /docs/ was not measured');
    const zero = {...REPORT, pages: [{...REPORT.pages[0], built: runs([0, 0, 10], [100, 100, 100])}, REPORT.pages[1]]};
    expect(renderFloorMarkdown(zero)).toContain('| `/docs/mmap-and-java-nio/` | 650 (600–700) | – | 360 (300–420) | – |');
  });
});

describe('npm run bench:floor', () => {
  const floor = (args: string[], buildDir: string, benchDir = buildDir) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/floor.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, ZC_BUILD_DIR: buildDir, ZC_BENCH_DIR: benchDir},
    });

  it('--render-only writes floor.md again from floor.json, measuring nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zc-floor-report-'));
    writeFileSync(path.join(dir, 'floor.json'), JSON.stringify(REPORT));
    const result = floor(['--render-only'], path.join(dir, 'no-build'), dir);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'floor.md'), 'utf8')).toBe(renderFloorMarkdown(REPORT));
  });

  it('refuses a number of rounds it cannot run, and a page the build does not have, before measuring', () => {
    const build = mkdtempSync(path.join(tmpdir(), 'zc-floor-build-'));
    mkdirSync(path.join(build, 'docs', 'exercises'), {recursive: true});
    writeFileSync(path.join(build, 'docs', 'exercises', 'index.html'), '<html></html>');
    const zero = floor(['--runs', '0'], build);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain('--runs takes a whole number of rounds, 1 or more; got 0');
    const missing = floor(['--pages', '/docs/no-such-chapter/'], build);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`/docs/no-such-chapter/ is not a page of the build in ${build}`);
  });
});
