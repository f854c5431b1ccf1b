// A long chapter lays out its off-screen blocks only when they come near the viewport, until the
// app reveals them a frame's worth at a time (src/theme/Root/reveal.ts, src/css/custom.css).
// These tests fail if blocks are laid out all at once again, if a form control waits in a skipped
// block (Chrome's autofill would force that block's layout as parsing ends), if the reveal never
// finishes (axe and find in page would then meet unrendered text), if a link into the page lands
// elsewhere, or if the copy of a page that `npm run bench:reveal` holds back loses accessibility.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser} from 'playwright-core';
import {withRevealHeld} from '../../bench/hold-reveal';
import {REVEALED} from '../../src/theme/Root/reveal';
import {appStarted, launchChromium, pageRevealed, settle} from '../support/browser';
import {axeFindings} from '../support/page-checks';
import {builtFile, builtPages} from '../support/site-pages';

const baseUrl = inject('baseUrl');
const PHONE = {viewport: {width: 412, height: 823}, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true};
const CHAPTER = '/docs/mmap-and-java-nio/';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('shell');
});

afterAll(async () => {
  await browser?.close();
});

// The form controls on the page with a skipped ancestor, as a script for the page: Chrome's
// autofill would force that ancestor's layout as parsing ends (src/css/custom.css).
const COUNT_SKIPPED_CONTROLS = `Array.from(document.querySelectorAll('input, select, textarea')).filter((control) => {
  for (let e = control.parentElement; e; e = e.parentElement) if (getComputedStyle(e).contentVisibility !== 'visible') return true;
  return false;
}).length`;

// Counts frames from the first byte, and notes the frame in which each block is shown; at
// DOMContentLoaded, notes how the browser treats the article's blocks.
const RECORD_REVEAL = `
  window.__zcFrame = 0;
  (function tick() { window.__zcFrame++; requestAnimationFrame(tick); })();
  window.__zcShownIn = [];
  new MutationObserver((records) => {
    for (const r of records) if (r.attributeName === 'data-shown') window.__zcShownIn.push(window.__zcFrame);
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-shown']});
  const CONTROLS = 'input, select, textarea';
  document.addEventListener('DOMContentLoaded', () => {
    const blocks = Array.from(document.querySelectorAll('.theme-doc-markdown > *'));
    window.__zcAtParse = blocks.map((b) => getComputedStyle(b).contentVisibility);
    window.__zcControlBlocks = blocks.flatMap((b, i) => (b.querySelector(CONTROLS) ? [i] : []));
    window.__zcPartsAtParse = blocks
      .filter((b) => b.querySelector(CONTROLS))
      .flatMap((b) => Array.from(b.children).filter((c) => !c.matches(CONTROLS + ', button') && !c.querySelector(CONTROLS + ', button')))
      .map((c) => getComputedStyle(c).contentVisibility);
    window.__zcSkippedControls = ${COUNT_SKIPPED_CONTROLS};
  });
`;

interface Recorded {
  atParse: string[];
  controlBlocks: number[];
  partsAtParse: string[];
  skippedControls: number;
  shownIn: number[];
  now: string[];
}

describe('a long chapter is revealed in steps', () => {
  it(`${CHAPTER}: skips off-screen blocks while it loads, then shows them all over several frames`, async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.addInitScript({content: RECORD_REVEAL});
      await page.goto(`${baseUrl}${CHAPTER}`, {waitUntil: 'load'});
      await appStarted(page);
      await pageRevealed(page);
      const {atParse, controlBlocks, partsAtParse, skippedControls, shownIn, now} = (await page.evaluate(() => {
        const w = window as unknown as {
          __zcAtParse: string[];
          __zcControlBlocks: number[];
          __zcPartsAtParse: string[];
          __zcSkippedControls: number;
          __zcShownIn: number[];
        };
        return {
          atParse: w.__zcAtParse,
          controlBlocks: w.__zcControlBlocks,
          partsAtParse: w.__zcPartsAtParse,
          skippedControls: w.__zcSkippedControls,
          shownIn: w.__zcShownIn,
          now: Array.from(document.querySelectorAll('.theme-doc-markdown > *')).map((b) => getComputedStyle(b).contentVisibility),
        };
      })) as Recorded;
      expect(atParse.length, 'article blocks').toBeGreaterThan(50);
      expect(atParse.slice(0, 7).every((v) => v === 'visible'), 'the first screen is laid out at once').toBe(true);
      expect(controlBlocks.length, 'blocks holding live components\' form controls').toBeGreaterThanOrEqual(4);
      expect(controlBlocks.every((i) => i >= 7), 'every such block comes after the first screen').toBe(true);
      expect(
        atParse.every((v, i) => i < 7 || v === (controlBlocks.includes(i) ? 'visible' : 'auto')),
        'later blocks wait until they are near the viewport, but for those holding form controls',
      ).toBe(true);
      expect(skippedControls, 'form controls inside a skipped element (Chrome\'s autofill would force its layout)').toBe(0);
      expect(partsAtParse.length, 'parts of those blocks without controls').toBeGreaterThan(10);
      expect(new Set(partsAtParse), 'the parts without controls wait').toEqual(new Set(['auto']));
      expect(now.every((v) => v === 'visible'), 'after the reveal every block is laid out').toBe(true);
      expect(shownIn, 'blocks shown').toHaveLength(atParse.length);
      expect(new Set(shownIn).size, 'frames the reveal took').toBeGreaterThanOrEqual(5);
    } finally {
      await context.close();
    }
  });

  it(`${CHAPTER}: a link to its last section opens at that section`, async () => {
    const context = await browser.newContext(PHONE);
    try {
      const first = await context.newPage();
      await first.goto(`${baseUrl}${CHAPTER}`, {waitUntil: 'load'});
      const id = await first.evaluate(() => Array.from(document.querySelectorAll('.theme-doc-markdown h2[id]')).at(-1)!.id);
      const page = await context.newPage();
      await page.goto(`${baseUrl}${CHAPTER}#${id}`, {waitUntil: 'load'});
      await appStarted(page);
      await pageRevealed(page);
      // Scroll anchoring corrects the position in the layout of the frame that showed the last
      // blocks; two more frames and it has nothing left to correct.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const top = await page.locator(`[id="${id}"]`).evaluate((heading) => heading.getBoundingClientRect().top);
      expect(top, `#${id} from the top of the viewport`).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(823 / 3);
    } finally {
      await context.close();
    }
  });

  // `npm run bench:reveal` measures each page beside a copy that holds the reveal back
  // (bench/hold-reveal.ts). That copy stands for a site that would never reveal at load, so it
  // must be as accessible as the page itself: the end of the article is laid out as it loads.
  it(`${CHAPTER}: held back, keeps waiting blocks waiting but lays out the last six, and axe finds no contrast or target problem`, async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.route(`${baseUrl}${CHAPTER}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({response, body: withRevealHeld(await response.text())});
      });
      await page.goto(`${baseUrl}${CHAPTER}`, {waitUntil: 'load'});
      await settle(page);
      const {values, withControls, lastParts} = await page.evaluate(() => {
        const blocks = Array.from(document.querySelectorAll('.theme-doc-markdown > *'));
        return {
          values: blocks.map((b) => getComputedStyle(b).contentVisibility),
          withControls: blocks.map((b) => b.querySelector('input, select, textarea') !== null),
          lastParts: blocks.slice(-6).flatMap((b) => Array.from(b.children).map((c) => getComputedStyle(c).contentVisibility)),
        };
      });
      expect(await page.locator('html').getAttribute(REVEALED), 'the reveal did not run').toBeNull();
      expect(
        values.slice(7, -6).every((v, i) => v === (withControls[i + 7] ? 'visible' : 'auto')),
        'blocks after the seventh wait, but for the last six and those holding form controls',
      ).toBe(true);
      expect(values.slice(-6), 'the last six blocks').toEqual(Array(6).fill('visible'));
      expect(new Set(lastParts), 'every part of the last six blocks').toEqual(new Set(['visible']));
      expect(await axeFindings(page, {rules: ['color-contrast', 'target-size']})).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // Every page with form controls, before its scripts run (they are blocked here, so nothing is
  // revealed): no control may have a skipped ancestor.
  const pagesWithControls = builtPages().filter((page) => /<(input|select|textarea)\b/.test(builtFile(page.endsWith('/') ? `${page}index.html` : page)));
  it(`no form control waits in a skipped block on the ${pagesWithControls.length} pages that have any`, async () => {
    expect(pagesWithControls.length, 'pages with form controls, both languages').toBeGreaterThanOrEqual(16);
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.route('**/*.js', (route) => route.abort());
      const skipped: Record<string, number> = {};
      for (const path of pagesWithControls) {
        await page.goto(`${baseUrl}${path}`, {waitUntil: 'load'});
        skipped[path] = (await page.evaluate(COUNT_SKIPPED_CONTROLS)) as number;
      }
      expect(skipped).toEqual(Object.fromEntries(pagesWithControls.map((path) => [path, 0])));
    } finally {
      await context.close();
    }
  });

  it(`${CHAPTER}: printing lays out every block, revealed or not`, async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${CHAPTER}`, {waitUntil: 'load'});
      await page.emulateMedia({media: 'print'});
      const values = await page.evaluate(() => Array.from(document.querySelectorAll('.theme-doc-markdown > *')).map((b) => getComputedStyle(b).contentVisibility));
      expect(new Set(values)).toEqual(new Set(['visible']));
    } finally {
      await context.close();
    }
  });
});
