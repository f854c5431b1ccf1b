// Printing a chapter, the teachers' page, an assignment card and a Chinese chapter (src/css/custom.css `@media print`,
// src/theme/Root/print.ts, the steppers' print state in src/components/shared/useStepper.ts).
// Each page is opened in the dark colour scheme, the harder case for paper. Two kinds of check:
// under emulated print media, what the stylesheet does (no site chrome, light diagrams, every
// block laid out, link targets, no split figures, no overflow past the page); and through
// Chromium's print to PDF, which fires beforeprint/afterprint as a real print does, what the
// handlers do (light colours, steppers at their last step, site links' addresses, diagrams
// loaded) and that they undo it afterwards. The PDF bytes are compressed, so its text is not
// searched: its page count is checked against the page's length instead.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed} from '../support/browser';

const baseUrl = inject('baseUrl');

/** An A4 page's width inside the 15 mm margins of custom.css's @page, in CSS pixels (180 mm). */
const A4_CONTENT_WIDTH = 680;

interface PrintedPage {
  readonly path: string;
  /** A chapter: pre-rendered diagrams, external links and a quiz to print. */
  readonly chapter: boolean;
  /** Step-through components that print at their last step. */
  readonly steppers: boolean;
  /** Sane bounds for its A4 page count. */
  readonly pages: readonly [number, number];
  /** Top-level article blocks at least (an assignment card is one component). */
  readonly blocks: number;
}

const PAGES: readonly PrintedPage[] = [
  {path: '/docs/sendfile/', chapter: true, steppers: true, pages: [8, 40], blocks: 20},
  {path: '/docs/teach/', chapter: false, steppers: false, pages: [3, 30], blocks: 20},
  {path: '/docs/teach/cards/sendfile/', chapter: false, steppers: false, pages: [1, 8], blocks: 2},
  {path: '/zh-Hans/docs/sendfile/', chapter: true, steppers: true, pages: [6, 40], blocks: 20},
];

const CHROME = ['.navbar', '.theme-doc-sidebar-container', '.theme-doc-toc-desktop', '.theme-doc-toc-mobile', '.pagination-nav', '.footer'];

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium('shell');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function openDark(urlPath: string): Promise<Page> {
  await context?.close();
  // The site follows the system's colour scheme until the reader picks one.
  context = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: 'dark'});
  const page = await context.newPage();
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  await pageRevealed(page);
  expect(await page.evaluate(() => document.documentElement.dataset.theme), 'opened in the dark scheme').toBe('dark');
  return page;
}

interface PrintStyles {
  chromeFound: string[];
  chromeShown: string[];
  blocks: number;
  blocksSkipped: number;
  diagrams: {light: boolean; dark: boolean}[];
  links: {href: string; after: string}[];
  unbreakable: {tag: string; breakInside: string}[];
  controlsShown: number;
  quizChoicesShown: number;
  scrollWidth: number;
}

describe('printing', () => {
  for (const spec of PAGES) {
    it(`${spec.path}: the print stylesheet shows the article alone, whole, light, with link targets`, async () => {
      const page = await openDark(spec.path);
      for (const selector of ['.navbar', '.theme-doc-sidebar-container']) {
        expect(await page.locator(selector).first().isVisible(), `${selector} on screen`).toBe(true);
      }
      // As if the reveal had not run yet (a reader printing at once): print must lay out every
      // block whatever the screen-only content-visibility rule would skip.
      await page.evaluate(() => {
        for (const block of Array.from(document.querySelectorAll('.theme-doc-markdown > *'))) block.removeAttribute('data-shown');
      });
      await page.setViewportSize({width: A4_CONTENT_WIDTH, height: 1000});
      await page.emulateMedia({media: 'print'});
      const styles = await page.evaluate((chrome): PrintStyles => {
        const found = chrome.filter((selector) => document.querySelector(selector) !== null);
        const blocks = Array.from(document.querySelectorAll('.theme-doc-markdown > *'));
        const article = document.querySelector('.theme-doc-markdown')!;
        return {
          chromeFound: found,
          chromeShown: found.filter((selector) => Array.from(document.querySelectorAll(selector)).some((el) => el.checkVisibility())),
          blocks: blocks.length,
          blocksSkipped: blocks.filter((block) => getComputedStyle(block).contentVisibility !== 'visible').length,
          diagrams: Array.from(article.querySelectorAll('[data-mermaid-state="static"]')).map((frame) => {
            const [light, dark] = Array.from(frame.querySelectorAll('img'));
            return {light: light.checkVisibility() && light.src.endsWith('-light.svg'), dark: dark.checkVisibility()};
          }),
          links: Array.from(article.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')).map((a) => ({
            href: a.getAttribute('href')!,
            after: getComputedStyle(a, '::after').content,
          })),
          unbreakable: Array.from(article.querySelectorAll('table, pre, [role="figure"], [data-live-component="Quiz"] ol > li')).map((el) => ({
            tag: el.closest('[data-live-component="Quiz"]') ? 'quiz question' : el.tagName.toLowerCase(),
            breakInside: getComputedStyle(el).breakInside,
          })),
          controlsShown: Array.from(article.querySelectorAll('button.button, input[type="file"], [data-present-button]')).filter((el) => el.checkVisibility()).length,
          quizChoicesShown: Array.from(article.querySelectorAll('li button[aria-pressed]')).filter((el) => el.checkVisibility()).length,
          scrollWidth: document.documentElement.scrollWidth,
        };
      }, CHROME);

      expect(styles.chromeFound, 'navbar and sidebar exist').toEqual(expect.arrayContaining(['.navbar', '.theme-doc-sidebar-container']));
      expect(styles.chromeShown, 'site chrome printed').toEqual([]);
      expect(styles.blocks, 'article blocks').toBeGreaterThanOrEqual(spec.blocks);
      expect(styles.blocksSkipped, 'blocks left unlaid-out').toBe(0);
      expect(styles.scrollWidth, 'page wider than A4').toBeLessThanOrEqual(A4_CONTENT_WIDTH);
      expect(styles.controlsShown, 'buttons, Present buttons and file pickers printed').toBe(0);
      if (spec.chapter) {
        expect(styles.diagrams.length, 'diagrams').toBeGreaterThan(0);
        expect(styles.diagrams.every((d) => d.light && !d.dark), JSON.stringify(styles.diagrams)).toBe(true);
        expect(styles.links.length, 'external links').toBeGreaterThan(0);
        expect(styles.quizChoicesShown, 'quiz choices printed').toBeGreaterThan(0);
      }
      for (const link of styles.links) expect(link.after, `target of ${link.href}`).toContain(link.href);
      expect(styles.unbreakable.length, 'tables, code and figures').toBeGreaterThan(0);
      if (spec.chapter) expect(styles.unbreakable.some((el) => el.tag === 'quiz question'), 'quiz questions').toBe(true);
      for (const el of styles.unbreakable) expect(el.breakInside, `break-inside of a ${el.tag}`).toBe('avoid');
    });

    it(`${spec.path}: Chromium's print to PDF gets light colours, finished steppers and loaded diagrams, then restores the page`, async () => {
      const page = await openDark(spec.path);
      const readouts = () =>
        page.evaluate(() => Array.from(document.querySelectorAll('.theme-doc-markdown [data-live-readout]')).map((el) => el.textContent ?? ''));
      const before = await readouts();
      // Registered after the app's own handlers, so it sees the page as it goes to paper.
      await page.evaluate(() => {
        window.addEventListener('beforeprint', () => {
          const w = window as unknown as {__printed: unknown};
          w.__printed = {
            theme: document.documentElement.dataset.theme,
            readouts: Array.from(document.querySelectorAll('.theme-doc-markdown [data-live-readout]')).map((el) => el.textContent ?? ''),
            siteLinks: document.querySelectorAll('.theme-doc-markdown a[data-print-href^="http"]').length,
            lazyImages: document.querySelectorAll('.theme-doc-markdown img[loading="lazy"]').length,
          };
        });
      });
      const pdf = await page.pdf({format: 'A4'});
      const printed = (await page.evaluate(() => (window as unknown as {__printed: unknown}).__printed)) as {
        theme: string;
        readouts: string[];
        siteLinks: number;
        lazyImages: number;
      };

      expect(printed.theme, 'colour scheme on paper').toBe('light');
      expect(printed.lazyImages, 'images left lazy when printing').toBe(0);
      expect(printed.siteLinks, 'links to other pages given their address').toBeGreaterThan(0);
      if (spec.steppers) {
        const changed = printed.readouts.filter((text, i) => text !== before[i]);
        expect(changed.length, 'steppers moved to their last step for print').toBeGreaterThan(0);
      }
      expect(await page.evaluate(() => document.documentElement.dataset.theme), 'colour scheme after printing').toBe('dark');
      expect(await readouts(), 'readouts after printing').toEqual(before);
      if (spec.chapter) {
        const loaded = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLImageElement>('.theme-doc-markdown img[src$="-light.svg"]')).map(
            (img) => img.complete && img.naturalWidth > 0,
          ),
        );
        expect(loaded.length, 'diagrams').toBeGreaterThan(0);
        expect(loaded.every(Boolean), 'every light diagram loaded').toBe(true);
      }

      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pageCount = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
      expect(pageCount, 'A4 pages').toBeGreaterThanOrEqual(spec.pages[0]);
      expect(pageCount, 'A4 pages').toBeLessThanOrEqual(spec.pages[1]);
    });
  }
});
