// The course published under a sub-path, as a fork's GitHub Pages site is: built with
// BASE_URL=/zero-copy/ (the build layer of `npm test` makes build-subpath/) and served only
// under /zero-copy/. Every page loads with nothing missing, the diagrams appear, the live
// components start, search finds a chapter in both languages, and the language switch stays
// under the sub-path.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Browser, Page} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed} from '../support/browser';
import {builtPages} from '../support/site-pages';
import {startStaticServer, type StaticServer} from '../support/static-server';

export const SUBPATH = '/zero-copy/';
export const SUBPATH_BUILD = path.resolve(import.meta.dirname, '..', '..', 'build-subpath');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(SUBPATH_BUILD)) {
    throw new Error(`No build-subpath/ folder: \`npm test\` builds it (BASE_URL=${SUBPATH} npx docusaurus build --out-dir build-subpath).`);
  }
  server = await startStaticServer(SUBPATH_BUILD, 0, SUBPATH);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  readonly page: Page;
  readonly problems: string[];
}

/** Opens a page and waits until React has started it; `revealed` also waits for every block to be shown. */
async function visit(urlPath: string, revealed = true): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  const response = await page.goto(`${server.url}${urlPath}`, {waitUntil: 'load'});
  if (response?.status() !== 200) problems.push(`the page itself answered ${response?.status()}`);
  await appStarted(page);
  if (revealed) await pageRevealed(page);
  return {page, problems};
}

/** Types a query, opens the first suggestion, and returns the path it led to. */
async function searchAndOpen(page: Page, query: string): Promise<string> {
  const input = page.locator('input.navbar__search-input');
  await input.click();
  await input.fill(query);
  await page.locator('.navbar__search [role="listbox"] [role="option"]').first().waitFor({timeout: 15_000});
  await input.press('ArrowDown');
  await input.press('Enter');
  await page.waitForURL((url) => !url.pathname.endsWith('/docs/'), {timeout: 15_000});
  return new URL(page.url()).pathname;
}

describe(`the course under ${SUBPATH}`, () => {
  const pages = builtPages(SUBPATH_BUILD, SUBPATH);

  it('has every page in both locales', () => {
    expect(pages).toContain(SUBPATH);
    expect(pages).toContain(`${SUBPATH}docs/sendfile/`);
    expect(pages).toContain(`${SUBPATH}zh-Hans/docs/sendfile/`);
  });

  it('answers nothing outside the sub-path, as the host would', async () => {
    const response = await fetch(`${server.url}/docs/sendfile/`);
    expect(response.status).toBe(404);
  });

  for (const urlPath of pages) {
    it(`loads ${urlPath} with no missing file, no console error, and its diagrams from the sub-path`, async () => {
      // Nothing here needs the page laid out, so the reveal is not waited for.
      const {page, problems} = await visit(urlPath, false);
      // Each diagram's images, light and dark, checked without scrolling to them (they are lazy):
      // each address is under the sub-path, and that file loads and decodes as an image.
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
      for (const {src, decoded} of images) {
        // Each locale is a site of its own, with its own copy of the static files.
        expect(src).toMatch(new RegExp(`^${SUBPATH}(zh-Hans/)?diagrams/`));
        expect(decoded, `${src} loads as an image`).toBe(true);
      }
      const links = await page.locator('a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      expect(links.filter((href) => !href.startsWith(SUBPATH)), 'links that leave the sub-path').toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it('starts the live components: a click changes a readout', async () => {
    const {page, problems} = await visit(`${SUBPATH}docs/sendfile/`);
    const component = page.locator('[data-live-component]').first();
    await component.scrollIntoViewIfNeeded();
    const readout = component.locator('[data-live-readout]').first();
    const before = await readout.innerText();
    await component.locator('[data-live-click]').first().click();
    await expect.poll(() => readout.innerText()).not.toBe(before);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('searches in English and links into the sub-path', async () => {
    const {page, problems} = await visit(`${SUBPATH}docs/`);
    expect(await searchAndOpen(page, 'sendfile')).toMatch(new RegExp(`^${SUBPATH}docs/[a-z-]+/`));
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('searches in Chinese and links into the sub-path', async () => {
    const {page, problems} = await visit(`${SUBPATH}zh-Hans/docs/`);
    expect(await searchAndOpen(page, '页缓存')).toMatch(new RegExp(`^${SUBPATH}zh-Hans/docs/[a-z-]+/`));
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('switches language without leaving the sub-path', async () => {
    const {page} = await visit(`${SUBPATH}docs/sendfile/`);
    const zh = await page.locator('a[lang="zh-Hans"], .dropdown__menu a[href*="zh-Hans"]').first().getAttribute('href');
    expect(zh).toBe(`${SUBPATH}zh-Hans/docs/sendfile/`);
    await page.context().close();
  }, 60_000);
});
