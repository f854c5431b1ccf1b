import React, {useId} from 'react';
import {translate} from '@docusaurus/Translate';
import {SIZE_UNITS, type SizeUnit} from '@site/src/components/shared/sizeInput';
import styles from './styles.module.css';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly unit: SizeUnit;
  readonly error: string | null;
  readonly onChange: (value: string, unit: SizeUnit) => void;
}

/** A number and a unit, labelled, with its error announced to screen readers. */
export default function SizeField({label, value, unit, error, onChange}: Props): React.ReactNode {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-value`} className={styles.label}>
        {label}
      </label>
      <div className={styles.inputs}>
        <input
          id={`${id}-value`}
          className={styles.value}
          type="text"
          inputMode="decimal"
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value, unit)}
        />
        <select
          aria-label={translate({id: 'sizeField.unit', message: '{label}: unit'}, {label})}
          className={styles.unit}
          value={unit}
          onChange={(event) => onChange(value, event.target.value as SizeUnit)}>
          {(Object.keys(SIZE_UNITS) as SizeUnit[]).map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
