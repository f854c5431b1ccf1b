// JavaScript and CSS a page loads before any interaction, and what it loads lazily once the
// reader scrolls through it (Mermaid, for instance), raw and gzipped.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Browser} from 'playwright-core';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  readonly initial: {js: Bytes; css: Bytes};
  readonly lazy: {js: Bytes; css: Bytes};
}

const EMPTY = (): Bytes => ({raw: 0, gzip: 0});

function sizeOf(buildDir: string, pathname: string, cache: Map<string, Bytes>): Bytes {
  const cached = cache.get(pathname);
  if (cached) return cached;
  const content = readFileSync(path.join(buildDir, pathname));
  const bytes = {raw: content.length, gzip: gzipSync(content, {level: 9}).length};
  cache.set(pathname, bytes);
  return bytes;
}

export async function measurePageWeight(browser: Browser, baseUrl: string, urlPath: string, buildDir: string): Promise<PageWeight> {
  const context = await browser.newContext({viewport: {width: 412, height: 823}});
  const page = await context.newPage();
  const loaded: {kind: 'js' | 'css'; pathname: string; phase: 'initial' | 'lazy'}[] = [];
  let phase: 'initial' | 'lazy' = 'initial';
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const kind = type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : null;
    if (kind) loaded.push({kind, pathname: new URL(response.url()).pathname, phase});
  });
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'networkidle'});
  phase = 'lazy';
  // Scroll through the whole page, as a reader would, so lazily loaded code arrives.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState('networkidle');
  await context.close();
  const cache = new Map<string, Bytes>();
  const weight: PageWeight = {initial: {js: EMPTY(), css: EMPTY()}, lazy: {js: EMPTY(), css: EMPTY()}};
  const seen = new Set<string>();
  for (const item of loaded) {
    if (seen.has(item.pathname)) continue;
    seen.add(item.pathname);
    const bytes = sizeOf(buildDir, item.pathname, cache);
    weight[item.phase][item.kind].raw += bytes.raw;
    weight[item.phase][item.kind].gzip += bytes.gzip;
  }
  return weight;
}
