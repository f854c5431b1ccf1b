// `npm run diagram-sizes`: renders every Mermaid diagram of the built site in headless
// Chromium and records each one's natural size, keyed by a fingerprint of its text, in
// src/theme/Mermaid/diagram-sizes.json. Pages use it to reserve the exact space before the
// diagram is drawn. Run it after changing a diagram (the browser tests say when it is stale).
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {launchChromium} from '../../tests/support/browser';
import {BUILD_DIR, builtPages} from '../../tests/support/site-pages';
import {startStaticServer} from '../../tests/support/static-server';

export const SIZES_FILE = path.resolve(import.meta.dirname, '..', '..', 'src', 'theme', 'Mermaid', 'diagram-sizes.json');

async function main(): Promise<void> {
  const server = await startStaticServer(BUILD_DIR);
  const browser = await launchChromium();
  const sizes: Record<string, [number, number]> = {};
  try {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    for (const urlPath of builtPages()) {
      await page.goto(`${server.url}${urlPath}`, {waitUntil: 'load'});
      const frames = page.locator('[data-mermaid-frame]');
      for (let i = 0; i < (await frames.count()); i++) {
        const frame = frames.nth(i);
        await frame.scrollIntoViewIfNeeded();
        const svg = frame.locator('svg[viewBox]').first();
        await svg.waitFor({state: 'attached', timeout: 20_000});
        const key = await frame.getAttribute('data-mermaid-key');
        const viewBox = (await svg.getAttribute('viewBox'))?.split(/\s+/).map(Number);
        if (key && viewBox?.length === 4) sizes[key] = [Math.round(viewBox[2]), Math.round(viewBox[3])];
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = Object.fromEntries(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(SIZES_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`Recorded ${Object.keys(sorted).length} diagram sizes in ${path.relative(process.cwd(), SIZES_FILE)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
