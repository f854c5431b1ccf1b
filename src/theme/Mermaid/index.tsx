import React, {lazy, Suspense, useEffect, useRef, useState, type CSSProperties} from 'react';
import type {Props} from '@theme/Mermaid';
import {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {fingerprint} from '@site/src/components/shared/hash';
import PresentButton from '@site/src/components/PresentButton';
import {estimateDiagramHeight} from './estimateHeight';
import {describeSequence} from './sequenceText';
import DIAGRAM_SIZES from './diagram-sizes.json';
import styles from './styles.module.css';

// Diagrams are pre-rendered to SVG files (`npm run diagram-sizes`, from the built site's own
// Mermaid), so readers download no Mermaid code at all. A diagram that has not been
// pre-rendered yet (just edited, say) falls back to Mermaid itself, loaded lazily as it
// approaches the viewport; `?mermaid=live` in the URL forces that path, for the tool.
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
 * Space to reserve before the diagram is drawn, so nothing below it moves when it arrives:
 * the exact aspect ratio when the diagram was measured, an estimate from its text otherwise.
 */
function reservedBox(size: readonly number[] | undefined, text: string): CSSProperties {
  if (!size) return {minHeight: estimateDiagramHeight(text)};
  const [width, height] = size;
  // Below MIN_READABLE_WIDTH the diagram scrolls sideways instead of shrinking its text away.
  return {aspectRatio: `${width} / ${height}`, maxWidth: `${width}px`, minWidth: `${Math.min(width, MIN_READABLE_WIDTH)}px`};
}

function useNearViewport(enabled: boolean): [React.RefObject<HTMLDivElement | null>, boolean] {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
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
  }, [enabled]);
  return [ref, near];
}

/** True after hydration when the page was opened with ?mermaid=live. */
function useForcedLive(): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    setLive(new URLSearchParams(window.location.search).get('mermaid') === 'live');
  }, []);
  return live;
}

export default function Mermaid(props: Props): React.ReactNode {
  const key = diagramKey(props.value);
  const size = SIZES[key];
  const forcedLive = useForcedLive();
  const prerendered = size !== undefined && !forcedLive;
  const [frame, near] = useNearViewport(!prerendered);
  const lightSrc = useBaseUrl(`/diagrams/${key}-light.svg`);
  const darkSrc = useBaseUrl(`/diagrams/${key}-dark.svg`);
  const description = describeSequence(props.value);
  const label = translate({id: 'mermaid.label', message: 'Sequence diagram'});

  return (
    // The outer box is what present mode shows full screen: the button and the diagram.
    <div className={styles.diagram} data-present-target="diagram">
      <PresentButton label={label} />
      {/* Focusable so keyboard users can scroll a diagram wider than a phone's screen. */}
      <div className={styles.scroller} tabIndex={0} role="figure" aria-label={label}>
        <div
          ref={frame}
          className={styles.frame}
          style={reservedBox(size, props.value)}
          data-mermaid-frame=""
          data-mermaid-key={key}
          data-mermaid-state={prerendered ? 'static' : near ? 'loading' : 'waiting'}>
          {prerendered ? (
            <>
              <img className={styles.light} src={lightSrc} width={size[0]} height={size[1]} alt={`${label}: ${description}`} loading="lazy" decoding="async" />
              <img className={styles.dark} src={darkSrc} width={size[0]} height={size[1]} alt={`${label}: ${description}`} loading="lazy" decoding="async" />
            </>
          ) : (
            near && (
              <Suspense fallback={null}>
                <OriginalMermaid {...props} />
              </Suspense>
            )
          )}
        </div>
      </div>
    </div>
  );
}
