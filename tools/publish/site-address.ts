// Where the built site will live: SITE_URL (scheme and host) and BASE_URL (the path under it),
// read at build time, so a fork can publish under https://me.github.io/zero-copy/ with
// `SITE_URL=https://me.github.io BASE_URL=/zero-copy/ npm run build`. Docusaurus bakes both
// into every link, the sitemap, the search index's URLs and the language switch.

export const DEFAULT_SITE_URL = 'https://zero-copy.example.org';
export const DEFAULT_BASE_URL = '/';

export interface SiteAddress {
  readonly url: string;
  readonly baseUrl: string;
}

/** The address from the environment, checked, with a message that says how to fix it. */
export function siteAddress(env: Readonly<Record<string, string | undefined>> = process.env): SiteAddress {
  const url = (env.SITE_URL ?? '').trim() || DEFAULT_SITE_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://me.github.io; got "${url}"`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new Error(`SITE_URL must be a scheme and a host only, such as https://me.github.io (put the path in BASE_URL); got "${url}"`);
  }
  const raw = (env.BASE_URL ?? '').trim() || DEFAULT_BASE_URL;
  // "/zero-copy", "zero-copy/" and "/zero-copy/" all mean the same folder.
  const baseUrl = `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(baseUrl) || baseUrl.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error(`BASE_URL must be a path of plain folder names such as /zero-copy/; got "${raw}"`);
  }
  return {url: parsed.origin, baseUrl};
}
