import React, {Children, isValidElement, useEffect, useId, useMemo, useState, type ReactElement, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import {contentVersion, loadAnswers, saveAnswers, type Answers} from './storage';
import {pageLocale, saveProgress, type QuizProgress} from './progress';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

// Authors write plain MDX: <Quiz id> holding <Question prompt> elements, each holding
// <Choice explain [correct]> elements. Question and Choice render nothing themselves; Quiz
// reads their props, the same way react.dev's Challenges read their children.

interface ChoiceProps {
  readonly correct?: boolean;
  /** Why this choice is right or wrong; shown for every choice once the question is answered. */
  readonly explain: string;
  readonly children: ReactNode;
}

interface QuestionProps {
  readonly prompt: string;
  readonly children: ReactNode;
}

interface QuizProps {
  /** Unique per chapter: where the answers are kept in the browser. */
  readonly id: string;
  readonly children: ReactNode;
}

export function Choice(_: ChoiceProps): ReactNode {
  return null;
}

export function Question(_: QuestionProps): ReactNode {
  return null;
}

interface ParsedQuestion {
  readonly prompt: string;
  readonly choices: readonly ChoiceProps[];
}

function elementsOf<P>(children: ReactNode, type: (props: P) => ReactNode): ReactElement<P>[] {
  return Children.toArray(children).filter(
    (child): child is ReactElement<P> => isValidElement(child) && child.type === type,
  );
}

function parseQuestions(children: ReactNode): ParsedQuestion[] {
  return elementsOf(children, Question).map((question) => ({
    prompt: question.props.prompt,
    choices: elementsOf(question.props.children, Choice).map((choice) => choice.props),
  }));
}

function progressOf(questions: readonly ParsedQuestion[], answers: Answers): QuizProgress {
  return {
    answered: Object.keys(answers).length,
    correct: questions.filter((q, i) => answers[i] !== undefined && q.choices[answers[i]]?.correct).length,
    total: questions.length,
  };
}

export default function Quiz({id, children}: QuizProps): ReactNode {
  const questions = useMemo(() => parseQuestions(children), [children]);
  const version = useMemo(
    () => contentVersion(JSON.stringify(questions.map((q) => [q.prompt, q.choices.map((c) => [c.explain, Boolean(c.correct)])]))),
    [questions],
  );
  const choiceCounts = questions.map((q) => q.choices.length);
  const [answers, setAnswers] = useState<Answers>({});
  const baseId = useId();

  // Read saved answers after hydration, so the server-rendered page and the first render agree.
  // The course map's summary is rewritten from what was loaded too: that records answers saved
  // before summaries existed, and drops the summary of answers to an edited quiz.
  useEffect(() => {
    const loaded = loadAnswers(window.localStorage, id, version, choiceCounts);
    setAnswers(loaded);
    saveProgress(window.localStorage, id, pageLocale(), version, progressOf(questions, loaded));
    // choiceCounts and questions follow from version; listing them would reload on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, version]);

  const {answered, correct} = progressOf(questions, answers);

  // Saved as the reader answers, not in an effect afterwards, so a reload right after a click
  // still finds the answer.
  const update = (next: Answers) => {
    setAnswers(next);
    saveAnswers(window.localStorage, id, version, next);
    saveProgress(window.localStorage, id, pageLocale(), version, progressOf(questions, next));
  };
  const choose = (question: number, choice: number) => update({...answers, [question]: choice});
  const retry = (question: number) => update(Object.fromEntries(Object.entries(answers).filter(([q]) => Number(q) !== question)));

  const regionLabel = translate({id: 'quiz.title', message: 'Check your understanding'});
  return (
    <section className={styles.quiz} data-live-component="Quiz" aria-labelledby={`${baseId}-title`}>
      <PresentButton label={regionLabel} />
      <h2 id={`${baseId}-title`} className={styles.title}>
        <Translate id="quiz.title">Check your understanding</Translate>
      </h2>
      <p className={styles.score} aria-live="polite" data-live-readout="">
        {answered === 0
          ? translate({id: 'quiz.none', message: '{count} questions. Answers are kept in this browser.'}, {count: questions.length})
          : translate(
              {id: 'quiz.score', message: '{answered} of {count} answered, {correct} correct.'},
              {answered, count: questions.length, correct},
            )}
      </p>
      <ol className={styles.questions}>
        {questions.map((question, q) => {
          const picked = answers[q];
          const isAnswered = picked !== undefined;
          const right = isAnswered && Boolean(question.choices[picked]?.correct);
          return (
            <li key={q} className={styles.question}>
              <p id={`${baseId}-q${q}`} className={styles.prompt}>
                {question.prompt}
              </p>
              <ul className={styles.choices} role="list" aria-labelledby={`${baseId}-q${q}`}>
                {question.choices.map((choice, c) => (
                  <li
                    key={c}
                    className={clsx(
                      styles.choice,
                      isAnswered && (choice.correct ? styles.correct : styles.wrong),
                      picked === c && styles.picked,
                    )}>
                    <button
                      type="button"
                      className={styles.choiceButton}
                      aria-pressed={picked === c}
                      disabled={isAnswered}
                      onClick={() => choose(q, c)}
                      data-live-click={q === 0 && c === 0 ? '' : undefined}
                      data-live-keys={q === 1 && c === 0 ? 'Enter' : undefined}>
                      {isAnswered && (
                        <span className={styles.mark} aria-hidden="true">
                          {choice.correct ? '✓' : '✗'}
                        </span>
                      )}
                      <span>{choice.children}</span>
                    </button>
                    {isAnswered && (
                      <p className={styles.explain}>
                        <strong>
                          {choice.correct
                            ? translate({id: 'quiz.right', message: 'Right.'})
                            : translate({id: 'quiz.notRight', message: 'Not this one.'})}
                        </strong>{' '}
                        {choice.explain}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              {isAnswered && (
                <p className={clsx(styles.feedback, right ? styles.feedbackRight : styles.feedbackWrong)}>
                  {right
                    ? translate({id: 'quiz.feedbackRight', message: 'Correct.'})
                    : translate({id: 'quiz.feedbackWrong', message: 'Not quite: the right answer is marked ✓.'})}{' '}
                  <button type="button" className={styles.retry} onClick={() => retry(q)}>
                    <Translate id="quiz.retry">Try again</Translate>
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {answered > 0 && (
        <button type="button" className="button button--secondary button--sm" onClick={() => update({})}>
          <Translate id="quiz.reset">Clear my answers</Translate>
        </button>
      )}
    </section>
  );
}
