import React from 'react';
import {render, screen} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import AnswerKey from './index';
import {ANSWER_KEYS} from '@site/src/data/answer-keys';

describe('AnswerKey', () => {
  it('shows every function of the chapter with its model, its wrong answer and the recorded grader message', () => {
    const {container} = render(<AnswerKey folder="03-read-write" locale="en" />);
    const names = [...container.querySelectorAll('[data-answer-key]')].map((el) => el.getAttribute('data-answer-key'));
    expect(names).toEqual(ANSWER_KEYS.find((c) => c.folder === '03-read-write')?.functions.map((f) => f.fn));
    expect(screen.getByText(/an exact multiple of the buffer gets an extra, empty pair/)).toBeTruthy();
    const link = container.querySelector('#chunkCount a[href="/docs/read-write/#the-loop"]');
    expect(link).not.toBeNull();
    expect(container.querySelector('#chunkCount pre')?.textContent).toContain('/docs/read-write/#the-loop');
  });

  it('writes the explanations in Chinese on the Chinese page', () => {
    render(<AnswerKey folder="02-dma" locale="zh-Hans" />);
    expect(screen.getByText(/只计算完整的字/)).toBeTruthy();
  });

  it('says when no grader message is recorded instead of showing an empty block', () => {
    const {container} = render(<AnswerKey folder="01-user-kernel" locale="en" messages={{}} />);
    expect(container.querySelectorAll('pre')).toHaveLength(0);
    expect(screen.getAllByText(/No grader message is recorded/)).toHaveLength(5);
  });
});
