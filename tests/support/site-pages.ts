// Every page of the built site, in both locales, found from the build output itself.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';

// ZC_BUILD_DIR lets a second build (another locale, an experiment) be tested without touching build/.
export const BUILD_DIR = path.resolve(process.env.ZC_BUILD_DIR ?? path.join(import.meta.dirname, '..', '..', 'build'));

/** The base URL a fork's GitHub Pages site has, and the build made for it (the build layer of `npm test`). */
export const SUBPATH = '/zero-copy/';
export const SUBPATH_BUILD_DIR = path.resolve(import.meta.dirname, '..', '..', 'build-subpath');

const NOT_PAGES = new Set(['404.html', 'offline.html']);

/** URL paths ("/", "/docs/read-write/", "/zh-Hans/docs/") of every built HTML page. */
export function builtPages(dir = BUILD_DIR, prefix = '/'): string[] {
  if (!existsSync(dir)) return [];
  const pages: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) {
      if (entry.name === 'assets' || entry.name === 'img') continue;
      pages.push(...builtPages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    } else if (entry.name === 'index.html') {
      pages.push(prefix);
    } else if (entry.name.endsWith('.html') && !NOT_PAGES.has(entry.name)) {
      pages.push(`${prefix}${entry.name}`);
    }
  }
  return pages.sort();
}

/** The pages of one locale: English at /, Chinese under /zh-Hans/. */
export function localePages(locale: 'en' | 'zh-Hans', pages = builtPages()): string[] {
  return pages.filter((p) => p.startsWith('/zh-Hans/') === (locale === 'zh-Hans'));
}

/**
 * Every other page, starting from the first (part 0) or the second (part 1). The page checks of
 * each locale run as two files of one half each (tests/e2e/pages-*-a and -b), so that the two
 * workers share the long chapters and either can take the next file.
 */
export function half(pages: readonly string[], part: 0 | 1): string[] {
  return pages.filter((_, index) => index % 2 === part);
}

/** A file of the build by its URL path ("/assets/js/main.1234.js"). */
export function builtFile(urlPathname: string, dir = BUILD_DIR): string {
  return readFileSync(path.join(dir, urlPathname), 'utf8');
}

/**
 * The pages whose per-page browser checks run (tests/support/page-checks.ts): all of them, or
 * only those listed in ZC_PAGES, comma-separated, for a quick local run, e.g.
 * `ZC_PAGES=/docs/sendfile/,/zh-Hans/ npx vitest run --project e2e tests/e2e/pages-`.
 */
export function pagesToCheck(pages: readonly string[], env = process.env.ZC_PAGES): string[] {
  const chosen = (env ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return chosen.length === 0 ? [...pages] : pages.filter((p) => chosen.includes(p));
}
