// Printing happens synchronously after `beforeprint`: whatever the page looks like when the
// handlers return is what goes on paper. Two things on screen would print badly:
// - the dark colour scheme: with background graphics off (the browser's default), light text
//   would print on white paper, so the page is switched to light for the print and back after;
// - diagrams are `loading="lazy"` images, fetched only near the viewport, so those far below
//   would print blank: they are switched to eager (an image already in the cache, or already
//   requested, is laid out in time; Chromium also loads lazy images when it starts printing).
// Links print their target after the text (custom.css). External links carry it in their href;
// a link to another page of the site gets its absolute address in `data-print-href` here, since
// its href is a bare path ("/docs/dma/") that means nothing on paper.
// The reveal (reveal.ts) needs nothing here: custom.css skips blocks only under `@media screen`.

export const LAZY_IMAGES = '.theme-doc-markdown img[loading="lazy"]';
export const SITE_LINKS = '.theme-doc-markdown a[href]:not([href^="http"]):not([href^="#"]):not(.hash-link)';
export const PRINT_HREF = 'data-print-href';

/** Attaches the print handlers to the window; returns a function that detaches them. */
export function prepareForPrint(window: Window): () => void {
  const root = window.document.documentElement;
  let restoreTheme: string | null = null;

  const before = () => {
    const document = window.document;
    for (const image of Array.from(document.querySelectorAll<HTMLImageElement>(LAZY_IMAGES))) image.loading = 'eager';
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>(SITE_LINKS))) {
      // A link into this same page (a section, a footnote) already has its target on the paper.
      const samePage = link.pathname === window.location.pathname && link.origin === window.location.origin;
      if (!samePage) link.setAttribute(PRINT_HREF, link.href);
    }
    if (root.getAttribute('data-theme') === 'dark') {
      restoreTheme = 'dark';
      root.setAttribute('data-theme', 'light');
    }
  };
  const after = () => {
    if (restoreTheme !== null) root.setAttribute('data-theme', restoreTheme);
    restoreTheme = null;
  };

  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
