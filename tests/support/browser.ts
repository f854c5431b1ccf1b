// Debian's Chromium driven by playwright-core: the flags are the ones known to work on these
// machines (no sandbox as root, no background network traffic on a closed network).
import {chromium, type Browser, type Page} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
 * Lays out every article block, as a reader who scrolled through the whole page would have: a
 * long page lays out blocks below the first screen only as they near the viewport
 * (src/css/custom.css), and tools that hit-test (axe's contrast check) cannot see into the
 * others. Call it after appStarted(), before such checks.
 */
export async function pageRevealed(page: Page): Promise<void> {
  await page.addStyleTag({content: '.theme-doc-markdown > * { content-visibility: visible !important; }'});
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
