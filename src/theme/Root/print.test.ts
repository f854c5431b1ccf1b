// The print handlers: light colours for the print only, diagrams fetched, other pages' addresses.
import {afterEach, describe, expect, it} from 'vitest';
import {prepareForPrint, PRINT_HREF} from './print';

let detach: (() => void) | undefined;

afterEach(() => {
  detach?.();
  detach = undefined;
  document.documentElement.removeAttribute('data-theme');
  document.body.innerHTML = '';
});

function page(theme: 'light' | 'dark'): void {
  window.history.replaceState(null, '', '/docs/sendfile/');
  document.documentElement.setAttribute('data-theme', theme);
  document.body.innerHTML = `
    <nav><a id="nav" href="/docs/dma/">DMA</a></nav>
    <div class="theme-doc-markdown">
      <img id="diagram" loading="lazy" src="/diagrams/a-light.svg" alt="">
      <a id="other" href="/docs/dma/">chapter 2</a>
      <a id="section" href="/docs/sendfile/#loops">below</a>
      <a id="fragment" href="#loops">below</a>
      <a id="external" href="https://man7.org/">man</a>
      <h2><a id="anchor" class="hash-link" href="#loops">#</a></h2>
    </div>`;
  detach = prepareForPrint(window);
}

const print = (type: 'beforeprint' | 'afterprint') => window.dispatchEvent(new Event(type));
const el = <T extends Element>(id: string) => document.getElementById(id) as unknown as T;

describe('prepareForPrint', () => {
  it('prints a dark page in light colours and restores the dark scheme afterwards', () => {
    page('dark');
    print('beforeprint');
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    print('afterprint');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });

  it('leaves a light page light after printing', () => {
    page('light');
    print('beforeprint');
    print('afterprint');
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
  });

  it('fetches the article’s lazy images before printing', () => {
    page('light');
    print('beforeprint');
    expect(el<HTMLImageElement>('diagram').loading).toBe('eager');
  });

  it('gives links to other pages of the site their absolute address, and no other link', () => {
    page('light');
    print('beforeprint');
    expect(el('other').getAttribute(PRINT_HREF)).toBe(`${window.location.origin}/docs/dma/`);
    for (const id of ['nav', 'section', 'fragment', 'external', 'anchor']) expect(el(id).hasAttribute(PRINT_HREF), id).toBe(false);
  });

  it('does nothing once detached', () => {
    page('dark');
    detach!();
    detach = undefined;
    print('beforeprint');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });
});
