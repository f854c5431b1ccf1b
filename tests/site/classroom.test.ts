// The Classroom workflow guards against free points with `--expect-tests N` per chapter: the
// numbers must be the graders' real test counts, or every student would fail (or pass) wrongly.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from './mermaid-source';

describe('.github/workflows/classroom.yml', () => {
  it('expects exactly as many tests per chapter as each grader has', () => {
    const listed = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vitest'), ['list', '--project', 'graders', '--json'], {
      cwd: ROOT,
      env: {...process.env, ZC_TARGET: 'reference'},
      encoding: 'utf8',
    });
    const tests = JSON.parse(listed.stdout) as {file: string}[];
    const counts = new Map<string, number>();
    for (const test of tests) {
      const chapter = /exercises[/\\](\d\d)-/.exec(test.file)?.[1];
      if (chapter) counts.set(chapter, (counts.get(chapter) ?? 0) + 1);
    }
    const workflow = readFileSync(path.join(ROOT, '.github', 'workflows', 'classroom.yml'), 'utf8');
    const expected = new Map([...workflow.matchAll(/grade -- (\d\d) --expect-tests (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(expected.size).toBeGreaterThan(0);
    expect(Object.fromEntries(expected)).toEqual(Object.fromEntries(counts));
  }, 60_000);
});
