import React, {lazy, Suspense, useEffect, useRef, useState} from 'react';
import type {Props} from '@theme/Mermaid';
import {estimateDiagramHeight} from './estimateHeight';
import styles from './styles.module.css';

// The original component pulls in Mermaid (hundreds of KB). Loading it lazily keeps it out
// of every page's initial JavaScript; pages without diagrams never load it at all.
const OriginalMermaid = lazy(() => import('@theme-original/Mermaid'));

/** Start loading this far before the diagram scrolls into view, so readers rarely wait. */
const PRELOAD_MARGIN = '600px 0px';

export default function Mermaid(props: Props): React.ReactNode {
  const frame = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = frame.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      {rootMargin: PRELOAD_MARGIN},
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    // The reserved height stops the page jumping when the SVG arrives (layout shift).
    <div
      ref={frame}
      className={styles.frame}
      style={{minHeight: estimateDiagramHeight(props.value)}}
      data-mermaid-frame=""
      data-mermaid-state={near ? 'loading' : 'waiting'}>
      {near && (
        <Suspense fallback={null}>
          <OriginalMermaid {...props} />
        </Suspense>
      )}
    </div>
  );
}
