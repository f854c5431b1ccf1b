import React from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {usePluginData} from '@docusaurus/useGlobalData';
import {CHAPTERS, type Chapter} from '@site/src/data/course';
import {CHAPTER_TITLES_PLUGIN, chapterTitle, type ChapterTitlesData} from '@site/src/data/chapter-titles';
import styles from './styles.module.css';

interface Props {
  /** Heading level for chapter titles, so the map fits under the page's own headings. */
  readonly headingLevel?: 2 | 3;
}

// The title the chapter's page gives itself in this locale, so the map and the page never differ.
function ChapterTitle({chapter}: {readonly chapter: Chapter}): React.ReactNode {
  const text = chapterTitle(chapter, usePluginData(CHAPTER_TITLES_PLUGIN) as ChapterTitlesData | undefined);
  return chapter.status === 'published' ? <Link to={`/docs/${chapter.slug}/`}>{text}</Link> : text;
}

export default function CourseMap({headingLevel = 2}: Props): React.ReactNode {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <ol className={styles.map}>
      {CHAPTERS.map((chapter) => (
        <li key={chapter.number} className={styles.chapter}>
          <span className={styles.number} aria-hidden="true">
            {chapter.number}
          </span>
          <div>
            <Heading className={styles.title}>
              <ChapterTitle chapter={chapter} />
            </Heading>
            <p className={styles.teaches}>
              {translate({id: `course.chapter.${chapter.number}.teaches`, message: chapter.teaches})}
            </p>
            <p className={styles.meta}>
              <span>
                <Translate
                  id="course.minutes"
                  values={{minutes: chapter.minutes, reading: chapter.readingMinutes, exercise: chapter.exerciseMinutes}}>
                  {'About {minutes} minutes: {reading} reading, {exercise} for the exercise'}
                </Translate>
              </span>
              <span>
                <Translate id="course.exercise">Exercise:</Translate> <code>exercises/{chapter.exercise.folder}</code>
              </span>
              {chapter.status === 'planned' && (
                <span className={styles.planned}>
                  <Translate id="course.planned">In preparation</Translate>
                </span>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
