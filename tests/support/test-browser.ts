// One Chromium per browser-test file (two where a test needs the full browser): launched before
// the file's first test, closed after its last. Kept apart from browser.ts, which bench/ and
// tools/ import outside Vitest.
import {afterAll, beforeAll} from 'vitest';
import type {Browser} from 'playwright-core';
import {launchChromium, type ChromiumKind} from './browser';

/**
 * Registers the launch and the close; the returned function gives the browser inside tests.
 * The headless shell unless `kind` asks for the full browser (see ChromiumKind).
 */
export function useBrowser(kind: ChromiumKind = 'shell'): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(kind);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: useBrowser() gives a browser inside tests only.');
    return browser;
  };
}
