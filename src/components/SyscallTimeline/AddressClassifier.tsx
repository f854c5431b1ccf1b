import React, {useId, useState} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import {addressLayout, classifyAddress, formatAddress, type AddressHalf, type PagingLevels} from '@site/src/model/user-kernel';
import {parseAddress, type ParsedAddress} from './parseAddress';
import styles from './styles.module.css';

interface Props {
  /** What the field holds at first. */
  readonly initialAddress?: string;
  readonly pagingLevels?: PagingLevels;
}

function errorMessage(parsed: ParsedAddress, text: string): string | null {
  if (parsed.ok) return null;
  switch (parsed.reason) {
    case 'empty':
      return translate({id: 'syscallTimeline.address.error.empty', message: 'Type an address in hexadecimal, such as 0x7ffd_1234_5678.'});
    case 'negative':
      return translate({
        id: 'syscallTimeline.address.error.negative',
        message: 'Addresses are unsigned: write -1 as 0xffff_ffff_ffff_ffff.',
      });
    case 'not-hex':
      return translate(
        {
          id: 'syscallTimeline.address.error.notHex',
          message: 'An address is written in hexadecimal digits (0-9, a-f), optionally after 0x and grouped with _; got "{text}".',
        },
        {text: text.trim()},
      );
    case 'too-big':
      return translate(
        {
          id: 'syscallTimeline.address.error.tooBig',
          message: 'A 64-bit address has at most 16 hexadecimal digits; got {digits}.',
        },
        {digits: parsed.digits ?? 0},
      );
  }
}

function halfName(half: AddressHalf): string {
  switch (half) {
    case 'user':
      return translate({id: 'syscallTimeline.address.user', message: 'user space'});
    case 'kernel':
      return translate({id: 'syscallTimeline.address.kernel', message: 'kernel space'});
    case 'non-canonical':
      return translate({id: 'syscallTimeline.address.hole', message: 'the non-canonical hole'});
  }
}

/** The region's name as a row label in the layout table. */
function regionLabel(half: AddressHalf): string {
  switch (half) {
    case 'user':
      return translate({id: 'syscallTimeline.address.userRegion', message: 'User space'});
    case 'kernel':
      return translate({id: 'syscallTimeline.address.kernelRegion', message: 'Kernel space'});
    case 'non-canonical':
      return translate({id: 'syscallTimeline.address.holeRegion', message: 'Non-canonical hole'});
  }
}

function halfReason(half: AddressHalf, topBit: number): string {
  switch (half) {
    case 'user':
      return translate({id: 'syscallTimeline.address.userWhy', message: 'the lower canonical half, private to each process.'});
    case 'kernel':
      return translate({
        id: 'syscallTimeline.address.kernelWhy',
        message: 'the upper canonical half, shared by every process and out of reach of code running in user mode.',
      });
    case 'non-canonical':
      return translate(
        {
          id: 'syscallTimeline.address.holeWhy',
          message: 'its top bits are not all copies of bit {topBit}, so it is not a valid address at all.',
        },
        {topBit},
      );
  }
}

/** Type a 64-bit virtual address and see which part of the x86-64 address space it is in. */
export default function AddressClassifier({initialAddress = '0x7ffd_1234_5678', pagingLevels: initialLevels = 4}: Props): React.ReactNode {
  const [text, setText] = useState(initialAddress);
  const [levels, setLevels] = useState<PagingLevels>(initialLevels);
  const id = useId();
  const parsed = parseAddress(text);
  const error = errorMessage(parsed, text);
  const layout = addressLayout(levels);
  const half = parsed.ok ? classifyAddress(parsed.address, levels) : null;
  const rows: {half: AddressHalf; from: bigint; to: bigint}[] = [
    {half: 'kernel', from: layout.kernelStart, to: layout.kernelEnd},
    {half: 'non-canonical', from: layout.userEnd + 1n, to: layout.kernelStart - 1n},
    {half: 'user', from: layout.userStart, to: layout.userEnd},
  ];

  return (
    <section
      className={styles.classifier}
      aria-label={translate({id: 'syscallTimeline.address.label', message: 'Address classifier'})}>
      <div className={styles.classifierControls}>
        <div className={styles.field}>
          <label htmlFor={`${id}-address`} className={styles.fieldLabel}>
            <Translate id="syscallTimeline.address.input">Virtual address (hexadecimal)</Translate>
          </label>
          <input
            id={`${id}-address`}
            className={styles.addressInput}
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={text}
            aria-invalid={error !== null}
            aria-describedby={`${id}-result`}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <fieldset className={styles.levels}>
          <legend>
            <Translate id="syscallTimeline.address.paging">Page tables</Translate>
          </legend>
          {([4, 5] as const).map((option) => (
            <label key={option}>
              <input type="radio" name={`${id}-levels`} value={option} checked={levels === option} onChange={() => setLevels(option)} />{' '}
              {option === 4
                ? translate({id: 'syscallTimeline.address.fourLevel', message: '4-level (48-bit addresses)'})
                : translate({id: 'syscallTimeline.address.fiveLevel', message: '5-level (57-bit addresses)'})}
            </label>
          ))}
        </fieldset>
      </div>

      <p id={`${id}-result`} className={clsx(styles.classifierResult, error && styles.classifierError)} aria-live="polite">
        {error ??
          translate(
            {id: 'syscallTimeline.address.result', message: '{address} is in {half}: {why}'},
            {
              address: parsed.ok ? formatAddress(parsed.address) : '',
              half: half ? halfName(half) : '',
              why: half ? halfReason(half, layout.virtualAddressBits - 1) : '',
            },
          )}
      </p>

      <table className={styles.layoutTable}>
        <caption>
          <Translate id="syscallTimeline.address.caption" values={{levels}}>
            {'The 64-bit address space with {levels}-level page tables, from the top down'}
          </Translate>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="syscallTimeline.address.region">Region</Translate>
            </th>
            <th scope="col">
              <Translate id="syscallTimeline.address.from">From</Translate>
            </th>
            <th scope="col">
              <Translate id="syscallTimeline.address.to">To</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.half}
              aria-current={row.half === half ? 'true' : undefined}
              className={clsx(styles[`region-${row.half}`], row.half === half && styles.regionActive)}>
              <th scope="row">{regionLabel(row.half)}</th>
              <td>
                <code>{formatAddress(row.from)}</code>
              </td>
              <td>
                <code>{formatAddress(row.to)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
