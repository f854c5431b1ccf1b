// The page checks run axe-core in the page themselves (runAxe in tests/support/page-checks.ts,
// without @axe-core/playwright's per-frame runs and second injection). These tests make sure that
// the helper the page checks use still finds what it should: a page given faint text, an image
// without a description, a nameless button and a link marked by colour alone must fail, in light
// and dark mode. Without them, a helper that found nothing would pass every page.
import {describe, expect, inject, it} from 'vitest';
import {appStarted, pageRevealed} from '../support/browser';
import {useBrowser} from '../support/test-browser';
import {axeFindings} from '../support/page-checks';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Adds three faults at the end of the chapter's article, far below the first screen. */
const BREAK_PAGE = () => {
  const article = document.querySelector('.theme-doc-markdown')!;
  const faint = document.createElement('p');
  faint.textContent = 'Faint text that nobody can read';
  faint.style.color = document.documentElement.dataset.theme === 'dark' ? '#2a2a2a' : '#eeeeee';
  faint.setAttribute('data-shown', '');
  const image = document.createElement('img');
  image.src = '/img/logo.svg';
  const button = document.createElement('button');
  const text = document.createElement('p');
  text.append('Running text with ', Object.assign(document.createElement('a'), {href: '#', textContent: 'a link'}), ' marked by colour alone.');
  text.querySelector('a')!.style.textDecoration = 'none';
  text.setAttribute('data-shown', '');
  article.append(faint, image, button, text);
};

describe('axe as the page checks run it', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds the faults added to a chapter in ${colorScheme} mode, and none before`, async () => {
      const context = await browser().newContext({colorScheme, viewport: {width: 1280, height: 800}});
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
        await appStarted(page);
        await pageRevealed(page);
        const run = () => axeFindings(page);
        expect(await run(), 'the chapter as built').toEqual([]);
        await page.evaluate(BREAK_PAGE);
        const rules = (await run()).map((finding) => finding.split(':')[0]);
        expect(rules).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'button-name']));
        // The link green is far enough from the light theme's dark text, not from the dark theme's.
        if (colorScheme === 'dark') expect(rules).toContain('link-in-text-block');
      } finally {
        await context.close();
      }
    });
  }

  // Found by the phone check on /docs/lab/, where the last scroll left the pointer on the footer:
  // a hovered footer link took the light theme's green, 2.2:1 on the dark footer.
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps a hovered footer link readable in ${colorScheme} mode`, async () => {
      const context = await browser().newContext({colorScheme, viewport: {width: 412, height: 823}});
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/docs/exercises/`, {waitUntil: 'load'});
        await appStarted(page);
        const link = page.locator('.footer__link-item').first();
        await link.hover();
        expect(await axeFindings(page, {include: '.footer', rules: ['color-contrast']})).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
