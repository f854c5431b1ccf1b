// Present mode in the real browser, as a teacher uses it on a projector: a live component and a
// diagram each fill the screen, a live component's type grows and its keys keep stepping, Escape
// brings it back with focus on the Present button, in both languages, with fullscreen granted
// and with fullscreen refused (the overlay), and axe finds nothing serious while presenting.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed} from '../support/browser';
import {axeFindings} from '../support/page-checks';

const baseUrl = inject('baseUrl');
const VIEWPORT = {width: 1280, height: 720};
const CHAPTER = 'docs/read-write/';

/** Makes every fullscreen request fail, as a browser does without a user gesture or in a kiosk. */
const REFUSE_FULLSCREEN = `
  Element.prototype.requestFullscreen = function () {
    return Promise.reject(new TypeError('Permissions check failed'));
  };
`;

let browser: Browser;
let context: BrowserContext;

// The full browser: Escape leaving fullscreen is its UI's doing, which the headless shell lacks.
beforeAll(async () => {
  browser = await launchChromium('browser');
});

afterAll(async () => {
  await browser?.close();
});

async function open(urlPath: string, {refuseFullscreen = false} = {}): Promise<{page: Page; errors: string[]}> {
  context = await browser.newContext({viewport: VIEWPORT});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  if (refuseFullscreen) await page.addInitScript({content: REFUSE_FULLSCREEN});
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  await pageRevealed(page);
  return {page, errors};
}

/** Present mode paints the page's surface: fullscreen's default backdrop is black, under dark text. */
async function paintedBackground(element: Locator): Promise<string> {
  return element.evaluate((node) => getComputedStyle(node).backgroundColor);
}

const TRANSPARENT = ['transparent', 'rgba(0, 0, 0, 0)'];

/** The element's box against the viewport's, to the pixel. */
async function fillsViewport(element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  if (!box) return false;
  return Math.abs(box.x) <= 1 && Math.abs(box.y) <= 1 && Math.abs(box.width - VIEWPORT.width) <= 1 && Math.abs(box.height - VIEWPORT.height) <= 1;
}

async function isFocused(element: Locator): Promise<boolean> {
  return element.evaluate((node) => node === document.activeElement);
}

/**
 * Presents the chapter's DataPath and checks present mode on it; returns the mode the page chose.
 * `presentName` is the start of the button's accessible name in the page's language.
 */
async function presentLiveComponent(page: Page, presentName: RegExp): Promise<string> {
  const component = page.locator('[data-live-component="DataPath"]').first();
  await component.scrollIntoViewIfNeeded();
  // Its accessible name changes to "Exit ..." while presenting: keep hold of the element itself.
  expect(await component.getByRole('button', {name: presentName}).count()).toBe(1);
  const button = component.locator('[data-present-button]');
  const next = component.locator('[data-live-click]').first();
  const readout = component.locator('[data-live-readout]').first();
  const nextHeightOnPage = (await next.boundingBox())?.height ?? 0;

  await button.click();
  await expect.poll(() => component.getAttribute('data-presenting')).not.toBeNull();
  const mode = (await component.getAttribute('data-presenting')) ?? '';
  expect(await fillsViewport(component), 'the component fills the viewport').toBe(true);
  expect(TRANSPARENT).not.toContain(await paintedBackground(component));
  const nextHeightPresented = (await next.boundingBox())?.height ?? 0;
  expect(nextHeightPresented, 'controls and type are larger').toBeGreaterThan(nextHeightOnPage * 1.2);

  // Focus is on the button, inside the component: the component's own keys still step it.
  expect(await isFocused(button)).toBe(true);
  const before = await readout.innerText();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readout.innerText()).not.toBe(before);

  expect(await axeFindings(page), 'axe in present mode').toEqual([]);

  await page.keyboard.press('Escape');
  await expect.poll(() => component.getAttribute('data-presenting')).toBeNull();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(await isFocused(button), 'focus is back on the Present button').toBe(true);
  return mode;
}

/** Presents the chapter's first diagram; returns the mode the page chose. */
async function presentDiagram(page: Page, presentName: RegExp): Promise<string> {
  const diagram = page.locator('[data-present-target="diagram"]').first();
  await diagram.scrollIntoViewIfNeeded();
  const image = diagram.locator('img:visible').first();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {timeout: 20_000}).toBe(true);
  expect(await diagram.getByRole('button', {name: presentName}).count()).toBe(1);
  const button = diagram.locator('[data-present-button]');

  await button.click();
  await expect.poll(() => diagram.getAttribute('data-presenting')).not.toBeNull();
  const mode = (await diagram.getAttribute('data-presenting')) ?? '';
  expect(await fillsViewport(diagram), 'the diagram\'s box fills the viewport').toBe(true);
  expect(TRANSPARENT).not.toContain(await paintedBackground(diagram));
  // The drawing itself grows to the screen: as wide, or as tall, as the room beside the button allows.
  const drawn = await image.boundingBox();
  expect(drawn).not.toBeNull();
  expect(Math.max(drawn!.width / VIEWPORT.width, drawn!.height / VIEWPORT.height)).toBeGreaterThan(0.8);

  await button.click();
  await expect.poll(() => diagram.getAttribute('data-presenting')).toBeNull();
  expect(await isFocused(button), 'focus is back on the Present button').toBe(true);
  return mode;
}

/**
 * Records, from the first byte, every layout shift that moves something in the article, where the
 * Present buttons are (they are in the server's HTML). The navbar is left out: its logo has no
 * size in the config and can shift on its own when it loads late, which is not this feature's.
 */
const RECORD_SHIFTS = `
  window.__zcShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const moved = entry.sources
        .map((s) => (s.node && s.node.nodeType !== 1 ? s.node.parentElement : s.node))
        .filter((el) => el && el.closest('article'));
      if (moved.length > 0) window.__zcShifts.push(entry.value);
    }
  }).observe({type: 'layout-shift', buffered: true});
`;

describe('present mode for a class', () => {
  it(`adds its buttons to /${CHAPTER} without moving anything in the article as the page loads (CLS 0)`, async () => {
    context = await browser.newContext({viewport: VIEWPORT});
    try {
      const page = await context.newPage();
      await page.addInitScript({content: RECORD_SHIFTS});
      await page.goto(`${baseUrl}/${CHAPTER}`, {waitUntil: 'load'});
      await appStarted(page);
      await pageRevealed(page);
      expect(await page.locator('[data-present-button]').count()).toBeGreaterThanOrEqual(3);
      await page.locator('[data-live-component="DataPath"]').first().scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => (window as unknown as {__zcShifts: number[]}).__zcShifts);
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it(`presents a live component and a diagram on /${CHAPTER}, full screen`, async () => {
    const {page, errors} = await open(`/${CHAPTER}`);
    try {
      expect(await presentLiveComponent(page, /^Present full screen: Data path/)).toBe('fullscreen');
      expect(await presentDiagram(page, /^Present full screen: Sequence diagram/)).toBe('fullscreen');
      expect(errors, 'console and page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it(`falls back to a full-viewport overlay on /${CHAPTER} when fullscreen is refused`, async () => {
    const {page, errors} = await open(`/${CHAPTER}`, {refuseFullscreen: true});
    try {
      expect(await presentLiveComponent(page, /^Present full screen: Data path/)).toBe('overlay');
      expect(await presentDiagram(page, /^Present full screen: Sequence diagram/)).toBe('overlay');
      expect(errors, 'console and page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it(`presents on the Chinese page /zh-Hans/${CHAPTER}, with Chinese labels`, async () => {
    const {page, errors} = await open(`/zh-Hans/${CHAPTER}`);
    try {
      expect(await presentLiveComponent(page, /^全屏演示：/)).toBe('fullscreen');
      expect(await presentDiagram(page, /^全屏演示：时序图/)).toBe('fullscreen');
      expect(errors, 'console and page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
