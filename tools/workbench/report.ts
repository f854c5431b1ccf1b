// Grade reports a teacher can collect: reports/grade.json and reports/grade.junit.xml.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {TestStatus} from '../grading/vitest-json';

export interface ReportTest {
  readonly chapter: string;
  readonly name: string;
  readonly status: TestStatus;
  readonly points: number;
  readonly maxPoints: number;
  readonly message: string;
  readonly durationMs: number;
}

export interface GradeReport {
  readonly generatedAt: string;
  readonly target: string;
  readonly seed: number;
  readonly chapters: readonly {
    readonly chapter: string;
    readonly title: string;
    readonly passed: number;
    readonly total: number;
    readonly points: number;
    readonly maxPoints: number;
    readonly problems: readonly string[];
  }[];
  readonly tests: readonly ReportTest[];
  readonly totals: {readonly passed: number; readonly failed: number; readonly points: number; readonly maxPoints: number};
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

export function junitXml(report: GradeReport): string {
  const suites = report.chapters.map((chapter) => {
    const tests = report.tests.filter((test) => test.chapter === chapter.chapter);
    const cases = tests.map((test) => {
      const open = `    <testcase classname="exercises.${xmlEscape(chapter.chapter)}" name="${xmlEscape(test.name)}" time="${(test.durationMs / 1000).toFixed(3)}"`;
      if (test.status === 'passed') return `${open}/>`;
      if (test.status === 'skipped') return `${open}>\n      <skipped/>\n    </testcase>`;
      return `${open}>\n      <failure message="${xmlEscape(test.status)}">${xmlEscape(test.message)}</failure>\n    </testcase>`;
    });
    const problems = chapter.problems.map(
      (problem) =>
        `    <testcase classname="exercises.${xmlEscape(chapter.chapter)}" name="grader run"><error message="grader problem">${xmlEscape(problem)}</error></testcase>`,
    );
    const failures = tests.filter((t) => t.status !== 'passed' && t.status !== 'skipped').length;
    return [
      `  <testsuite name="${xmlEscape(`${chapter.chapter} ${chapter.title}`)}" tests="${tests.length + problems.length}" failures="${failures}" errors="${problems.length}">`,
      ...cases,
      ...problems,
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="zero-copy exercises">\n${suites.join('\n')}\n</testsuites>\n`;
}

export function writeReports(report: GradeReport, dir: string): {json: string; junit: string} {
  mkdirSync(dir, {recursive: true});
  const json = path.join(dir, 'grade.json');
  const junit = path.join(dir, 'grade.junit.xml');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(junit, junitXml(report));
  return {json, junit};
}
