// vitest.config.mts starts the longest test files first, by name: a file renamed or removed would
// silently fall back to Vitest's order (largest first in a fresh clone), where the workbench's
// longest file started last and its layer ran 20 s longer on 2 cores.
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {LONGEST} from '../../vitest.config.mts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const testFiles = ['tests/e2e', 'tests/workbench'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(ROOT, dir, name)),
);

describe('the longest test files start first', () => {
  it('names only files that exist, each pattern at least one', () => {
    for (const pattern of LONGEST) expect(testFiles.filter((file) => pattern.test(file)), String(pattern)).not.toEqual([]);
  });

  it('starts the four per-page browser files and the five longest workbench files', () => {
    const named = testFiles.filter((file) => LONGEST.some((pattern) => pattern.test(file))).map((file) => path.relative(ROOT, file));
    expect(named.sort()).toEqual(
      [
        'tests/e2e/pages-en-a.test.ts',
        'tests/e2e/pages-en-b.test.ts',
        'tests/e2e/pages-zh-a.test.ts',
        'tests/e2e/pages-zh-b.test.ts',
        'tests/workbench/answer-keys.test.ts',
        'tests/workbench/commands.test.ts',
        'tests/workbench/grade.test.ts',
        'tests/workbench/sandbox.test.ts',
        'tests/workbench/student-site.test.ts',
      ].sort(),
    );
  });
});
