// Structural budgets that do not depend on the machine: pages without diagrams load no
// Mermaid code at all, and the chunks every page shares hold none of it either.
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

/** The scripts a page loads, after it has settled, with their paths. */
async function scriptsLoaded(urlPath: string): Promise<{scripts: string[]; diagrams: number}> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'networkidle'});
  const diagrams = await page.locator('[data-mermaid-frame]').count();
  await context.close();
  return {scripts, diagrams};
}

function builtFile(urlPathname: string): string {
  return readFileSync(path.join(BUILD_DIR, urlPathname), 'utf8');
}

describe('Mermaid stays out of pages that do not need it', () => {
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
    it(`${urlPath}: loads Mermaid only if it has a diagram`, async () => {
      const {scripts, diagrams} = await scriptsLoaded(urlPath);
      if (diagrams > 0) return;
      const withMermaid = scripts.filter((script) => containsMermaid(builtFile(script)));
      expect(withMermaid, 'scripts with Mermaid code on a page without diagrams').toEqual([]);
    });
  }
});
