// Hydration must adopt the server's markup, not rebuild it. Docusaurus's own CodeBlock and Tabs
// remount after hydration (to switch Prism colours, to read a stored tab); on a long chapter that
// deleted and re-created thousands of nodes in one task, over a second of blocking time in
// Lighthouse's mobile profile. src/theme/CodeBlock and src/theme/Tabs drop the remount and
// colour tokens with CSS instead, and src/theme/CodeBlock/Content keeps the server's highlighted
// code without hydrating it token by token. These tests fail if any of that comes back, or if
// code blocks stop working because of it.
import {describe, expect, inject, it} from 'vitest';
import {ready} from '../support/browser';
import {useBrowser} from '../support/test-browser';
import {builtPages} from '../support/site-pages';

const baseUrl = inject('baseUrl');

const browser = useBrowser();

// The per-page check, that nothing inside the article is removed while a page loads (light and
// dark), runs in tests/e2e/pages-*.test.ts on the visits every page gets there
// (tests/support/page-checks.ts, RECORD_REMOVALS).
const docPages = builtPages().filter((p) => /^\/(zh-Hans\/)?docs\/./.test(p));

describe('hydration keeps the server markup', () => {
  it('has pages with code blocks and tabs to check', () => {
    expect(docPages).toContain('/docs/mmap-and-java-nio/');
  });
});

describe('code colours come from CSS, per colour mode', () => {
  async function keywordColours(colorScheme: 'light' | 'dark'): Promise<{keyword: string; plain: string}> {
    const context = await browser().newContext({colorScheme});
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
      await ready(page);
      const block = page.locator('.prism-code.language-c').first();
      return {
        keyword: await block.locator('.token.keyword').first().evaluate((el) => getComputedStyle(el).color),
        plain: await block.evaluate((el) => getComputedStyle(el).color),
      };
    } finally {
      await context.close();
    }
  }

  it('highlights C keywords, in different colours for light and dark mode', async () => {
    const light = await keywordColours('light');
    const dark = await keywordColours('dark');
    expect(light.keyword).not.toBe(light.plain);
    expect(dark.keyword).not.toBe(dark.plain);
    expect(dark.keyword).not.toBe(light.keyword);
    expect(dark.plain).not.toBe(light.plain);
  });
});

describe('code blocks after hydration', () => {
  it('adopts every highlighted block as the server wrote it, with no React fibers for its tokens', async () => {
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
      await ready(page);
      // React marks each element it hydrated or created with a __reactFiber$<id> property.
      const hydrated = (selector: string) =>
        page.locator(selector).evaluateAll((elements) => elements.map((el) => Object.keys(el).some((key) => key.startsWith('__reactFiber$'))));
      const pres = await hydrated('.theme-code-block pre');
      expect(pres.length).toBeGreaterThan(3);
      expect(pres.filter(Boolean).length, 'code blocks React hydrated token by token').toBe(0);
      expect((await hydrated('.theme-code-block button')).every(Boolean), 'the buttons are React components').toBe(true);
    } finally {
      await context.close();
    }
  });

  it('copies the code and wraps long lines, the buttons being live React components', async () => {
    const context = await browser().newContext({viewport: {width: 412, height: 823}, permissions: ['clipboard-read', 'clipboard-write']});
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
      await ready(page);
      const block = page.locator('.theme-code-block', {has: page.locator('.prism-code.language-c')}).first();
      await block.scrollIntoViewIfNeeded();
      await block.hover();
      await block.getByRole('button', {name: /copy/i}).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      // Each line is its own element, so the page's text holds the code without its newlines.
      expect(copied.replaceAll('\n', '')).toBe(await block.locator('code').textContent());
      expect(copied).toContain('sendfile(');
      const code = block.locator('code');
      expect(await code.getAttribute('style')).toBeNull();
      await block.getByRole('button', {name: /wrap/i}).click();
      expect(await code.getAttribute('style')).toContain('pre-wrap');
    } finally {
      await context.close();
    }
  });

  it('shows the tab a reader chose, highlighted, when the page is loaded again', async () => {
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/docs/mmap-and-java-nio/`, {waitUntil: 'load'});
      await ready(page);
      const firstTabs = page.locator('.theme-tabs-container').first();
      await expect.poll(() => firstTabs.getByRole('tab', {selected: true}).innerText()).toBe('C');
      await firstTabs.getByRole('tab', {name: 'Java'}).click();
      await page.reload({waitUntil: 'load'});
      await ready(page);
      const tabs = page.locator('.theme-tabs-container').first();
      await expect.poll(() => tabs.getByRole('tab', {selected: true}).innerText()).toBe('Java');
      await expect.poll(() => tabs.locator('[role="tabpanel"]:not([hidden]) .prism-code.language-java .token.keyword').count()).toBeGreaterThan(10);
    } finally {
      await context.close();
    }
  });

  it('highlights code on a page reached by a link, rendered in the browser', async () => {
    const context = await browser().newContext({viewport: {width: 1280, height: 900}});
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
      await ready(page);
      await page.locator('nav a[href="/docs/mmap-and-java-nio/"]:visible').first().click();
      await page.waitForURL('**/docs/mmap-and-java-nio/');
      await expect.poll(() => page.locator('.prism-code.language-c .token.keyword').count()).toBeGreaterThan(10);
      const empty = await page.locator('.theme-code-block pre').evaluateAll((pres) => pres.filter((pre) => pre.textContent?.trim() === '').length);
      expect(empty, 'empty code blocks').toBe(0);
    } finally {
      await context.close();
    }
  });
});
