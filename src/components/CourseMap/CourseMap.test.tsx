import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {renderToString} from 'react-dom/server';
import CourseMap from './index';
import {CHAPTERS, chapterQuizId} from '@site/src/data/course';
import {progressKey, saveProgress} from '@site/src/components/Quiz/progress';
import {storageKey} from '@site/src/components/Quiz/storage';
import {CHAPTER_TITLES_PLUGIN, chapterTitlesFromDocs} from '@site/src/data/chapter-titles';
import {setPluginDataForTests} from '../../../tests/stubs/useGlobalData';

describe('<CourseMap>', () => {
  afterEach(() => setPluginDataForTests({}));

  it("shows each chapter under the title its page gives itself in the current locale", () => {
    // What the chapter-titles plugin publishes when the Chinese site is built.
    setPluginDataForTests({
      [CHAPTER_TITLES_PLUGIN]: chapterTitlesFromDocs(
        CHAPTERS.map((chapter) => ({slug: `/${chapter.slug}`, title: `第 ${Number(chapter.number)} 章的页面标题`})),
      ),
    });
    render(<CourseMap />);
    for (const chapter of CHAPTERS) {
      const title = `第 ${Number(chapter.number)} 章的页面标题`;
      if (chapter.status === 'planned') {
        // A planned chapter has no page to link to yet: its title is shown as plain text.
        expect(screen.queryByRole('link', {name: title})).toBeNull();
        expect(screen.getByText(title)).toBeTruthy();
        continue;
      }
      const link = screen.getByRole('link', {name: title});
      expect(link.getAttribute('href')).toBe(`/docs/${chapter.slug}/`);
    }
  });

  it('falls back to the English title in src/data/course.ts when no page title is known', () => {
    render(<CourseMap headingLevel={3} />);
    for (const chapter of CHAPTERS) {
      expect(screen.getByRole('heading', {level: 3, name: chapter.title})).toBeTruthy();
    }
  });

  it('gives each chapter\'s reading time and exercise time separately, with their sum', () => {
    const {container} = render(<CourseMap />);
    const meta = [...container.querySelectorAll('li')].map((item) => item.textContent ?? '');
    CHAPTERS.forEach((chapter, index) => {
      expect(chapter.minutes).toBe(chapter.readingMinutes + chapter.exerciseMinutes);
      expect(meta[index]).toContain(
        `About ${chapter.minutes} minutes: ${chapter.readingMinutes} reading, ${chapter.exerciseMinutes} for the exercise`,
      );
    });
  });
});

describe('<CourseMap> reading progress', () => {
  const published = CHAPTERS.filter((chapter) => chapter.status === 'published');
  const [first, second] = published;
  const statusOf = (container: HTMLElement, chapter: (typeof CHAPTERS)[number]) =>
    container.querySelector(`[data-quiz-progress="${chapterQuizId(chapter)}"]`)?.textContent;

  afterEach(() => document.documentElement.removeAttribute('lang'));

  it("shows each chapter's quiz result, in words, once the page has started", () => {
    document.documentElement.lang = 'en';
    saveProgress(window.localStorage, chapterQuizId(first), 'en', 'v1', {answered: 5, correct: 3, total: 5});
    saveProgress(window.localStorage, chapterQuizId(second), 'en', 'v1', {answered: 2, correct: 1, total: 4});
    const {container} = render(<CourseMap />);
    expect(statusOf(container, first)).toBe('Quiz: 3 of 5 right');
    expect(statusOf(container, second)).toBe('Quiz: 2 of 4 answered, 1 right');
    for (const chapter of published.slice(2)) expect(statusOf(container, chapter)).toBe('Quiz not started');
    expect(container.querySelectorAll('[data-quiz-progress]')).toHaveLength(published.length);
  });

  it('renders every status on the server as not known yet, so hydration meets the same HTML', () => {
    saveProgress(window.localStorage, chapterQuizId(first), '', 'v1', {answered: 5, correct: 3, total: 5});
    const html = renderToString(<CourseMap />);
    // Present, so that showing them later inserts nothing; unmarked, so that CSS hides them.
    expect(html.match(/data-quiz-progress=/g)).toHaveLength(published.length);
    expect(html).not.toContain('data-progress-known');
    expect(html).not.toContain('Quiz: 3 of 5 right');
    expect(html).not.toContain('Clear my progress');
  });

  it('marks the list once the progress is read, even when there is none', () => {
    const {container} = render(<CourseMap />);
    expect(container.querySelector('ol')?.hasAttribute('data-progress-known')).toBe(true);
    expect(statusOf(container, first)).toBe('Quiz not started');
  });

  it('leaves out answers given on the other locale\'s pages', () => {
    document.documentElement.lang = 'zh-Hans';
    saveProgress(window.localStorage, chapterQuizId(first), 'en', 'v1', {answered: 5, correct: 3, total: 5});
    const {container} = render(<CourseMap />);
    expect(statusOf(container, first)).toBe('Quiz not started');
    expect(screen.queryByRole('button', {name: 'Clear my progress'})).toBeNull();
  });

  it('clears the progress only after the reader confirms, and keeps other saved settings', async () => {
    document.documentElement.lang = 'en';
    const user = userEvent.setup();
    saveProgress(window.localStorage, chapterQuizId(first), 'en', 'v1', {answered: 5, correct: 3, total: 5});
    window.localStorage.setItem(storageKey(chapterQuizId(first)), '{"version":"v1","answers":{"0":1}}');
    window.localStorage.setItem('theme', 'dark');
    const {container} = render(<CourseMap />);

    await user.click(screen.getByRole('button', {name: 'Clear my progress'}));
    await user.click(screen.getByRole('button', {name: 'Keep it'}));
    expect(statusOf(container, first)).toBe('Quiz: 3 of 5 right');
    expect(document.activeElement).toBe(screen.getByRole('button', {name: 'Clear my progress'}));

    await user.click(screen.getByRole('button', {name: 'Clear my progress'}));
    const confirm = screen.getByRole('group', {name: 'Forget your quiz answers for every chapter in this browser?'});
    expect(document.activeElement?.textContent).toBe('Yes, clear it');
    expect(confirm.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Enter}');

    expect(statusOf(container, first)).toBe('Quiz not started');
    expect(screen.getByRole('status').textContent).toBe('Your progress is cleared.');
    expect(document.activeElement).toBe(screen.getByRole('status'));
    expect(window.localStorage.getItem(progressKey(chapterQuizId(first)))).toBeNull();
    expect(window.localStorage.getItem(storageKey(chapterQuizId(first)))).toBeNull();
    expect(window.localStorage.getItem('theme')).toBe('dark');
  });

  it('shows "not started" for corrupt or foreign saved progress, without throwing', () => {
    document.documentElement.lang = 'en';
    window.localStorage.setItem(progressKey(chapterQuizId(first)), '{not json');
    window.localStorage.setItem(progressKey(chapterQuizId(second)), JSON.stringify({format: 99, locale: 'en', answered: 1, correct: 1, total: 1}));
    const {container} = render(<CourseMap />);
    expect(statusOf(container, first)).toBe('Quiz not started');
    expect(statusOf(container, second)).toBe('Quiz not started');
  });

  it('updates when another tab answers a quiz', async () => {
    document.documentElement.lang = 'en';
    const {container, findByText} = render(<CourseMap />);
    expect(statusOf(container, first)).toBe('Quiz not started');
    saveProgress(window.localStorage, chapterQuizId(first), 'en', 'v1', {answered: 1, correct: 0, total: 5});
    window.dispatchEvent(new StorageEvent('storage', {key: progressKey(chapterQuizId(first))}));
    expect(await findByText('Quiz: 1 of 5 answered, 0 right')).toBeTruthy();
  });
});
