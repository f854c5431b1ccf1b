import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {render, screen} from '@testing-library/react';
import CourseMap from './index';
import {CHAPTERS} from '@site/src/data/course';
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
      const link = screen.getByRole('link', {name: `第 ${Number(chapter.number)} 章的页面标题`});
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
