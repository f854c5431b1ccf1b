import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Quiz, {Choice, Question} from './index';
import {storageKey} from './storage';

function TwoQuestions({prompt = 'How many CPU copies?'}: {prompt?: string}) {
  return (
    <Quiz id="test">
      <Question prompt={prompt}>
        <Choice explain="DMA makes two of them.">Four</Choice>
        <Choice correct explain="Page cache to buffer, buffer to socket.">Two</Choice>
      </Question>
      <Question prompt="Is a syscall a context switch?">
        <Choice explain="The same task keeps the CPU.">Yes</Choice>
        <Choice correct explain="It is a mode switch.">No</Choice>
      </Question>
    </Quiz>
  );
}

const score = () => document.querySelector('[data-live-readout]')!.textContent;

describe('<Quiz>', () => {
  it('explains every choice once a question is answered', async () => {
    const user = userEvent.setup();
    render(<TwoQuestions />);
    expect(score()).toBe('2 questions. Answers are kept in this browser.');
    await user.click(screen.getByRole('button', {name: 'Four'}));
    expect(screen.getByText('DMA makes two of them.')).toBeTruthy();
    expect(screen.getByText('Page cache to buffer, buffer to socket.')).toBeTruthy();
    expect(screen.getByText(/Not quite/)).toBeTruthy();
    expect(score()).toBe('1 of 2 answered, 0 correct.');
  });

  it('answers with the keyboard', async () => {
    const user = userEvent.setup();
    render(<TwoQuestions />);
    screen.getByRole('button', {name: 'No'}).focus();
    await user.keyboard('{Enter}');
    expect(score()).toBe('1 of 2 answered, 1 correct.');
  });

  it('keeps answers across a reload, and lets the reader try again', async () => {
    const user = userEvent.setup();
    const first = render(<TwoQuestions />);
    await user.click(screen.getByRole('button', {name: 'Two'}));
    first.unmount();
    render(<TwoQuestions />);
    expect(score()).toBe('1 of 2 answered, 1 correct.');
    await user.click(screen.getByRole('button', {name: 'Try again'}));
    expect(score()).toBe('2 questions. Answers are kept in this browser.');
  });

  it('ignores answers saved for an edited quiz', async () => {
    const user = userEvent.setup();
    const first = render(<TwoQuestions />);
    await user.click(screen.getByRole('button', {name: 'Two'}));
    first.unmount();
    render(<TwoQuestions prompt="How many copies does the CPU make?" />);
    expect(score()).toBe('2 questions. Answers are kept in this browser.');
  });

  it('recovers from corrupt saved data', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(storageKey('test'), '{not json');
    const first = render(<TwoQuestions />);
    expect(score()).toBe('2 questions. Answers are kept in this browser.');
    await user.click(screen.getByRole('button', {name: 'Two'}));
    first.unmount();
    const saved = JSON.parse(window.localStorage.getItem(storageKey('test'))!) as {version: string};
    window.localStorage.setItem(storageKey('test'), JSON.stringify({version: saved.version, answers: {0: 99}}));
    render(<TwoQuestions />);
    expect(score()).toBe('2 questions. Answers are kept in this browser.');
  });
});
