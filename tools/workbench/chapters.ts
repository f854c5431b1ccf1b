// Which chapters have an exercise package, and how a learner may name them ("03", "3",
// "read-write", "03-read-write").
import {existsSync} from 'node:fs';
import path from 'node:path';
import {CHAPTERS, chapterBySlugOrNumber, type Chapter} from '../../src/data/course';
import {EXERCISES_DIR} from '../grading/subject.mts';

export interface ExerciseChapter extends Chapter {
  readonly dir: string;
  readonly learnerFile: string;
  readonly pristineFile: string;
  readonly graderFile: string;
}

export function withPaths(chapter: Chapter): ExerciseChapter {
  const dir = path.join(EXERCISES_DIR, chapter.exercise.folder);
  return {
    ...chapter,
    dir,
    learnerFile: path.join(dir, `${chapter.exercise.module}.ts`),
    pristineFile: path.join(dir, '.pristine', `${chapter.exercise.module}.ts`),
    graderFile: path.join(dir, `${chapter.exercise.module}.test.ts`),
  };
}

/** Chapters whose exercise package exists in this checkout, in course order. */
export function availableChapters(): ExerciseChapter[] {
  return CHAPTERS.map(withPaths).filter((chapter) => existsSync(chapter.graderFile));
}

export class UnknownChapterError extends Error {}

function validNames(chapters: readonly ExerciseChapter[]): string {
  return chapters.map((c) => `  ${c.number}  ${c.slug.padEnd(24)} ${c.title}`).join('\n');
}

/** Resolves names to chapters; an unknown name throws an error listing every valid one. */
export function resolveChapters(names: readonly string[]): ExerciseChapter[] {
  const available = availableChapters();
  if (names.length === 0) return available;
  return names.map((name) => {
    const chapter = chapterBySlugOrNumber(name);
    const found = chapter && available.find((c) => c.number === chapter.number);
    if (!found) {
      const why = chapter ? `Chapter ${chapter.number} has no exercise package yet.` : `There is no chapter "${name}".`;
      throw new UnknownChapterError(`${why} Chapters with exercises:\n${validNames(available)}`);
    }
    return found;
  });
}
