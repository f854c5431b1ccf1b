// The learner's progress: which chapters pass, hints shown, when each was last graded.
// Stored in .workbench/progress.json: human-readable, safe to commit, safe to delete. A file
// that cannot be read is set aside (never deleted) and a fresh one started, with a message.
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from '../grading/subject.mts';

/** The workbench's own folder: ZC_WORKBENCH_DIR, or .workbench/ in the repository. */
export function workbenchDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ZC_WORKBENCH_DIR ? path.resolve(env.ZC_WORKBENCH_DIR) : path.join(REPO_ROOT, '.workbench');
}

export function progressFile(): string {
  return path.join(workbenchDir(), 'progress.json');
}

export function backupsDir(): string {
  return path.join(workbenchDir(), 'backups');
}

export type ChapterStatus = 'passing' | 'failing' | 'not graded';

export interface ChapterProgress {
  readonly status: ChapterStatus;
  readonly passed: number;
  readonly total: number;
  readonly points: number;
  readonly maxPoints: number;
  /** ISO date of the last grade, or null. */
  readonly lastGraded: string | null;
  /** Names of the tests that failed last time (the first few), to pick the right hint. */
  readonly failingTests: readonly string[];
  /** How many hints of each function have been shown. */
  readonly hintsShown: Readonly<Record<string, number>>;
}

export interface Progress {
  readonly chapters: Readonly<Record<string, ChapterProgress>>;
}

const ABOUT =
  'Your progress through the exercises, kept by the workbench (npm run progress). Plain JSON: safe to commit, edit or delete.';

export const EMPTY_CHAPTER: ChapterProgress = {
  status: 'not graded',
  passed: 0,
  total: 0,
  points: 0,
  maxPoints: 0,
  lastGraded: null,
  failingTests: [],
  hintsShown: {},
};

const STATUSES: readonly ChapterStatus[] = ['passing', 'failing', 'not graded'];

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);

// Keeps what is valid in one chapter's entry; a hand-edited field that makes no sense is dropped.
function sanitizeChapter(raw: unknown): ChapterProgress {
  if (typeof raw !== 'object' || raw === null) return EMPTY_CHAPTER;
  const entry = raw as Record<string, unknown>;
  const hints: Record<string, number> = {};
  if (typeof entry.hintsShown === 'object' && entry.hintsShown !== null) {
    for (const [name, shown] of Object.entries(entry.hintsShown)) {
      if (count(shown) > 0) hints[name] = Math.floor(count(shown));
    }
  }
  const lastGraded = typeof entry.lastGraded === 'string' && !Number.isNaN(Date.parse(entry.lastGraded)) ? entry.lastGraded : null;
  return {
    status: STATUSES.includes(entry.status as ChapterStatus) ? (entry.status as ChapterStatus) : 'not graded',
    passed: count(entry.passed),
    total: count(entry.total),
    points: count(entry.points),
    maxPoints: count(entry.maxPoints),
    lastGraded,
    failingTests: Array.isArray(entry.failingTests) ? entry.failingTests.filter((t): t is string => typeof t === 'string') : [],
    hintsShown: hints,
  };
}

export interface LoadedProgress {
  readonly progress: Progress;
  /** Set when the file could not be read and was set aside: say so to the learner. */
  readonly recovered: string | null;
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Reads the progress file; a missing file is a fresh start, a corrupt one is set aside. */
export function loadProgress(file = progressFile()): LoadedProgress {
  if (!existsSync(file)) return {progress: {chapters: {}}, recovered: null};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return {progress: {chapters: {}}, recovered: setAside(file, error instanceof Error ? error.message : String(error))};
  }
  const chapters = (raw as {chapters?: unknown} | null)?.chapters;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || typeof chapters !== 'object' || chapters === null || Array.isArray(chapters)) {
    return {progress: {chapters: {}}, recovered: setAside(file, 'it is not a progress file (no "chapters" object)')};
  }
  const clean: Record<string, ChapterProgress> = {};
  for (const [number, entry] of Object.entries(chapters)) {
    if (/^\d{2}$/.test(number)) clean[number] = sanitizeChapter(entry);
  }
  return {progress: {chapters: clean}, recovered: null};
}

function setAside(file: string, why: string): string {
  const kept = file.replace(/\.json$/, '') + `.corrupt-${timestamp()}.json`;
  renameSync(file, kept);
  return `Your progress file ${relativeToRepo(file)} could not be read (${why}). It was kept as ${relativeToRepo(kept)} and a fresh one started: grades come back the next time you grade, hint counts start again.`;
}

function relativeToRepo(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : relative;
}

/** Writes the whole file at once (a temporary file renamed over the old one). */
export function saveProgress(progress: Progress, file = progressFile()): void {
  mkdirSync(path.dirname(file), {recursive: true});
  const ordered = Object.fromEntries(Object.entries(progress.chapters).sort(([a], [b]) => a.localeCompare(b)));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({about: ABOUT, version: 1, chapters: ordered}, null, 2)}\n`);
  renameSync(temporary, file);
}

export function chapterProgress(progress: Progress, number: string): ChapterProgress {
  return progress.chapters[number] ?? EMPTY_CHAPTER;
}

/** Loads, changes one chapter's entry, saves; reports a recovery on stderr. */
export function updateChapter(number: string, change: (current: ChapterProgress) => ChapterProgress, file = progressFile()): ChapterProgress {
  const {progress, recovered} = loadProgress(file);
  if (recovered) console.error(recovered);
  const next = change(chapterProgress(progress, number));
  saveProgress({chapters: {...progress.chapters, [number]: next}}, file);
  return next;
}

export {timestamp};
