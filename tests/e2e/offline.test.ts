// Offline reading (tools/publish/offline/): a reader who has opened pages, in either language,
// by a link or by typing their address, can open them again with no network; a page never
// opened says so, in both languages, instead of the browser's error. The site is served by a
// server of this test's own, which it stops to take the network away (the browser's own offline
// switch does not reach a service worker's requests).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {appStarted, launchChromium} from '../support/browser';
import {BUILD_DIR} from '../support/site-pages';
import {startStaticServer, type StaticServer} from '../support/static-server';

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium('shell');
  server = await startStaticServer(BUILD_DIR);
  context = await browser.newContext();
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/**
 * Resolves once the service worker keeps the page now open and every file of the site it loaded
 * (keep-pages.ts asks for them, when the browser is idle). Polled with evaluate, which awaits the
 * cache lookups: waitForFunction takes an async predicate's promise as a truthy answer at once,
 * and the test then raced the worker (it failed about one run in ten on a busy machine).
 */
async function kept(): Promise<void> {
  const missing = () =>
    page.evaluate(async () => {
      const own = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name.split('#')[0])
        .filter((url) => url.startsWith(window.location.origin) && !/\/sw\.js(\?|$)/.test(url));
      const urls = [window.location.href.split('#')[0], ...own];
      const found = await Promise.all(urls.map((url) => caches.match(url)));
      return urls.filter((_, index) => found[index] === undefined);
    });
  await expect.poll(missing, {message: 'files of the open page not yet kept', timeout: 60_000, interval: 500}).toEqual([]);
}

const heading = () => page.locator('article h1').first().innerText();

describe('offline reading', () => {
  const opened = new Map<string, string>();

  it('keeps each page a reader opens, whether typed, followed or in Chinese', async () => {
    await page.goto(`${server.url}/docs/sendfile/`);
    await appStarted(page);
    await kept();
    opened.set('/docs/sendfile/', await heading());

    // A link followed inside the app: no HTML is fetched, the page asks for itself to be kept.
    await page.locator('a.pagination-nav__link--next').click();
    await page.waitForURL(/\/docs\/scatter-gather\/$/);
    await kept();
    opened.set('/docs/scatter-gather/', await heading());

    await page.goto(`${server.url}/zh-Hans/docs/sendfile/`);
    await appStarted(page);
    await kept();
    opened.set('/zh-Hans/docs/sendfile/', await heading());
    expect(errors, 'console errors while online').toEqual([]);
  });

  it('shows the kept pages with no network, started and working', async () => {
    await server.close();
    for (const [path, title] of opened) {
      await page.goto(`${server.url}${path}`);
      await appStarted(page);
      expect(await heading(), path).toBe(title);
    }
    // A live component still works offline: its stepper moves.
    const step = page.getByRole('button', {name: /next step|下一步/i}).first();
    await step.click();
  });

  it('says plainly, in both languages, that a page never opened is not kept', async () => {
    for (const path of ['/docs/dma/', '/zh-Hans/docs/dma/']) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => page.locator('h1').first().innerText()).toMatch(/You are offline|离线/);
    }
  });
});
