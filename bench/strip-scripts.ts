// A page as a reader without the site's JavaScript gets it: the same HTML and CSS, with none of
// the app's scripts. `npm run bench:floor` measures such copies beside the real pages to show how
// much of a page's blocking time is the browser parsing, styling and laying out its HTML, which no
// work on the site's scripts can remove.
//
// One script stays: Docusaurus's colour-mode script, a few lines at the top of <body> that set
// `data-theme` before anything is drawn. Besides choosing the colours, it is what holds the HTML
// parser until the stylesheet has arrived (a script waits for the style sheets above it). Without
// it the parser read the whole page first, and Chromium laid out every element of the sendfile
// chapter, unstyled, before the stylesheet came (a 2,533-object layout, 58-135 ms at 1x on the
// 2-core AMD EPYC VM the reports name, then a second pass once the CSS applied): work no real
// visit does, which the first floor report (2026-12-07, 02:56) counted as the page's own.

/** An opening tag's attributes; a quoted value may hold `>`. */
const ATTRIBUTES = `(?:[^>"']|"[^"]*"|'[^']*')*`;
/** Every <script> element, inline or external, with its content (HTML ends one at the first `</script`). */
const SCRIPT = new RegExp(`<script\\b${ATTRIBUTES}>[\\s\\S]*?</script\\s*>`, 'gi');
/** A <link> that fetches script ahead of use: `rel=preload as=script`, or `rel=modulepreload`. */
const SCRIPT_LINK = new RegExp(`<link\\b(?=${ATTRIBUTES}\\b(?:as=["']?script|rel=["']?modulepreload)\\b)${ATTRIBUTES}>`, 'gi');
/** Docusaurus's colour-mode script (@docusaurus/theme-classic, lib/inlineScripts.js). */
const COLOUR_MODE = /setAttribute\(\s*["']data-theme["']/;

/** Whether `script` (a whole <script> element) is the colour-mode script that stays. */
export function isColourModeScript(script: string): boolean {
  return !/<script\b[^>]*\bsrc=/i.test(script) && COLOUR_MODE.test(script);
}

/**
 * The page's HTML without its scripts and the links that preload them, except the colour-mode
 * script; everything else as it was.
 */
export function withoutScripts(html: string): string {
  return html.replace(SCRIPT, (script) => (isColourModeScript(script) ? script : '')).replace(SCRIPT_LINK, '');
}
