import React, {startTransition, useCallback, useEffect, useId, useRef, useState} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {usePluginData} from '@docusaurus/useGlobalData';
import {CHAPTERS, chapterQuizId, type Chapter} from '@site/src/data/course';
import {clearProgress, courseProgress, pageLocale, type QuizProgress} from '@site/src/components/Quiz/progress';
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

type Progress = Readonly<Record<string, QuizProgress | undefined>>;

const QUIZ_IDS = CHAPTERS.filter((chapter) => chapter.status === 'published').map(chapterQuizId);

function QuizStatus({progress}: {readonly progress: QuizProgress | undefined}): React.ReactNode {
  if (progress === undefined) return translate({id: 'course.progress.notStarted', message: 'Quiz not started'});
  if (progress.answered === progress.total) {
    return translate({id: 'course.progress.done', message: 'Quiz: {correct} of {total} right'}, {...progress});
  }
  return translate({id: 'course.progress.partial', message: 'Quiz: {answered} of {total} answered, {correct} right'}, {...progress});
}

// Progress lives in this browser's storage, so it is read after hydration: the server's HTML and
// the first client render both know none. Another tab answering a quiz updates the map too.
// Both re-render the whole map as a transition, in slices. Done at once, the first one joined the
// render that follows hydration: on /docs/teach/ that task took 14-16 ms at 1x against 5-7 ms on
// the plainest page (2-core VM, timings taken inside React in a non-minified build).
function useReadingProgress(): [Progress | undefined, () => void] {
  const [progress, setProgress] = useState<Progress>();
  const reload = useCallback(() => setProgress(courseProgress(window.localStorage, QUIZ_IDS, pageLocale())), []);
  useEffect(() => {
    const reloadLater = () => startTransition(reload);
    reloadLater();
    window.addEventListener('storage', reloadLater);
    return () => window.removeEventListener('storage', reloadLater);
  }, [reload]);
  const clear = useCallback(() => {
    clearProgress(window.localStorage, QUIZ_IDS);
    reload();
  }, [reload]);
  return [progress, clear];
}

// Clearing asks first, inline, so a stray click or keypress never loses answers; afterwards a
// status line takes focus, since the button that had it is gone. "Keep it" hands focus back
// to the clear button.
function ClearProgress({started, onClear}: {readonly started: boolean; readonly onClear: () => void}): React.ReactNode {
  const [step, setStep] = useState<'ask' | 'confirm' | 'cleared'>('ask');
  const status = useRef<HTMLParagraphElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const keptIt = useRef(false);
  const questionId = useId();
  useEffect(() => {
    if (step === 'cleared') status.current?.focus();
    if (step === 'ask' && keptIt.current) clearButton.current?.focus();
    keptIt.current = false;
  }, [step]);
  if (step === 'cleared' && !started) {
    return (
      <p ref={status} role="status" tabIndex={-1} className={styles.clear}>
        <Translate id="course.progress.cleared">Your progress is cleared.</Translate>
      </p>
    );
  }
  if (!started) return null;
  if (step !== 'confirm') {
    return (
      <p className={styles.clear}>
        <button ref={clearButton} type="button" className="button button--secondary button--sm" onClick={() => setStep('confirm')}>
          <Translate id="course.progress.clear">Clear my progress</Translate>
        </button>
      </p>
    );
  }
  return (
    <div role="group" aria-labelledby={questionId} className={clsx(styles.clear, styles.confirm)}>
      <p id={questionId}>
        <Translate id="course.progress.confirm">Forget your quiz answers for every chapter in this browser?</Translate>
      </p>
      <button
        type="button"
        className="button button--primary button--sm"
        // The reader just asked for this step, so its first choice takes focus.
        autoFocus
        onClick={() => {
          onClear();
          setStep('cleared');
        }}>
        <Translate id="course.progress.confirmYes">Yes, clear it</Translate>
      </button>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => {
          keptIt.current = true;
          setStep('ask');
        }}>
        <Translate id="course.progress.confirmNo">Keep it</Translate>
      </button>
    </div>
  );
}

// Each chapter's status is in the server's HTML already, as "not started" and hidden until the
// progress is known (styles.module.css): the first reading changes one attribute of the list, and
// for a reader with no answers yet, nothing else. Inserted after hydration instead, the statuses
// made the longest task of /docs/teach/ in Lighthouse's mobile runs (63-117 ms at 1x; with them
// in the HTML no task of React's passed 27 ms): under Lighthouse's trace categories DevTools
// records a deep JS stack for each node React inserts. Lighthouse mobile, 5 alternating rounds,
// medians of blocking time before and after (2-core AMD EPYC VM, 2026-12-08): /docs/ 191 -> 19 ms,
// /docs/teach/ 216 -> 52 ms, /zh-Hans/docs/teach/ 256 -> 125 ms.
export default function CourseMap({headingLevel = 2}: Props): React.ReactNode {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const [progress, clear] = useReadingProgress();
  const started = progress !== undefined && Object.values(progress).some((quiz) => quiz !== undefined);
  return (
    <>
      <ol className={styles.map} data-progress-known={progress === undefined ? undefined : ''}>
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
                {chapter.status === 'published' && (
                  <span className={styles.progress} data-quiz-progress={chapterQuizId(chapter)}>
                    <QuizStatus progress={progress?.[chapterQuizId(chapter)]} />
                  </span>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {progress !== undefined && <ClearProgress started={started} onClear={clear} />}
    </>
  );
}
