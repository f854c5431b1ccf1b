// The checks every built page gets in a real headless Chromium (tests/e2e/pages-*.test.ts, half a
// locale per file, so that two run side by side): it renders without errors or missing files,
// every Mermaid diagram becomes an SVG, every live component answers a click and a key, axe finds
// nothing serious, nothing is fetched from another host, hydration removes nothing inside the
// article (once CodeBlock and Tabs remounted, see tests/e2e/hydration.test.ts), no Mermaid code is
// loaded (see tests/e2e/bundles.test.ts), and under a sub-path nothing points outside it.
// Loading a page is most of a check's time, so each page is loaded twice in all, and every check
// reads what one of the two visits recorded: a phone in light mode, on the site as a fork publishes
// it under /zero-copy/ (build-subpath/), and a desktop in dark mode, on the site at / (build/).
// Each check stays its own test, failing with the error of the step it depends on.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {afterAll, describe, expect, inject, it} from 'vitest';
import type {AxeResults, RunOptions} from 'axe-core';
import type {Browser, BrowserContextOptions, Page} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed, settle} from './browser';
import {builtFile, pagesToCheck, SUBPATH, SUBPATH_BUILD_DIR} from './site-pages';

// Strings only Mermaid's own code contains (its API object, its error text, its parsers).
const MERMAID_SIGNATURES = ['mermaidAPI', 'Syntax error in text', 'langium', 'chevrotain'];

export function containsMermaid(source: string): string | undefined {
  return MERMAID_SIGNATURES.find((signature) => source.includes(signature));
}

/** Records, from the first byte, every element removed from inside the article. */
export const RECORD_REMOVALS = `
  window.__zcRemoved = [];
  new MutationObserver((records) => {
    for (const record of records) {
      const inArticle = record.target instanceof Element && record.target.closest('article');
      if (!inArticle) continue;
      for (const node of record.removedNodes) {
        if (node instanceof Element) window.__zcRemoved.push(node.tagName.toLowerCase() + '.' + String(node.className).split(' ').slice(0, 2).join('.'));
      }
    }
  }).observe(document, {subtree: true, childList: true});
`;

/** A visit's step: what it found, or what stopped it (re-thrown by the tests that need it). */
type Step<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: unknown};

async function step<T>(run: () => Promise<T>): Promise<Step<T>> {
  try {
    return {ok: true, value: await run()};
  } catch (error) {
    return {ok: false, error};
  }
}

function valueOf<T>(result: Step<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

interface Diagrams {
  readonly count: number;
  readonly drawn: number;
  readonly notPrerendered: string[];
}

/** Under a sub-path: the diagram images and links that would break there. */
interface SubpathFindings {
  /** Diagram images, light and dark, whose address is outside the sub-path or that do not decode. */
  readonly images: string[];
  /** Site-relative links that leave the sub-path. */
  readonly links: string[];
}

/** What went wrong while a page was open, whichever visit it was. */
interface Problems {
  readonly errors: string[];
  readonly foreignRequests: string[];
  /** Responses of 400 and above, the page's own included: a file missing under this base URL. */
  readonly failedResponses: string[];
}

/** A phone in light mode, under /zero-copy/: everything a reader does, recorded as plain values. */
interface LightVisit extends Problems {
  readonly mains: Step<number>;
  /** Elements removed inside the article while the page loaded, before anything was clicked. */
  readonly removals: Step<string[]>;
  readonly diagrams: Step<Diagrams>;
  readonly liveFailures: Step<string[]>;
  /** The scripts loaded by the time the page was scrolled to the bottom, and the diagrams Mermaid drew. */
  readonly bundles: Step<{scripts: string[]; liveDiagrams: number}>;
  readonly subpath: Step<SubpathFindings>;
  readonly axe: Step<string[]>;
}

/** A desktop in dark mode, at /. */
interface DarkVisit extends Problems {
  readonly theme: Step<string | null>;
  readonly removals: Step<string[]>;
  readonly diagrams: Step<Diagrams>;
  readonly axe: Step<string[]>;
}

let baseUrl = '';
let subpathOrigin = '';
let browser: Promise<Browser> | undefined;
const lightVisits = new Map<string, Promise<LightVisit>>();
const darkVisits = new Map<string, Promise<DarkVisit>>();

interface Recorders extends Problems {
  readonly scripts: string[];
}

/** A copy of the problems recorded so far. */
const problemsOf = ({errors, foreignRequests, failedResponses}: Recorders): Problems => ({
  errors: [...errors],
  foreignRequests: [...foreignRequests],
  failedResponses: [...failedResponses],
});

function record(page: Page, origin: string): Recorders {
  const recorders: Recorders = {errors: [], foreignRequests: [], failedResponses: [], scripts: []};
  page.on('console', (message) => {
    if (message.type() === 'error') recorders.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => recorders.errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      recorders.foreignRequests.push(url);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) recorders.failedResponses.push(`${response.status()} ${response.url()}`);
    if (response.request().resourceType() === 'script') recorders.scripts.push(new URL(response.url()).pathname);
  });
  return recorders;
}

/** Loads the page until it has hydrated, shown every block and settled. */
async function open(page: Page, url: string): Promise<void> {
  await page.addInitScript({content: RECORD_REMOVALS});
  await page.goto(url, {waitUntil: 'load'});
  await appStarted(page);
  await pageRevealed(page);
  await settle(page);
}

const removed = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as {__zcRemoved: string[]}).__zcRemoved);

/** Runs `run` on what a step found, or passes on why the page did not open. */
type After = <T>(run: () => Promise<T>) => Promise<Step<T>>;

/**
 * Opens `url` in a fresh context with `options`, recording from the first byte, and reads the
 * visit with `read`; a page that did not open fails every check with the reason.
 */
async function visit<T>(
  url: string,
  options: BrowserContextOptions,
  read: (page: Page, recorders: Recorders, after: After) => Promise<T>,
): Promise<T> {
  const context = await (browser ??= launchChromium('shell')).then((b) => b.newContext(options));
  try {
    const page = await context.newPage();
    const recorders = record(page, new URL(url).origin);
    const opened = await step(() => open(page, url));
    const after: After = (run) => (opened.ok ? step(run) : Promise.resolve(opened));
    return await read(page, recorders, after);
  } finally {
    await context.close();
  }
}

/** A phone in light mode, on the site built for and served under /zero-copy/. */
function visitLight(urlPath: string): Promise<LightVisit> {
  return visit(`${subpathOrigin}${SUBPATH}${urlPath.slice(1)}`, {colorScheme: 'light', reducedMotion: 'no-preference', viewport: {width: 412, height: 823}}, async (page, recorders, after) => {
    const removals = await after(() => removed(page));
    // The page's content area: a <main> landmark, or Docusaurus's main wrapper on the search
    // page, which the search plugin renders without a <main> (axe rates that moderate).
    const mains = await after(() => page.locator('main, [role="main"], .main-wrapper').count());
    const diagrams = await after(() => renderDiagrams(page));
    const liveFailures = await after(() => exerciseLiveComponents(page));
    const bundles = await after(async () => {
      const height = await page.evaluate(() => document.body.scrollHeight);
      for (let y = 0; y <= height; y += 700) await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForLoadState('networkidle');
      const liveDiagrams = await page.locator('[data-mermaid-frame]:not([data-mermaid-state="static"])').count();
      return {scripts: [...recorders.scripts], liveDiagrams};
    });
    const subpath = await after(() => findSubpathBreaks(page));
    // Every rule at the phone's width, as a reader on a phone meets the page: tables that scroll
    // sideways must take focus (scrollable-region-focusable), for instance.
    const axe = await after(() => axeFindings(page));
    return {mains, removals, diagrams, liveFailures, bundles, subpath, axe, ...problemsOf(recorders)};
  });
}

/** A desktop in dark mode, on the site at /. */
function visitDark(urlPath: string): Promise<DarkVisit> {
  return visit(`${baseUrl}${urlPath}`, {colorScheme: 'dark', viewport: {width: 1280, height: 800}}, async (page, recorders, after) => {
    const removals = await after(() => removed(page));
    const theme = await after(() => page.locator('html').getAttribute('data-theme'));
    const diagrams = await after(() => renderDiagrams(page));
    // Every rule again: colours decide contrast (color-contrast) and whether a link in running text
    // stands out from the text around it (link-in-text-block).
    const axe = await after(() => axeFindings(page));
    return {theme, removals, diagrams, axe, ...problemsOf(recorders)};
  });
}

function memo<T>(visits: Map<string, Promise<T>>, urlPath: string, visit: (urlPath: string) => Promise<T>): Promise<T> {
  let found = visits.get(urlPath);
  if (!found) {
    found = visit(urlPath);
    visits.set(urlPath, found);
  }
  return found;
}

const light = (urlPath: string) => memo(lightVisits, urlPath, visitLight);
const dark = (urlPath: string) => memo(darkVisits, urlPath, visitDark);

/**
 * Scrolls each diagram into view and checks it is drawn: a pre-rendered SVG file that loaded
 * (the normal case), or, for a diagram not pre-rendered yet, Mermaid's own SVG. Returns the
 * count and the diagrams that still need `npm run diagrams`.
 */
async function renderDiagrams(page: Page): Promise<Diagrams> {
  const frames = page.locator('[data-mermaid-frame]');
  const count = await frames.count();
  const notPrerendered: string[] = [];
  let drawn = 0;
  for (let i = 0; i < count; i++) {
    const frame = frames.nth(i);
    await frame.scrollIntoViewIfNeeded();
    const key = (await frame.getAttribute('data-mermaid-key')) ?? '';
    if ((await frame.getAttribute('data-mermaid-state')) === 'static') {
      const image = frame.locator('img:visible').first();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {timeout: 20_000}).toBe(true);
      if ((await image.getAttribute('src'))?.endsWith('.svg')) drawn++;
    } else {
      notPrerendered.push(`diagram ${i + 1} (${key})`);
      await frame.locator('svg[viewBox]').first().waitFor({state: 'attached', timeout: 20_000});
      drawn++;
    }
  }
  return {count, drawn, notPrerendered};
}

/**
 * What breaks on a site published under a sub-path: each diagram's images, light and dark, probed
 * without scrolling to them (they are lazy), must have an address under the sub-path and decode;
 * and no site-relative link may leave the sub-path.
 */
export async function findSubpathBreaks(page: Page): Promise<SubpathFindings> {
  const images = await page.locator('[data-mermaid-frame] img').evaluateAll((imgs) =>
    Promise.all(
      (imgs as HTMLImageElement[]).map(async (img) => {
        const probe = new Image();
        probe.src = img.src;
        const decoded = await probe.decode().then(() => probe.naturalWidth > 0, () => false);
        return {src: img.getAttribute('src') ?? '', decoded};
      }),
    ),
  );
  // Each locale is a site of its own, with its own copy of the static files.
  const underSubpath = new RegExp(`^${SUBPATH}(zh-Hans/)?diagrams/`);
  const links = await page.locator('a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  return {
    images: images.flatMap(({src, decoded}) => [
      ...(underSubpath.test(src) ? [] : [`${src}: not under ${SUBPATH}diagrams/`]),
      ...(decoded ? [] : [`${src}: does not load as an image`]),
    ]),
    links: links.filter((href) => !href.startsWith(SUBPATH)),
  };
}

/** Each live component's readout must change after a click and after a key press. */
async function exerciseLiveComponents(page: Page): Promise<string[]> {
  const failures: string[] = [];
  const components = page.locator('[data-live-component]');
  const count = await components.count();
  for (let i = 0; i < count; i++) {
    const component = components.nth(i);
    const name = (await component.getAttribute('data-live-component')) ?? `#${i}`;
    const readout = component.locator('[data-live-readout]').first();
    await component.scrollIntoViewIfNeeded();
    const before = await readout.innerText();
    await component.locator('[data-live-click]').first().click();
    const afterClick = await readout.innerText();
    if (afterClick === before) failures.push(`${name}: a click did not change the readout ("${before}")`);
    // The component itself, or an element inside it, says which key it answers to.
    const keyTarget = (await component.getAttribute('data-live-keys')) !== null ? component : component.locator('[data-live-keys]').first();
    const key = (await keyTarget.getAttribute('data-live-keys')) ?? 'ArrowRight';
    await keyTarget.focus();
    await page.keyboard.press(key);
    const afterKey = await readout.innerText();
    if (afterKey === afterClick) failures.push(`${name}: pressing ${key} did not change the readout ("${afterClick}")`);
  }
  return failures;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe looks at: the page, or only what matches `include`, with every rule or only `rules`. */
export interface AxeScope {
  readonly include?: string;
  readonly rules?: readonly string[];
}

/**
 * Runs axe-core in the page itself, keeping full detail for violations only (the passes of a long
 * chapter are thousands of nodes). @axe-core/playwright did the same in its legacy mode, but
 * evaluated axe's source twice per run, and in its default mode ran axe per frame and merged the
 * results in a blank page: on these pages, which have no frames, 0.65 s more per run for the same
 * findings (measured on a 2-core VM). tests/e2e/axe.test.ts checks that it finds what it should.
 */
export async function runAxe(page: Page, scope: AxeScope = {}): Promise<AxeResults> {
  await page.evaluate(AXE_SOURCE);
  const options: RunOptions = {resultTypes: ['violations'], ...(scope.rules ? {runOnly: {type: 'rule', values: [...scope.rules]}} : {})};
  return page.evaluate(
    ({include, options}) => {
      const {axe} = window as unknown as {axe: typeof import('axe-core')};
      return axe.run(include ? {include: [include]} : document, options);
    },
    {include: scope.include, options},
  );
}

/** Serious and critical findings, each as "rule: help (up to three targets)". */
export function seriousFindings(violations: AxeResults['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** Axe's serious and critical findings on the page as it is now: every rule, unless `scope` narrows it. */
export async function axeFindings(page: Page, scope: AxeScope = {}): Promise<string[]> {
  return seriousFindings((await runAxe(page, scope)).violations);
}

/** Doc pages, whose hydration must keep the server's markup (tests/e2e/hydration.test.ts). */
const isDocPage = (urlPath: string) => /^\/(zh-Hans\/)?docs\/./.test(urlPath);
/** Pages whose scripts must hold no Mermaid code (tests/e2e/bundles.test.ts). */
const isBundlePage = (urlPath: string) => urlPath.startsWith('/docs/') || urlPath.startsWith('/zh-Hans/docs/') || urlPath === '/' || urlPath === '/zh-Hans/';

/**
 * Declares, in the calling test file, the checks of every page in `pages` (only those in
 * ZC_PAGES, if set: see pagesToCheck).
 */
export function describeBuiltPages(title: string, pages: readonly string[]): void {
  const checked = pagesToCheck(pages);
  baseUrl = inject('baseUrl');
  subpathOrigin = inject('subpathOrigin');

  afterAll(async () => {
    const launched = await browser?.catch(() => undefined);
    await launched?.close();
  });

  describe(title, () => {
    it('has pages to check', () => {
      expect(pages.length).toBeGreaterThanOrEqual(5);
    });

    for (const urlPath of checked) {
      it(`keeps ${urlPath} readable in dark mode on a desktop (axe, diagrams drawn)`, async () => {
        const visit = await dark(urlPath);
        expect(valueOf(visit.theme)).toBe('dark');
        valueOf(visit.diagrams);
        expect(valueOf(visit.axe), 'axe in dark mode').toEqual([]);
        expect(visit.errors, 'console and page errors').toEqual([]);
        expect(visit.failedResponses, 'missing files').toEqual([]);
        expect(visit.foreignRequests, 'requests to other hosts').toEqual([]);
      });

      it(`renders ${urlPath} cleanly on a phone, with diagrams, live components and no serious axe findings (under ${SUBPATH})`, async () => {
        const visit = await light(urlPath);
        expect(valueOf(visit.mains), 'main elements').toBeGreaterThan(0);
        const diagrams = valueOf(visit.diagrams);
        expect(diagrams.drawn, 'every Mermaid block became an SVG').toBe(diagrams.count);
        expect(
          diagrams.notPrerendered,
          'diagrams not pre-rendered: run `npm run build && npm run diagrams` and commit static/diagrams/ and src/theme/Mermaid/diagram-sizes.json',
        ).toEqual([]);
        expect(valueOf(visit.liveFailures)).toEqual([]);
        expect(valueOf(visit.axe), 'axe: serious or critical violations').toEqual([]);
        expect(visit.errors, 'console and page errors').toEqual([]);
        expect(visit.foreignRequests, 'requests to other hosts').toEqual([]);
      });

      it(`serves ${urlPath} under ${SUBPATH} as a fork publishes it: no missing file, diagrams and links under the sub-path`, async () => {
        const visit = await light(urlPath);
        const {images, links} = valueOf(visit.subpath);
        expect(images, 'diagram images').toEqual([]);
        expect(links, 'links that leave the sub-path').toEqual([]);
        expect(visit.failedResponses, 'missing files').toEqual([]);
      });
    }
  });

  // The per-page checks of tests/e2e/hydration.test.ts, on the same two visits: a phone in light
  // mode and a desktop in dark mode, each recording from the first byte until the page settled.
  // A suite with no test fails its file, as one would when ZC_PAGES leaves a half without doc pages.
  const docPages = checked.filter(isDocPage);
  const bundlePages = checked.filter(isBundlePage);
  describe.runIf(docPages.length > 0)('hydration keeps the server markup', () => {
    for (const urlPath of docPages) {
      for (const colorScheme of ['light', 'dark'] as const) {
        it(`${urlPath} (${colorScheme}): nothing inside the article is removed while the page loads`, async () => {
          const visit = await (colorScheme === 'light' ? light(urlPath) : dark(urlPath));
          expect(valueOf(visit.removals)).toEqual([]);
        });
      }
    }
  });

  // The per-page check of tests/e2e/bundles.test.ts: the scripts loaded by the time a reader has
  // scrolled through the whole page.
  describe.runIf(bundlePages.length > 0)('Mermaid stays out of the pages', () => {
    for (const urlPath of bundlePages) {
      it(`${urlPath}: loads no Mermaid code, its diagrams being pre-rendered`, async () => {
        const {scripts, liveDiagrams} = valueOf((await light(urlPath)).bundles);
        expect(liveDiagrams, 'diagrams not pre-rendered (run `npm run diagrams`)').toBe(0);
        // The scripts came from build-subpath/, under the sub-path.
        const withMermaid = scripts.filter((script) => containsMermaid(builtFile(script.slice(SUBPATH.length - 1), SUBPATH_BUILD_DIR)));
        expect(withMermaid, 'scripts with Mermaid code').toEqual([]);
      });
    }
  });
}
