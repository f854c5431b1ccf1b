// The state behind a code block's word-wrap button, as Docusaurus's useCodeWordWrap keeps it, with
// one difference: Docusaurus watches for a hidden tab being shown through a hook that sorts its
// options with localeCompare on every render, and the first localeCompare on a page sets up
// ICU's collator, several milliseconds on a phone, in the middle of hydration. This watches the
// tab panel's `hidden` attribute directly.
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

  const measure = useCallback(() => {
    const pre = codeBlockRef.current;
    if (!pre) return;
    setIsCodeScrollable(pre.scrollWidth > pre.clientWidth || pre.querySelector('code')?.hasAttribute('style') === true);
  }, []);

  useEffect(() => measure(), [isEnabled, measure]);

  useEffect(() => {
    window.addEventListener('resize', measure, {passive: true});
    // A block in a hidden tab measures zero wide: measure again when its tab is shown.
    const panel = codeBlockRef.current?.closest('[role="tabpanel"]');
    const observer = new MutationObserver(measure);
    if (panel) observer.observe(panel, {attributes: true, attributeFilter: ['hidden']});
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [measure]);

  return {codeBlockRef, isEnabled, isCodeScrollable, toggle};
}
