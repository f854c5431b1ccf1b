// One Chromium per browser-test file: launched before the file's first test, closed after its
// last. Kept apart from browser.ts, which bench/ and tools/ import outside Vitest.
import {afterAll, beforeAll} from 'vitest';
import type {Browser} from 'playwright-core';
import {launchChromium} from './browser';

/** Registers the launch and the close; the returned function gives the browser inside tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: useBrowser() gives a browser inside tests only.');
    return browser;
  };
}
