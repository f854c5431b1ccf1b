// What a reader changes before hydration reaches the component, through its own onChange.
import React, {act, useState} from 'react';
import {renderToString} from 'react-dom/server';
import {hydrateRoot, type Root} from 'react-dom/client';
import {afterEach, describe, expect, it} from 'vitest';
import fc from 'fast-check';
import SizeField from '../SizeField';
import type {SizeUnit} from './sizeInput';
import {replayEarlyInput} from './earlyInput';

// React warns through console.error, not by throwing, when it cannot act synchronously.
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

let changes = 0;

function Form({live = true}: {live?: boolean}) {
  const [size, setSize] = useState<{text: string; unit: SizeUnit}>({text: '1', unit: 'GiB'});
  const [offload, setOffload] = useState(false);
  const [cache, setCache] = useState('hot');
  const count = <T,>(set: (value: T) => void) => (value: T) => {
    changes++;
    set(value);
  };
  return (
    <section data-live-component={live ? 'Form' : undefined}>
      <SizeField
        label="File size"
        value={size.text}
        unit={size.unit}
        error={Number.isNaN(Number(size.text)) ? `got "${size.text}"` : null}
        onChange={(text, unit) => count(setSize)({text, unit})}
      />
      <label>
        <input type="checkbox" checked={offload} onChange={(event) => count(setOffload)(event.target.checked)} /> Offload
      </label>
      {['hot', 'cold'].map((option) => (
        <label key={option}>
          <input type="radio" name="cache" value={option} checked={cache === option} onChange={() => count(setCache)(option)} /> {option}
        </label>
      ))}
      <output>{`${size.text} ${size.unit}, offload ${offload}, ${cache}`}</output>
    </section>
  );
}

let root: Root | null = null;
let container: HTMLElement | null = null;

/** Serves the server's HTML, lets `read` change it as a reader would, then hydrates. */
async function hydrateAfter(read: (form: HTMLElement) => void, live = true): Promise<HTMLElement> {
  container = document.createElement('div');
  container.innerHTML = renderToString(<Form live={live} />);
  document.body.append(container);
  read(container);
  changes = 0;
  await act(async () => {
    root = hydrateRoot(container!, <Form live={live} />);
  });
  return container;
}

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
}

const shown = (form: HTMLElement) => form.querySelector('output')!.textContent;
const field = (form: HTMLElement) => form.querySelector<HTMLInputElement>('input[type="text"]')!;

afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
  container = null;
});

describe('replayEarlyInput', () => {
  it('is needed: React keeps what the reader typed on screen but not in its state', async () => {
    const form = await hydrateAfter((f) => type(field(f), 'NaN'));
    expect(field(form).value).toBe('NaN');
    expect(shown(form)).toBe('1 GiB, offload false, hot');
    expect(changes).toBe(0);
  });

  it('hands every early change to the component, which then validates it', async () => {
    const form = await hydrateAfter((f) => {
      type(field(f), 'NaN');
      f.querySelector('select')!.value = 'KiB';
      f.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      f.querySelector<HTMLInputElement>('input[value="cold"]')!.click();
    });
    let replayed = 0;
    await act(async () => {
      replayed = replayEarlyInput(document);
    });
    expect(replayed).toBe(4);
    expect(shown(form)).toBe('NaN KiB, offload true, cold');
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('got "NaN"');
    expect(field(form).value).toBe('NaN');
  });

  it('leaves untouched controls alone', async () => {
    const form = await hydrateAfter(() => {});
    await act(async () => {
      expect(replayEarlyInput(document)).toBe(0);
    });
    expect(changes).toBe(0);
    expect(shown(form)).toBe('1 GiB, offload false, hot');
  });

  it('leaves controls outside live components alone', async () => {
    const form = await hydrateAfter((f) => type(field(f), '7'), false);
    await act(async () => {
      expect(replayEarlyInput(document)).toBe(0);
    });
    expect(shown(form)).toBe('1 GiB, offload false, hot');
  });

  it('delivers any text exactly as typed, and a checkbox ticked twice is not a change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({maxLength: 12}), fc.boolean(), async (text, twice) => {
        const form = await hydrateAfter((f) => {
          type(field(f), text);
          const box = f.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
          box.click();
          if (twice) box.click();
        });
        await act(async () => {
          replayEarlyInput(document);
        });
        expect(shown(form)).toBe(`${text === '1' ? '1' : text} GiB, offload ${!twice}, hot`);
        expect(changes).toBe((text === '1' ? 0 : 1) + (twice ? 0 : 1));
        await act(async () => root?.unmount());
        container?.remove();
      }),
      {seed: 20261126, numRuns: 40},
    );
  });
});
