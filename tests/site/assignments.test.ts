// The assignment cards: one per published chapter and one for the lab, each a page in both
// locales, with text in both languages, commands that name the chapter's real exercise, and
// points that come from the generated grader file (tests/site/grader-points.test.ts holds that
// file to the graders).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CHAPTERS} from '../../src/data/course';
import {
  ASSIGNMENTS,
  CHAPTER_ASSIGNMENTS,
  GRADER_POINTS,
  LAB_ASSIGNMENT,
  chapterAssignment,
  chapterCommands,
  chapterOf,
  pointsForChapter,
  type Localized,
} from '../../src/data/assignments';
import sidebars from '../../sidebars';
import {DOCS_DIR, ROOT, ZH_DOCS_DIR} from './mermaid-source';

const published = CHAPTERS.filter((c) => c.status === 'published');
const CJK = /[\u4e00-\u9fff]/;

function texts(a: (typeof ASSIGNMENTS)[number]): Localized[] {
  return [...a.objectives, ...a.prerequisites, ...a.completeAnswer, ...a.discussion.flatMap((d) => [d.question, d.teacherNotes])];
}

const cardFile = (dir: string, name: string): string => path.join(dir, 'teach', 'cards', `${name}.mdx`);

describe('assignment cards', () => {
  it('exist for every published chapter, in course order, and for nothing else', () => {
    expect(CHAPTER_ASSIGNMENTS.map((a) => a.chapter)).toEqual(published.map((c) => c.number));
  });

  for (const chapter of published) {
    it(`chapter ${chapter.number} has a card page in English and in Chinese that renders its card`, () => {
      for (const dir of [DOCS_DIR, ZH_DOCS_DIR]) {
        const file = cardFile(dir, `${chapter.number}-${chapter.slug}`);
        expect(existsSync(file), path.relative(ROOT, file)).toBe(true);
        expect(readFileSync(file, 'utf8')).toContain(`<AssignmentCard of="${chapter.number}" />`);
      }
    });
  }

  it('the lab has a card page in both locales', () => {
    for (const dir of [DOCS_DIR, ZH_DOCS_DIR]) expect(readFileSync(cardFile(dir, 'lab'), 'utf8')).toContain('<AssignmentCard of="lab" />');
  });

  it('every card page has a Chinese twin and no page renders a card that does not exist', () => {
    const en = readdirSync(path.join(DOCS_DIR, 'teach', 'cards')).sort();
    expect(readdirSync(path.join(ZH_DOCS_DIR, 'teach', 'cards')).sort()).toEqual(en);
    for (const name of en) {
      const of = /<AssignmentCard of="([^"]+)" \/>/.exec(readFileSync(path.join(DOCS_DIR, 'teach', 'cards', name), 'utf8'))?.[1];
      expect(of, name).toBeDefined();
      if (of !== 'lab') expect(() => chapterAssignment(of ?? '')).not.toThrow();
    }
  });

  for (const a of ASSIGNMENTS) {
    const name = a.kind === 'chapter' ? `chapter ${a.chapter}` : 'the lab';
    it(`${name}: every text is written in both languages`, () => {
      for (const text of texts(a)) {
        expect(text.en.trim(), text.zh).not.toBe('');
        expect(text.zh, text.en).toMatch(CJK);
        expect(text.en, text.en).not.toMatch(CJK);
      }
    });
    it(`${name}: has objectives, prerequisites, a complete answer and two or three discussion questions with notes`, () => {
      expect(a.objectives.length).toBeGreaterThanOrEqual(2);
      expect(a.prerequisites.length).toBeGreaterThanOrEqual(1);
      expect(a.completeAnswer.length).toBeGreaterThanOrEqual(2);
      expect(a.discussion.length).toBeGreaterThanOrEqual(2);
      expect(a.discussion.length).toBeLessThanOrEqual(3);
    });
  }

  for (const a of CHAPTER_ASSIGNMENTS) {
    it(`chapter ${a.chapter}: the commands name its real exercise, and its grader's points are known`, () => {
      const chapter = chapterOf(a);
      expect(existsSync(path.join(ROOT, 'exercises', chapter.exercise.folder, `${chapter.exercise.module}.test.ts`))).toBe(true);
      expect(chapter.exercise.folder.startsWith(`${a.chapter}-`)).toBe(true);
      const commands = chapterCommands(chapter);
      expect(commands.map((c) => /^npm run (exercise|hint|grade) -- (\d\d)$/.exec(c)?.slice(1))).toEqual([
        ['exercise', a.chapter],
        ['hint', a.chapter],
        ['grade', a.chapter],
      ]);
      const points = pointsForChapter(a.chapter);
      expect(points.folder).toBe(chapter.exercise.folder);
      expect(points.parts.length).toBeGreaterThan(0);
      // A "complete answer" that quotes a grade command must quote this chapter's.
      for (const line of a.completeAnswer) for (const m of line.en.matchAll(/npm run grade -- (\d\d)/g)) expect(m[1]).toBe(a.chapter);
    });
  }

  it('the lab has no points and runs only lab commands', () => {
    expect(GRADER_POINTS.map((p) => p.number)).not.toContain('lab');
    for (const command of LAB_ASSIGNMENT.commands) expect(command).toMatch(/^npm run lab( -- .+)?$/);
    expect(LAB_ASSIGNMENT.readingMinutes).toBeGreaterThan(0);
    expect(LAB_ASSIGNMENT.runMinutes).toBeGreaterThan(0);
  });

  it('a chapter without points or a card is reported by name', () => {
    expect(() => pointsForChapter('99')).toThrow(/chapter 99.*npm run classroom/);
    expect(() => chapterAssignment('99')).toThrow(/chapter "99"/);
  });
});

describe("the teacher's guide", () => {
  const cardSlugs = [...published.map((c) => c.slug), 'lab'];

  it('links to every card in both locales', () => {
    for (const dir of [DOCS_DIR, ZH_DOCS_DIR]) {
      const guide = readFileSync(path.join(dir, 'teach', 'guide.mdx'), 'utf8');
      expect(guide).toContain('<CoursePlans />');
      for (const slug of cardSlugs) expect(guide, `${dir}: ${slug}`).toContain(`](/docs/teach/cards/${slug}/)`);
    }
  });

  it('is in the sidebar, with every card', () => {
    const items = JSON.stringify(sidebars);
    expect(items).toContain('"teach/guide"');
    for (const slug of cardSlugs) expect(items).toContain(`"teach/cards/${slug}"`);
  });
});
