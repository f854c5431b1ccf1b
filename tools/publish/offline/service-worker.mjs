// @ts-check
// Offline reading: the service worker's own code (@docusaurus/plugin-pwa's `swCustom`, bundled
// into build/sw.js by the plugin, which compiles JavaScript only, hence .mjs).
//
// A reader keeps every page they have opened, in either language, with what it needs:
// - pages (HTML): network first, so a reader online always gets the newest; the copy is kept,
//   and served when the network is gone or slower than four seconds;
// - hashed assets (/assets/: scripts, styles, fonts): cache first, their names change with their
//   content, so a kept copy is never stale;
// - other files of the site (diagram images, the search index, the manifest): served from the
//   cache at once and refreshed in the background.
// The page itself asks for what it loaded to be kept (keep-pages.ts sends CACHE_URLS), because
// the first page arrives before this worker exists, and later pages arrive as scripts and data
// without any HTML request. A page never opened falls back to offline.html, which says so.
import {Route, Router} from 'workbox-routing';
import {CacheFirst, NetworkFirst, StaleWhileRevalidate} from 'workbox-strategies';
import {ExpirationPlugin} from 'workbox-expiration';

/**
 * The little of the worker's scope this code uses (TypeScript's DOM library, which the project
 * checks against, does not describe a service worker's global scope).
 * @typedef {{waitUntil(promise: Promise<unknown>): void}} ExtendableEvent
 * @typedef {{
 *   registration: {scope: string},
 *   clients: {claim(): Promise<void>},
 *   addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void,
 * }} WorkerScope
 */

/** Cache names (shared by the English and zh-Hans workers: caches belong to the origin). */
export const CACHES = {pages: 'zc-pages', assets: 'zc-assets', files: 'zc-files'};

/** @param {{offlineMode: boolean, debug: boolean}} params from @docusaurus/plugin-pwa */
export default function offlineReading(params) {
  const sw = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));
  const scope = new URL(sw.registration.scope);
  const offlinePage = new URL('offline.html', scope).href;
  const ownSite = (/** @type {URL} */ url) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);

  // Every page of the site is a folder (trailingSlash: true), or an .html file.
  const isPage = (/** @type {URL} */ url) => url.pathname.endsWith('/') || url.pathname.endsWith('.html');

  const router = new Router();
  router.registerRoute(
    new Route(
      ({request, url}) => ownSite(url) && (request.mode === 'navigate' || isPage(url)),
      new NetworkFirst({
        cacheName: CACHES.pages,
        networkTimeoutSeconds: 4,
        plugins: [new ExpirationPlugin({maxEntries: 200, purgeOnQuotaError: true})],
      }),
    ),
  );
  router.registerRoute(
    new Route(
      ({url}) => ownSite(url) && url.pathname.includes('/assets/'),
      new CacheFirst({cacheName: CACHES.assets, plugins: [new ExpirationPlugin({maxEntries: 400, purgeOnQuotaError: true})]}),
    ),
  );
  router.registerRoute(
    new Route(
      ({url, request}) => ownSite(url) && request.method === 'GET' && !url.pathname.endsWith('/sw.js'),
      new StaleWhileRevalidate({cacheName: CACHES.files, plugins: [new ExpirationPlugin({maxEntries: 400, purgeOnQuotaError: true})]}),
    ),
  );
  // A page never opened, asked for offline: the page that says so, instead of the browser's error.
  router.setCatchHandler(async ({request}) => {
    if (request.mode === 'navigate') {
      const fallback = await caches.match(offlinePage);
      if (fallback) return fallback;
    }
    return Response.error();
  });
  router.addFetchListener();
  router.addCacheListener();

  sw.addEventListener('install', (/** @type {ExtendableEvent} */ event) => {
    event.waitUntil(caches.open(CACHES.pages).then((cache) => cache.add(offlinePage)));
  });
  // Take charge of the open page at once, so what it asks to keep is kept by this worker.
  sw.addEventListener('activate', (/** @type {ExtendableEvent} */ event) => {
    event.waitUntil(sw.clients.claim());
  });
  if (params.debug) console.log('[zero-copy][sw] offline reading for', scope.href);
}
