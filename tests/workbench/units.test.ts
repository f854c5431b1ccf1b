// The workbench's building blocks, without spawning anything: hints, points, the progress
// store, the graders' input helpers, and student mode's wrapper and fallback.
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import {afterEach, describe, expect, it} from 'vitest';
import {callWithFrozenInputs, deepFreeze, expectInputsUnchanged, InputMutationError} from '../../tools/grading/inputs';
import {parseCompilerOutput} from '../../tools/grading/typecheck';
import {formatModuleError} from '../../tools/grading/vitest-json';
import {DEFAULT_GRADING, pointsFor, unusedPointKeys} from '../../tools/workbench/chapters';
import {parseHints} from '../../tools/workbench/hints';
import {loadProgress, saveProgress} from '../../tools/workbench/progress';
import {valueExports, wrapperSource} from '../../tools/site/student-model';
import {getStudentState, resetStudentState, studentExport, withFallback} from '../../src/model-fallback';

describe('hints.md', () => {
  it('reads one section per function and one hint per "###" heading, ignoring the introduction', () => {
    const sections = parseHints('# Hints\n\nIntro.\n\n## `chunkCount`\n\n### Hint 1\nFirst.\n\n### Hint 2\nSecond,\non two lines.\n\n## readWriteTrace()\n\n### Hint 1\nOnly.\n');
    expect(sections).toEqual([
      {name: 'chunkCount', hints: ['First.', 'Second,\non two lines.']},
      {name: 'readWriteTrace', hints: ['Only.']},
    ]);
  });

  it('parses every real exercise\'s hints into at least one hint per function', () => {
    const exercises = path.resolve(import.meta.dirname, '..', '..', 'exercises');
    for (const folder of readdirSync(exercises).filter((name) => /^\d\d-/.test(name))) {
      let text: string;
      try {
        text = readFileSync(path.join(exercises, folder, 'hints.md'), 'utf8');
      } catch {
        continue; // a package still being written
      }
      const sections = parseHints(text);
      expect(sections.length, folder).toBeGreaterThan(0);
      for (const section of sections) expect(section.hints.every((h) => h.length > 0), `${folder} ${section.name}`).toBe(true);
    }
  });
});

describe('points', () => {
  const config = {...DEFAULT_GRADING, points: {'Part 1': 2, 'Part 1: chunkCount > rejects': 0, 'Part 9': 5}};

  it('gives the longest matching prefix, at a word boundary, and the default otherwise', () => {
    expect(pointsFor('Part 1: chunkCount > splits', config)).toBe(2);
    expect(pointsFor('Part 1: chunkCount > rejects a negative size', config)).toBe(0);
    expect(pointsFor('Part 10: later > anything', config)).toBe(1);
    expect(pointsFor('Part 2 > x', config)).toBe(1);
  });

  it('names the keys that match no test (a renamed test)', () => {
    expect(unusedPointKeys(['Part 1: chunkCount > splits'], config)).toEqual(['Part 1: chunkCount > rejects', 'Part 9']);
  });
});

describe('the progress file', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zc-progress-'));
    dirs.push(dir);
    return path.join(dir, 'progress.json');
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, {recursive: true, force: true})));

  it('starts empty when missing and reads back what was saved, as readable JSON', () => {
    const file = tempFile();
    expect(loadProgress(file)).toEqual({progress: {chapters: {}}, recovered: null});
    const entry = {status: 'failing', passed: 1, total: 4, points: 1, maxPoints: 4, lastGraded: '2026-01-02T03:04:05.000Z', failingTests: ['a'], hintsShown: {f: 2}} as const;
    saveProgress({chapters: {'03': entry}}, file);
    expect(loadProgress(file).progress.chapters['03']).toEqual(entry);
    expect(readFileSync(file, 'utf8')).toContain('\n  "chapters": {\n    "03": {');
  });

  it('sets a corrupt file aside and starts afresh; drops nonsense fields of a hand-edited one', () => {
    const file = tempFile();
    writeFileSync(file, '[1, 2');
    const corrupt = loadProgress(file);
    expect(corrupt.progress.chapters).toEqual({});
    expect(corrupt.recovered).toMatch(/could not be read/);
    expect(readdirSync(path.dirname(file)).some((name) => name.startsWith('progress.corrupt-'))).toBe(true);
    writeFileSync(file, JSON.stringify({chapters: {'03': {status: 'great', passed: -4, hintsShown: {f: 'many', g: 1}}, nonsense: {}}}));
    const edited = loadProgress(file);
    expect(edited.recovered).toBeNull();
    expect(edited.progress.chapters).toEqual({'03': expect.objectContaining({status: 'not graded', passed: 0, hintsShown: {g: 1}})});
  });
});

describe('input helpers for graders', () => {
  const sortInPlace = (values: number[]) => values.sort((a, b) => a - b)[0];
  const copyThenSort = (values: number[]) => [...values].sort((a, b) => a - b)[0];

  it('freezes deeply, and turns a write to a frozen input into a message that says what to do', () => {
    const frozen = deepFreeze({a: [1, {b: 2}]});
    expect(Object.isFrozen(frozen.a[1])).toBe(true);
    expect(() => callWithFrozenInputs(sortInPlace, [[3, 1, 2]])).toThrow(InputMutationError);
    expect(() => callWithFrozenInputs(sortInPlace, [[3, 1, 2]])).toThrow(/sortInPlace tried to change one of its inputs/);
    expect(callWithFrozenInputs(copyThenSort, [[3, 1, 2]])).toBe(1);
  });

  it('compares arguments before and after a call', () => {
    expect(() => expectInputsUnchanged(sortInPlace, [[3, 1, 2]])).toThrow(/changed its argument 1. Before the call: \[ 3, 1, 2 \]; after: \[ 1, 2, 3 \]/);
    expect(expectInputsUnchanged(copyThenSort, [[3, 1, 2]])).toBe(1);
  });
});

describe('compiler and bundler messages', () => {
  it('reads tsc output as file, line, column, code and message', () => {
    const [message] = parseCompilerOutput("exercises/04-sendfile/sendfile.ts(3,17): error TS1109: Expression expected.\n", '/repo');
    expect(message).toEqual({file: '/repo/exercises/04-sendfile/sendfile.ts', line: 3, column: 17, code: 1109, message: 'Expression expected.', syntax: true});
  });

  it('keeps the location and the words of a transform error, without colour codes', () => {
    const error = {
      name: 'Error',
      message: 'Transform failed with 1 error:\n\n\u001b[31m[PARSE_ERROR] \u001b[0mUnexpected token\n   ╭─[ exercises/04-sendfile/sendfile.ts:3:17 ]\n',
      diff: null,
      frames: [],
    };
    expect(formatModuleError(error).message).toBe('exercises/04-sendfile/sendfile.ts:3:17: Unexpected token');
  });
});

describe('student mode', () => {
  afterEach(() => resetStudentState());

  it('uses the learner\'s answer when there is one, the reference\'s (recorded) when the learner\'s function throws', async () => {
    const learner = (n: number) => {
      if (n > 10) throw new Error('TODO: big numbers are not written yet\nsecond line');
      return n + 1;
    };
    const guarded = withFallback('read-write', 'next', 'exercises/03-read-write/read-write.ts', learner, (n: number) => n + 1);
    expect(guarded(1)).toBe(2);
    expect(guarded(20)).toBe(21);
    expect(guarded(30)).toBe(31);
    expect(getStudentState().functions).toEqual([
      {module: 'read-write', functionName: 'next', file: 'exercises/03-read-write/read-write.ts', verdict: 'threw', message: 'TODO: big numbers are not written yet'},
    ]);
  });

  it('records where a learner\'s answer that does not throw differs from the reference\'s, and still shows theirs', () => {
    const guarded = withFallback('read-write', 'summary', 'rw.ts', (n: number) => ({syscalls: 0, bytes: n}), (n: number) => ({syscalls: 2 * n, bytes: n}));
    expect(guarded(262_144)).toEqual({syscalls: 0, bytes: 262_144});
    expect(getStudentState().functions).toEqual([
      {
        module: 'read-write',
        functionName: 'summary',
        file: 'rw.ts',
        verdict: 'differs',
        difference: {call: 'summary(262,144)', path: 'syscalls', yours: '0', reference: '524,288'},
      },
    ]);
  });

  it('lets an error stand when the reference rejects the input too, and keeps constants from the reference', () => {
    const guarded = withFallback('m', 'f', 'file.ts', () => {
      throw new Error('fileSize must be positive');
    }, () => {
      throw new Error('reference: fileSize must be positive');
    });
    expect(() => guarded()).toThrow('fileSize must be positive');
    expect(getStudentState().functions).toEqual([]);
    expect(studentExport('m', 'LIMIT', 'file.ts', 3, 4)).toBe(4);
  });

  it('finds a module\'s value exports and writes a wrapper that imports the reference under another name', () => {
    const names = valueExports(ts, 'export interface A {}\nexport type B = 1;\nexport const C = 1;\nexport function d() {}\nexport class E {}\nconst f = 1;\nexport {f};\nexport type {A as G};\n');
    expect(names).toEqual(['C', 'd', 'E', 'f']);
    const source = wrapperSource(
      {module: 'read-write', learnerFile: '/site/exercises/03-read-write/read-write.ts', referenceFile: '/site/src/model/read-write.ts'},
      '/site',
      ['chunkCount'],
    );
    expect(source).toContain('import * as reference from "/site/src/model/read-write.ts?reference";');
    expect(source).toContain('const FILE = "exercises/03-read-write/read-write.ts";');
    expect(source).toContain('export const chunkCount = studentExport(MODULE, "chunkCount", FILE, mine["chunkCount"], reference.chunkCount);');
  });
});
