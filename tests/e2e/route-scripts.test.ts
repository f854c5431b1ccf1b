// tools/site/route-scripts.ts: a page lists its route's scripts, so main.js finds them loaded
// and fetches nothing more before React starts. Without it, main.js appended a <script> for each
// of the route's chunks while it was evaluated (a long task), and they downloaded only then.
import {describe, expect, inject, it} from 'vitest';
import {appStarted} from '../support/browser';
import {useBrowser} from '../support/test-browser';
import {builtFile} from '../support/site-pages';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

// The chunk that registers the offline worker (@docusaurus/plugin-pwa) is loaded on purpose
// at start-up, whatever the page.
const isWorkerRegistration = (urlPath: string) => builtFile(urlPath).includes('serviceWorker.register');

describe('a page lists the scripts of its route', () => {
  for (const urlPath of ['/', '/docs/sendfile/', '/docs/teach/cards/sendfile/', '/zh-Hans/docs/beyond-sendfile/']) {
    it(`${urlPath}: React starts with no script fetched that the page did not list`, async () => {
      const context = await browser().newContext();
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        const fetched: string[] = [];
        page.on('request', (request) => {
          if (request.resourceType() === 'script') fetched.push(new URL(request.url()).pathname);
        });
        await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
        await appStarted(page);
        const listed = await page.locator('script[data-scripts]').evaluate((el) => JSON.parse(el.getAttribute('data-scripts') ?? '[]') as string[]);
        expect(listed.length, 'runtime, the route scripts and main.js').toBeGreaterThan(urlPath === '/' ? 2 : 4);
        const unlisted = fetched.filter((script) => !listed.includes(script) && !isWorkerRegistration(script));
        expect(unlisted, 'scripts fetched before React started that the page did not list').toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
