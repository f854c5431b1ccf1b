// Structural budgets that do not depend on the machine: no page loads Mermaid code (its
// diagrams are pre-rendered SVG files), and the chunks every page shares hold none of it.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser} from 'playwright-core';
import {launchChromium} from '../support/browser';
import {BUILD_DIR, builtPages} from '../support/site-pages';

const baseUrl = inject('baseUrl');

// Strings only Mermaid's own code contains (its API object, its error text, its parsers).
const MERMAID_SIGNATURES = ['mermaidAPI', 'Syntax error in text', 'langium', 'chevrotain'];

function containsMermaid(source: string): string | undefined {
  return MERMAID_SIGNATURES.find((signature) => source.includes(signature));
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The scripts a page loads while a reader scrolls through all of it. */
async function scriptsLoaded(urlPath: string): Promise<{scripts: string[]; liveDiagrams: number}> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'networkidle'});
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 700) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.waitForLoadState('networkidle');
  const liveDiagrams = await page.locator('[data-mermaid-frame]:not([data-mermaid-state="static"])').count();
  await context.close();
  return {scripts, liveDiagrams};
}

function builtFile(urlPathname: string): string {
  return readFileSync(path.join(BUILD_DIR, urlPathname), 'utf8');
}

describe('Mermaid stays out of the pages', () => {
  it('keeps Mermaid out of the scripts every page loads (main, runtime and shared chunks)', async () => {
    const {scripts} = await scriptsLoaded('/docs/teach/');
    const html = builtFile('/docs/teach/index.html');
    const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+\.js)/g)].map((m) => m[1]);
    expect(initial.length).toBeGreaterThan(0);
    for (const script of new Set([...initial, ...scripts])) {
      expect(containsMermaid(builtFile(script)), `${script} contains Mermaid code`).toBeUndefined();
    }
  });

  for (const urlPath of builtPages().filter((p) => p.startsWith('/docs/') || p.startsWith('/zh-Hans/docs/') || p === '/' || p === '/zh-Hans/')) {
    it(`${urlPath}: loads no Mermaid code, its diagrams being pre-rendered`, async () => {
      const {scripts, liveDiagrams} = await scriptsLoaded(urlPath);
      expect(liveDiagrams, 'diagrams not pre-rendered (run `npm run diagrams`)').toBe(0);
      const withMermaid = scripts.filter((script) => containsMermaid(builtFile(script)));
      expect(withMermaid, 'scripts with Mermaid code').toEqual([]);
    });
  }
});
