// Submissions run apart from the teacher's checkout (issue 12, section 2): a batch of students'
// folders, some of them hostile, graded with `npm run grade -- --submissions DIR`. Each is graded
// in a process of its own, its code confined by Node's permission model and a heap limit.
import {createHash} from 'node:crypto';
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {sandboxNodeFlags} from '../../tools/grading/sandbox';
import type {BatchRow} from '../../tools/workbench/batch';
import type {GradeReport} from '../../tools/workbench/report';
import {createMiniRepo, type MiniRepo, type RunResult} from './mini-repo';

let repo: MiniRepo;
let outside: string;
let batch: RunResult;
let rows: BatchRow[];
let before: string;
let scratchRoot: string;

const HONEST = 'export const double = (n: number) => 2 * n;\nexport const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);\n';

// One line of hostile code at the top of an otherwise passing file.
function hostile(firstLines: string): string {
  return `${firstLines}\n${HONEST}`;
}

/** Every file of the checkout with its bytes' hash (node_modules, shared with the real repository, left out). */
function checkoutFingerprint(root: string): string {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const file = path.join(dir, entry);
      const relative = path.relative(root, file);
      if (relative === 'node_modules') continue;
      const stat = lstatSync(file);
      if (stat.isSymbolicLink() && relative !== 'src') lines.push(`${relative} -> link`);
      else if (stat.isDirectory() || stat.isSymbolicLink()) walk(file);
      else lines.push(`${relative} ${createHash('sha1').update(readFileSync(file)).digest('hex')}`);
    }
  };
  walk(root);
  return lines.join('\n');
}

beforeAll(async () => {
  repo = createMiniRepo();
  outside = mkdtempSync(path.join(tmpdir(), 'zc-submissions-'));
  const submissions = path.join(outside, 'submissions');
  const students: Record<string, string> = {
    ada: HONEST,
    // Overwrites the teacher's CLI, then tries a file next to it.
    bob: hostile(`import {writeFileSync} from 'node:fs';\nwriteFileSync(${JSON.stringify(path.join(repo.root, 'tools', 'cli.ts'))}, 'pwned');`),
    cy: hostile(`import {execSync} from 'node:child_process';\nexecSync(${JSON.stringify(`touch ${path.join(outside, 'spawned')}`)});`),
    dee: hostile('const hoard: number[][] = [];\nwhile (hoard.length >= 0) hoard.push(new Array(1_000_000).fill(7));'),
    eve: hostile('while (Date.now() > 0) {}'),
  };
  for (const [name, text] of Object.entries(students)) {
    const dir = path.join(submissions, name, 'exercises', '01-user-kernel');
    mkdirSync(dir, {recursive: true});
    writeFileSync(path.join(dir, 'user-kernel.ts'), text);
  }
  before = checkoutFingerprint(repo.root);
  // A temporary folder of its own, so the scratch folders left behind (none) can be counted.
  scratchRoot = path.join(outside, 'tmp');
  mkdirSync(scratchRoot);
  batch = await repo.cli(['grade', '01', '--submissions', submissions, '--report', path.join(outside, 'reports'), '--memory', '96', '--test-timeout', '1'], {
    env: {TMPDIR: scratchRoot},
    timeoutMs: 240_000,
  });
  rows = JSON.parse(readFileSync(path.join(outside, 'reports', 'summary.json'), 'utf8')) as BatchRow[];
}, 300_000);

afterAll(() => {
  repo?.remove();
  if (outside) rmSync(outside, {recursive: true, force: true});
});

const row = (name: string): BatchRow => {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`No row for ${name}: ${JSON.stringify(rows)}`);
  return found;
};

const gradeOf = (name: string): GradeReport => JSON.parse(readFileSync(path.join(outside, 'reports', name, 'grade.json'), 'utf8')) as GradeReport;

describe('grading a folder of submissions, some hostile', () => {
  it('grades every submission and prints one summary line per student', () => {
    expect(batch.code, batch.stdout + batch.stderr).toBe(0);
    expect(rows.map((r) => r.name)).toEqual(['ada', 'bob', 'cy', 'dee', 'eve']);
    expect(batch.stdout).toContain('Summary of 5 submissions');
    expect(batch.stdout).toMatch(/ada +5\/5 points, 3\/3 tests/);
  });

  it('stops a submission that writes outside its scratch folder, says so, and leaves the file alone', () => {
    expect(row('bob').points).toBe(0);
    expect(row('bob').notes.join('\n')).toContain(`01 Stopped: your file tried to write a file outside its scratch folder (${path.join(repo.root, 'tools', 'cli.ts')})`);
    expect(readFileSync(path.join(repo.root, 'tools', 'cli.ts'), 'utf8')).not.toBe('pwned');
  });

  it('stops a submission that starts another program', () => {
    expect(row('cy').notes.join('\n')).toContain('01 Stopped: your file tried to start another program');
    expect(existsSync(path.join(outside, 'spawned'))).toBe(false);
  });

  it('stops a submission that allocates without bound, at the heap limit', () => {
    expect(row('dee').points).toBe(0);
    expect(gradeOf('dee').chapters[0].problems[0]).toContain('Stopped: your code used more than 96 MB of memory');
  });

  it('stops a submission that never finishes loading', () => {
    expect(row('eve').points).toBe(0);
    expect(row('eve').notes.join('\n')).toContain('never finishes loading');
  });

  it('leaves the teacher\'s checkout byte-identical and no scratch folder behind', () => {
    expect(checkoutFingerprint(repo.root)).toBe(before);
    // tsx keeps a compile cache there (tsx-0); the grading's own scratch folders are all zc-*.
    expect(readdirSync(scratchRoot).filter((name) => name.startsWith('zc-'))).toEqual([]);
  });

  it('writes summary.csv for a spreadsheet', () => {
    const csv = readFileSync(path.join(outside, 'reports', 'summary.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('student,points,maxPoints,passed,tests,notes');
    expect(csv[1]).toBe('ada,5,5,3,3,');
  });
});

describe('the worker\'s permissions', () => {
  it('allow writes in the scratch folder only, with no child processes or workers and a heap limit', () => {
    const flags = sandboxNodeFlags({scratchDir: tmpdir(), learnerDir: null, memoryMb: 256});
    expect(flags).toContain('--experimental-permission');
    expect(flags.filter((f) => f.startsWith('--allow-fs-write='))).toEqual([`--allow-fs-write=${tmpdir()}`]);
    expect(flags.some((f) => f.startsWith('--allow-child-process') || f.startsWith('--allow-worker'))).toBe(false);
    expect(flags).toContain('--max-old-space-size=256');
  });
});
