import React from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {usePluginData} from '@docusaurus/useGlobalData';
import {COURSE_PLANS, chapterByNumber, planMinutes, sessionMinutes, stepMinutes, type PlanStep} from '@site/src/data/course-plans';
import {CHAPTER_TITLES_PLUGIN, chapterTitle, type ChapterTitlesData} from '@site/src/data/chapter-titles';
import styles from './styles.module.css';

function Minutes({minutes}: {readonly minutes: number}): React.ReactNode {
  return translate({id: 'coursePlans.minutes', message: '{minutes} min'}, {minutes});
}

// A chapter step links to what students do: the chapter page to read, the assignment card to work on.
function StepText({step, zh}: {readonly step: PlanStep; readonly zh: boolean}): React.ReactNode {
  const titles = usePluginData(CHAPTER_TITLES_PLUGIN) as ChapterTitlesData | undefined;
  if (!('chapter' in step)) {
    const topic = zh ? step.topicZh : step.topic;
    if (step.kind === 'lab') return <Translate id="coursePlans.step.lab" values={{topic: <Link to="/docs/teach/cards/lab/">{topic}</Link>}}>{'Lab: {topic}'}</Translate>;
    if (step.kind === 'discussion') return <Translate id="coursePlans.step.discussion" values={{topic}}>{'Discussion: {topic}'}</Translate>;
    return <Translate id="coursePlans.step.introduction" values={{topic}}>{'Introduction: {topic}'}</Translate>;
  }
  const chapter = chapterByNumber(step.chapter);
  const number = Number(chapter.number);
  if (step.kind === 'reading') {
    return (
      <Translate id="coursePlans.step.reading" values={{number, title: <Link to={`/docs/${chapter.slug}/`}>{chapterTitle(chapter, titles)}</Link>}}>
        {'Read chapter {number}: {title}'}
      </Translate>
    );
  }
  return (
    <Translate id="coursePlans.step.exercise" values={{number, card: <Link to={`/docs/teach/cards/${chapter.slug}/`}><Translate id="coursePlans.step.card">assignment card</Translate></Link>}}>
      {'Exercise {number} ({card})'}
    </Translate>
  );
}

/** The three course plans, every time computed from the steps (chapter times from course.ts). */
export default function CoursePlans(): React.ReactNode {
  const zh = useDocusaurusContext().i18n.currentLocale.startsWith('zh');
  return (
    <div className={styles.plans}>
      {COURSE_PLANS.map((plan) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`}>
          <h3 id={`plan-${plan.id}`}>{zh ? plan.titleZh : plan.title}</h3>
          <p>
            <Translate id="coursePlans.planTotal" values={{minutes: planMinutes(plan)}}>
              {'In all: {minutes} min.'}
            </Translate>
          </p>
          {plan.sessions.map((session, i) => (
            <table key={session.title} className={styles.session}>
              <caption>
                <Translate id="coursePlans.session" values={{n: i + 1, title: zh ? session.titleZh : session.title}}>{'Session {n}: {title}'}</Translate>
              </caption>
              <thead>
                <tr>
                  <th scope="col"><Translate id="coursePlans.column.step">Step</Translate></th>
                  <th scope="col"><Translate id="coursePlans.column.minutes">Time</Translate></th>
                </tr>
              </thead>
              <tbody>
                {session.steps.map((step, j) => (
                  <tr key={j}>
                    <td><StepText step={step} zh={zh} /></td>
                    <td className={styles.minutes}><Minutes minutes={stepMinutes(step)} /></td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row"><Translate id="coursePlans.sessionTotal">Session total</Translate></th>
                  <td className={styles.minutes}><Minutes minutes={sessionMinutes(session)} /></td>
                </tr>
              </tfoot>
            </table>
          ))}
        </section>
      ))}
    </div>
  );
}
