// A page as a reader without JavaScript gets it: the same HTML and CSS, with nothing that runs.
// `npm run bench:floor` measures such copies beside the real pages to show how much of a page's
// blocking time is the browser parsing, styling and laying out its HTML, which no work on the
// site's scripts can remove.

/** An opening tag's attributes; a quoted value may hold `>`. */
const ATTRIBUTES = `(?:[^>"']|"[^"]*"|'[^']*')*`;
/** Every <script> element, inline or external, with its content (HTML ends one at the first `</script`). */
const SCRIPT = new RegExp(`<script\\b${ATTRIBUTES}>[\\s\\S]*?</script\\s*>`, 'gi');
/** A <link> that fetches script ahead of use: `rel=preload as=script`, or `rel=modulepreload`. */
const SCRIPT_LINK = new RegExp(`<link\\b(?=${ATTRIBUTES}\\b(?:as=["']?script|rel=["']?modulepreload)\\b)${ATTRIBUTES}>`, 'gi');

/** The page's HTML without its scripts and the links that preload them; everything else as it was. */
export function withoutScripts(html: string): string {
  return html.replace(SCRIPT, '').replace(SCRIPT_LINK, '');
}
