// A reader on a slow phone can type a size, pick a unit or tick a box before the page's scripts
// have started: the server's HTML is already a working form. When React 19 hydrates a form
// control it keeps what the browser shows but does not call onChange, so the field would say
// "NaN" while the component still models the size it started with, and shows no message. After hydration, each control
// inside a live component that no longer shows what the server rendered is sent the event the
// browser would have fired, so the component's own handler (and its validation) sees it.
//
// React notices a change by comparing the element's value with the one it last set. It records
// values set through the element's own property, but not through the prototype's setter; that
// is how this code (like Testing Library's fireEvent) makes React see the reader's value as new.

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function setNatively(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = control instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
}

/** True when the reader changed the control before hydration (React set the defaults from its props). */
function changedBeforeHydration(control: Control): boolean {
  if (control instanceof HTMLSelectElement) {
    return Array.from(control.options).some((option) => option.selected !== option.defaultSelected);
  }
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
    // For a radio group only the newly chosen button is replayed; choosing it clears the others.
    return control.type === 'checkbox' ? control.checked !== control.defaultChecked : control.checked && !control.defaultChecked;
  }
  return control.value !== control.defaultValue;
}

/**
 * Reads the reader's value now and returns what will send it: replaying one control re-renders
 * its component, and React then sets every other control back to its props.
 */
function replayOf(control: Control): () => void {
  if (control instanceof HTMLSelectElement) {
    const chosen = control.value;
    return () => {
      control.value = chosen;
      control.dispatchEvent(new Event('change', {bubbles: true}));
    };
  }
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
    const checked = control.checked;
    // React listens for the click of a checkable control; click() toggles it to the reader's choice.
    return () => {
      control.checked = !checked;
      control.click();
    };
  }
  const typed = control.value;
  return () => {
    control.value = control.defaultValue;
    setNatively(control, typed);
    control.dispatchEvent(new Event('input', {bubbles: true}));
  };
}

/**
 * Replays, in document order, every change the reader made to controls inside live components
 * before the page hydrated. Returns how many controls it replayed.
 */
export function replayEarlyInput(root: ParentNode): number {
  const controls = Array.from(
    root.querySelectorAll<Control>('[data-live-component] input, [data-live-component] select, [data-live-component] textarea'),
  ).filter((control) => !control.disabled && changedBeforeHydration(control));
  const replays = controls.map(replayOf);
  for (const replay of replays) replay();
  return replays.length;
}
