// Where `@subject/<module>` points: the course's model (reference) or the learner's own
// exercise file (student). Graders import through this one alias, so the same tests grade both.
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';

export type GradeTarget = 'student' | 'reference' | 'pristine';

export const GRADE_TARGETS: readonly GradeTarget[] = ['student', 'reference', 'pristine'];

export const SUBJECT_PREFIX = '@subject/';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const EXERCISES_DIR = path.join(REPO_ROOT, 'exercises');
export const MODEL_DIR = path.join(REPO_ROOT, 'src', 'model');

/**
 * Where learners' own files are read from when grading a student: this checkout's exercises/,
 * unless ZC_LEARNER_DIR names another one (a teacher grading a student's submission with this
 * repository's graders, `npm run grade -- --submission DIR`).
 */
export function learnerRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.ZC_LEARNER_DIR ? path.resolve(env.ZC_LEARNER_DIR) : EXERCISES_DIR;
}

/** The folder under exercises/ whose learner file is `<module>.ts`, if any. */
export function exerciseFolderOf(module: string): string | undefined {
  if (!existsSync(EXERCISES_DIR)) return undefined;
  return readdirSync(EXERCISES_DIR, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .find((folder) => existsSync(path.join(EXERCISES_DIR, folder, `${module}.ts`)));
}

export function targetFromEnv(value: string | undefined): GradeTarget {
  if (value === undefined || value === '') return 'student';
  if ((GRADE_TARGETS as readonly string[]).includes(value)) return value as GradeTarget;
  throw new Error(`ZC_TARGET must be one of ${GRADE_TARGETS.join(', ')}; got "${value}"`);
}

/** The file that `@subject/<module>` resolves to for a target. */
export function subjectFile(module: string, target: GradeTarget): string {
  if (target === 'reference') return path.join(MODEL_DIR, `${module}.ts`);
  const folder = exerciseFolderOf(module);
  if (!folder) {
    throw new Error(`No exercise file ${module}.ts under exercises/: is the exercise package missing?`);
  }
  if (target === 'pristine') return path.join(EXERCISES_DIR, folder, '.pristine', `${module}.ts`);
  const file = path.join(learnerRoot(), folder, `${module}.ts`);
  if (!existsSync(file)) {
    throw new Error(`There is no ${path.join(folder, `${module}.ts`)} in ${learnerRoot()}: nothing to grade for this chapter.`);
  }
  return file;
}
