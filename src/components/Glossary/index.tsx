import React from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {usePluginData} from '@docusaurus/useGlobalData';
import type {Chapter} from '@site/src/data/course';
import {CHAPTER_TITLES_PLUGIN, chapterTitle, type ChapterTitlesData} from '@site/src/data/chapter-titles';
import {GLOSSARY, chapterOfSection, glossaryAlphabetical, glossaryByChapter, type GlossaryEntry} from '@site/src/data/glossary';
import styles from './styles.module.css';

type Locale = 'en' | 'zh-Hans';

interface Props {
  /** The page's locale: English lists terms alphabetically, Chinese by the chapter that introduces them. */
  readonly locale: Locale;
  /** Entries to show; the whole glossary unless a test passes a few. */
  readonly entries?: readonly GlossaryEntry[];
}

const lang = (locale: Locale): 'en' | 'zh' => (locale === 'en' ? 'en' : 'zh');

// Definitions are plain strings; `backticks` in them mark code, as in the chapters' Markdown.
function WithCode({text}: {readonly text: string}): React.ReactNode {
  return text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

function Entry({entry, locale}: {readonly entry: GlossaryEntry; readonly locale: Locale}): React.ReactNode {
  // Terms are rendered by this component, not as Markdown headings, so their ids must be
  // registered for the build's broken-anchor check to accept links such as /docs/teach/glossary/#mode-switch.
  useBrokenLinks().collectAnchor(entry.id);
  const l = lang(locale);
  const [term, otherTerm, otherLang] = l === 'en' ? [entry.en, entry.zh, 'zh-Hans'] : [entry.zh, entry.en, 'en'];
  return (
    <div id={entry.id} className={styles.entry}>
      <dt className={styles.term}>
        <dfn>{term}</dfn>{' '}
        <span lang={otherLang} className={styles.other}>
          {otherTerm}
        </span>{' '}
        <a
          href={`#${entry.id}`}
          className={styles.anchor}
          aria-label={translate({id: 'glossary.termLink', message: 'Direct link to {term}'}, {term})}>
          #
        </a>
      </dt>
      <dd className={styles.definition}>
        <p>
          <WithCode text={entry.definition[l]} />
        </p>
        <p className={styles.taught}>
          <Translate id="glossary.taughtIn">Taught in:</Translate>{' '}
          {entry.taughtIn.map((section, i) => (
            <React.Fragment key={section.href}>
              {i > 0 && ', '}
              <Link to={section.href}>
                <Translate id="glossary.chapterSection" values={{number: Number(chapterOfSection(section).number), title: section.title[l]}}>
                  {'chapter {number}, “{title}”'}
                </Translate>
              </Link>
            </React.Fragment>
          ))}
        </p>
      </dd>
    </div>
  );
}

function ChapterHeading({chapter}: {readonly chapter: Chapter}): React.ReactNode {
  const title = chapterTitle(chapter, usePluginData(CHAPTER_TITLES_PLUGIN) as ChapterTitlesData | undefined);
  return (
    <h3 className={styles.chapter}>
      <Link to={`/docs/${chapter.slug}/`}>
        <Translate id="glossary.chapterHeading" values={{number: Number(chapter.number), title}}>
          {'Chapter {number}: {title}'}
        </Translate>
      </Link>
    </h3>
  );
}

export default function Glossary({locale, entries = GLOSSARY}: Props): React.ReactNode {
  if (locale === 'en') {
    return (
      <dl className={styles.glossary}>
        {glossaryAlphabetical(entries).map((entry) => (
          <Entry key={entry.id} entry={entry} locale={locale} />
        ))}
      </dl>
    );
  }
  return glossaryByChapter(entries).map(({chapter, entries: inChapter}) => (
    <section key={chapter.slug}>
      <ChapterHeading chapter={chapter} />
      <dl className={styles.glossary}>
        {inChapter.map((entry) => (
          <Entry key={entry.id} entry={entry} locale={locale} />
        ))}
      </dl>
    </section>
  ));
}
