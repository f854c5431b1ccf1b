// The teachers' answer keys (issue 16): one realistic wrong implementation per exercise function,
// and proof that each chapter's grader fails it with a message pointing at the chapter section the
// answer-key page names. The messages the pages quote are recorded in src/data/answer-key-messages.json.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {ANSWER_KEYS, answerKeyFor} from '../../src/data/answer-keys';
import {CHAPTERS} from '../../src/data/course';
import {caughtBy, fixtureKey, gradeFixture, listFixtures, MESSAGES_FILE, renderMessages, sectionLink, type CaughtBy} from '../../tools/answer-keys/run';
import {inParallel} from '../../tools/grading/in-parallel';
import {gradedFunctions} from '../../tools/grading/graded-functions';
import type {TestOutcome} from '../../tools/grading/vitest-json';
import {REPO_ROOT} from '../../tools/grading/subject.mts';

const fixtures = listFixtures();
const ZH_DOCS = path.join(REPO_ROOT, 'i18n', 'zh-Hans', 'docusaurus-plugin-content-docs', 'current');

function chapterOf(folder: string) {
  const chapter = CHAPTERS.find((c) => c.exercise.folder === folder);
  if (!chapter) throw new Error(`no chapter for ${folder}`);
  return chapter;
}

describe('answer-key fixtures cover the exercises', () => {
  it('has one fixture and one answer-key entry for every function a learner writes', () => {
    for (const chapter of CHAPTERS) {
      const folder = chapter.exercise.folder;
      const starter = path.join(REPO_ROOT, 'exercises', folder, '.pristine', `${chapter.exercise.module}.ts`);
      const written = gradedFunctions(starter).map((f) => f.name).sort();
      expect(fixtures.filter((f) => f.folder === folder).map((f) => f.fn).sort(), `fixtures for ${folder}`).toEqual(written);
      expect(ANSWER_KEYS.find((c) => c.folder === folder)?.functions.map((f) => f.fn).sort(), `answer keys for ${folder}`).toEqual(written);
    }
  });

  it('writes exactly one function in each fixture and takes every other one from the model', () => {
    for (const fixture of fixtures) {
      const text = readFileSync(fixture.file, 'utf8');
      const exported = [...text.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
      expect(exported, fixtureKey(fixture)).toEqual([fixture.fn]);
      expect(text, fixtureKey(fixture)).toContain(`export * from '@site/src/model/${chapterOf(fixture.folder).exercise.module}';`);
    }
  });

  it('names chapter sections that exist in both locales', () => {
    for (const fixture of fixtures) {
      const key = answerKeyFor(fixture.folder, fixture.fn);
      const chapter = chapterOf(fixture.folder);
      for (const root of [path.join(REPO_ROOT, 'docs'), ZH_DOCS]) {
        const page = readFileSync(path.join(root, `${chapter.number}-${chapter.slug}`, 'index.mdx'), 'utf8');
        expect(page, `${fixtureKey(fixture)} in ${path.relative(REPO_ROOT, root)}`).toContain(`\\{#${key?.wrong.section}\\}`);
      }
    }
  });
});

describe('each chapter grader catches its answer-key fixtures', () => {
  const failures = new Map<string, TestOutcome[]>();

  // One grader run per fixture, two at a time: about a minute and a half for all 31.
  beforeAll(async () => {
    const runs = await inParallel(fixtures, 2, async (fixture) => [fixtureKey(fixture), await gradeFixture(fixture)] as const);
    for (const [key, failed] of runs) failures.set(key, failed);
  }, 300_000);

  it.each(fixtures.map((fixture) => [fixtureKey(fixture), fixture] as const))('%s fails, with a message naming its section', (key, fixture) => {
    const failed = failures.get(key) ?? [];
    expect(failed.length, `${key}: the grader passed a wrong ${fixture.fn}`).toBeGreaterThan(0);
    const section = answerKeyFor(fixture.folder, fixture.fn)?.wrong.section ?? '(none)';
    const link = sectionLink(fixture.folder, section);
    expect(
      caughtBy(failed, link),
      `${key}: no failure points to ${link}; the grader said:\n${failed.map((f) => `${f.name}\n${f.message}`).join('\n\n')}`,
    ).not.toBeNull();
  });

  it('has recorded the messages the answer-key pages quote (npx tsx tools/answer-keys/record.ts)', () => {
    const actual: Record<string, CaughtBy | null> = {};
    for (const fixture of fixtures) {
      const key = answerKeyFor(fixture.folder, fixture.fn);
      actual[fixtureKey(fixture)] = key ? caughtBy(failures.get(fixtureKey(fixture)) ?? [], sectionLink(fixture.folder, key.wrong.section)) : null;
    }
    expect(readFileSync(MESSAGES_FILE, 'utf8'), 'src/data/answer-key-messages.json is stale: run npx tsx tools/answer-keys/record.ts').toBe(renderMessages(actual));
  });
});
