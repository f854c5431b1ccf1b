import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Quiz, {Choice, Question} from './index';
import {PROGRESS_FORMAT, clearProgress, courseProgress, loadProgress, progressKey, saveProgress} from './progress';
import {storageKey} from './storage';

const storage = () => window.localStorage;
const stored = (fields: Record<string, unknown>) =>
  JSON.stringify({format: PROGRESS_FORMAT, locale: 'en', version: 'v1', answered: 2, correct: 1, total: 3, ...fields});

describe('reading progress in the browser', () => {
  it('reads back what the quiz saved, for the same locale only', () => {
    saveProgress(storage(), 'dma', 'en', 'v1', {answered: 3, correct: 2, total: 5});
    expect(loadProgress(storage(), 'dma', 'en')).toEqual({answered: 3, correct: 2, total: 5});
    expect(loadProgress(storage(), 'dma', 'zh-Hans')).toBeUndefined();
    expect(courseProgress(storage(), ['dma', 'sendfile'], 'en')).toEqual({dma: {answered: 3, correct: 2, total: 5}, sendfile: undefined});
  });

  it('counts a quiz with no answers as not started', () => {
    saveProgress(storage(), 'dma', 'en', 'v1', {answered: 3, correct: 2, total: 5});
    saveProgress(storage(), 'dma', 'en', 'v1', {answered: 0, correct: 0, total: 5});
    expect(storage().getItem(progressKey('dma'))).toBeNull();
  });

  it("keeps the other locale's summary when this locale's quiz shows no answers", () => {
    saveProgress(storage(), 'dma', 'en', 'v1', {answered: 1, correct: 1, total: 5});
    saveProgress(storage(), 'dma', 'zh-Hans', 'v2', {answered: 0, correct: 0, total: 5});
    expect(loadProgress(storage(), 'dma', 'en')).toEqual({answered: 1, correct: 1, total: 5});
  });

  it.each([
    ['corrupt JSON', '{not json'],
    ['JSON that is not an object', '42'],
    ['null', 'null'],
    ['another format', stored({format: PROGRESS_FORMAT + 1})],
    ['no format', stored({format: undefined})],
    ['a locale that is not text', stored({locale: 7})],
    ['more right than answered', stored({answered: 1, correct: 2})],
    ['more answered than asked', stored({answered: 4, total: 3})],
    ['a negative count', stored({correct: -1})],
    ['a fractional count', stored({answered: 1.5})],
    ['a count as text', stored({answered: '2'})],
    ['nothing answered', stored({answered: 0, correct: 0})],
  ])('ignores %s without throwing', (_, raw) => {
    storage().setItem(progressKey('dma'), raw);
    expect(loadProgress(storage(), 'dma', 'en')).toBeUndefined();
    expect(courseProgress(storage(), ['dma'], 'en')).toEqual({dma: undefined});
  });

  it('accepts the well-formed record those cases were made from', () => {
    storage().setItem(progressKey('dma'), stored({}));
    expect(loadProgress(storage(), 'dma', 'en')).toEqual({answered: 2, correct: 1, total: 3});
  });

  it('survives storage that refuses access', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    expect(loadProgress(refusing, 'dma', 'en')).toBeUndefined();
    expect(() => saveProgress(refusing, 'dma', 'en', 'v1', {answered: 1, correct: 1, total: 1})).not.toThrow();
    expect(() => clearProgress(refusing, ['dma'])).not.toThrow();
  });

  it("clears the course's answers and summaries, and nothing else", () => {
    saveProgress(storage(), 'dma', 'en', 'v1', {answered: 1, correct: 1, total: 5});
    storage().setItem(storageKey('dma'), '{"version":"v1","answers":{"0":1}}');
    storage().setItem(storageKey('sendfile'), '{"version":"v1","answers":{"0":1}}');
    storage().setItem('theme', 'dark');
    clearProgress(storage(), ['dma', 'sendfile']);
    expect(loadProgress(storage(), 'dma', 'en')).toBeUndefined();
    expect(storage().getItem(storageKey('dma'))).toBeNull();
    expect(storage().getItem(storageKey('sendfile'))).toBeNull();
    expect(storage().getItem('theme')).toBe('dark');
  });
});

describe('<Quiz> keeps the course map informed', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  function ThreeQuestions({prompt = 'How many CPU copies?'}: {prompt?: string}) {
    return (
      <Quiz id="dma">
        <Question prompt={prompt}>
          <Choice explain="DMA makes two of them.">Four</Choice>
          <Choice correct explain="Page cache to buffer, buffer to socket.">Two</Choice>
        </Question>
        <Question prompt="Is a syscall a context switch?">
          <Choice explain="The same task keeps the CPU.">Yes</Choice>
          <Choice correct explain="It is a mode switch.">No</Choice>
        </Question>
        <Question prompt="Does DMA need the CPU to copy?">
          <Choice correct explain="The device moves the bytes.">No, the engine copies</Choice>
          <Choice explain="That is what DMA avoids.">Yes, byte by byte</Choice>
        </Question>
      </Quiz>
    );
  }

  it('records answered and right counts as the reader answers, under the page language', async () => {
    document.documentElement.lang = 'zh-Hans';
    const user = userEvent.setup();
    render(<ThreeQuestions />);
    await user.click(screen.getByRole('button', {name: 'Two'}));
    await user.click(screen.getByRole('button', {name: 'Yes'}));
    expect(loadProgress(storage(), 'dma', 'zh-Hans')).toEqual({answered: 2, correct: 1, total: 3});
    expect(loadProgress(storage(), 'dma', 'en')).toBeUndefined();
    await user.click(screen.getByRole('button', {name: 'Clear my answers'}));
    expect(loadProgress(storage(), 'dma', 'zh-Hans')).toBeUndefined();
  });

  it('writes the summary for answers saved before summaries existed', async () => {
    document.documentElement.lang = 'en';
    const user = userEvent.setup();
    const first = render(<ThreeQuestions />);
    await user.click(screen.getByRole('button', {name: 'Two'}));
    first.unmount();
    const {version} = JSON.parse(storage().getItem(storageKey('dma')) ?? '{"version":"none"}') as {version: string};
    expect(version).not.toBe('none');
    storage().setItem(storageKey('dma'), JSON.stringify({version, answers: {0: 1, 1: 1, 2: 1}}));
    storage().removeItem(progressKey('dma'));
    render(<ThreeQuestions />);
    expect(loadProgress(storage(), 'dma', 'en')).toEqual({answered: 3, correct: 2, total: 3});
  });

  it('drops the summary of answers to a quiz that has since been edited', async () => {
    document.documentElement.lang = 'en';
    const user = userEvent.setup();
    const first = render(<ThreeQuestions />);
    await user.click(screen.getByRole('button', {name: 'Two'}));
    first.unmount();
    expect(loadProgress(storage(), 'dma', 'en')).toEqual({answered: 1, correct: 1, total: 3});
    render(<ThreeQuestions prompt="How many copies does the CPU make?" />);
    expect(loadProgress(storage(), 'dma', 'en')).toBeUndefined();
  });
});
