// Which chapters have an exercise package, and how a learner may name them ("03", "3",
// "read-write", "03-read-write").
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {CHAPTERS, chapterBySlugOrNumber, type Chapter} from '../../src/data/course';
import {EXERCISES_DIR, MODEL_DIR} from '../grading/subject.mts';

export interface ExerciseChapter extends Chapter {
  readonly dir: string;
  readonly learnerFile: string;
  readonly pristineFile: string;
  readonly graderFile: string;
  readonly hintsFile: string;
  readonly packageFile: string;
  /** The course's reference implementation, src/model/<module>.ts. */
  readonly modelFile: string;
}

export function withPaths(chapter: Chapter): ExerciseChapter {
  const dir = path.join(EXERCISES_DIR, chapter.exercise.folder);
  const module = chapter.exercise.module;
  return {
    ...chapter,
    dir,
    learnerFile: path.join(dir, `${module}.ts`),
    pristineFile: path.join(dir, '.pristine', `${module}.ts`),
    graderFile: path.join(dir, `${module}.test.ts`),
    hintsFile: path.join(dir, 'hints.md'),
    packageFile: path.join(dir, 'package.json'),
    modelFile: path.join(MODEL_DIR, `${module}.ts`),
  };
}

/** The learner's file for a chapter inside another exercises/ folder (a student's submission). */
export function learnerFileIn(learnerRoot: string, chapter: Chapter): string {
  return path.join(learnerRoot, chapter.exercise.folder, `${chapter.exercise.module}.ts`);
}

/** Chapters whose exercise package exists in this checkout, in course order. */
export function availableChapters(): ExerciseChapter[] {
  return CHAPTERS.map(withPaths).filter((chapter) => existsSync(chapter.graderFile));
}

export class UnknownChapterError extends Error {}

export function validNames(chapters: readonly ExerciseChapter[] = availableChapters()): string {
  return chapters.map((c) => `  ${c.number}  ${c.slug.padEnd(24)} ${c.title}`).join('\n');
}

/** Resolves one name to a chapter; an unknown name throws an error listing every valid one. */
export function resolveChapter(name: string, available: readonly ExerciseChapter[] = availableChapters()): ExerciseChapter {
  const chapter = chapterBySlugOrNumber(name);
  const found = chapter && available.find((c) => c.number === chapter.number);
  if (!found) {
    const why = chapter ? `Chapter ${chapter.number} has no exercise package yet.` : `There is no chapter "${name}".`;
    throw new UnknownChapterError(`${why} Chapters with exercises:\n${validNames(available)}`);
  }
  return found;
}

/** Resolves names to chapters (every chapter when none is given), without duplicates. */
export function resolveChapters(names: readonly string[]): ExerciseChapter[] {
  const available = availableChapters();
  if (names.length === 0) return available;
  const chosen = names.map((name) => resolveChapter(name, available));
  return available.filter((chapter) => chosen.includes(chapter));
}

/**
 * How a chapter is graded, from the optional "grading" field of its exercise's package.json:
 *
 *   "grading": {"defaultPoints": 1, "points": {"Part 4": 2}, "testTimeoutSeconds": 5}
 *
 * A key in "points" applies to every test whose full name ("describe > test") starts with it at
 * a word boundary ("Part 1" matches "Part 1: chunkCount > ...", not "Part 10"); the longest
 * matching key wins; other tests are worth defaultPoints (1).
 */
export interface GradingConfig {
  readonly defaultPoints: number;
  readonly points: Readonly<Record<string, number>>;
  readonly testTimeoutSeconds: number | null;
}

export const DEFAULT_GRADING: GradingConfig = {defaultPoints: 1, points: {}, testTimeoutSeconds: null};

export function gradingConfig(chapter: ExerciseChapter): GradingConfig {
  if (!existsSync(chapter.packageFile)) return DEFAULT_GRADING;
  const pkg = JSON.parse(readFileSync(chapter.packageFile, 'utf8')) as {grading?: Partial<GradingConfig>};
  const grading = pkg.grading ?? {};
  const where = `${path.relative(EXERCISES_DIR, chapter.packageFile)} "grading"`;
  const points: Record<string, number> = {};
  for (const [key, value] of Object.entries(grading.points ?? {})) {
    if (typeof value !== 'number' || !(value >= 0)) throw new Error(`${where}: points for "${key}" must be a number of at least 0; got ${JSON.stringify(value)}`);
    points[key] = value;
  }
  const defaultPoints = grading.defaultPoints ?? 1;
  if (typeof defaultPoints !== 'number' || !(defaultPoints >= 0)) throw new Error(`${where}: defaultPoints must be a number of at least 0`);
  const timeout = grading.testTimeoutSeconds ?? null;
  if (timeout !== null && !(typeof timeout === 'number' && timeout > 0)) throw new Error(`${where}: testTimeoutSeconds must be a positive number`);
  return {defaultPoints, points, testTimeoutSeconds: timeout};
}

function matchesAtBoundary(name: string, key: string): boolean {
  return name === key || (name.startsWith(key) && !/[\p{L}\p{N}_]/u.test(name.charAt(key.length)));
}

/** A test's points under a chapter's grading config. */
export function pointsFor(testName: string, config: GradingConfig): number {
  let best: string | null = null;
  for (const key of Object.keys(config.points)) {
    if (matchesAtBoundary(testName, key) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? config.defaultPoints : config.points[best];
}

/** Keys of "points" that match no test: a renamed test the teacher should know about. */
export function unusedPointKeys(testNames: readonly string[], config: GradingConfig): string[] {
  return Object.keys(config.points).filter((key) => !testNames.some((name) => matchesAtBoundary(name, key)));
}
