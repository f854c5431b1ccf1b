// The state behind a code block's word-wrap button, as Docusaurus's useCodeWordWrap keeps it, but
// measured by a ResizeObserver. Docusaurus measures each block in an effect right after
// hydration, which forces the browser to lay out the whole page in the middle of React's work
// (and again after React's next changes), and watches for hidden tabs through a hook that calls
// localeCompare on every render, setting up ICU's collator mid-hydration (about 30 ms of the
// mmap chapter's hydration at 4x CPU throttling, measured here). A ResizeObserver reports
// after the browser's own layout, once at the start and again whenever the block's size changes:
// a resized window, a tab shown, wrapping turned on or off.
//
// Keeping "wider than the block" out of React state was measured and not kept (2-core AMD EPYC VM,
// 2026-12-08): the observer marked the <pre> and CSS showed an always-rendered button, so no block
// re-rendered after hydration to insert it. Under Lighthouse's trace categories React's first DOM
// change in a commit costs 4-15 ms at 1x (DevTools records the JS stack of each invalidation, and a
// commit's stack is deep), three such commits on the sendfile chapter. But Lighthouse's blocking
// time did not fall (5 alternating rounds, medians: sendfile 57 against 110 ms, beyond-sendfile
// 77 against 84, mmap 145 against 138, the plain page 23 against 25). Nor with every code
// block's buttons in the server's HTML as well, so that no block had a node inserted after
// hydration (6 rounds: the scripts' share fell on three chapters of four, but the page's own
// HTML and CSS share grew with the extra markup, and the medians went both ways: the user and
// kernel space chapter 156 -> 76 ms, mmap 213 -> 178, sendfile 122 -> 145, zh beyond-sendfile
// 175 -> 243).
import {useCallback, useEffect, useRef, useState} from 'react';
import type {useCodeWordWrap} from '@docusaurus/theme-common/internal';

export type WordWrap = ReturnType<typeof useCodeWordWrap>;

export function useWordWrap(): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement>(null);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    if (isEnabled) {
      code.removeAttribute('style');
    } else {
      code.style.whiteSpace = 'pre-wrap';
      // Very long words and strings wrap too: no sideways scrolling once wrapping is on.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((value) => !value);
  }, [isEnabled]);

  useEffect(() => {
    const pre = codeBlockRef.current;
    if (!pre) return undefined;
    const observer = new ResizeObserver(() => {
      setIsCodeScrollable(pre.scrollWidth > pre.clientWidth || pre.querySelector('code')?.hasAttribute('style') === true);
    });
    observer.observe(pre);
    return () => observer.disconnect();
  }, []);

  return {codeBlockRef, isEnabled, isCodeScrollable, toggle};
}
