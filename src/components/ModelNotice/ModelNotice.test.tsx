import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {act, render, screen} from '@testing-library/react';
import ModelNotice from './index';
import {resetFallbacks, withFallback} from '@site/src/model-fallback';

const FILE = 'exercises/03-read-write/read-write.ts';

// Fallbacks are announced after a microtask (never during a render); let it run.
const settle = () => act(async () => await Promise.resolve());

describe('<ModelNotice> (student mode)', () => {
  afterEach(async () => {
    resetFallbacks();
    await settle();
  });

  it('renders nothing in the normal site, where nothing reports a fallback', () => {
    const {container} = render(<ModelNotice />);
    expect(container.innerHTML).toBe('');
  });

  it('says which of the learner\'s functions threw and that the reference stands in', async () => {
    render(<ModelNotice />);
    const trace = withFallback('read-write', 'readWriteTrace', FILE, () => {
      throw new Error('TODO: readWriteTrace is not written yet');
    }, () => 'reference trace');
    expect(trace()).toBe('reference trace');
    await settle();
    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('Student mode: the reference model stands in');
    expect(notice.textContent).toContain(`readWriteTrace (${FILE}): TODO: readWriteTrace is not written yet`);
  });

  it('credits the learner when their own functions answered, and shows only the modules it is given', async () => {
    render(<ModelNotice modules={['read-write']} />);
    withFallback('read-write', 'chunkCount', FILE, () => 3, () => 3)();
    withFallback('dma', 'pioCpuCycles', 'exercises/02-dma/dma.ts', () => {
      throw new Error('TODO');
    }, () => 1)();
    await settle();
    expect(screen.getByRole('status').textContent).toContain(`Student mode: driven by your own ${FILE}.`);
  });
});
