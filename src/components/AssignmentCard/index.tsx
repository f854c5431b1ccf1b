import React from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {usePluginData} from '@docusaurus/useGlobalData';
import CodeBlock from '@theme/CodeBlock';
import {
  LAB_ASSIGNMENT,
  chapterAssignment,
  chapterCommands,
  chapterOf,
  pointsForChapter,
  type Assignment,
  type DiscussionQuestion,
  type Localized,
} from '@site/src/data/assignments';
import {CHAPTER_TITLES_PLUGIN, chapterTitle, type ChapterTitlesData} from '@site/src/data/chapter-titles';
import styles from './styles.module.css';

interface Props {
  /** A published chapter's number ("04"), or "lab" for the lab page's card. */
  readonly of: string;
}

type Lang = keyof Localized;

// The card's own text is data in both languages; the page's locale picks one.
function useLang(): Lang {
  return useDocusaurusContext().i18n.currentLocale.startsWith('zh') ? 'zh' : 'en';
}

// The data writes commands and file names in `backticks`, as the chapters do; this renders them as code.
function WithCode({text}: {readonly text: string}): React.ReactNode {
  return text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

function TextList({items, lang}: {readonly items: readonly Localized[]; readonly lang: Lang}): React.ReactNode {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.en}>
          <WithCode text={item[lang]} />
        </li>
      ))}
    </ul>
  );
}

function Minutes({minutes}: {readonly minutes: number}): React.ReactNode {
  return translate({id: 'assignment.minutes', message: '{minutes} min'}, {minutes});
}

function Times({reading, work, workLabel}: {readonly reading: number; readonly work: number; readonly workLabel: React.ReactNode}): React.ReactNode {
  return (
    <table className={styles.times}>
      <tbody>
        <tr>
          <th scope="row"><Translate id="assignment.time.reading">Reading</Translate></th>
          <td><Minutes minutes={reading} /></td>
        </tr>
        <tr>
          <th scope="row">{workLabel}</th>
          <td><Minutes minutes={work} /></td>
        </tr>
        <tr className={styles.total}>
          <th scope="row"><Translate id="assignment.time.total">Total</Translate></th>
          <td><Minutes minutes={reading + work} /></td>
        </tr>
      </tbody>
    </table>
  );
}

function PointsTable({number}: {readonly number: string}): React.ReactNode {
  const points = pointsForChapter(number);
  return (
    <>
      <p>
        <Translate id="assignment.points.intro" values={{command: <code>npm run grade</code>}}>
          {"Counted from the chapter's grader, one row per part as the grader names it; {command} prints the same names."}
        </Translate>
      </p>
      <table className={styles.points}>
        <thead>
          <tr>
            <th scope="col"><Translate id="assignment.points.part">Part</Translate></th>
            <th scope="col"><Translate id="assignment.points.tests">Tests</Translate></th>
            <th scope="col"><Translate id="assignment.points.points">Points</Translate></th>
          </tr>
        </thead>
        <tbody>
          {points.parts.map((part) => (
            <tr key={part.name}>
              <td>{part.name}</td>
              <td>{part.tests}</td>
              <td>{part.points}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row"><Translate id="assignment.points.total">Total</Translate></th>
            <td>{points.tests}</td>
            <td>{points.points}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}

function Discussion({questions, lang}: {readonly questions: readonly DiscussionQuestion[]; readonly lang: Lang}): React.ReactNode {
  return (
    <ol className={styles.discussion}>
      {questions.map((q) => (
        <li key={q.question.en}>
          <p className={styles.question}>
            <WithCode text={q.question[lang]} />
          </p>
          <p className={styles.notes}>
            <strong><Translate id="assignment.discussion.notes">Notes for the teacher:</Translate></strong>{' '}
            <WithCode text={q.teacherNotes[lang]} />
          </p>
        </li>
      ))}
    </ol>
  );
}

function assignmentFor(of: string): Assignment {
  return of === 'lab' ? LAB_ASSIGNMENT : chapterAssignment(of);
}

/** One chapter's (or the lab's) assignment: a self-contained page to link, print or paste into an LMS. */
export default function AssignmentCard({of}: Props): React.ReactNode {
  const lang = useLang();
  const titles = usePluginData(CHAPTER_TITLES_PLUGIN) as ChapterTitlesData | undefined;
  const assignment = assignmentFor(of);
  const chapter = assignment.kind === 'chapter' ? chapterOf(assignment) : undefined;
  const commands = chapter ? chapterCommands(chapter) : LAB_ASSIGNMENT.commands;
  return (
    <article className={styles.card}>
      <p className={styles.source}>
        {chapter ? (
          <Translate id="assignment.source.chapter" values={{link: <Link to={`/docs/${chapter.slug}/`}>{chapterTitle(chapter, titles)}</Link>, number: Number(chapter.number)}}>
            {'Reading: chapter {number}, {link}.'}
          </Translate>
        ) : (
          <Translate id="assignment.source.lab" values={{link: <Link to="/docs/lab/"><Translate id="assignment.source.labTitle">the lab page</Translate></Link>}}>
            {'Reading: {link}.'}
          </Translate>
        )}
      </p>

      <h2 id="objectives"><Translate id="assignment.heading.objectives">Learning objectives</Translate></h2>
      <TextList items={assignment.objectives} lang={lang} />

      <h2 id="prerequisites"><Translate id="assignment.heading.prerequisites">Prerequisites</Translate></h2>
      <TextList items={assignment.prerequisites} lang={lang} />

      <h2 id="time"><Translate id="assignment.heading.time">Time</Translate></h2>
      {chapter ? (
        <Times reading={chapter.readingMinutes} work={chapter.exerciseMinutes} workLabel={<Translate id="assignment.time.exercise">Exercise</Translate>} />
      ) : (
        <Times reading={LAB_ASSIGNMENT.readingMinutes} work={LAB_ASSIGNMENT.runMinutes} workLabel={<Translate id="assignment.time.lab">Running the lab</Translate>} />
      )}

      <h2 id="commands"><Translate id="assignment.heading.commands">Commands students run</Translate></h2>
      <CodeBlock language="bash">{commands.join('\n')}</CodeBlock>

      <h2 id="points"><Translate id="assignment.heading.points">Points</Translate></h2>
      {chapter ? (
        <PointsTable number={chapter.number} />
      ) : (
        <p>
          <Translate id="assignment.points.lab">
            No points: the lab has no grader. It measures the student's own machine, so there is no right figure to check; assess the report and its explanation instead.
          </Translate>
        </p>
      )}

      <h2 id="complete-answer"><Translate id="assignment.heading.complete">What a complete answer shows</Translate></h2>
      <TextList items={assignment.completeAnswer} lang={lang} />

      <h2 id="discussion"><Translate id="assignment.heading.discussion">Discussion questions</Translate></h2>
      <Discussion questions={assignment.discussion} lang={lang} />
    </article>
  );
}
