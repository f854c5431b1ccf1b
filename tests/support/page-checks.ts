// The checks every built page gets in a real headless Chromium (tests/e2e/pages-*.test.ts, one
// file per locale so that the two run side by side): it renders without errors, every Mermaid
// diagram becomes an SVG, every live component answers a click and a key, axe finds nothing
// serious, nothing is fetched from another host, hydration removes nothing inside the article
// (once CodeBlock and Tabs remounted, see tests/e2e/hydration.test.ts) and no Mermaid code is
// loaded (see tests/e2e/bundles.test.ts).
// Loading a page is most of a check's time, so each page is loaded twice in all, once per colour
// mode, and every check of that mode reads what the one visit recorded. Each check stays its own
// test, failing with the error of the step it depends on.
import {afterAll, describe, expect, inject, it} from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type {Browser, BrowserContextOptions, Page} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed, settle} from './browser';
import {builtFile, pagesToCheck} from './site-pages';

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

/** A phone in light mode: everything a reader does, recorded as plain values. */
interface LightVisit {
  readonly mains: Step<number>;
  /** Elements removed inside the article while the page loaded, before anything was clicked. */
  readonly removals: Step<string[]>;
  readonly diagrams: Step<Diagrams>;
  readonly liveFailures: Step<string[]>;
  /** The scripts loaded by the time the page was scrolled to the bottom, and the diagrams Mermaid drew. */
  readonly bundles: Step<{scripts: string[]; liveDiagrams: number}>;
  readonly axe: Step<string[]>;
  readonly errors: string[];
  readonly foreignRequests: string[];
}

/** A desktop in dark mode. */
interface DarkVisit {
  readonly theme: Step<string | null>;
  readonly removals: Step<string[]>;
  readonly diagrams: Step<Diagrams>;
  readonly axe: Step<string[]>;
  readonly errors: string[];
}

let baseUrl = '';
let browser: Promise<Browser> | undefined;
const lightVisits = new Map<string, Promise<LightVisit>>();
const darkVisits = new Map<string, Promise<DarkVisit>>();

interface Recorders {
  readonly errors: string[];
  readonly foreignRequests: string[];
  readonly scripts: string[];
}

function record(page: Page): Recorders {
  const recorders: Recorders = {errors: [], foreignRequests: [], scripts: []};
  const origin = new URL(baseUrl).origin;
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
    if (response.request().resourceType() === 'script') recorders.scripts.push(new URL(response.url()).pathname);
  });
  return recorders;
}

/** Loads the page until it has hydrated, shown every block and settled. */
async function open(page: Page, urlPath: string): Promise<void> {
  await page.addInitScript({content: RECORD_REMOVALS});
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  await pageRevealed(page);
  await settle(page);
}

const removed = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as {__zcRemoved: string[]}).__zcRemoved);

/** Runs `run` on what a step found, or passes on why the page did not open. */
type After = <T>(run: () => Promise<T>) => Promise<Step<T>>;

/**
 * Opens the page in a fresh context with `options`, recording from the first byte, and reads the
 * visit with `read`; a page that did not open fails every check with the reason.
 */
async function visit<T>(
  urlPath: string,
  options: BrowserContextOptions,
  read: (page: Page, recorders: Recorders, after: After) => Promise<T>,
): Promise<T> {
  const context = await (browser ??= launchChromium()).then((b) => b.newContext(options));
  try {
    const page = await context.newPage();
    const recorders = record(page);
    const opened = await step(() => open(page, urlPath));
    const after: After = (run) => (opened.ok ? step(run) : Promise.resolve(opened));
    return await read(page, recorders, after);
  } finally {
    await context.close();
  }
}

/** A phone in light mode. */
function visitLight(urlPath: string): Promise<LightVisit> {
  return visit(urlPath, {colorScheme: 'light', reducedMotion: 'no-preference', viewport: {width: 412, height: 823}}, async (page, recorders, after) => {
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
    // Every rule at the phone's width, as a reader on a phone meets the page: tables that scroll
    // sideways must take focus (scrollable-region-focusable), for instance.
    const axe = await after(() => axeFindings(page));
    return {mains, removals, diagrams, liveFailures, bundles, axe, errors: [...recorders.errors], foreignRequests: [...recorders.foreignRequests]};
  });
}

/** A desktop in dark mode. */
function visitDark(urlPath: string): Promise<DarkVisit> {
  return visit(urlPath, {colorScheme: 'dark', viewport: {width: 1280, height: 800}}, async (page, recorders, after) => {
    const removals = await after(() => removed(page));
    const theme = await after(() => page.locator('html').getAttribute('data-theme'));
    const diagrams = await after(() => renderDiagrams(page));
    // Every rule again: colours decide contrast (color-contrast) and whether a link in running text
    // stands out from the text around it (link-in-text-block).
    const axe = await after(() => axeFindings(page));
    return {theme, removals, diagrams, axe, errors: [...recorders.errors]};
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

/**
 * Axe, keeping full detail for violations only: the passes of a long chapter are thousands of
 * nodes. Legacy mode runs axe once in the page itself. The default mode runs it per frame and then
 * opens a blank page, injects axe again and merges the partial results there: 2.3-2.8 times the
 * time for the same findings on these pages, which have no frames (measured on a 2-core VM, the
 * sendfile chapter: 4.1-4.9 s against 1.75 s). tests/e2e/axe.test.ts checks that it still finds
 * what it should, in both colour modes.
 */
export function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({page}).options({resultTypes: ['violations']}).setLegacyMode(true);
}

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** Serious and critical findings, each as "rule: help (up to three targets)". */
export function seriousFindings(violations: AxeViolations): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** Axe's serious and critical findings on the page as it is now, every rule. */
export async function axeFindings(page: Page): Promise<string[]> {
  return seriousFindings((await axeBuilder(page).analyze()).violations);
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
      });

      it(`renders ${urlPath} cleanly on a phone, with diagrams, live components and no serious axe findings`, async () => {
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
    }
  });

  // The per-page checks of tests/e2e/hydration.test.ts, on the same two visits: a phone in light
  // mode and a desktop in dark mode, each recording from the first byte until the page settled.
  describe('hydration keeps the server markup', () => {
    for (const urlPath of checked.filter(isDocPage)) {
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
  describe('Mermaid stays out of the pages', () => {
    for (const urlPath of checked.filter(isBundlePage)) {
      it(`${urlPath}: loads no Mermaid code, its diagrams being pre-rendered`, async () => {
        const {scripts, liveDiagrams} = valueOf((await light(urlPath)).bundles);
        expect(liveDiagrams, 'diagrams not pre-rendered (run `npm run diagrams`)').toBe(0);
        const withMermaid = scripts.filter((script) => containsMermaid(builtFile(script)));
        expect(withMermaid, 'scripts with Mermaid code').toEqual([]);
      });
    }
  });
}
