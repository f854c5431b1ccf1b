// No credit for the course's own answers (issue 12, section 1). The reference model is in every
// clone, so the grader must refuse a learner's function that is, or forwards to, the reference,
// and flag one that is the reference's text under other names.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {gradedFunctions, testChecks} from '../../tools/grading/graded-functions';
import {modelModuleOf} from '../../tools/grading/model-imports';
import {matchingReference} from '../../tools/grading/reference-match';
import {findReferenceUse} from '../../tools/grading/reference-use';
import {notesOf, renderBatchSummary, rowFor} from '../../tools/workbench/batch';
import type {GradeReport} from '../../tools/workbench/report';
import {REPO_ROOT, runCommand, type RunResult} from './mini-repo';

const STARTER = path.join(REPO_ROOT, 'exercises', '03-read-write', '.pristine', 'read-write.ts');
const MODEL = path.join(REPO_ROOT, 'src', 'model', 'read-write.ts');
const scratch = mkdtempSync(path.join(tmpdir(), 'zc-reference-'));

afterAll(() => rmSync(scratch, {recursive: true, force: true}));

/** Writes a learner file where a student's clone keeps it, so relative paths mean what they would. */
function learnerFile(name: string, text: string): string {
  const dir = path.join(scratch, name, 'exercises', '03-read-write');
  mkdirSync(dir, {recursive: true});
  const file = path.join(dir, 'read-write.ts');
  writeFileSync(file, text);
  return file;
}

function flagged(name: string, text: string): string[] {
  return findReferenceUse({learnerFile: learnerFile(name, text), starterFile: STARTER}).map((use) => use.name);
}

const ALL = ['chunkCount', 'readWritePairSteps', 'readWriteSummary', 'readWriteTrace'];

// Each way a learner's file can hand the reference to the grader, as the learner would write it.
const EVASIONS: Record<string, {text: string; caught: string[]}> = {
  're-export of everything': {text: "export * from '@site/src/model/read-write';\n", caught: ALL},
  'named re-export': {text: "export {chunkCount} from '@site/src/model/read-write';\n", caught: ['chunkCount']},
  'relative path into src/model/': {text: "export {chunkCount} from '../../src/model/read-write.ts';\n", caught: ['chunkCount']},
  'the model\'s index': {text: "export {readWriteSummary} from '../../src/model';\n", caught: ['readWriteSummary']},
  'import and call': {
    text: "import {chunkCount as reference} from '@site/src/model/read-write';\nexport function chunkCount(a: number, b: number) {\n  return reference(a, b);\n}\n",
    caught: ['chunkCount'],
  },
  'import under another name, exported as the graded one': {
    text: "import {readWriteTrace as mine} from '@site/src/model/read-write';\nexport {mine as readWriteTrace};\n",
    caught: ['readWriteTrace'],
  },
  'namespace import': {text: "import * as model from '../../src/model/read-write';\nexport const chunkCount = model.chunkCount;\n", caught: ['chunkCount']},
  require: {
    text: "const model = require('../../src/model/read-write');\nexport function chunkCount(fileSize: number, bufferSize: number) {\n  return model.chunkCount(fileSize, bufferSize);\n}\n",
    caught: ['chunkCount'],
  },
  'dynamic import()': {
    text: "export async function readWriteSummary(...args: unknown[]) {\n  const model = await import('@site/src/model/read-write');\n  return Reflect.apply(model.readWriteSummary, null, args);\n}\n",
    caught: ['readWriteSummary'],
  },
  'a wrapper that forwards its arguments through a helper': {
    text: "import {readWritePairSteps as steps} from '@site/src/model/read-write';\nconst forward = (...args: Parameters<typeof steps>) => steps(...args);\nexport function readWritePairSteps(bytes: number) {\n  return forward(bytes);\n}\n",
    caught: ['readWritePairSteps'],
  },
};

describe('a graded function that runs the course\'s reference', () => {
  for (const [evasion, {text, caught}] of Object.entries(EVASIONS)) {
    it(`is caught: ${evasion}`, () => {
      expect(flagged(evasion.replace(/\W+/g, '-'), text)).toEqual(caught);
    });
  }

  it('says how, with the line, in the learner\'s terms', () => {
    const [use] = findReferenceUse({learnerFile: learnerFile('how', EVASIONS['import and call'].text), starterFile: STARTER});
    expect(use).toMatchObject({name: 'chunkCount', part: 1});
    expect(use.how).toBe("uses the reference's chunkCount (line 1: import {chunkCount as reference} from '@site/src/model/read-write';)");
  });

  it('lets an honest solution use the helpers its starter imports, and a local name that only looks alike', () => {
    const honest = [
      "import type {Summary} from '@site/src/model/types';",
      "import {scaleSummary, EMPTY_SUMMARY} from '@site/src/model/summary';",
      "import {MAX_EXACT_BYTES, MAX_RW_COUNT} from '@site/src/model/units';",
      "import * as validate from '@site/src/model/validate';",
      'export function validateTransfer(fileSize: number, bufferSize: number): void {',
      "  validate.requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});",
      "  validate.requireInteger('bufferSize', bufferSize, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});",
      '}',
      'export function chunkCount(fileSize: number, bufferSize: number) {',
      '  validateTransfer(fileSize, bufferSize);',
      '  const model = {chunkCount: Math.ceil(fileSize / bufferSize)};',
      '  const count = model.chunkCount;',
      '  return {count, lastChunkBytes: count === 0 ? 0 : fileSize - (count - 1) * bufferSize};',
      '}',
      'export function readWriteSummary(): Summary {',
      '  return scaleSummary(EMPTY_SUMMARY, 2);',
      '}',
    ].join('\n');
    expect(flagged('honest', honest)).toEqual([]);
  });

  it('knows a model path from a relative one, an alias, or a submission\'s own copy of the model', () => {
    const from = path.join(scratch, 'ada', 'exercises', '03-read-write', 'read-write.ts');
    expect(modelModuleOf('@site/src/model/read-write', from)).toBe('read-write');
    expect(modelModuleOf('../../src/model/read-write.ts', from)).toBe('read-write');
    expect(modelModuleOf('../../src/model/', from)).toBe('index');
    expect(modelModuleOf('../02-dma/dma', from)).toBeNull();
    expect(modelModuleOf('vitest', from)).toBeNull();
  });

  it('takes the graded functions and their parts from the starter, and matches "Part N" tests to them', () => {
    const graded = gradedFunctions(STARTER);
    expect(graded).toEqual(ALL.map((name, i) => ({name, part: i + 1})));
    expect(testChecks('Part 2: one read()+write() pair > lists ten steps', graded[1])).toBe(true);
    expect(testChecks('Part 10: something else > x', graded[0])).toBe(false);
    expect(testChecks('Part 3: readWriteSummary > agrees with readWriteTrace', graded[3])).toBe(true);
  });
});

// The reference's own text with every comment dropped, names changed (not in its messages) and quotes swapped.
function disguisedReference(): string {
  return readFileSync(MODEL, 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/from '\.\/(\w+)'/g, "from '@site/src/model/$1'")
    .replace(/(?<!['"])\bfileSize\b(?!['"])/g, 'totalBytes')
    .replace(/(?<!['"])\bbufferSize\b(?!['"])/g, 'bufSize')
    .replace(/'/g, '"');
}

describe('a graded function that matches the reference', () => {
  it('is recognised after normalising formatting, comments and names', () => {
    const file = learnerFile('disguised', disguisedReference());
    expect(matchingReference(file, MODEL, gradedFunctions(STARTER))).toEqual(ALL);
  });

  it('is not claimed for a different implementation of the same function', () => {
    const file = learnerFile('own', 'export function chunkCount(fileSize: number, bufferSize: number) {\n  const count = Math.ceil(fileSize / bufferSize);\n  return {count, lastChunkBytes: fileSize - (count - 1) * bufferSize};\n}\n');
    expect(matchingReference(file, MODEL, gradedFunctions(STARTER))).toEqual([]);
  });
});

// The real CLI on the real chapter 3 grader, as a teacher runs it on a student's folder.
function gradeSubmission(submission: string, report: string): Promise<RunResult> {
  const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [tsx, 'tools/cli.ts', 'grade', '03', '--submission', submission, '--report', report, '--no-typecheck'];
  return runCommand(process.execPath, args, {cwd: REPO_ROOT, env: {ZC_WORKBENCH_DIR: path.join(scratch, '.workbench')}});
}

describe.concurrent('grading a submission against the reference', () => {
  it('gives no points to a file that re-exports the reference, and says why', async () => {
    learnerFile('reexport', EVASIONS['re-export of everything'].text);
    const out = path.join(scratch, 'out-reexport');
    const result = await gradeSubmission(path.join(scratch, 'reexport'), out);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, 'grade.json'), 'utf8')) as GradeReport;
    expect(report.totals.points).toBe(0);
    expect(report.totals.maxPoints).toBeGreaterThan(10);
    expect(new Set(report.tests.map((t) => t.status))).toEqual(new Set(['failed']));
    expect(report.chapters[0].referenceUse.map((u) => u.function)).toEqual(ALL);
    expect(result.stdout).toContain("`chunkCount` calls the course's reference instead of your code");
    expect(notesOf(report)).toContain('03 calls the reference: chunkCount');
  });

  it('grades a disguised copy of the reference as usual, and flags it in grade.json, JUnit and the terminal', async () => {
    learnerFile('copy', disguisedReference());
    const out = path.join(scratch, 'out-copy');
    const result = await gradeSubmission(path.join(scratch, 'copy'), out);
    expect(result.code, result.stdout).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'grade.json'), 'utf8')) as GradeReport;
    expect(report.totals.points).toBe(report.totals.maxPoints);
    const flag = `matches the reference: ${ALL.join(', ')}`;
    expect(report.chapters[0].flags).toEqual([flag]);
    expect(report.flags).toEqual([`Chapter 03 ${flag}`]);
    expect(readFileSync(path.join(out, 'grade.junit.xml'), 'utf8')).toContain(`<property name="flag" value="${flag}"/>`);
    expect(result.stdout).toContain(`Flag for the teacher: ${flag}`);
    // The batch summary reads the same grade.json.
    expect(renderBatchSummary([rowFor('ada', report, 'ada/grade.json', '')]).join('\n')).toContain(`03 ${flag}`);
  });
});
