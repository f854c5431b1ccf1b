// `npm run diagrams`: renders every Mermaid diagram of the built site in headless Chromium,
// in the light and the dark theme, and saves each as an SVG file under static/diagrams/,
// named by a fingerprint of the diagram's text, with its size in
// src/theme/Mermaid/diagram-sizes.json. Pages then show the files: no Mermaid code for
// readers, and the exact space reserved before the image loads. Run it (after a build) when
// a diagram changes; the browser tests say when one is missing or stale.
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {launchChromium} from '../../tests/support/browser';
import {BUILD_DIR, builtPages} from '../../tests/support/site-pages';
import {startStaticServer} from '../../tests/support/static-server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SIZES_FILE = path.join(ROOT, 'src', 'theme', 'Mermaid', 'diagram-sizes.json');
export const DIAGRAMS_DIR = path.join(ROOT, 'static', 'diagrams');

type Theme = 'light' | 'dark';

interface Rendered {
  readonly key: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Every diagram on every page, drawn live by Mermaid in one colour scheme. */
async function renderAll(browser: Browser, baseUrl: string, theme: Theme): Promise<Rendered[]> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: theme});
  const page = await context.newPage();
  const rendered: Rendered[] = [];
  for (const urlPath of builtPages()) {
    await page.goto(`${baseUrl}${urlPath}?mermaid=live`, {waitUntil: 'networkidle'});
    // After hydration every frame has switched from the pre-rendered image to live Mermaid.
    const frames = page.locator('[data-mermaid-frame]:not([data-mermaid-state="static"])');
    await page.waitForFunction(() => !document.querySelector('[data-mermaid-frame][data-mermaid-state="static"]'));
    for (let i = 0; i < (await frames.count()); i++) {
      const frame = frames.nth(i);
      await frame.scrollIntoViewIfNeeded();
      const svg = frame.locator('svg[viewBox]').first();
      await svg.waitFor({state: 'attached', timeout: 20_000});
      const key = await frame.getAttribute('data-mermaid-key');
      const [, , width, height] = ((await svg.getAttribute('viewBox')) ?? '').split(/\s+/).map(Number);
      if (key && width > 0 && height > 0) {
        rendered.push({key, svg: await svg.evaluate((node) => node.outerHTML), width: Math.round(width), height: Math.round(height)});
      }
    }
  }
  await context.close();
  return rendered;
}

/**
 * Mermaid names each SVG (and the CSS rules and markers inside it) with a random id; naming it
 * after the diagram instead keeps the files identical from one run to the next.
 */
function stableIds(svg: string, name: string): string {
  const id = /^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  return id ? svg.split(id).join(`mermaid-${name}`) : svg;
}

async function main(): Promise<void> {
  const server = await startStaticServer(BUILD_DIR);
  const browser = await launchChromium();
  const sizes: Record<string, [number, number]> = {};
  const files = new Map<string, string>();
  try {
    for (const theme of ['light', 'dark'] as const) {
      for (const diagram of await renderAll(browser, server.url, theme)) {
        sizes[diagram.key] = [diagram.width, diagram.height];
        files.set(`${diagram.key}-${theme}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${stableIds(diagram.svg, `${diagram.key}-${theme}`)}\n`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mkdirSync(DIAGRAMS_DIR, {recursive: true});
  for (const stale of readdirSync(DIAGRAMS_DIR).filter((name) => !files.has(name))) rmSync(path.join(DIAGRAMS_DIR, stale));
  for (const [name, svg] of files) writeFileSync(path.join(DIAGRAMS_DIR, name), svg);
  const sorted = Object.fromEntries(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(SIZES_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`Pre-rendered ${Object.keys(sorted).length} diagrams (light and dark) into ${path.relative(ROOT, DIAGRAMS_DIR)}/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
