import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import Glossary from './index';
import {GLOSSARY} from '@site/src/data/glossary';
import {collectedForTests, resetCollectedForTests} from '../../../tests/stubs/useBrokenLinks';

const byId = (id: string) => {
  const entry = GLOSSARY.find((e) => e.id === id);
  if (!entry) throw new Error(`no glossary entry ${id}`);
  return entry;
};

describe('<Glossary>', () => {
  afterEach(() => resetCollectedForTests());

  it('lists every term in English alphabetical order, each under its own anchor', () => {
    const {container} = render(<Glossary locale="en" />);
    const terms = [...container.querySelectorAll('dfn')].map((dfn) => dfn.textContent ?? '');
    expect(terms).toHaveLength(GLOSSARY.length);
    expect(terms.slice(0, 3)).toEqual(['block DMA', 'bus address (DMA address)', 'canonical address']);
    expect(container.querySelector('#mode-switch dfn')?.textContent).toBe('mode switch');
  });

  it('registers every term id with the broken-anchor check, so chapters can link to it', () => {
    render(<Glossary locale="en" />);
    expect([...collectedForTests().anchors].sort()).toEqual(GLOSSARY.map((e) => e.id).sort());
  });

  it('shows the other language’s term, marked with its language', () => {
    const {container} = render(<Glossary locale="en" entries={[byId('page-fault')]} />);
    const zh = container.querySelector('#page-fault [lang="zh-Hans"]');
    expect(zh?.textContent).toBe('缺页异常');
  });

  it('links each term to the chapter sections that teach it', () => {
    const {container} = render(<Glossary locale="en" entries={[byId('mode-switch')]} />);
    const entry = container.querySelector('#mode-switch') as HTMLElement;
    const link = within(entry).getByRole('link', {name: 'chapter 1, “Mode switch vs context switch”'});
    expect(link.getAttribute('href')).toBe('/docs/user-and-kernel-space/#mode-switch-vs-context-switch');
    expect(within(entry).getByRole('link', {name: 'chapter 3, “Mode switches, not context switches”'})).toBeTruthy();
  });

  it('renders `code` in a definition as code', () => {
    const {container} = render(<Glossary locale="en" entries={[byId('system-call')]} />);
    expect(container.querySelector('#system-call code')?.textContent).toBe('syscall');
  });

  it('groups the Chinese page by the chapter that introduces each term, with Chinese definitions', () => {
    const {container} = render(<Glossary locale="zh-Hans" entries={[byId('page-fault'), byId('user-space'), byId('dma')]} />);
    const headings = screen.getAllByRole('heading', {level: 3}).map((h) => h.textContent);
    // The chapter titles come from the chapter-titles plugin; without it, course.ts's titles.
    expect(headings).toEqual(['Chapter 1: User space and kernel space', 'Chapter 2: DMA: letting devices move the bytes', 'Chapter 6: mmap() + write() and Java NIO']);
    expect([...container.querySelectorAll('dfn')].map((d) => d.textContent)).toEqual(['用户空间', 'DMA', '缺页异常']);
    expect(container.querySelector('#page-fault dd')?.textContent).toContain('它是异常，不是中断');
    expect(container.querySelector('#page-fault [lang="en"]')?.textContent).toBe('page fault');
  });
});
