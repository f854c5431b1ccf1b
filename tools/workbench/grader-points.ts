// `npx tsx tools/workbench/grader-points.ts` (and `npm run classroom` for every chapter): writes
// src/data/grader-points.json, each chapter's tests and points per top-level describe block
// ("Part 1: ..."), for the assignment cards. The site cannot run Vitest, so the counts are
// committed; tests/site/grader-points.test.ts recomputes them and fails when the file is stale.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from '../grading/subject.mts';
import {gradingConfig, pointsFor, resolveChapters, type ExerciseChapter} from './chapters';
import {graderTestNames} from './classroom';

export const GRADER_POINTS_FILE = path.join(REPO_ROOT, 'src', 'data', 'grader-points.json');

export interface GraderPart {
  /** The describe block's title exactly as the grader names it: "Part 1: chunkCount, ...". */
  readonly name: string;
  readonly tests: number;
  readonly points: number;
}

export interface GraderChapterPoints {
  readonly number: string;
  readonly folder: string;
  readonly tests: number;
  readonly points: number;
  readonly parts: readonly GraderPart[];
}

/** A chapter's parts in the grader's own order, each with its tests and points under the chapter's grading config. */
export function chapterPoints(chapter: ExerciseChapter, testNames: readonly string[]): GraderChapterPoints {
  const config = gradingConfig(chapter);
  const parts = new Map<string, {tests: number; points: number}>();
  for (const name of testNames) {
    const block = name.split(' > ')[0];
    const part = parts.get(block) ?? {tests: 0, points: 0};
    parts.set(block, {tests: part.tests + 1, points: part.points + pointsFor(name, config)});
  }
  const list = [...parts].map(([name, part]) => ({name, ...part}));
  return {
    number: chapter.number,
    folder: chapter.exercise.folder,
    tests: testNames.length,
    points: list.reduce((sum, part) => sum + part.points, 0),
    parts: list,
  };
}

/** Every chapter with an exercise package, in course order. */
export function graderPoints(tests: Map<string, string[]> = graderTestNames()): GraderChapterPoints[] {
  return resolveChapters([]).map((chapter) => chapterPoints(chapter, tests.get(chapter.exercise.folder) ?? []));
}

export const graderPointsJson = (points: readonly GraderChapterPoints[]): string => `${JSON.stringify(points, null, 2)}\n`;

export function writeGraderPoints(tests?: Map<string, string[]>): GraderChapterPoints[] {
  const points = graderPoints(tests);
  writeFileSync(GRADER_POINTS_FILE, graderPointsJson(points));
  return points;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const c of writeGraderPoints()) console.log(`Chapter ${c.number}: ${c.parts.length} parts, ${c.tests} tests, ${c.points} points`);
  console.log(`Wrote ${path.relative(process.cwd(), GRADER_POINTS_FILE)}.`);
}
