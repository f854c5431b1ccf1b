import React, {useCallback, useEffect, useRef, useState} from 'react';
import {translate} from '@docusaurus/Translate';
import {present, type Presentation} from '@site/src/components/shared/present';
import styles from './styles.module.css';

interface Props {
  /** What is presented, as a reader would name it ("Data path of read() + write()"). */
  readonly label: string;
}

/** The element a Present button shows: its nearest marked ancestor. */
const TARGET = '[data-present-target], [data-live-component]';

/**
 * Shows the diagram or live component it sits in on the whole screen, for a class on a projector,
 * and brings it back (the same button, now "Exit", or Escape). It sits inside what it presents,
 * so it stays at hand in present mode and keys pressed on it reach the component's own handler.
 * Rendered on the server like the rest of the component, so it moves nothing when scripts start.
 */
export default function PresentButton({label}: Props): React.ReactNode {
  const button = useRef<HTMLButtonElement>(null);
  const presentation = useRef<Presentation | null>(null);
  const [presenting, setPresenting] = useState(false);

  const start = useCallback(async () => {
    const target = button.current?.closest<HTMLElement>(TARGET);
    if (!target || presentation.current) return;
    presentation.current = await present(target, {
      onExit: () => {
        presentation.current = null;
        setPresenting(false);
        // Back where the teacher left off, ready to present again.
        button.current?.focus();
      },
    });
    setPresenting(true);
    button.current?.focus();
  }, []);

  // Leaving the page (a link inside the component, say) ends the presentation with it.
  useEffect(() => () => presentation.current?.exit(), []);

  const onClick = (): void => {
    if (presentation.current) presentation.current.exit();
    else void start();
  };

  return (
    <button
      ref={button}
      type="button"
      className={`button button--secondary button--sm ${styles.present}`}
      aria-label={
        presenting
          ? translate({id: 'present.exitLabel', message: 'Exit present mode: {name}'}, {name: label})
          : translate({id: 'present.label', message: 'Present full screen: {name}'}, {name: label})
      }
      data-present-button=""
      onClick={onClick}>
      {presenting ? translate({id: 'present.exit', message: 'Exit'}) : translate({id: 'present.start', message: 'Present'})}
    </button>
  );
}
