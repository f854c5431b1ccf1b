// Behaviour a reader relies on, checked in the real browser: offline search in both
// languages, quiz answers surviving a reload, live components explaining bad input (chapter 3,
// and chapter 7 in both languages), Chinese text in a Chinese face, and a landing page that is a
// course map.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {appStarted, launchChromium} from '../support/browser';
import {CHAPTERS} from '../../src/data/course';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium('shell');
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

  // Which fonts Chromium drew the prose of a page's paragraphs in, as glyph counts by family: what
  // a reader sees, where the computed font-family is only a request. A node's count includes its
  // descendants', so the inline code inside the paragraphs is taken back out.
  async function proseFonts(page: Page): Promise<Record<string, number>> {
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const {root} = await cdp.send('DOM.getDocument', {depth: -1});
    const glyphs: Record<string, number> = {};
    for (const [selector, sign] of [['article .markdown > p', 1], ['article .markdown > p code', -1]] as const) {
      const {nodeIds} = await cdp.send('DOM.querySelectorAll', {nodeId: root.nodeId, selector});
      for (const nodeId of nodeIds) {
        const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId});
        for (const font of fonts) glyphs[font.familyName] = (glyphs[font.familyName] ?? 0) + sign * font.glyphCount;
      }
    }
    return Object.fromEntries(Object.entries(glyphs).filter(([, count]) => count > 0));
  }

  it('sets a Chinese chapter in one Simplified Chinese face, and leaves English pages alone', async () => {
    // With a Latin font first, every paragraph splits into Latin runs and runs found by font
    // fallback, which costs layout time (src/css/custom.css).
    const zh = await proseFonts(await open('/zh-Hans/docs/sendfile/'));
    await context.close();
    const [face, count] = Object.entries(zh).sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
    const total = Object.values(zh).reduce((sum, n) => sum + n, 0);
    const drawn = `paragraphs drawn in ${JSON.stringify(zh)}; on Debian, install fonts-noto-cjk`;
    expect(face, drawn).toMatch(/^(PingFang SC|Hiragino Sans GB|Microsoft YaHei|Noto Sans CJK SC|Noto Sans SC|Source Han Sans SC)$/);
    // Latin words included; a few symbols the face lacks (⌈ ⌉) still come from fallback. With
    // Infima's stack, 69 % of them were (3,532 of 5,099).
    expect(count / total, drawn).toBeGreaterThan(0.99);
    const en = await proseFonts(await open('/docs/sendfile/'));
    await context.close();
    expect(Object.keys(en)).not.toContain(face);
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
