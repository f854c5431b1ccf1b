// Every page of the built site, in both locales, found from the build output itself.
import {existsSync, readdirSync} from 'node:fs';
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
