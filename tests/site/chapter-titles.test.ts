// A chapter has one title, the one its page's front matter gives it. The course map reads it from
// the page (src/data/chapter-titles.ts); these tests keep a second copy from creeping back.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CHAPTERS} from '../../src/data/course';
import {chapterTitle, chapterTitlesFromDocs} from '../../src/data/chapter-titles';
import {DOCS_DIR, ROOT, ZH_DOCS_DIR} from './mermaid-source';

function frontMatterTitle(file: string): string | undefined {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  const raw = /^title:\s*(.+?)\s*$/m.exec(frontMatter)?.[1];
  return raw?.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
}

const published = CHAPTERS.filter((chapter) => chapter.status === 'published');

describe('chapter titles', () => {
  for (const [locale, dir] of [
    ['en', DOCS_DIR],
    ['zh-Hans', ZH_DOCS_DIR],
  ] as const) {
    it(`the course map shows each ${locale} page's own front-matter title`, () => {
      const docs = published.map((chapter) => ({
        slug: `/${chapter.slug}`,
        title: frontMatterTitle(path.join(dir, `${chapter.number}-${chapter.slug}`, 'index.mdx')) ?? '(no title)',
      }));
      const data = chapterTitlesFromDocs(docs);
      expect(published.map((chapter) => chapterTitle(chapter, data))).toEqual(docs.map((doc) => doc.title));
      expect(docs.filter((doc) => doc.title === '(no title)'), 'pages without a title: in front matter').toEqual([]);
    });
  }

  it('src/data/course.ts repeats the English page titles exactly (the exercise CLI prints them)', () => {
    expect(published.map((chapter) => chapter.title)).toEqual(
      published.map((chapter) => frontMatterTitle(path.join(DOCS_DIR, `${chapter.number}-${chapter.slug}`, 'index.mdx'))),
    );
  });

  it('i18n/zh-Hans/code.json holds no second copy of the chapter titles', () => {
    const ids = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'i18n', 'zh-Hans', 'code.json'), 'utf8')) as object);
    expect(ids.filter((id) => /^course\.chapter\.\d+\.title$/.test(id))).toEqual([]);
  });
});
