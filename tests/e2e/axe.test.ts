// The page checks run axe in legacy mode (tests/support/page-checks.ts: the same findings in a
// third of the time). These tests make sure that the helper the page checks use still finds
// what it should: a page given faint text, an image without a description and a nameless button
// must fail, in light mode with every rule and in dark mode with the contrast rules, as the page
// checks run them. Without them, a helper that found nothing would pass every page.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed} from '../support/browser';
import {axeBuilder, seriousFindings} from '../support/page-checks';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

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
  article.append(faint, image, button);
};

describe('axe as the page checks run it', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds the faults added to a chapter in ${colorScheme} mode, and none before`, async () => {
      const context = await browser.newContext({colorScheme, viewport: {width: 1280, height: 800}});
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
        await appStarted(page);
        await pageRevealed(page);
        const run = async () => {
          const builder = axeBuilder(page);
          return seriousFindings((await (colorScheme === 'dark' ? builder.withTags(['wcag2aa']) : builder).analyze()).violations);
        };
        expect(await run(), 'the chapter as built').toEqual([]);
        await page.evaluate(BREAK_PAGE);
        const rules = (await run()).map((finding) => finding.split(':')[0]);
        expect(rules).toContain('color-contrast');
        if (colorScheme === 'light') expect(rules).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'button-name']));
      } finally {
        await context.close();
      }
    });
  }
});
