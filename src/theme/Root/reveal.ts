// A long chapter is thousands of elements, mostly text. Laying it all out as the HTML streams in
// gave the phone one or two long frames right after the first paint (150–200 ms of style and
// layout at 4x CPU on the mmap chapter, Lighthouse's largest blocking task). Until the page has
// been revealed, custom.css gives every article block after the first few
// `content-visibility: auto`: the browser lays out only what is on screen. Once the app has
// started, this module reveals the rest a frame's worth at a time, so the work arrives in short
// tasks instead of one long one, and afterwards the page is an ordinary page: find in page,
// printing and tools that hit-test (axe's contrast check) see it all laid out. A reader who
// opened a link to a section keeps their place while blocks above it grow: the browser's scroll
// anchoring sees to that (tests/e2e/reveal.test.ts checks it).
//
// Lighthouse's blocking time hardly sees these frames: its simulator slows a task that did layout
// 2x where it slows script 4x (layoutTaskMultiplier 0.5 in Lantern's Simulator.js), so a frame of
// style and layout blocks only beyond 25 ms on the machine that measures. Held back altogether,
// the reveal saved no blocking time there (5 rounds, 2-core AMD EPYC VM, 2026-12-07: sendfile
// 277 ms as built, 360 held back; mmap 487 and 473).

/** The article's top-level blocks; custom.css skips those after the seventh until they are shown. */
export const BLOCKS = '.theme-doc-markdown > *';
export const SHOWN = 'data-shown';
/**
 * Set on <html> when every block is shown: a signal (for tests) that no style depends on.
 * Changing an attribute that an ancestor selector tests made the browser recompute the style
 * of the whole page at once (96 ms at 4x CPU on the mmap chapter, trace of 2026-12-05).
 */
export const REVEALED = 'data-revealed';

/**
 * Set on <html> only by `npm run bench:reveal`, in its copy of a page: the reveal does not run, so
 * every block after the seventh stays laid out only near the viewport. It measures what the
 * reveal costs a phone; the site never sets it.
 */
export const HELD = 'data-reveal-held';

/**
 * Elements and text nodes shown per frame. Each frame also costs a fixed 30-40 ms of layout
 * and paint at 4x CPU whatever it shows; at 200 the mmap chapter's frames took 50-107 ms, at
 * 100 about 50-70 ms (trace of 2026-12-05). Smaller budgets were measured and not kept (mmap
 * chapter, 4 alternating loads traced with Lighthouse's categories, 2-core AMD EPYC VM,
 * 2026-12-08): at 50 and 25 the frames were more, their pre-paint added up to 172 and 241 ms at
 * 1x against 104 ms at 100, and the time the tasks after first paint spent beyond 50 ms (script
 * 4x, layout 2x, as Lighthouse's simulator counts them) had medians of 518 and 762 ms against
 * 556 ms at 100.
 */
export const FRAME_BUDGET = 100;

/** A block's share of the budget: its elements and text nodes, each roughly one layout object. */
export function blockCost(block: Element): number {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let cost = 1;
  while (walker.nextNode()) cost++;
  return cost;
}

/**
 * Shows the article's blocks in document order, at least one per frame and no more than the
 * budget allows, then marks <html>. `nextFrame` is requestAnimationFrame in the browser. Returns
 * a function that stops it (for a page left before it finished).
 */
export function revealProgressively(
  document: Document,
  nextFrame: (callback: () => void) => void = (callback) => requestAnimationFrame(callback),
  budget: number = FRAME_BUDGET,
): () => void {
  if (document.documentElement.hasAttribute(HELD)) return () => {};
  const pending = Array.from(document.querySelectorAll(BLOCKS)).filter((block) => !block.hasAttribute(SHOWN));
  let stopped = false;
  const frame = () => {
    if (stopped) return;
    let spent = 0;
    while (pending.length > 0) {
      const cost = blockCost(pending[0]);
      if (spent > 0 && spent + cost > budget) break;
      spent += cost;
      pending.shift()!.setAttribute(SHOWN, '');
    }
    if (pending.length > 0) nextFrame(frame);
    else document.documentElement.setAttribute(REVEALED, '');
  };
  nextFrame(frame);
  return () => {
    stopped = true;
  };
}

/**
 * After a navigation inside the app, the new page's blocks are shown at once: the app has
 * started, and the long first-load tasks the reveal spreads out do not arise.
 */
export function showAll(document: Document): void {
  for (const block of Array.from(document.querySelectorAll(BLOCKS))) block.setAttribute(SHOWN, '');
  document.documentElement.setAttribute(REVEALED, '');
}
