// A grader's failure must tell the learner what was expected, what their function did and
// where the chapter explains the rule. Vitest's bare `expect(() => f()).toThrow(/x/)` says only
// "expected [Function] to throw an error", so every such check carries the chapter section
// (`see(...)`) or goes through expectRejects, which says what the function did instead.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {availableChapters} from '../../tools/workbench/chapters';
import {ROOT} from './mermaid-source';

describe('grader failure messages', () => {
  for (const chapter of availableChapters()) {
    it(`${chapter.number}: every toThrow check names the chapter section`, () => {
      const bare = readFileSync(chapter.graderFile, 'utf8')
        .split('\n')
        .map((line, index) => ({line, number: index + 1}))
        .filter(({line}) => line.includes('expect(() =>') && line.includes('.toThrow') && !line.includes('see('))
        .map(({line, number}) => `${path.relative(ROOT, chapter.graderFile)}:${number}: ${line.trim()}`);
      expect(bare).toEqual([]);
    });
  }
});
