import React from 'react';
import Translate from '@docusaurus/Translate';
import type {Stepper} from '@site/src/components/shared/useStepper';
import styles from './styles.module.css';

interface Props {
  readonly stepper: Stepper;
  /** Nothing to step through (an empty file, say). */
  readonly empty?: boolean;
}

/**
 * Restart, Back, Next and Play for any stepper, with the keys it answers to. Next carries
 * `data-live-click`: the browser tests click it to check that the component responds.
 */
export default function StepperControls({stepper, empty = false}: Props): React.ReactNode {
  return (
    <div className={styles.buttons}>
      <button type="button" className="button button--secondary button--sm" onClick={stepper.restart} disabled={stepper.atStart}>
        <Translate id="stepper.restart">Restart</Translate>
      </button>
      <button type="button" className="button button--secondary button--sm" onClick={stepper.back} disabled={stepper.atStart}>
        <Translate id="stepper.back">Back</Translate>
      </button>
      <button
        type="button"
        className="button button--primary button--sm"
        onClick={stepper.next}
        disabled={empty || stepper.atEnd}
        data-live-click="">
        <Translate id="stepper.next">Next</Translate>
      </button>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={stepper.togglePlay}
        disabled={empty}
        aria-pressed={stepper.playing}>
        {stepper.playing ? <Translate id="stepper.pause">Pause</Translate> : <Translate id="stepper.play">Play</Translate>}
      </button>
      <span className={styles.keys}>
        <Translate id="stepper.keys">Keys: ← → step, Home/End, Space plays</Translate>
      </span>
    </div>
  );
}
