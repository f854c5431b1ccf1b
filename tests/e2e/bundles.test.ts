// Structural budgets that do not depend on the machine: no page loads Mermaid code (its
// diagrams are pre-rendered SVG files), and the chunks every page shares hold none of it;
// the shared bundle does no start-up work the course does not need, and its styles draw no SVG
// image; and a page paints before its scripts start.
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {appStarted} from '../support/browser';
import {useBrowser} from '../support/test-browser';
import {CODE_LANGUAGES} from '../../tools/site/code-themes';
import {containsMermaid} from '../support/page-checks';
import {BUILD_DIR, builtFile, builtPages} from '../support/site-pages';
import {COMPILE_HINT} from '../../tools/site/compile-hints';

const baseUrl = inject('baseUrl');

const browser = useBrowser();
// The favicon is fetched by the browser's own UI, which the headless shell does not have.
const fullBrowser = useBrowser('browser');

/** The scripts a page loads while a reader scrolls through all of it. */
async function scriptsLoaded(urlPath: string): Promise<{scripts: string[]; liveDiagrams: number}> {
  const context = await browser().newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 700) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.waitForLoadState('networkidle');
  const liveDiagrams = await page.locator('[data-mermaid-frame]:not([data-mermaid-state="static"])').count();
  await context.close();
  return {scripts, liveDiagrams};
}

/**
 * The scripts a built page starts with, before any interaction: the list its boot script
 * (tools/site/ssr-template.ts) appends after the first frame, plus any ordinary <script src>.
 */
function initialScripts(urlPath: string): string[] {
  const html = builtFile(path.posix.join(urlPath, 'index.html'));
  const listed = /\sdata-scripts=(["'])(.*?)\1/.exec(html);
  const booted: string[] = listed ? JSON.parse(listed[2].replaceAll('&quot;', '"')) : [];
  const tagged = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+\.js)/g)].map((m) => m[1]);
  return [...booted, ...tagged];
}

/** The scripts a built page preloads from <head>. */
function preloadedScripts(urlPath: string): string[] {
  const html = builtFile(path.posix.join(urlPath, 'index.html'));
  return [...html.matchAll(/<link[^>]*rel=["']?preload["']?[^>]*>/g)]
    .filter((m) => /as=["']?script/.test(m[0]))
    .map((m) => /href=["']?([^"' >]+)/.exec(m[0])?.[1] ?? '');
}

describe('Mermaid stays out of the pages', () => {
  it('keeps Mermaid out of the scripts every page loads (main, runtime and shared chunks)', async () => {
    const {scripts} = await scriptsLoaded('/docs/teach/');
    const initial = initialScripts('/docs/teach/');
    expect(initial.length).toBeGreaterThan(0);
    for (const script of new Set([...initial, ...scripts])) {
      expect(containsMermaid(builtFile(script)), `${script} contains Mermaid code`).toBeUndefined();
    }
  });

  // Every page's own check (it loads no Mermaid code, its diagrams being pre-rendered) runs in
  // tests/e2e/pages-*.test.ts, on the visit each page gets there (tests/support/page-checks.ts).
});

// Start-up work every page used to pay for (tools/site/lean-startup.ts): prism-react-renderer
// registered about thirty languages, and the search bar's constants module built lunr, which
// only the search worker uses. CODE_LANGUAGES are registered, plus the aliases Prism's own
// components define for them.
const PRISM_ALIASES = ['sh', 'shell', 'webmanifest'];

describe('start-up work in the shared bundle', () => {
  for (const urlPath of ['/docs/teach/', '/zh-Hans/docs/teach/']) {
    const sources = () => initialScripts(urlPath).map((script) => builtFile(script));

    it(`${urlPath}: registers the course's Prism languages and no others`, () => {
      const registered = new Set(sources().flatMap((source) => [...source.matchAll(/\blanguages\.([a-z0-9]+)\s*=(?!=)/g)].map((m) => m[1])));
      for (const language of CODE_LANGUAGES) expect(registered, `${language} registered`).toContain(language);
      const extra = [...registered].filter((name) => !(CODE_LANGUAGES as readonly string[]).includes(name) && !PRISM_ALIASES.includes(name));
      expect(extra, 'languages registered that no fence uses').toEqual([]);
    });

    it(`${urlPath}: leaves lunr to the search worker`, () => {
      expect(sources().filter((source) => source.includes('stopWordFilter')).length, 'initial scripts with lunr in them').toBe(0);
    });
  }

  // tools/site/page-components.ts: the live components were once registered for every MDX page,
  // so every doc page started with all of them and the model behind them (130 KB of script on
  // the plainest page). A component's code names the component in its root's
  // data-live-component attribute, as its server-rendered HTML does.
  it('starts every page with the code of the live components it shows, and of no others', () => {
    const shownIn = (html: string) => new Set([...html.matchAll(/\sdata-live-component=["']?([A-Za-z]+)/g)].map((m) => m[1]));
    const codeOf = (source: string) => [...source.matchAll(/"data-live-component":"([A-Za-z]+)"/g)].map((m) => m[1]);
    const pages = builtPages();
    expect(pages.length).toBeGreaterThanOrEqual(20);
    let pagesWithComponents = 0;
    for (const urlPath of pages) {
      const shown = shownIn(builtFile(path.posix.join(urlPath, urlPath.endsWith('/') ? 'index.html' : '')));
      const loaded = new Set(initialScripts(urlPath).flatMap((script) => codeOf(builtFile(script))));
      expect([...loaded].sort(), urlPath).toEqual([...shown].sort());
      if (shown.size > 0) pagesWithComponents++;
    }
    expect(pagesWithComponents, 'pages with live components').toBeGreaterThanOrEqual(14);
    expect([...shownIn(builtFile('/docs/exercises/index.html'))], 'the plainest page').toEqual([]);
  });

  // tools/site/compile-hints.ts: every script a page starts with asks V8 to compile it whole as
  // it streams in, off the main thread; a script loaded only later (Mermaid's, for a diagram not
  // yet rendered to SVG) does not, since most of its functions never run.
  it('marks the scripts pages start with, and only those, for eager compilation', () => {
    const pages = builtPages().filter((urlPath) => urlPath.endsWith('/'));
    const atStart = new Set(pages.flatMap((urlPath) => initialScripts(urlPath)));
    expect(atStart.size, 'scripts pages start with').toBeGreaterThan(20);
    for (const script of atStart) expect(builtFile(script).startsWith(COMPILE_HINT), `${script} starts with the hint`).toBe(true);
    const later = [...new Set(builtPages().map((urlPath) => (urlPath.startsWith('/zh-Hans/') ? '/zh-Hans/assets/js/' : '/assets/js/')))]
      .flatMap((dir) => readdirSync(path.join(BUILD_DIR, dir)).map((name) => `${dir}${name}`))
      .filter((script) => script.endsWith('.js') && !atStart.has(script));
    expect(later.length, 'scripts no page starts with').toBeGreaterThan(20);
    for (const script of later) expect(builtFile(script).includes(COMPILE_HINT.trim()), `${script} has no hint`).toBe(false);
  });

  // The first localeCompare sets up ICU's collator (about 30 ms at 4x CPU, inside hydration);
  // Docusaurus's word-wrap state and its shallow memo of the phone menu's props both sorted
  // with it (src/theme/CodeBlock/Content/String, tools/site/loaders/shallow-memo.cjs).
  for (const urlPath of ['/docs/mmap-and-java-nio/', '/zh-Hans/docs/sendfile/']) {
    it(`${urlPath}: compares no strings with the locale's collation while it starts, on a phone`, async () => {
      const context = await browser().newContext({viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true});
      try {
        const page = await context.newPage();
        await page.addInitScript({
          content: `
            window.__zcLocaleCompares = [];
            const localeCompare = String.prototype.localeCompare;
            String.prototype.localeCompare = function (...args) {
              window.__zcLocaleCompares.push(new Error().stack.split('\\n').slice(2, 4).join(' <- '));
              return localeCompare.apply(this, args);
            };
          `,
        });
        await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
        await appStarted(page);
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => (window as unknown as {__zcLocaleCompares: string[]}).__zcLocaleCompares)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  // The browser builds a whole SVG document for each SVG image: for one a style uses, inside the
  // first style recalculation; for the favicon, after the load event, in the page's own process.
  // Only the diagrams are SVG images now: src/css/custom.css draws Infima's chevrons without
  // one, the logo is drawn in the page (src/theme/Logo), and the favicon is a PNG. Every element
  // and pseudo-element is read after the reader has opened the phone's "On this page" list and
  // scrolled back up far enough for the back-to-top button.
  for (const [device, options] of [
    ['phone', {viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true, colorScheme: 'light'}],
    ['desktop', {viewport: {width: 1280, height: 800}, colorScheme: 'dark'}],
  ] as const) {
    it(`/docs/sendfile/: loads no SVG image but its diagrams, and its styles draw none, on a ${device}`, async () => {
      const context = await fullBrowser().newContext(options);
      try {
        const page = await context.newPage();
        const svgRequests: string[] = [];
        page.on('request', (request) => {
          const {pathname} = new URL(request.url());
          if (pathname.endsWith('.svg') && !pathname.startsWith('/diagrams/')) svgRequests.push(`${request.resourceType()} ${pathname}`);
        });
        // Chromium asks for the favicon once the page has loaded.
        const favicon = page.waitForRequest((request) => request.resourceType() === 'other' && /\/img\/favicon\./.test(request.url()), {timeout: 20_000});
        await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
        await appStarted(page);
        expect(new URL((await favicon).url()).pathname, 'the favicon Chromium fetched').toBe('/img/favicon.png');
        if (device === 'phone') await page.locator('[class*="tocCollapsibleButton"]').first().click();
        // Docusaurus shows the button while the reader scrolls back up, far from the top.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
        await expect
          .poll(async () => {
            await page.evaluate(() => window.scrollBy(0, -50));
            return page.locator('[class*="backToTopButtonShow"]').count();
          }, {message: 'back-to-top button shown'})
          .toBe(1);
        expect(svgRequests, 'SVG files other than diagrams').toEqual([]);
        const svgImages = await page.evaluate(() => {
          const found: string[] = [];
          const properties = ['background-image', 'mask-image', 'list-style-image', 'border-image-source', 'content', 'cursor'];
          for (const element of Array.from(document.querySelectorAll('*'))) {
            for (const pseudo of [null, '::before', '::after', '::marker']) {
              const style = getComputedStyle(element, pseudo);
              for (const property of properties) {
                const value = style.getPropertyValue(property);
                if (/url\([^)]*svg/i.test(value)) {
                  found.push(`${element.tagName.toLowerCase()}.${(element.getAttribute('class') ?? '').split(' ')[0]}${pseudo ?? ''} ${property}: ${value.slice(0, 60)}`);
                }
              }
            }
          }
          return [...new Set(found)];
        });
        expect(svgImages, 'SVG images in styles').toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

// tools/site/ssr-template.ts: the server-rendered page paints before React and Docusaurus
// start, and the start-up scripts still download from the start (preloaded), once each.
describe('the page paints before the app starts', () => {
  // Counts frames from the first byte and notes, for each script element added to the page,
  // how many frames had been produced by then and whether the HTML was still being parsed.
  const RECORD_SCRIPT_STARTS = `
    window.__zcFrames = 0;
    requestAnimationFrame(function count() { window.__zcFrames++; if (window.__zcFrames < 3) requestAnimationFrame(count); });
    window.__zcScripts = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node instanceof HTMLScriptElement && node.src) window.__zcScripts.push([new URL(node.src).pathname, window.__zcFrames, document.readyState]);
      }
    }).observe(document, {subtree: true, childList: true});
  `;

  type Start = {added: [string, number, DocumentReadyState][]; fetched: string[]; initiators: Record<string, string>; hydrated: boolean};

  async function startOf(urlPath: string, hidden = false): Promise<Start> {
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript({content: RECORD_SCRIPT_STARTS});
      // A background tab produces no frames; its page must start anyway.
      if (hidden) await page.addInitScript({content: `Object.defineProperty(document, 'hidden', {get: () => true});`});
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.js')) fetched.push(new URL(request.url()).pathname);
      });
      await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
      const hydrated = await appStarted(page).then(() => true, () => false);
      const added = await page.evaluate(() => (window as unknown as {__zcScripts: Start['added']}).__zcScripts);
      // Resource Timing names what started each download: 'link' for a preload.
      const initiators = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('resource').map((entry) => [new URL(entry.name).pathname, (entry as PerformanceResourceTiming).initiatorType])),
      );
      return {added, fetched, initiators, hydrated};
    } finally {
      await context.close();
    }
  }

  for (const urlPath of ['/', '/docs/sendfile/', '/zh-Hans/docs/mmap-and-java-nio/']) {
    it(`${urlPath}: starts its scripts after the first frame, fetching each once`, async () => {
      const startup = initialScripts(urlPath);
      expect(startup.length, 'start-up scripts named in the page').toBeGreaterThan(0);
      const {added, fetched, initiators, hydrated} = await startOf(urlPath);
      expect(hydrated, 'the app started').toBe(true);
      // runtime~main.js and main.js are preloaded from <head>; the route's own scripts
      // (tools/site/route-scripts.ts) start with them after the first paint.
      const preloaded = preloadedScripts(urlPath);
      expect(preloaded, 'runtime and main.js preloaded').toEqual(expect.arrayContaining([startup[0], startup.at(-1)]));
      for (const script of startup) {
        const start = added.find(([src]) => src === script);
        expect(start, `${script} started`).toBeDefined();
        expect(start![1], `frames painted before ${script} started`).toBeGreaterThan(0);
        expect(initiators[script], `what started downloading ${script}`).toBe(preloaded.includes(script) ? 'link' : 'script');
        expect(fetched.filter((src) => src === script), `requests for ${script} (the preload is reused)`).toHaveLength(1);
      }
    });
  }

  it('starts at once in a tab that is not visible', async () => {
    const {added, hydrated} = await startOf('/docs/sendfile/', true);
    expect(hydrated, 'the app started').toBe(true);
    for (const script of initialScripts('/docs/sendfile/')) {
      // Appended by the boot script itself, while the HTML is parsed, not after a frame.
      expect(added.find(([src]) => src === script)?.[2], `document state when ${script} started`).toBe('loading');
    }
  });
});

// tools/site/loaders/link-prefetch.cjs: a link no longer prefetches its page when it scrolls into
// view (each prefetch was a long task at 4x CPU); hovering it still preloads the page.
describe('other pages load when a reader points at them, not before', () => {
  const PAGE = '/docs/sendfile/';
  // Notes every <link rel=prefetch> added to the page, from the first byte.
  const RECORD_PREFETCHES = `
    window.__zcPrefetches = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node instanceof HTMLLinkElement && node.rel === 'prefetch') window.__zcPrefetches.push(node.href);
      }
    }).observe(document, {subtree: true, childList: true});
  `;

  it(`${PAGE}: on a phone it starts without any other page's scripts; hovering a link to another doc at desktop size preloads its scripts`, async () => {
    // At desktop size: the scripts each sidebar and pagination link to another doc brings in.
    const otherRoutes = new Set<string>();
    const desktop = await browser().newContext({viewport: {width: 1280, height: 800}});
    try {
      const page = await desktop.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.endsWith('.js')) fetched.push(new URL(request.url()).pathname);
      });
      await page.goto(`${baseUrl}${PAGE}`, {waitUntil: 'load'});
      await appStarted(page);
      await page.waitForLoadState('networkidle');
      // The pagination's next link first, then the sidebar's and the navbar's (the home page).
      const LINKS = '.pagination-nav__link, nav.menu a.menu__link, a.navbar__brand';
      const links = page.locator(`.pagination-nav__link--next[href^="/docs/"], nav.menu a.menu__link[href^="/docs/"]:visible, a.navbar__brand[href="/"]`);
      const hrefs = [...new Set(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? '')))].filter((href) => href !== PAGE);
      expect(hrefs.length, 'links to other pages').toBeGreaterThan(3);
      for (const [i, href] of hrefs.entries()) {
        const link = page.locator(LINKS.split(', ').map((selector) => `${selector}[href="${href}"]:visible`).join(', ')).first();
        // A sidebar category may have folded away meanwhile.
        if (!(await link.isVisible())) continue;
        const before = fetched.length;
        await link.hover();
        if (i === 0) await expect.poll(() => fetched.length, {message: `scripts preloaded on hovering ${href}`}).toBeGreaterThan(before);
        // Docusaurus's own preload, which the hover started: it resolves once those scripts have run.
        await page.evaluate((route) => (window as unknown as {docusaurus: {preload(path: string): Promise<unknown>}}).docusaurus.preload(route), href);
        for (const script of fetched.slice(before)) otherRoutes.add(script);
      }
    } finally {
      await desktop.close();
    }
    expect(otherRoutes.size, 'scripts of other docs').toBeGreaterThan(0);

    // On a phone, from the first byte until three seconds after load.
    const phone = await browser().newContext({viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true});
    try {
      const page = await phone.newPage();
      await page.addInitScript({content: RECORD_PREFETCHES});
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.endsWith('.js')) fetched.push(new URL(request.url()).pathname);
      });
      await page.goto(`${baseUrl}${PAGE}`, {waitUntil: 'load'});
      await appStarted(page);
      // Nothing to wait for: the check is that nothing happens in the seconds a reader starts reading.
      await page.waitForTimeout(3000);
      const prefetched = await page.evaluate(() => (window as unknown as {__zcPrefetches: string[]}).__zcPrefetches);
      expect({
        prefetched: [...new Set(prefetched.map((href) => new URL(href).pathname))],
        otherPagesScripts: [...new Set(fetched.filter((script) => otherRoutes.has(script)))],
      }).toEqual({prefetched: [], otherPagesScripts: []});
    } finally {
      await phone.close();
    }
  });
});
