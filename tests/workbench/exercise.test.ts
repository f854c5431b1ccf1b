// `npm run exercise`: the watch screen, and a save noticed by polling within a second.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {renderExerciseScreen} from '../../tools/workbench/exercise';
import type {GradedChapter} from '../../tools/workbench/grade';
import {withPaths} from '../../tools/workbench/chapters';
import {CHAPTERS} from '../../src/data/course';
import {createMiniRepo, type MiniRepo} from './mini-repo';

function gradedChapter(): GradedChapter {
  const chapter = withPaths(CHAPTERS.find((c) => c.number === '03')!);
  const base = {chapter: '03', maxPoints: 1, duration: 1, failedWithSeed: null, location: null};
  return {
    chapter,
    notes: [],
    report: {chapter: '03', slug: 'read-write', title: chapter.title, passed: 1, total: 2, points: 1, maxPoints: 2, problems: [], typeErrors: [], referenceUse: [], flags: []},
    tests: [
      {...base, name: 'Part 1 > splits a file', status: 'passed', points: 1, message: ''},
      {
        ...base,
        name: 'Part 2 > one pair',
        status: 'failed',
        points: 0,
        message: 'expected 3 to be 4\n\n- Expected\n+ Received\n\n- 4\n+ 3\n\nat exercises/03-read-write/read-write.ts:36:9 (chunkCount)',
        location: 'exercises/03-read-write/read-write.ts:36:9',
      },
    ],
  };
}

describe('the watch screen', () => {
  it('shows the task title, each test, the failure with expected vs received and the learner\'s line, and the keys', () => {
    const screen = renderExerciseScreen(gradedChapter(), 'Exercise 3: the traditional read() + write() path', 42).join('\n');
    expect(screen).toContain('Chapter 03 · Exercise 3: the traditional read() + write() path');
    expect(screen).toContain('✓ Part 1  1/1');
    expect(screen).not.toContain('splits a file');
    expect(screen).toContain('✗ Part 2  0/1\n    ✗ one pair');
    expect(screen).toContain('        - Expected\n        + Received');
    expect(screen).toContain('at exercises/03-read-write/read-write.ts:36:9 (chunkCount)');
    expect(screen).toContain('Chapter 03: 1/2 tests pass. Seed 42: npm run grade -- 03 --seed 42 replays it.');
    expect(screen).toContain('Keys: h hint · n next chapter · l list · r re-run · q quit');
  });
});

describe('npm run exercise in a pipe', () => {
  let repo: MiniRepo;

  beforeAll(() => {
    repo = createMiniRepo();
  });

  afterAll(() => repo?.remove());

  it('grades on start, grades again within a second of a save (polling only), takes keys from stdin and quits at its end', async () => {
    const child = repo.start(['exercise', '01', '--poll-ms', '100'], {ZC_WATCH: 'poll'});
    let output = '';
    const seen: {text: string; at: number}[] = [];
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      seen.push({text: data.toString(), at: Date.now()});
    });
    const waitFor = (pattern: RegExp, from = 0) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const hit = seen.find((chunk, i) => i >= from && pattern.test(chunk.text));
          if (hit) return resolve(hit.at);
          if (Date.now() - started > 60_000) return reject(new Error(`Timed out waiting for ${pattern}; output so far:\n${output}`));
          setTimeout(check, 20);
        };
        check();
      });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    await waitFor(/all 3 tests pass/);
    expect(output).toContain('Chapter 01 · Exercise 1: double and total');

    const before = seen.length;
    const savedAt = Date.now();
    writeFileSync(
      path.join(repo.exercises, '01-user-kernel', 'user-kernel.ts'),
      'export const double = (n: number) => 3 * n;\nexport const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);\n',
    );
    const regradeAt = await waitFor(/Grading chapter 01/, before);
    expect(regradeAt - savedAt).toBeLessThan(1000);
    await waitFor(/1\/3 tests pass/, before);
    expect(output).toContain('✗ Part 1: double  0/2\n    ✗ doubles 21');

    const beforeKey = seen.length;
    child.stdin.write('l\n');
    await waitFor(/Chapters \(press a digit to switch\)/, beforeKey);
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(output).toContain('Bye. Your progress is saved');
  });
});
