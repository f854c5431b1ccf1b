// Runs each chapter's grader against the answer-key fixtures (tests/answer-keys/NN-topic/<fn>.ts:
// the model with one function written wrong) and keeps the message that catches each one, for the
// teachers' answer-key pages. `npx tsx tools/answer-keys/run.ts` rewrites src/data/answer-key-messages.json;
// tests/workbench/answer-keys.test.ts checks that every fixture is caught and that the file is current.
import {cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CHAPTERS} from '../../src/data/course';
import {PRACTICE_SEED} from '../grading/seed';
import {REPO_ROOT} from '../grading/subject.mts';
import {runGrader, type TestOutcome} from '../grading/vitest-json';

export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'answer-keys');
export const MESSAGES_FILE = path.join(REPO_ROOT, 'src', 'data', 'answer-key-messages.json');

export interface Fixture {
  /** exercises/ folder, "03-read-write". */
  readonly folder: string;
  /** The function written wrong, also the fixture's file name. */
  readonly fn: string;
  readonly file: string;
}

export interface CaughtBy {
  /** The grader's test that failed, "Part 1: chunkCount ... > ends on a full chunk ...". */
  readonly test: string;
  /** What the learner reads, without the trailing grader line number (it moves when the grader is edited). */
  readonly message: string;
}

/** Key of a fixture in the messages file: "03-read-write/chunkCount". */
export const fixtureKey = (fixture: Pick<Fixture, 'folder' | 'fn'>): string => `${fixture.folder}/${fixture.fn}`;

export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(FIXTURES_DIR, dir.name))
        .filter((name) => name.endsWith('.ts'))
        .sort()
        .map((name) => ({folder: dir.name, fn: name.slice(0, -3), file: path.join(FIXTURES_DIR, dir.name, name)})),
    )
    .sort((a, b) => fixtureKey(a).localeCompare(fixtureKey(b)));
}

/** The chapter URL fragment a grader prints for a section: "/docs/read-write/#the-loop". */
export function sectionLink(folder: string, section: string): string {
  const chapter = CHAPTERS.find((c) => c.exercise.folder === folder);
  if (!chapter) throw new Error(`No chapter has the exercise folder ${folder}`);
  return `/docs/${chapter.slug}/#${section}`;
}

function withoutLocation(message: string): string {
  return message.replace(/\n+at \S+:\d+:\d+(?: \([^)]*\))?$/, '').trimEnd();
}

/** Grades one fixture as if it were a learner's file; returns the tests it fails. */
export async function gradeFixture(fixture: Fixture): Promise<TestOutcome[]> {
  const chapter = CHAPTERS.find((c) => c.exercise.folder === fixture.folder);
  if (!chapter) throw new Error(`No chapter has the exercise folder ${fixture.folder}`);
  const learnerDir = mkdtempSync(path.join(tmpdir(), 'zc-answer-key-'));
  try {
    mkdirSync(path.join(learnerDir, fixture.folder));
    cpSync(fixture.file, path.join(learnerDir, fixture.folder, `${chapter.exercise.module}.ts`));
    const run = await runGrader(path.join('exercises', fixture.folder, `${chapter.exercise.module}.test.ts`), {
      target: 'student',
      learnerDir,
      seed: PRACTICE_SEED,
      timeoutMs: 90_000,
    });
    if (run.problems.length > 0 && run.tests.length === 0) throw new Error(`${fixtureKey(fixture)}: ${run.problems.join('\n')}`);
    return run.tests.filter((test) => test.status !== 'passed').map((test) => ({...test, message: withoutLocation(test.message)}));
  } finally {
    rmSync(learnerDir, {recursive: true, force: true});
  }
}

/** The first failing test whose message points at `section`, or null when none does. */
export function caughtBy(failures: readonly TestOutcome[], link: string): CaughtBy | null {
  const hit = failures.find((test) => test.message.includes(link));
  return hit ? {test: hit.name, message: hit.message} : null;
}

export function renderMessages(messages: Readonly<Record<string, CaughtBy | null>>): string {
  return `${JSON.stringify(messages, null, 2)}\n`;
}
