// Grade reports a teacher can collect: reports/grade.json and reports/grade.junit.xml.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {TestStatus} from '../grading/vitest-json';

export interface ReportTest {
  /** Chapter number, "03". */
  readonly chapter: string;
  /** "describe > test", as the grader names it. */
  readonly name: string;
  readonly status: TestStatus;
  readonly points: number;
  readonly maxPoints: number;
  /** Why it did not pass: expected vs received, the failing line, the seed. Empty on a pass. */
  readonly message: string;
  /** file:line:column of the failing line, or null. */
  readonly location: string | null;
  /** Milliseconds (the longest over all seeds). */
  readonly duration: number;
  /** The seed under which it failed first, or null when it passed under every seed. */
  readonly failedWithSeed: number | null;
}

export interface ChapterReport {
  readonly chapter: string;
  readonly slug: string;
  readonly title: string;
  readonly passed: number;
  /** Tests graded (skipped tests are not). */
  readonly total: number;
  readonly points: number;
  readonly maxPoints: number;
  /** Failures outside a single test: a file that does not compile, a time-out, a crash. */
  readonly problems: readonly string[];
  /** Compiler messages about the learner's file that did not stop the tests. */
  readonly typeErrors: readonly string[];
  /** Graded functions that run the course's reference: their tests earned no points. */
  readonly referenceUse: readonly {readonly function: string; readonly how: string}[];
  /** For the teacher, not failures: "matches the reference: chunkCount". */
  readonly flags: readonly string[];
}

export interface GradeReport {
  readonly generatedAt: string;
  readonly target: string;
  /** The first seed, kept for readers of earlier reports. */
  readonly seed: number;
  readonly seeds: readonly number[];
  /** The folder whose learner files were graded, when not this checkout's exercises/. */
  readonly submission: string | null;
  readonly chapters: readonly ChapterReport[];
  readonly tests: readonly ReportTest[];
  /** Problems with the run as a whole: no test ran, fewer tests than --expect-tests. */
  readonly problems: readonly string[];
  /** Every chapter's flags, "Chapter 03 matches the reference: chunkCount": worth a teacher's look. */
  readonly flags: readonly string[];
  readonly totals: {
    readonly tests: number;
    readonly passed: number;
    readonly failed: number;
    readonly skipped: number;
    readonly points: number;
    readonly maxPoints: number;
  };
  /** True only when at least one test ran and every graded test passed with no problems. */
  readonly ok: boolean;
}

function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 forbids (ANSI escapes in messages, for instance).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function testcase(test: ReportTest, classname: string): string {
  const open = `    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(test.name)}" time="${(test.duration / 1000).toFixed(3)}"`;
  const properties = `      <properties><property name="points" value="${test.points}"/><property name="maxPoints" value="${test.maxPoints}"/></properties>`;
  switch (test.status) {
    case 'passed':
      return `${open}>\n${properties}\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped/>\n    </testcase>`;
    case 'failed':
      return `${open}>\n${properties}\n      <failure message="failed">${xmlEscape(test.message)}</failure>\n    </testcase>`;
    default:
      return `${open}>\n${properties}\n      <error message="${test.status}" type="${test.status}">${xmlEscape(test.message)}</error>\n    </testcase>`;
  }
}

export function junitXml(report: GradeReport): string {
  const suites = report.chapters.map((chapter) => {
    const classname = `exercises.${chapter.chapter}-${chapter.slug}`;
    const tests = report.tests.filter((test) => test.chapter === chapter.chapter);
    const cases = tests.map((test) => testcase(test, classname));
    const problems = chapter.problems.map(
      (problem) => `    <testcase classname="${xmlEscape(classname)}" name="grader run">\n      <error message="grader problem">${xmlEscape(problem)}</error>\n    </testcase>`,
    );
    const failures = tests.filter((t) => t.status === 'failed').length;
    const errors = tests.filter((t) => t.status === 'timeout' || t.status === 'error').length + problems.length;
    const skipped = tests.filter((t) => t.status === 'skipped').length;
    const flags = chapter.flags.map((flag) => `<property name="flag" value="${xmlEscape(flag)}"/>`).join('');
    return [
      `  <testsuite name="${xmlEscape(`${chapter.chapter} ${chapter.title}`)}" tests="${tests.length + problems.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
      `    <properties><property name="points" value="${chapter.points}"/><property name="maxPoints" value="${chapter.maxPoints}"/><property name="seeds" value="${report.seeds.join(',')}"/>${flags}</properties>`,
      ...cases,
      ...problems,
      '  </testsuite>',
    ].join('\n');
  });
  const {totals} = report;
  if (report.problems.length > 0) {
    suites.push(
      [
        `  <testsuite name="grading" tests="${report.problems.length}" failures="0" errors="${report.problems.length}">`,
        ...report.problems.map((problem) => `    <testcase classname="exercises" name="grading run">\n      <error message="grading problem">${xmlEscape(problem)}</error>\n    </testcase>`),
        '  </testsuite>',
      ].join('\n'),
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="zero-copy exercises" tests="${totals.tests}" failures="${totals.failed}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export function writeReports(report: GradeReport, dir: string): {json: string; junit: string} {
  mkdirSync(dir, {recursive: true});
  const json = path.join(dir, 'grade.json');
  const junit = path.join(dir, 'grade.junit.xml');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(junit, junitXml(report));
  return {json, junit};
}
