// A long chapter lays out its off-screen blocks only when they come near the viewport
// (content-visibility: auto in src/css/custom.css), and no script lays them all out afterwards:
// that cost a blocking task per frame. These tests fail if blocks are laid out all at once again,
// if a block the reader scrolls to stays unrendered, if a link into the page lands elsewhere, or
// if printing leaves blocks out.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser} from 'playwright-core';
import {appStarted, launchChromium} from '../support/browser';

const baseUrl = inject('baseUrl');
const PHONE = {viewport: {width: 412, height: 823}, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true};
const CHAPTER = '/docs/mmap-and-java-nio/';
const BLOCKS = '.theme-doc-markdown > *';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

// At DOMContentLoaded, notes how the browser treats the article's blocks.
const RECORD_AT_PARSE = `
  document.addEventListener('DOMContentLoaded', () => {
    window.__zcAtParse = Array.from(document.querySelectorAll('${BLOCKS}')).map((b) => getComputedStyle(b).contentVisibility);
  });
`;

describe('a long chapter lays out what the reader is near', () => {
  it(`${CHAPTER}: skips off-screen blocks while it loads and after the app starts`, async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.addInitScript({content: RECORD_AT_PARSE});
      await page.goto(`${baseUrl}${CHAPTER}`, {waitUntil: 'load'});
      await appStarted(page);
      await page.waitForTimeout(500);
      const {atParse, now} = await page.evaluate((blocks) => {
        const w = window as unknown as {__zcAtParse: string[]};
        return {atParse: w.__zcAtParse, now: Array.from(document.querySelectorAll(blocks)).map((b) => getComputedStyle(b).contentVisibility)};
      }, BLOCKS);
      expect(atParse.length, 'article blocks').toBeGreaterThan(50);
      expect(atParse.slice(0, 7).every((v) => v === 'visible'), 'the first screen is laid out at once').toBe(true);
      expect(atParse.slice(7).every((v) => v === 'auto'), 'later blocks wait until they are near the viewport').toBe(true);
      expect(now, 'no script lays the rest out').toEqual(atParse);
    } finally {
      await context.close();
    }
  });

  it(`${CHAPTER}: the last block is rendered once the reader scrolls to it`, async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${CHAPTER}`, {waitUntil: 'load'});
      await appStarted(page);
      // The last block with an element inside: while the block is skipped, that element is not rendered.
      const inner = page.locator('.theme-doc-markdown > :has(> *)').last().locator(':scope > *').first();
      const before = await inner.evaluate((element) => element.checkVisibility({contentVisibilityAuto: true}));
      await inner.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      const after = await inner.evaluate((element) => element.checkVisibility({contentVisibilityAuto: true}));
      expect(before, 'the last block is skipped before the reader gets there').toBe(false);
      expect(after, 'the last block is rendered once it is on screen').toBe(true);
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
      await page.waitForTimeout(500);
      const top = await page.locator(`[id="${id}"]`).evaluate((heading) => heading.getBoundingClientRect().top);
      expect(top, `#${id} from the top of the viewport`).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(823 / 3);
    } finally {
      await context.close();
    }
  });

  it(`${CHAPTER}: printing lays out every block`, async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${CHAPTER}`, {waitUntil: 'load'});
      await appStarted(page);
      await page.emulateMedia({media: 'print'});
      const values = await page.evaluate((blocks) => Array.from(document.querySelectorAll(blocks)).map((b) => getComputedStyle(b).contentVisibility), BLOCKS);
      expect(new Set(values)).toEqual(new Set(['visible']));
    } finally {
      await context.close();
    }
  });
});
