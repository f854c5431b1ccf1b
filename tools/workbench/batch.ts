// `npm run grade -- --submissions DIR`: grades every student's folder in DIR, each in a child
// process of its own with a scratch working directory that is removed afterwards, so one
// submission can neither stop nor see the grading of another. Inside each, the student's code
// runs confined (tools/grading/sandbox.ts). Ends with one summary table, summary.json and
// summary.csv beside the students' own reports.
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {REPO_ROOT} from '../grading/subject.mts';
import type {GradeReport} from './report';
import {colour, pad, relative} from './terminal';

export const SUBMISSIONS_FLAG = '--submissions';

export interface BatchOptions {
  readonly submissionsDir: string;
  readonly reportDir: string;
  /** Everything else the teacher typed (chapters, --seed, --timeout...), passed to each grade. */
  readonly gradeArgs: readonly string[];
}

export interface BatchRow {
  readonly name: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly passed: number;
  readonly tests: number;
  /** "matches the reference", "calls the reference", "stopped: ..." and the like: what a teacher should read. */
  readonly notes: readonly string[];
  /** Null when the grade could not be produced at all. */
  readonly report: string | null;
}

const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = path.join(REPO_ROOT, 'tools', 'cli.ts');

export function isBatch(args: readonly string[]): boolean {
  return args.some((arg) => arg === SUBMISSIONS_FLAG || arg.startsWith(`${SUBMISSIONS_FLAG}=`));
}

/** Splits `--submissions DIR` and `--report DIR` from the arguments each student's grade gets. */
export function parseBatchArgs(args: readonly string[]): BatchOptions {
  const rest: string[] = [];
  let submissions: string | null = null;
  let report: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i];
    if (flag === SUBMISSIONS_FLAG) submissions = value() ?? null;
    else if (flag === '--report') report = value() ?? null;
    else if (flag === '--submission') throw new Error('Use either --submission DIR (one student) or --submissions DIR (a folder of students), not both.');
    else rest.push(args[i]);
  }
  if (!submissions) throw new Error(`${SUBMISSIONS_FLAG} needs a folder with one sub-folder per student.`);
  if (!existsSync(submissions)) throw new Error(`${SUBMISSIONS_FLAG}: there is no folder ${submissions}`);
  return {submissionsDir: path.resolve(submissions), reportDir: path.resolve(report ?? path.join(REPO_ROOT, 'reports', 'submissions')), gradeArgs: rest};
}

function studentFolders(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

// One student's grade in its own process, from an empty scratch folder that is then removed.
function gradeOne(submission: string, reportDir: string, gradeArgs: readonly string[]): Promise<{code: number | null; output: string}> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'zc-submission-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, CLI, 'grade', ...gradeArgs, '--submission', submission, '--report', reportDir], {
      cwd: scratch,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (data: Buffer) => {
      if (output.length < 200_000) output += data.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const done = (code: number | null) => {
      rmSync(scratch, {recursive: true, force: true});
      resolve({code, output});
    };
    child.on('error', (error) => {
      output += error.message;
      done(null);
    });
    child.on('close', done);
  });
}

/** The notes a teacher needs from one grade.json: flags, reference use, and why tests were stopped. */
export function notesOf(report: GradeReport): string[] {
  const notes = report.chapters.flatMap((c) => [
    ...c.flags.map((flag) => `${c.chapter} ${flag}`),
    ...c.referenceUse.map((use) => `${c.chapter} calls the reference: ${use.function}`),
    ...c.problems.filter((p) => /^(The grader could not load: )?Stopped:|never finishes loading/.test(p)).map((p) => `${c.chapter} ${p.split('\n')[0].replace(/^The grader could not load: /, '')}`),
  ]);
  return [...new Set(notes)];
}

/** One student's line; `reportFile` is null when no grade.json came out (`failure` says why). */
export function rowFor(name: string, report: GradeReport | null, reportFile: string | null, failure: string): BatchRow {
  if (!report) return {name, points: 0, maxPoints: 0, passed: 0, tests: 0, notes: [`not graded: ${failure}`], report: null};
  const {totals} = report;
  return {name, points: totals.points, maxPoints: totals.maxPoints, passed: totals.passed, tests: totals.tests, notes: notesOf(report), report: reportFile};
}

export function renderBatchSummary(rows: readonly BatchRow[]): string[] {
  const width = Math.max(7, ...rows.map((r) => r.name.length));
  return [
    colour.bold(`Summary of ${rows.length} submission${rows.length === 1 ? '' : 's'}`),
    ...rows.map((r) => {
      const score = r.report === null ? 'not graded' : `${r.points}/${r.maxPoints} points, ${r.passed}/${r.tests} tests`;
      return `  ${pad(r.name, width)}  ${pad(score, 30)} ${r.notes.join('; ')}`;
    }),
  ];
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function summaryCsv(rows: readonly BatchRow[]): string {
  const lines = ['student,points,maxPoints,passed,tests,notes', ...rows.map((r) => [r.name, r.points, r.maxPoints, r.passed, r.tests, r.notes.join('; ')].map((v) => csvField(String(v))).join(','))];
  return `${lines.join('\n')}\n`;
}

export async function gradeBatch(options: BatchOptions, log: (line?: string) => void = (line = '') => console.log(line)): Promise<number> {
  const names = studentFolders(options.submissionsDir);
  if (names.length === 0) {
    log(`${relative(options.submissionsDir)} has no sub-folders: put each student's clone (or exercises/ folder) in a folder of its own.`);
    return 1;
  }
  mkdirSync(options.reportDir, {recursive: true});
  const rows: BatchRow[] = [];
  for (const name of names) {
    const reportDir = path.join(options.reportDir, name);
    rmSync(path.join(reportDir, 'grade.json'), {force: true});
    log(colour.dim(`Grading ${name}…`));
    const {code, output} = await gradeOne(path.join(options.submissionsDir, name), reportDir, options.gradeArgs);
    writeFileSync(path.join(options.reportDir, `${name}.txt`), output);
    const file = path.join(reportDir, 'grade.json');
    const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GradeReport) : null;
    const failure = output.trim().split('\n').slice(-3).join(' ') || `exit code ${code}`;
    rows.push(rowFor(name, report, relative(file), failure));
  }
  writeFileSync(path.join(options.reportDir, 'summary.json'), `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(path.join(options.reportDir, 'summary.csv'), summaryCsv(rows));
  log();
  for (const line of renderBatchSummary(rows)) log(line);
  log(colour.dim(`Reports: ${relative(options.reportDir)}/<student>/grade.json, <student>.txt, summary.json, summary.csv`));
  return rows.every((row) => row.report !== null) ? 0 : 1;
}
