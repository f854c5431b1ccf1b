// The checks every built page gets in a real headless Chromium (tests/e2e/pages-*.test.ts, one
// file per locale so that the two run side by side): it renders without errors, every Mermaid
// diagram becomes an SVG, every live component answers a click and a key, axe finds nothing
// serious, and nothing is fetched from another host.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed} from './browser';

let baseUrl = '';
let browser: Browser;

interface PageProblems {
  readonly errors: string[];
  readonly foreignRequests: string[];
}

async function openPage(context: BrowserContext, urlPath: string): Promise<{page: Page; problems: PageProblems}> {
  const page = await context.newPage();
  const problems: PageProblems = {errors: [], foreignRequests: []};
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.foreignRequests.push(url);
    }
  });
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  await pageRevealed(page);
  return {page, problems};
}

/**
 * Scrolls each diagram into view and checks it is drawn: a pre-rendered SVG file that loaded
 * (the normal case), or, for a diagram not pre-rendered yet, Mermaid's own SVG. Returns the
 * count and the diagrams that still need `npm run diagrams`.
 */
async function renderDiagrams(page: Page): Promise<{count: number; drawn: number; notPrerendered: string[]}> {
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

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

function seriousFindings(violations: AxeViolations): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** Declares, in the calling test file, the checks of every page in `pages`. */
export function describeBuiltPages(title: string, pages: readonly string[]): void {
  describe(title, () => {
    beforeAll(async () => {
      baseUrl = inject('baseUrl');
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('has pages to check', () => {
      expect(pages.length).toBeGreaterThanOrEqual(5);
    });

    for (const urlPath of pages) {
      it(`keeps ${urlPath} readable in dark mode (axe contrast, diagrams drawn)`, async () => {
        const context = await browser.newContext({colorScheme: 'dark'});
        try {
          const {page, problems} = await openPage(context, urlPath);
          expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
          await renderDiagrams(page);
          const axe = await new AxeBuilder({page}).withTags(['wcag2aa']).analyze();
          expect(seriousFindings(axe.violations), 'axe in dark mode').toEqual([]);
          expect(problems.errors, 'console and page errors').toEqual([]);
        } finally {
          await context.close();
        }
      });

      it(`renders ${urlPath} cleanly, with diagrams, live components and no serious axe findings`, async () => {
        const context = await browser.newContext({reducedMotion: 'no-preference'});
        try {
          const {page, problems} = await openPage(context, urlPath);
          await expect(page.locator('main, [role="main"]').first()).toBeDefined();
          const diagrams = await renderDiagrams(page);
          expect(diagrams.drawn, 'every Mermaid block became an SVG').toBe(diagrams.count);
          expect(
            diagrams.notPrerendered,
            'diagrams not pre-rendered: run `npm run build && npm run diagrams` and commit static/diagrams/ and src/theme/Mermaid/diagram-sizes.json',
          ).toEqual([]);
          expect(await exerciseLiveComponents(page)).toEqual([]);
          const axe = await new AxeBuilder({page}).analyze();
          expect(seriousFindings(axe.violations), 'axe: serious or critical violations').toEqual([]);
          expect(problems.errors, 'console and page errors').toEqual([]);
          expect(problems.foreignRequests, 'requests to other hosts').toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  });
}
