// Every page of the built site, in both locales, found from the build output itself.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';

// ZC_BUILD_DIR lets a second build (another locale, an experiment) be tested without touching build/.
export const BUILD_DIR = path.resolve(process.env.ZC_BUILD_DIR ?? path.join(import.meta.dirname, '..', '..', 'build'));

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

/** A file of the build by its URL path ("/assets/js/main.1234.js"). */
export function builtFile(urlPathname: string, dir = BUILD_DIR): string {
  return readFileSync(path.join(dir, urlPathname), 'utf8');
}

/**
 * The pages whose per-page browser checks run (tests/support/page-checks.ts): all of them, or
 * only those listed in ZC_PAGES, comma-separated, for a quick local run, e.g.
 * `ZC_PAGES=/docs/sendfile/,/zh-Hans/ npx vitest run --project e2e tests/e2e/pages-en.test.ts`.
 */
export function pagesToCheck(pages: readonly string[], env = process.env.ZC_PAGES): string[] {
  const chosen = (env ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return chosen.length === 0 ? [...pages] : pages.filter((p) => chosen.includes(p));
}
