// Present mode: one diagram or live component shown alone on the whole screen, for a class on a
// projector. The element itself is presented (never a copy), so its own keys keep working.
// Fullscreen when the browser allows it; otherwise the element is lifted into the top layer as
// a popover (so no ancestor's containment or stacking can clip it) and pinned over the viewport.

export type PresentMode = 'fullscreen' | 'overlay';

/** Set on the presented element while it is shown; the CSS keys large type and layout to it. */
export const PRESENTING = 'data-presenting';

export interface Presentation {
  readonly mode: PresentMode;
  /** Returns the element to the page; safe to call more than once. */
  exit(): void;
}

interface Options {
  /** Called once when the presentation ends, however it ends (Escape, the button, the browser). */
  readonly onExit?: () => void;
}

// Lifts `element` into the top layer without fullscreen; false where the Popover API is missing.
function showAsPopover(element: HTMLElement): boolean {
  if (typeof element.showPopover !== 'function') return false;
  element.setAttribute('popover', 'manual');
  try {
    element.showPopover();
    return true;
  } catch {
    element.removeAttribute('popover');
    return false;
  }
}

function hidePopover(element: HTMLElement): void {
  if (!element.hasAttribute('popover')) return;
  try {
    element.hidePopover();
  } catch {
    // Already hidden: nothing to undo.
  }
  element.removeAttribute('popover');
}

async function tryFullscreen(element: HTMLElement): Promise<boolean> {
  if (typeof element.requestFullscreen !== 'function' || !document.fullscreenEnabled) return false;
  try {
    await element.requestFullscreen();
    return document.fullscreenElement === element;
  } catch {
    // Refused: no user gesture, a permissions policy, or an iframe without allowfullscreen.
    return false;
  }
}

/** Shows `element` full screen (or as a full-viewport overlay when fullscreen is refused). */
export async function present(element: HTMLElement, {onExit}: Options = {}): Promise<Presentation> {
  const doc = element.ownerDocument;
  let ended = false;

  const mode: PresentMode = (await tryFullscreen(element)) ? 'fullscreen' : 'overlay';
  element.setAttribute(PRESENTING, mode);
  if (mode === 'overlay') showAsPopover(element);

  const finish = (): void => {
    if (ended) return;
    ended = true;
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('fullscreenchange', onFullscreenChange);
    element.removeAttribute(PRESENTING);
    hidePopover(element);
    onExit?.();
  };

  const exit = (): void => {
    if (ended) return;
    if (mode === 'fullscreen' && doc.fullscreenElement === element) {
      // finish() runs on the fullscreenchange that follows; run it now too in case none comes.
      void doc.exitFullscreen().catch(() => undefined);
    }
    finish();
  };

  // The browser leaves fullscreen on its own Escape (and on F11, a tab switch...): follow it.
  function onFullscreenChange(): void {
    if (doc.fullscreenElement !== element) finish();
  }

  // Escape leaves the overlay (and fullscreen, where the browser passes the key on to the page).
  // Capture phase, so a component that handles Escape itself cannot trap the class in present mode.
  function onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    exit();
  }

  doc.addEventListener('keydown', onKeyDown, true);
  if (mode === 'fullscreen') doc.addEventListener('fullscreenchange', onFullscreenChange);
  return {mode, exit};
}
