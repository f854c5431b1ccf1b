// A size typed by the reader: the text, its unit, the parsed bytes, a message when it is not
// a valid size, and the last valid value to keep showing meanwhile.
import {useRef, useState} from 'react';
import {translate} from '@docusaurus/Translate';
import {bestUnit, parseSize, type ParsedSize, type SizeError, type SizeUnit} from './sizeInput';
import {formatBytesForReader} from './format';

export interface SizeFieldState {
  readonly text: string;
  readonly unit: SizeUnit;
  /** The size in bytes, or the last valid one while the field holds something invalid. */
  readonly bytes: number;
  readonly error: string | null;
  set(text: string, unit: SizeUnit): void;
  /** Replace the value, as a preset button does. */
  setBytes(bytes: number): void;
}

/** A component's own wording for some reasons, e.g. why zero makes no sense for it. */
export interface SizeMessageValues {
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly max: string;
}

export type SizeMessages = Partial<Record<SizeError, (values: SizeMessageValues) => string>>;

export function sizeErrorMessage(
  label: string,
  text: string,
  unit: SizeUnit,
  parsed: ParsedSize,
  max: number,
  messages: SizeMessages = {},
): string | null {
  if (parsed.ok) return null;
  const values = {label, value: text, unit, max: formatBytesForReader(max)};
  const own = messages[parsed.reason];
  if (own) return own(values);
  switch (parsed.reason) {
    case 'nan':
      return translate({id: 'dataPath.error.nan', message: '{label} must be a number; got "{value}".'}, values);
    case 'negative':
      return translate({id: 'dataPath.error.negative', message: '{label} cannot be negative; got {value} {unit}.'}, values);
    case 'fraction':
      return translate({id: 'dataPath.error.fraction', message: '{label} must be a whole number of bytes; got {value} {unit}.'}, values);
    case 'zero':
      return translate({id: 'dataPath.error.zero', message: '{label} must be at least 1 byte.'}, values);
    case 'too-big':
      return translate({id: 'dataPath.error.tooBig', message: '{label} can be at most {max}; got {value} {unit}.'}, values);
  }
}

export function useSizeField(
  label: string,
  initial: number,
  limits: {allowZero: boolean; max: number},
  messages?: SizeMessages,
): SizeFieldState {
  const [field, setField] = useState(() => ({text: bestUnit(initial).value, unit: bestUnit(initial).unit}));
  const lastValid = useRef(initial);
  const parsed = parseSize(field.text, field.unit, limits);
  if (parsed.ok) lastValid.current = parsed.bytes;
  return {
    text: field.text,
    unit: field.unit,
    bytes: parsed.ok ? parsed.bytes : lastValid.current,
    error: sizeErrorMessage(label, field.text, field.unit, parsed, limits.max, messages),
    set: (text, unit) => setField({text, unit}),
    setBytes: (bytes) => {
      const {value, unit} = bestUnit(bytes);
      setField({text: value, unit});
    },
  };
}
