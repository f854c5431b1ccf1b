// `npm run mutation` turns Stryker's report into a score per chapter; equivalent mutants listed
// next to a grader must match exactly the mutant they describe, and no other.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {gradedNames, locateExports} from '../../tools/mutation/graded-functions';
import {scoreReport} from '../../tools/mutation/score';
import type {EquivalentMutant} from '../../tools/mutation/equivalents';
import {REPO_ROOT} from '../../tools/grading/subject.mts';

const dir = mkdtempSync(path.join(tmpdir(), 'zc-mutation-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const SOURCE = ["function f(bytes) {", "  requireInteger('bytes', bytes, {unit: 'bytes'});", '  return bytes === 0;', '}'].join('\n');
const at = (line: number, column: number, length: number) => ({start: {line, column}, end: {line, column: column + length}});

function report(statuses: readonly string[]): string {
  const file = path.join(dir, `report-${statuses.join('-')}.json`);
  const mutants = [
    {mutatorName: 'StringLiteral', replacement: '""', status: statuses[0], location: at(2, 18, 7)},
    {mutatorName: 'StringLiteral', replacement: '""', status: statuses[1], location: at(2, 41, 7)},
    {mutatorName: 'ConditionalExpression', replacement: 'false', status: statuses[2], location: at(3, 10, 11)},
    {mutatorName: 'BooleanLiteral', replacement: 'true', status: statuses[3], location: at(3, 10, 11)},
  ];
  writeFileSync(file, JSON.stringify({files: {'src/model/x.ts': {source: SOURCE, mutants}}}));
  return file;
}

const functions = [{name: 'f', file: 'src/model/x.ts', startLine: 1, endLine: 4}];
const unitWord: EquivalentMutant = {
  file: 'src/model/x.ts',
  function: 'f',
  mutator: 'StringLiteral',
  original: "'bytes'",
  replacement: '""',
  before: 'unit: ',
  reason: 'the unit word',
};

describe('scoring a Stryker report', () => {
  it('counts killed and timed-out mutants as caught, leaves out the ones that do not compile', () => {
    const score = scoreReport('09', report(['Killed', 'Timeout', 'CompileError', 'Survived']), REPO_ROOT, functions, []);
    expect(score).toMatchObject({mutants: 4, killed: 1, timedOut: 1, invalid: 1, survived: 1, equivalent: 0, score: 66.6});
    expect(score.survivors).toEqual([
      {file: 'src/model/x.ts', function: 'f', mutator: 'BooleanLiteral', original: 'bytes === 0', replacement: 'true', line: 3, status: 'Survived'},
    ]);
  });

  it('takes a listed equivalent out of the count, and only the mutant it names', () => {
    // Both string mutants survive: the unit word is listed, the parameter's name is not.
    const score = scoreReport('09', report(['Survived', 'Survived', 'Killed', 'Killed']), REPO_ROOT, functions, [unitWord]);
    expect(score.equivalent).toBe(1);
    expect(score.survivors.map((s) => s.original)).toEqual(["'bytes'"]);
    expect(score.score).toBe(66.6);
    expect(score.staleEquivalents).toEqual([]);
  });

  it('reports a listed equivalent that no run produced as stale', () => {
    const score = scoreReport('09', report(['Killed', 'Killed', 'Killed', 'Killed']), REPO_ROOT, functions, [unitWord]);
    expect(score.score).toBe(100);
    expect(score.staleEquivalents).toEqual([unitWord]);
  });
});

describe('finding the functions a learner writes', () => {
  it('reads them from the starter\'s TODO lines and finds them in the model, through re-exports', () => {
    const starter = "export function a() {\n  throw new Error('TODO: chunkCount is not written yet (README)');\n}\n";
    expect(gradedNames(starter)).toEqual(['chunkCount']);
    const [located] = locateExports(path.join(REPO_ROOT, 'src', 'model', 'read-write.ts'), ['chunkCount']);
    expect(located.file).toBe(path.join('src', 'model', 'read-write.ts'));
    expect(located.endLine).toBeGreaterThan(located.startLine);
  });
});
