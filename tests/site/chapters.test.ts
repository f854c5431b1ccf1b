// Every published chapter follows the course's recipe, in English and in Chinese: it opens
// with what you will learn and what you need first, ends with a quiz and its exercise, and
// defines every section its exercise's grader and README link to.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CHAPTERS, chapterQuizId} from '../../src/data/course';
import {DOCS_DIR, ROOT, ZH_DOCS_DIR} from './mermaid-source';

const published = CHAPTERS.filter((chapter) => chapter.status === 'published');

function headingIds(source: string): Set<string> {
  return new Set([...source.matchAll(/^#{2,6} .*\\?\{#([a-z0-9-]+)\\?\}\s*$/gm)].map((m) => m[1]));
}

/** Anchors an exercise sends learners to: see('anchor') in the grader, #anchor links in its README. */
function linkedAnchors(folder: string, slug: string): Set<string> {
  const dir = path.join(ROOT, 'exercises', folder);
  const anchors = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts') || f === 'README.md')) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/\bsee\('([a-z0-9-]+)'\)/g)) anchors.add(m[1]);
    for (const m of text.matchAll(new RegExp(`/docs/${slug}/#([a-z0-9-]+)`, 'g'))) anchors.add(m[1]);
  }
  return anchors;
}

describe('chapter recipe', () => {
  it('has published chapters', () => {
    expect(published.length).toBeGreaterThan(0);
  });

  for (const chapter of published) {
    const english = path.join(DOCS_DIR, `${chapter.number}-${chapter.slug}`, 'index.mdx');
    const chinese = path.join(ZH_DOCS_DIR, `${chapter.number}-${chapter.slug}`, 'index.mdx');

    for (const [locale, file] of [
      ['en', english],
      ['zh-Hans', chinese],
    ] as const) {
      it(`${chapter.number} (${locale}) opens with goals and prerequisites, ends with a quiz and the exercise`, () => {
        expect(existsSync(file), `${path.relative(ROOT, file)} exists`).toBe(true);
        const source = readFileSync(file, 'utf8');
        expect(source).toMatch(new RegExp(`^slug: /${chapter.slug}\\s*$`, 'm'));
        expect(source, 'a :::tip[...] box with what the reader will learn').toMatch(/^:::tip\[.+\]\s*$/m);
        expect(source, 'a :::important[...] box with what the reader needs first').toMatch(/^:::important\[.+\]\s*$/m);
        expect(source, 'admonition titles use the [Title] form (a bare title renders as text)').not.toMatch(
          /^:::(tip|important|note|info|warning|caution|danger) \S/m,
        );
        // The course map reads the reader's progress under this id (src/components/Quiz/progress.ts).
        expect(source).toContain(`<Quiz id="${chapterQuizId(chapter)}"`);
        expect(source).toContain(`exercises/${chapter.exercise.folder}/README.md`);
        expect(source).toContain(`npm run grade -- ${chapter.number}`);
      });

      it(`${chapter.number} (${locale}) defines every section its exercise links to`, () => {
        const ids = headingIds(readFileSync(file, 'utf8'));
        const missing = [...linkedAnchors(chapter.exercise.folder, chapter.slug)].filter((anchor) => !ids.has(anchor));
        expect(missing, `anchors used by exercises/${chapter.exercise.folder} but not defined in the chapter`).toEqual([]);
      });
    }
  }
});
