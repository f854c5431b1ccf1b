// Debian's Chromium driven by playwright-core: the flags are the ones known to work on these
// machines (no sandbox as root, no background network traffic on a closed network).
import {existsSync} from 'node:fs';
import {chromium, type Browser, type Page} from 'playwright-core';
import {REVEALED} from '../../src/theme/Root/reveal';

/** The browser a reader runs (Debian's `chromium`): Lighthouse, the diagrams and the tests of its own UI use it. */
export const CHROMIUM_PATH = chromiumPath('browser');

/**
 * Chromium's headless shell (Debian's `chromium-headless-shell`, built from the same source and
 * version): the same Blink and V8 without the browser's window machinery. It lays out and paints
 * a page as the full browser does, at about half the CPU per page load (8 loads with axe on a
 * 2-core AMD EPYC VM, nothing else running, 2026-12-07: 39.6 -> 20.0 CPU-seconds), so the
 * browser tests run on it; where there is none, or CHROMIUM_PATH names another browser, they
 * run on that browser.
 */
export const HEADLESS_SHELL_PATH = '/usr/lib/chromium/chromium-headless-shell';

/**
 * Which Chromium to launch. 'shell' for a test of what a page does; 'browser' where the browser's
 * own UI takes part: it fetches the favicon, and Escape leaves fullscreen.
 */
export type ChromiumKind = 'browser' | 'shell';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The executable for `kind`: CHROMIUM_HEADLESS_SHELL_PATH names another shell. */
export function chromiumPath(kind: ChromiumKind, env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string {
  const browser = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (kind === 'browser') return browser;
  if (env.CHROMIUM_HEADLESS_SHELL_PATH) return env.CHROMIUM_HEADLESS_SHELL_PATH;
  return env.CHROMIUM_PATH === undefined && exists(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : browser;
}

export function launchChromium(kind: ChromiumKind = 'browser'): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(kind),
    headless: true,
    // Playwright gives every launch a fresh, empty profile of its own.
    args: CHROMIUM_FLAGS,
  });
}

interface WithReactRoot {
  docusaurusRoot?: {_internalRoot?: {current?: {memoizedState?: {isDehydrated?: boolean}}}};
}

/**
 * Resolves once React has hydrated the page. Its scripts start after the first frame
 * (tools/site/ssr-template.ts), which can be after the load event, and a click on the server's
 * HTML before then does nothing. Docusaurus keeps its React root on window; the root's tree stops
 * being the server's ("dehydrated") when hydration commits.
 */
export async function appStarted(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as WithReactRoot).docusaurusRoot?._internalRoot?.current?.memoizedState?.isDehydrated === false,
    undefined,
    {timeout: 20_000},
  );
}

/**
 * Resolves once a long page has shown every article block (src/theme/Root/reveal.ts); until
 * then, blocks far below the first screen are not laid out, which tools that hit-test (axe's
 * contrast check) cannot see through.
 */
export async function pageRevealed(page: Page): Promise<void> {
  await page.waitForFunction((attribute) => document.documentElement.hasAttribute(attribute), REVEALED, {timeout: 20_000});
}

/** Resolves once React has hydrated the page and run its effects (an idle callback, then a frame). */
export async function ready(page: Page): Promise<void> {
  await appStarted(page);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(resolve), {timeout: 2000})));
}

/**
 * Resolves once the page has hydrated and settled: no request for half a second (the chunks
 * that load after start-up have arrived and run), then an idle callback and a frame. For checks
 * of everything a page does while it loads; `ready` is enough for a check of what hydration made.
 */
export async function settle(page: Page): Promise<void> {
  await appStarted(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(resolve), {timeout: 2000})));
}
