import React, {lazy, Suspense, useEffect, useRef, useState, type CSSProperties} from 'react';
import type {Props} from '@theme/Mermaid';
import {translate} from '@docusaurus/Translate';
import {fingerprint} from '@site/src/components/shared/hash';
import {estimateDiagramHeight} from './estimateHeight';
import DIAGRAM_SIZES from './diagram-sizes.json';
import styles from './styles.module.css';

// The original component pulls in Mermaid (hundreds of KB). Loading it lazily keeps it out
// of every page's initial JavaScript; pages without diagrams never load it at all.
const OriginalMermaid = lazy(() => import('@theme-original/Mermaid'));

/** Start loading this far before the diagram scrolls into view, so readers rarely wait. */
const PRELOAD_MARGIN = '600px 0px';

/** Narrowest a diagram is drawn before its text gets too small to read. */
const MIN_READABLE_WIDTH = 640;

const SIZES: Readonly<Record<string, readonly number[]>> = DIAGRAM_SIZES;

export function diagramKey(text: string): string {
  return fingerprint(text.trim());
}

/**
 * Space to reserve before the SVG exists, so nothing below it moves when it arrives. Sizes
 * measured from the built site (`npm run diagram-sizes`) give the exact aspect ratio; a new
 * diagram not measured yet gets an estimate from its text.
 */
function reservedBox(text: string): CSSProperties {
  const size = SIZES[diagramKey(text)];
  if (!size) return {minHeight: estimateDiagramHeight(text)};
  const [width, height] = size;
  // Below MIN_READABLE_WIDTH the diagram scrolls sideways instead of shrinking its text away.
  return {aspectRatio: `${width} / ${height}`, maxWidth: `${width}px`, minWidth: `${Math.min(width, MIN_READABLE_WIDTH)}px`};
}

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
    // Focusable so keyboard users can scroll a diagram wider than a phone's screen.
    <div className={styles.scroller} tabIndex={0} role="figure" aria-label={translate({id: 'mermaid.label', message: 'Sequence diagram'})}>
      <div
        ref={frame}
        className={styles.frame}
        style={reservedBox(props.value)}
        data-mermaid-frame=""
        data-mermaid-key={diagramKey(props.value)}
        data-mermaid-state={near ? 'loading' : 'waiting'}>
        {near && (
          <Suspense fallback={null}>
            <OriginalMermaid {...props} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
