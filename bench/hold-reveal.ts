// A page whose progressive reveal is held back: the same HTML, CSS and scripts, with <html> marked
// so that src/theme/Root/reveal.ts does not run. Its blocks after the seventh stay
// `content-visibility: auto`: the browser lays each out only when it nears the viewport. The last
// six are laid out as the page loads (src/css/custom.css), as a site without the reveal would need.
// `npm run bench:reveal` measures such copies beside the real pages.
import {HELD} from '../src/theme/Root/reveal';

/** The page's HTML with the reveal held back; throws on a page without an <html> tag. */
export function withRevealHeld(html: string): string {
  const tag = /<html\b/i.exec(html);
  if (!tag) throw new Error('no <html> tag to mark');
  return `${html.slice(0, tag.index)}<html ${HELD}${html.slice(tag.index + tag[0].length)}`;
}
