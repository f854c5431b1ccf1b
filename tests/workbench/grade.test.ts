// `npm run grade` on the tiny exercise set (fixture/README.md says what each chapter's learner
// file does): statuses, points, reports, and the learner code that must not break grading.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {GradeReport, ReportTest} from '../../tools/workbench/report';
import {createMiniRepo, type MiniRepo, type RunResult} from './mini-repo';

let repo: MiniRepo;
let all: RunResult;
let report: GradeReport;
let junit: string;
let allSeconds: number;

const test = (chapter: string, name: string): ReportTest => {
  const found = report.tests.find((t) => t.chapter === chapter && t.name.endsWith(name));
  if (!found) throw new Error(`No test "${name}" in chapter ${chapter}: ${report.tests.map((t) => t.name).join(', ')}`);
  return found;
};

beforeAll(async () => {
  repo = createMiniRepo();
  const started = Date.now();
  all = await repo.cli(['grade', '--test-timeout', '1', '--report', path.join(repo.root, 'out')]);
  allSeconds = (Date.now() - started) / 1000;
  report = JSON.parse(readFileSync(path.join(repo.root, 'out', 'grade.json'), 'utf8')) as GradeReport;
  junit = readFileSync(path.join(repo.root, 'out', 'grade.junit.xml'), 'utf8');
});

afterAll(() => repo?.remove());

describe('npm run grade over every chapter of the tiny exercise set', () => {
  it('exits 1 and reports every test with chapter, name, status, points, message and duration', () => {
    expect(all.code, all.stderr).toBe(1);
    expect(report.chapters.map((c) => c.chapter)).toEqual(['01', '02', '03', '04', '05']);
    for (const t of report.tests) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['chapter', 'name', 'status', 'points', 'message', 'duration']));
    }
    expect(report.ok).toBe(false);
    expect(allSeconds).toBeLessThan(45);
  });

  it('gives each test its points from the package.json points map (Part 2 of chapter 1 is worth 3)', () => {
    expect(test('01', 'doubles 21')).toMatchObject({status: 'passed', points: 1, maxPoints: 1});
    expect(test('01', 'adds without changing its input')).toMatchObject({status: 'passed', points: 3, maxPoints: 3});
    expect(report.chapters[0]).toMatchObject({passed: 3, total: 3, points: 5, maxPoints: 5, problems: []});
  });

  it('fails only the test whose function throws, and points at the learner\'s own line', () => {
    expect(test('02', 'halves 10').status).toBe('passed');
    const thrown = test('02', 'triples 5');
    expect(thrown).toMatchObject({status: 'failed', points: 0, location: 'exercises/02-dma/dma.ts:7:9'});
    expect(thrown.message).toContain('TODO: triple is not written yet');
  });

  it('shows what was expected and what came back for a wrong value', () => {
    const wrong = test('02', 'returns the right shape');
    expect(wrong.status).toBe('failed');
    expect(wrong.message).toContain('- Expected');
    expect(wrong.message).toContain('+ Received');
    expect(wrong.message).toContain('"bytes": 4096');
  });

  it('catches a function that sorts the array it was given', () => {
    const mutation = test('02', 'without sorting the caller\'s array');
    expect(mutation.status).toBe('failed');
    expect(mutation.message).toMatch(/largest tried to change one of its inputs/);
    expect(mutation.location).toBe('exercises/02-dma/dma.ts:15:10');
  });

  it('stops a test that never returns, counts it as a time-out, and grades the rest of the chapter', () => {
    expect(test('03', 'never returns')).toMatchObject({status: 'timeout', points: 0});
    expect(test('03', 'never returns').message).toMatch(/never returned/);
    expect(test('03', 'counts chunks before the loop').status).toBe('passed');
    expect(test('03', 'counts chunks after the loop').status).toBe('passed');
    // The chapters after it were graded too.
    expect(report.chapters.find((c) => c.chapter === '04')?.total).toBe(2);
  });

  it('reports a file that does not compile as file:line with the compiler\'s message, and still grades the others', () => {
    const chapter = report.chapters.find((c) => c.chapter === '04');
    expect(chapter?.problems.join('\n')).toContain('exercises/04-sendfile/sendfile.ts:3:17 error TS1109: Expression expected.');
    expect(report.tests.filter((t) => t.chapter === '04').map((t) => t.status)).toEqual(['error', 'error']);
    expect(all.stdout).toContain('exercises/04-sendfile/sendfile.ts:3:17');
    // Once, not once per test: every test of the chapter stopped for that one reason.
    expect(all.stdout).toContain('None of the 2 tests could run, for the reason above.');
    expect(all.stdout).not.toContain('(the same error as above)');
    expect(report.chapters.find((c) => c.chapter === '05')).toBeDefined();
  });

  it('counts a chapter whose grader ran zero tests as a failure, never a pass', () => {
    const chapter = report.chapters.find((c) => c.chapter === '05');
    expect(chapter).toMatchObject({total: 0, points: 0});
    expect(chapter?.problems.join('\n')).toMatch(/No test ran for chapter 05/);
  });

  it('prints a table per chapter, the overall bar, the seed and the command that replays a failure', () => {
    expect(all.stdout).toContain('1/4 tests passed, 1/4 points');
    expect(all.stdout).toMatch(/Overall, all 5 chapters: \[#+-+\] \d+% 8\/14 points/);
    expect(all.stdout).toContain('Seed 20261125. Replay exactly this grade: npm run grade -- 02 --seed 20261125');
  });

  it('writes a JUnit file: failures, time-outs and compile errors as errors, points as properties', () => {
    expect(junit).toMatch(/^<\?xml version="1.0"/);
    expect(junit).toContain('<testsuite name="02 DMA: letting devices move the bytes" tests="4" failures="3" errors="0" skipped="0">');
    expect(junit).toContain('<error message="timeout" type="timeout">');
    expect(junit).toContain('<property name="points" value="3"/>');
    expect(junit).not.toMatch(/\u001b/);
  });

  it('records the learner\'s progress', () => {
    const progress = JSON.parse(readFileSync(path.join(repo.workbench, 'progress.json'), 'utf8'));
    expect(progress.chapters['01']).toMatchObject({status: 'passing', passed: 3, total: 3});
    expect(progress.chapters['02'].status).toBe('failing');
  });
});

// Each run below writes its own report folder, so they can run side by side.
describe.concurrent('npm run grade on one chapter at a time', () => {
  it('exits 0 when every graded test passes, under several seeds', async () => {
    const out = path.join(repo.root, 'out-seeds');
    const result = await repo.cli(['grade', '01', '--seed', '1,2', '--report', out]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const seeded = JSON.parse(readFileSync(path.join(out, 'grade.json'), 'utf8')) as GradeReport;
    expect(seeded.seeds).toEqual([1, 2]);
    expect(seeded.totals).toMatchObject({tests: 3, passed: 3, points: 5, maxPoints: 5});
    expect(result.stdout).toContain('Grading your files with seeds 1, 2');
  });

  it('fails when fewer tests ran than --expect-tests (a renamed or deleted test gives no free points)', async () => {
    const result = await repo.cli(['grade', '01', '--expect-tests', '4', '--report', path.join(repo.root, 'out-expect')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Expected at least 4 tests, but 3 ran');
  });

  it('exits 1 for a grader with zero tests', async () => {
    const result = await repo.cli(['grade', '05', '--report', path.join(repo.root, 'out-zero')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No test ran. A grade with zero tests is an error, never a pass.');
  });

  it('names the valid chapters when asked for one that does not exist', async () => {
    const result = await repo.cli(['grade', '99']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no chapter "99". Chapters with exercises:');
    expect(result.stderr).toMatch(/01 {2}user-and-kernel-space/);
    expect(result.stderr).toMatch(/05 {2}scatter-gather/);
  });

  it('grades a student\'s submission folder with this repository\'s graders, without recording progress', async () => {
    const submission = path.join(repo.root, 'submissions', 'ada', 'exercises', '01-user-kernel');
    mkdirSync(submission, {recursive: true});
    writeFileSync(
      path.join(submission, 'user-kernel.ts'),
      'export const double = (n: number) => n + n;\nexport const total = (values: number[]) => values.length;\n',
    );
    const workbench = path.join(repo.root, '.workbench-teacher');
    const out = path.join(repo.root, 'reports', 'ada');
    const result = await repo.cli(['grade', '01', '--submission', path.join(repo.root, 'submissions', 'ada'), '--report', out], {
      env: {ZC_WORKBENCH_DIR: workbench},
    });
    expect(result.code).toBe(1);
    const graded = JSON.parse(readFileSync(path.join(out, 'grade.json'), 'utf8')) as GradeReport;
    expect(graded.submission).toBe(path.join(repo.root, 'submissions', 'ada', 'exercises'));
    expect(graded.tests.map((t) => t.status)).toEqual(['passed', 'passed', 'failed']);
    expect(existsSync(path.join(workbench, 'progress.json'))).toBe(false);
  });
});
