// Offline reading, the page's side (a Docusaurus client module; the worker is
// service-worker.mjs): after each page the reader opens, when the browser is idle, asks the
// service worker to keep that page and the site's files it loaded, with Workbox's CACHE_URLS
// message. Nothing happens where there is no service worker, and none of it runs while the
// page starts: it waits for an idle moment after the worker is ready.
import type {ClientModule} from '@docusaurus/types';

function whenIdle(callback: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback, {timeout: 5000});
  else window.setTimeout(callback, 200);
}

/** This page's address and the same-site files it loaded (scripts, styles, images, data). */
export function urlsToKeep(page: string, loaded: readonly string[], scope: string): string[] {
  const inScope = (url: string) => url.startsWith(scope) && !url.endsWith('/sw.js') && !url.includes('/sw.js?');
  const withoutHash = (url: string) => url.split('#')[0];
  return [...new Set([page, ...loaded].map(withoutHash).filter(inScope))];
}

function keepThisPage(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) =>
    whenIdle(() => {
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
      const urlsToCache = urlsToKeep(window.location.href, loaded, registration.scope);
      registration.active?.postMessage({type: 'CACHE_URLS', payload: {urlsToCache}});
    }),
  );
}

const module: ClientModule = {
  onRouteDidUpdate() {
    keepThisPage();
  },
};

export default module;
