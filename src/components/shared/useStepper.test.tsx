// A stepper nobody has started prints at its last step, synchronously, and is back at the start
// after; one the reader has moved prints as they left it.
import React, {act} from 'react';
import {createRoot, type Root} from 'react-dom/client';
import {afterEach, describe, expect, it} from 'vitest';
import {useStepper, type Stepper} from './useStepper';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let stepper: Stepper | undefined;

function Probe({length}: {length: number}) {
  stepper = useStepper(length);
  return <output>{stepper.index}</output>;
}

function mount(length: number): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(<Probe length={length} />));
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

describe('useStepper when printing', () => {
  it('shows the last step while printing a stepper nobody has started, then goes back to the start', () => {
    const container = mount(5);
    let atPrint = '';
    // The page is laid out for print as soon as the beforeprint handlers return: read it there.
    const read = () => (atPrint = container.textContent ?? '');
    window.addEventListener('beforeprint', read);
    try {
      window.dispatchEvent(new Event('beforeprint'));
    } finally {
      window.removeEventListener('beforeprint', read);
    }
    expect(atPrint).toBe('4');
    act(() => window.dispatchEvent(new Event('afterprint')));
    expect(container.textContent).toBe('-1');
  });

  it('prints a stepper the reader has moved where they left it', () => {
    const container = mount(5);
    act(() => stepper!.next());
    act(() => stepper!.next());
    act(() => window.dispatchEvent(new Event('beforeprint')));
    expect(container.textContent).toBe('1');
    act(() => window.dispatchEvent(new Event('afterprint')));
    expect(container.textContent).toBe('1');
  });
});
