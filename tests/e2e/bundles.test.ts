// Structural budgets that do not depend on the machine: no page loads Mermaid code (its
// diagrams are pre-rendered SVG files), and the chunks every page shares hold none of it.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser} from 'playwright-core';
import {launchChromium} from '../support/browser';
import {CODE_LANGUAGES} from '../../tools/site/code-themes';
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

/** The scripts a built page names in its HTML: what runs before any interaction. */
function initialScripts(urlPath: string): string[] {
  const html = builtFile(path.posix.join(urlPath, 'index.html'));
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+\.js)/g)].map((m) => m[1]);
}

describe('Mermaid stays out of the pages', () => {
  it('keeps Mermaid out of the scripts every page loads (main, runtime and shared chunks)', async () => {
    const {scripts} = await scriptsLoaded('/docs/teach/');
    const initial = initialScripts('/docs/teach/');
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

// Start-up work every page used to pay for (tools/site/lean-startup.ts): prism-react-renderer
// registered about thirty languages, and the search bar's constants module built lunr, which
// only the search worker uses. CODE_LANGUAGES are registered, plus the aliases Prism's own
// components define for them.
const PRISM_ALIASES = ['sh', 'shell', 'webmanifest'];

describe('start-up work in the shared bundle', () => {
  for (const urlPath of ['/docs/teach/', '/zh-Hans/docs/teach/']) {
    const sources = () => initialScripts(urlPath).map((script) => builtFile(script));

    it(`${urlPath}: registers the course's Prism languages and no others`, () => {
      const registered = new Set(sources().flatMap((source) => [...source.matchAll(/\blanguages\.([a-z0-9]+)\s*=(?!=)/g)].map((m) => m[1])));
      for (const language of CODE_LANGUAGES) expect(registered, `${language} registered`).toContain(language);
      const extra = [...registered].filter((name) => !(CODE_LANGUAGES as readonly string[]).includes(name) && !PRISM_ALIASES.includes(name));
      expect(extra, 'languages registered that no fence uses').toEqual([]);
    });

    it(`${urlPath}: leaves lunr to the search worker`, () => {
      expect(sources().filter((source) => source.includes('stopWordFilter')).length, 'initial scripts with lunr in them').toBe(0);
    });
  }
});
