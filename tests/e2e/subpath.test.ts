// The course published under a sub-path, as a fork's GitHub Pages site is: built with
// BASE_URL=/zero-copy/ (the build layer of `npm test` makes build-subpath/) and served only
// under /zero-copy/ (tests/e2e/server.ts). The live components start, search finds a chapter in
// both languages, and the language switch stays under the sub-path. Every page of this build is
// also loaded by the page checks' phone visit (tests/support/page-checks.ts), which finds files
// missing there, diagram images and links outside the sub-path.
import {inject, describe, expect, it} from 'vitest';
import type {Page} from 'playwright-core';
import {appStarted, pageRevealed} from '../support/browser';
import {findSubpathBreaks} from '../support/page-checks';
import {builtPages, SUBPATH, SUBPATH_BUILD_DIR} from '../support/site-pages';
import {useBrowser} from '../support/test-browser';

const origin = inject('subpathOrigin');
const browser = useBrowser();

interface Visit {
  readonly page: Page;
  readonly problems: string[];
}

/** Opens a page and waits until React has started it and every block is shown. */
async function visit(urlPath: string): Promise<Visit> {
  const context = await browser().newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  const response = await page.goto(`${origin}${urlPath}`, {waitUntil: 'load'});
  if (response?.status() !== 200) problems.push(`the page itself answered ${response?.status()}`);
  await appStarted(page);
  await pageRevealed(page);
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
  const pages = builtPages(SUBPATH_BUILD_DIR, SUBPATH);

  it('has every page in both locales', () => {
    expect(pages).toContain(SUBPATH);
    expect(pages).toContain(`${SUBPATH}docs/sendfile/`);
    expect(pages).toContain(`${SUBPATH}zh-Hans/docs/sendfile/`);
  });

  it('has the same pages as the site at /, which the page checks visit under the sub-path', () => {
    expect(pages).toEqual(builtPages().map((urlPath) => `${SUBPATH}${urlPath.slice(1)}`));
  });

  it('answers nothing outside the sub-path, as the host would', async () => {
    const response = await fetch(`${origin}/docs/sendfile/`);
    expect(response.status).toBe(404);
  });

  it("the page checks' probe finds a diagram image and a link outside the sub-path, and nothing before", async () => {
    const {page} = await visit(`${SUBPATH}docs/sendfile/`);
    expect(await findSubpathBreaks(page)).toEqual({images: [], links: []});
    // The mistakes a hard-coded root path makes: a diagram and a link written as if the site were at /.
    await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('[data-mermaid-frame] img');
      if (!img) throw new Error('no diagram image on the page');
      img.setAttribute('src', '/diagrams/missing.svg');
      const link = document.createElement('a');
      link.href = '/docs/dma/';
      link.textContent = 'DMA';
      document.querySelector('article')?.append(link);
    });
    const found = await findSubpathBreaks(page);
    expect(found.images).toEqual(['/diagrams/missing.svg: not under /zero-copy/diagrams/', '/diagrams/missing.svg: does not load as an image']);
    expect(found.links).toEqual(['/docs/dma/']);
    await page.context().close();
  }, 60_000);

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
