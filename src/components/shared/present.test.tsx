// Present mode's state: fullscreen when the browser grants it, the overlay when it refuses, and
// one way back (Escape, the button, or the browser leaving fullscreen) that restores the page.
import React from 'react';
import {afterEach, describe, expect, it, vi, type Mock} from 'vitest';
import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {PRESENTING, present} from './present';
import PresentButton from '../PresentButton';

interface FullscreenDocument {
  fullscreenElement: Element | null;
  fullscreenEnabled: boolean;
  exitFullscreen: () => Promise<void>;
}

/** jsdom has no Fullscreen API: a stand-in that grants (or refuses) it like a browser does. */
function fakeFullscreen(grant: boolean): {exitFullscreen: Mock<() => Promise<void>>} {
  const doc = document as unknown as FullscreenDocument;
  let current: Element | null = null;
  const leave = (): void => {
    current = null;
    document.dispatchEvent(new Event('fullscreenchange'));
  };
  const exitFullscreen = vi.fn<() => Promise<void>>(() => {
    leave();
    return Promise.resolve();
  });
  Object.defineProperty(doc, 'fullscreenElement', {configurable: true, get: () => current});
  Object.defineProperty(doc, 'fullscreenEnabled', {configurable: true, value: true});
  Object.defineProperty(doc, 'exitFullscreen', {configurable: true, value: exitFullscreen});
  Object.defineProperty(HTMLElement.prototype, 'requestFullscreen', {
    configurable: true,
    value(this: HTMLElement) {
      if (!grant) return Promise.reject(new TypeError('Permissions check failed'));
      current = this;
      document.dispatchEvent(new Event('fullscreenchange'));
      return Promise.resolve();
    },
  });
  return {exitFullscreen};
}

function removeFakes(): void {
  for (const name of ['fullscreenElement', 'fullscreenEnabled', 'exitFullscreen']) Reflect.deleteProperty(document, name);
  Reflect.deleteProperty(HTMLElement.prototype, 'requestFullscreen');
  Reflect.deleteProperty(HTMLElement.prototype, 'showPopover');
  Reflect.deleteProperty(HTMLElement.prototype, 'hidePopover');
}

afterEach(removeFakes);

function pressEscape(): void {
  document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
}

function target(): HTMLElement {
  const element = document.createElement('section');
  document.body.append(element);
  return element;
}

describe('present() when the browser grants fullscreen', () => {
  it('shows the element full screen, marked for the present-mode styles', async () => {
    fakeFullscreen(true);
    const element = target();
    const presentation = await present(element);
    expect(presentation.mode).toBe('fullscreen');
    expect(document.fullscreenElement).toBe(element);
    expect(element.getAttribute(PRESENTING)).toBe('fullscreen');
  });

  it('leaves fullscreen on exit(), once, and tells the caller once', async () => {
    const {exitFullscreen} = fakeFullscreen(true);
    const element = target();
    const onExit = vi.fn();
    const presentation = await present(element, {onExit});
    presentation.exit();
    presentation.exit();
    expect(exitFullscreen).toHaveBeenCalledTimes(1);
    expect(document.fullscreenElement).toBeNull();
    expect(element.hasAttribute(PRESENTING)).toBe(false);
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('follows the browser when it leaves fullscreen by itself (its own Escape)', async () => {
    const {exitFullscreen} = fakeFullscreen(true);
    const element = target();
    const onExit = vi.fn();
    await present(element, {onExit});
    await exitFullscreen();
    expect(element.hasAttribute(PRESENTING)).toBe(false);
    expect(onExit).toHaveBeenCalledTimes(1);
  });
});

describe('present() when fullscreen is refused or missing', () => {
  it('falls back to the overlay when the request is refused', async () => {
    fakeFullscreen(false);
    const element = target();
    const presentation = await present(element);
    expect(presentation.mode).toBe('overlay');
    expect(element.getAttribute(PRESENTING)).toBe('overlay');
  });

  it('falls back to the overlay where there is no Fullscreen API at all', async () => {
    const element = target();
    expect((await present(element)).mode).toBe('overlay');
  });

  it('lifts the overlay into the top layer as a popover, and takes the popover away after', async () => {
    const shown: boolean[] = [];
    Object.defineProperty(HTMLElement.prototype, 'showPopover', {configurable: true, value: () => shown.push(true)});
    Object.defineProperty(HTMLElement.prototype, 'hidePopover', {configurable: true, value: () => shown.push(false)});
    const element = target();
    const presentation = await present(element);
    expect(element.getAttribute('popover')).toBe('manual');
    presentation.exit();
    expect(shown).toEqual([true, false]);
    expect(element.hasAttribute('popover')).toBe(false);
  });

  it('returns on Escape, and stops listening afterwards', async () => {
    const element = target();
    const onExit = vi.fn();
    await present(element, {onExit});
    pressEscape();
    expect(element.hasAttribute(PRESENTING)).toBe(false);
    pressEscape();
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('ignores other keys, which belong to the component', async () => {
    const element = target();
    await present(element);
    document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
    expect(element.getAttribute(PRESENTING)).toBe('overlay');
  });
});

/** A live component in miniature: a readout that ArrowRight advances. */
function Stepper(): React.ReactNode {
  const [step, setStep] = React.useState(0);
  return (
    <section
      aria-label="Data path of read() + write()"
      data-live-component="Stepper"
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'ArrowRight') setStep((s) => s + 1);
      }}>
      <PresentButton label="Data path of read() + write()" />
      <p data-live-readout="">Step {step}</p>
    </section>
  );
}

describe('<PresentButton> in a live component', () => {
  it('presents its component, names what it presents, and becomes Exit', async () => {
    const user = userEvent.setup();
    const {container} = render(<Stepper />);
    const component = container.querySelector<HTMLElement>('[data-live-component]')!;
    await user.click(screen.getByRole('button', {name: 'Present full screen: Data path of read() + write()'}));
    expect(component.getAttribute(PRESENTING)).toBe('overlay');
    const exit = screen.getByRole('button', {name: 'Exit present mode: Data path of read() + write()'});
    expect(exit.textContent).toBe('Exit');
    expect(document.activeElement).toBe(exit);
  });

  it('keeps the component\'s own keys working while presenting', async () => {
    const user = userEvent.setup();
    const {container} = render(<Stepper />);
    await user.click(screen.getByRole('button', {name: /^Present/}));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(container.querySelector('[data-live-readout]')!.textContent).toBe('Step 2');
  });

  it('returns on Escape with focus on the Present button', async () => {
    const user = userEvent.setup();
    const {container} = render(<Stepper />);
    await user.click(screen.getByRole('button', {name: /^Present/}));
    await user.keyboard('{Escape}');
    const button = screen.getByRole('button', {name: /^Present/});
    expect(container.querySelector(`[${PRESENTING}]`)).toBeNull();
    expect(button.textContent).toBe('Present');
    expect(document.activeElement).toBe(button);
  });

  it('returns when the Exit button is pressed', async () => {
    const user = userEvent.setup();
    const {container} = render(<Stepper />);
    await user.click(screen.getByRole('button', {name: /^Present/}));
    await user.click(screen.getByRole('button', {name: /^Exit/}));
    expect(container.querySelector(`[${PRESENTING}]`)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', {name: /^Present/}));
  });
});
