// The Classroom workflow guards against free points with `--expect-tests N` per chapter and
// weighs each chapter by its points: both must be the graders' own, never counted by hand.
// `npm run classroom` writes the file; these tests hold the committed one to it.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {CLASSROOM_WORKFLOW, classroomChapter, classroomWorkflow, graderTestNames, workflowFor} from '../../tools/workbench/classroom';
import {gradingConfig, pointsFor, resolveChapter} from '../../tools/workbench/chapters';
import {ROOT} from './mermaid-source';

let tests: Map<string, string[]>;
beforeAll(() => {
  tests = graderTestNames();
}, 60_000);

describe('.github/workflows/classroom.yml', () => {
  it('is exactly what `npm run classroom` writes for every chapter', () => {
    expect(readFileSync(CLASSROOM_WORKFLOW, 'utf8')).toBe(workflowFor([]).text);
  }, 60_000);

  it('expects exactly as many tests per chapter as each grader has', () => {
    const workflow = readFileSync(CLASSROOM_WORKFLOW, 'utf8');
    const expected = new Map([...workflow.matchAll(/grade -- (\d\d) --expect-tests (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    const counts = new Map([...tests].map(([folder, names]) => [folder.slice(0, 2), names.length]));
    expect(expected.size).toBeGreaterThan(0);
    expect(Object.fromEntries(expected)).toEqual(Object.fromEntries(counts));
  });
});

describe('assigning one chapter', () => {
  it('writes one step for chapter 4, with its grader\'s tests and points, and the reporter runs only it', () => {
    const chapter = resolveChapter('04');
    const names = tests.get(chapter.exercise.folder) ?? [];
    const entry = classroomChapter(chapter, names);
    const points = names.reduce((sum, name) => sum + pointsFor(name, gradingConfig(chapter)), 0);
    expect(entry).toMatchObject({number: '04', tests: names.length, points});
    const text = classroomWorkflow([entry]);
    expect([...text.matchAll(/uses: classroom-resources\/autograding-command-grader@v1/g)]).toHaveLength(1);
    expect(text).toContain(`grade -- 04 --expect-tests ${names.length} `);
    expect(text).toContain(`max-score: ${points}`);
    expect(text).toContain('runners: chapter-04\n');
    expect(text).toContain('CHAPTER-04_RESULTS: "${{ steps.chapter-04.outputs.result }}"');
  });

  it('names the valid chapters when asked for one that does not exist', () => {
    const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['tools/workbench/classroom.ts', '42', '--output', '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('There is no chapter "42"');
    expect(run.stderr).toContain('04  sendfile');
  }, 60_000);
});
