// Code blocks are static once the server has highlighted them, yet hydrating one meant running
// Prism over it again and creating a React fiber for every token (the sendfile chapter's six
// blocks hold about 1,000 tokens). During hydration this wrapper keeps
// the server's highlighted markup as it is (an "island" React does not descend into); on the
// server, and for blocks that mount later in the browser (another page, a tab opened later), it
// renders Docusaurus's own content. The copy and word-wrap buttons stay React components.
import React, {useId, useLayoutEffect, useRef, useState, type ReactNode} from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import OriginalContent from '@theme-original/CodeBlock/Content';
import type {Props} from '@theme/CodeBlock/Content';
import styles from './styles.module.css';

/**
 * True when this block's server markup is in the document at its first render in the browser,
 * that is, when React is hydrating it. useId gives the same id on the server and while
 * hydrating, and ids React makes later in the browser never match a server one.
 */
function useAdoptsServerMarkup(id: string): boolean {
  const [adopts] = useState(() => ExecutionEnvironment.canUseDOM && document.getElementById(id) !== null);
  return adopts;
}

export default function CodeBlockContent(props: Props): ReactNode {
  const id = useId();
  const adopts = useAdoptsServerMarkup(id);
  const island = useRef<HTMLDivElement>(null);
  const {wordWrap} = useCodeBlockContext();

  // The word-wrap button measures and restyles the <pre>; Docusaurus's content hands it the
  // element through a ref, the adopted markup does so here.
  useLayoutEffect(() => {
    if (adopts && island.current) wordWrap.codeBlockRef.current = island.current.querySelector('pre');
  }, [adopts, wordWrap.codeBlockRef]);

  if (adopts) {
    // An empty __html that never changes: React leaves the server's children in place now and
    // on every later render of this block.
    return <div id={id} ref={island} className={styles.island} dangerouslySetInnerHTML={{__html: ''}} suppressHydrationWarning />;
  }
  return (
    <div id={id} className={styles.island}>
      <OriginalContent {...props} />
    </div>
  );
}
