import React from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {CHAPTERS} from '@site/src/data/course';
import {ANSWER_KEYS, type AnswerKeyFunction} from '@site/src/data/answer-keys';
import recorded from '@site/src/data/answer-key-messages.json';
import styles from './styles.module.css';

type Locale = 'en' | 'zh-Hans';

interface CaughtBy {
  readonly test: string;
  readonly message: string;
}

interface Props {
  /** The exercise folder, "03-read-write". */
  readonly folder: string;
  readonly locale: Locale;
  /** The grader messages; the recorded ones (tools/answer-keys/record.ts) unless a test passes others. */
  readonly messages?: Readonly<Record<string, CaughtBy | null>>;
}

function Entry({fn, folder, slug, locale, caught}: {
  readonly fn: AnswerKeyFunction;
  readonly folder: string;
  readonly slug: string;
  readonly locale: Locale;
  readonly caught: CaughtBy | null;
}): React.ReactNode {
  // The ids are rendered here, not by Markdown headings: register them for the broken-anchor check.
  useBrokenLinks().collectAnchor(fn.fn);
  const l = locale === 'en' ? 'en' : 'zh';
  const section = `/docs/${slug}/#${fn.wrong.section}`;
  return (
    <section id={fn.fn} className={styles.entry} data-answer-key={fn.fn}>
      <h2 className={styles.name}>
        <code>{fn.fn}</code>{' '}
        <span className={styles.part}>
          <Translate id="answerKey.part" values={{part: fn.part}}>
            {'(part {part})'}
          </Translate>
        </span>
      </h2>
      <p>
        <strong>
          <Translate id="answerKey.model">The model:</Translate>
        </strong>{' '}
        {fn.model[l]}
      </p>
      <p>
        <strong>
          <Translate id="answerKey.wrong">A common wrong answer:</Translate>
        </strong>{' '}
        {fn.wrong.misconception[l]}
      </p>
      <p>
        <Translate
          id="answerKey.caughtBy"
          values={{
            section: <Link to={section}>{`${slug}#${fn.wrong.section}`}</Link>,
            fixture: <code>{`tests/answer-keys/${folder}/${fn.fn}.ts`}</code>,
          }}>
          {'The grader fails this answer ({fixture}) and points the student to {section}:'}
        </Translate>
      </p>
      {caught ? (
        <figure className={styles.caught}>
          <figcaption className={styles.test}>{caught.test}</figcaption>
          <pre className={styles.message} tabIndex={0}>
            <code>{caught.message}</code>
          </pre>
        </figure>
      ) : (
        <p className={styles.missing}>
          <Translate id="answerKey.notRecorded">No grader message is recorded for this answer yet.</Translate>
        </p>
      )}
    </section>
  );
}

/** A chapter's answer key: each function the student writes, the model's answer and a wrong one. */
export default function AnswerKey({folder, locale, messages = recorded}: Props): React.ReactNode {
  const chapter = CHAPTERS.find((c) => c.exercise.folder === folder);
  const key = ANSWER_KEYS.find((c) => c.folder === folder);
  if (!chapter || !key) throw new Error(`AnswerKey: no answer key for the exercise folder "${folder}"`);
  return (
    <div className={styles.answerKey}>
      {key.functions.map((fn) => (
        <Entry key={fn.fn} fn={fn} folder={folder} slug={chapter.slug} locale={locale} caught={messages[`${folder}/${fn.fn}`] ?? null} />
      ))}
    </div>
  );
}
