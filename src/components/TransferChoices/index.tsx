import React, {useId} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import type {NicFeatures} from '@site/src/model/sendfile';
import type {PageCacheState} from '@site/src/model/types';
import styles from './styles.module.css';

// The two choices every file-to-socket component offers: is the file already cached, and
// what can the network card do. One wording, one translation, everywhere.

interface CacheChoiceProps {
  readonly value: PageCacheState;
  readonly onChange: (value: PageCacheState) => void;
}

export function CacheChoice({value, onChange}: CacheChoiceProps): React.ReactNode {
  const name = useId();
  return (
    <fieldset className={styles.choice}>
      <legend>
        <Translate id="dataPath.pageCache">Page cache</Translate>
      </legend>
      {(['miss', 'hit'] as const).map((state) => (
        <label key={state}>
          <input type="radio" name={name} value={state} checked={value === state} onChange={() => onChange(state)} />{' '}
          {state === 'miss'
            ? translate({id: 'dataPath.cacheMiss', message: 'cold (read from disk)'})
            : translate({id: 'dataPath.cacheHit', message: 'warm (already cached)'})}
        </label>
      ))}
    </fieldset>
  );
}

interface NicChoiceProps {
  readonly value: NicFeatures;
  readonly onChange: (value: NicFeatures) => void;
  /** The fieldset's legend, where a component needs to say more than "Network card". */
  readonly legend?: string;
}

export function NicChoice({value, onChange, legend}: NicChoiceProps): React.ReactNode {
  return (
    <fieldset className={styles.choice}>
      <legend>{legend ?? translate({id: 'dataPath.nic', message: 'Network card'})}</legend>
      <label>
        <input type="checkbox" checked={value.scatterGather} onChange={(event) => onChange({...value, scatterGather: event.target.checked})} />{' '}
        <Translate id="dataPath.scatterGather">scatter-gather</Translate>
      </label>
      <label>
        <input type="checkbox" checked={value.checksumOffload} onChange={(event) => onChange({...value, checksumOffload: event.target.checked})} />{' '}
        <Translate id="dataPath.checksumOffload">checksum offload</Translate>
      </label>
      {value.scatterGather && !value.checksumOffload && (
        <span className={styles.note}>
          <Translate id="dataPath.sgWithoutChecksum">
            Without checksum offload a current kernel (4.17 or later) copies nothing, but the CPU reads every byte to compute the checksum.
          </Translate>
        </span>
      )}
    </fieldset>
  );
}
