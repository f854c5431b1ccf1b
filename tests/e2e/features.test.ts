// Behaviour a reader relies on, checked in the real browser: offline search in both
// languages, quiz answers surviving a reload, live components explaining bad input (chapter 3,
// and chapter 7 in both languages), and a landing page that is a course map.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {appStarted, launchChromium} from '../support/browser';
import {CHAPTERS} from '../../src/data/course';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(urlPath: string): Promise<Page> {
  context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  return page;
}

async function searchFor(page: Page, query: string): Promise<string[]> {
  const input = page.locator('input.navbar__search-input');
  await input.click();
  await input.fill(query);
  const suggestions = page.locator('.navbar__search [role="listbox"] [role="option"]');
  await suggestions.first().waitFor({timeout: 15_000});
  return suggestions.allInnerTexts();
}

describe('the built site in use', () => {
  it('searches offline in English', async () => {
    const page = await open('/docs/');
    const results = await searchFor(page, 'page cache');
    expect(results.join('\n')).toMatch(/page cache/i);
    await context.close();
  });

  it('searches offline in Chinese', async () => {
    const page = await open('/zh-Hans/docs/');
    const results = await searchFor(page, '页缓存');
    expect(results.join('\n')).toMatch(/页缓存/);
    await context.close();
  });

  it('keeps quiz answers across a reload', async () => {
    const page = await open('/docs/read-write/');
    const quiz = page.locator('[data-live-component="Quiz"]');
    await quiz.locator('[data-live-click]').click();
    await expect.poll(() => quiz.locator('[data-live-readout]').innerText()).toMatch(/^1 of \d+ answered/);
    await page.reload({waitUntil: 'load'});
    await appStarted(page);
    await expect.poll(() => page.locator('[data-live-component="Quiz"] [data-live-readout]').innerText()).toMatch(/^1 of \d+ answered/);
    await context.close();
  });

  it('explains a file size that is not a number, and keeps working', async () => {
    const page = await open('/docs/read-write/');
    const dataPath = page.locator('[data-live-component="DataPath"]');
    const field = dataPath.getByLabel('File size', {exact: true});
    await field.fill('NaN');
    await expect.poll(() => dataPath.getByRole('alert').innerText()).toBe('File size must be a number; got "NaN".');
    await field.fill('-3');
    await expect.poll(() => dataPath.getByRole('alert').innerText()).toMatch(/cannot be negative/);
    await dataPath.locator('[data-live-click]').click();
    expect(await dataPath.locator('[data-live-readout]').innerText()).toMatch(/^Step 1 of/);
    await context.close();
  });

  // Chapter 7's splice pipeline, in both languages: a size that is not a number, a negative one
  // and a pipe larger than an unprivileged F_SETPIPE_SZ may ask for each get a sentence, and the
  // component keeps stepping the last valid transfer.
  for (const {locale, prefix, nan, negative, pipeMax} of [
    {locale: 'en', prefix: '', nan: 'File size must be a number; got "NaN".', negative: /File size cannot be negative/, pipeMax: /pipe-max-size/},
    {locale: 'zh-Hans', prefix: '/zh-Hans', nan: '文件大小必须是数字；输入的是“NaN”。', negative: /文件大小不能是负数/, pipeMax: /pipe-max-size/},
  ]) {
    it(`explains bad sizes in chapter 7's splice pipeline (${locale}), and keeps working`, async () => {
      const page = await open(`${prefix}/docs/beyond-sendfile/`);
      const pipeline = page.locator('[data-live-component="SplicePipeline"]');
      await pipeline.scrollIntoViewIfNeeded();
      const [fileField, pipeField] = [pipeline.locator('input[type="text"]').nth(0), pipeline.locator('input[type="text"]').nth(1)];
      await fileField.fill('NaN');
      await expect.poll(() => pipeline.getByRole('alert').innerText()).toBe(nan);
      await fileField.fill('-5');
      await expect.poll(() => pipeline.getByRole('alert').innerText()).toMatch(negative);
      await fileField.fill('100');
      // 2 MiB is more than pipe-max-size (1 MiB by default).
      await pipeField.fill('2');
      await pipeline.locator('select').nth(1).selectOption('MiB');
      await expect.poll(() => pipeline.getByRole('alert').innerText()).toMatch(pipeMax);
      const before = await pipeline.locator('[data-live-readout]').innerText();
      await pipeline.locator('[data-live-click]').click();
      expect(await pipeline.locator('[data-live-readout]').innerText()).not.toBe(before);
      await context.close();
    });
  }

  it('keeps what a reader typed before the page\'s scripts started', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    // Hold every script until the reader has typed, as on a slow link.
    let release = () => {};
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.js', async (route) => {
      await typed;
      await route.continue();
    });
    await page.goto(`${baseUrl}/docs/read-write/`, {waitUntil: 'domcontentloaded'});
    const dataPath = page.locator('[data-live-component="DataPath"]');
    await dataPath.getByLabel('File size', {exact: true}).fill('NaN');
    await dataPath.getByLabel('Buffer size: unit').selectOption('MiB');
    expect(await page.evaluate(() => 'docusaurusRoot' in window), 'typed before the app started').toBe(false);
    release();
    await appStarted(page);
    await expect.poll(() => dataPath.getByRole('alert').allInnerTexts(), {timeout: 10_000}).toEqual(['File size must be a number; got "NaN".']);
    // The buffer is now 4 MiB, as the line naming the transfer says.
    await expect.poll(() => dataPath.innerText(), {timeout: 10_000}).toMatch(/in \d+ chunks of up to 4 MiB/);
    expect(await dataPath.getByLabel('File size', {exact: true}).inputValue()).toBe('NaN');
    await context.close();
  });

  it('shows the course map on the landing page, linking every published chapter', async () => {
    const page = await open('/');
    const items = page.locator('main ol > li');
    expect(await items.count()).toBe(CHAPTERS.length);
    for (const chapter of CHAPTERS.filter((c) => c.status === 'published')) {
      expect(await page.locator(`main a[href="/docs/${chapter.slug}/"]`).count()).toBe(1);
    }
    await context.close();
  });
});
