// Reading progress for the course map. The map cannot rebuild a quiz's version or its correct
// answers without loading the chapter, so the Quiz saves a small summary beside its answers
// whenever they change, and the map reads only that. Anything unreadable counts as "not started".

import {storageKey} from './storage';

/** Bumped when the summary's shape changes; summaries of another format are ignored. */
export const PROGRESS_FORMAT = 1;

export interface QuizProgress {
  readonly answered: number;
  readonly correct: number;
  readonly total: number;
}

interface StoredProgress extends QuizProgress {
  readonly format: number;
  /** The page language the quiz was answered in: both locales share one answers key, but a
   * translated quiz has another version, so it shows no answers given in the other language. */
  readonly locale: string;
  /** The quiz's content version, so the Quiz can drop a summary of answers it no longer shows. */
  readonly version: string;
}

export function progressKey(quizId: string): string {
  return `zero-copy:progress:${quizId}`;
}

/** The page's language (Docusaurus sets <html lang>); read only in the browser, after hydration. */
export function pageLocale(): string {
  return typeof document === 'undefined' ? '' : document.documentElement.lang;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function readStored(storage: Storage | undefined, quizId: string): StoredProgress | undefined {
  try {
    const raw = storage?.getItem(progressKey(quizId));
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const {format, locale, version, answered, correct, total} = parsed as Partial<Record<keyof StoredProgress, unknown>>;
    if (format !== PROGRESS_FORMAT || typeof locale !== 'string' || typeof version !== 'string') return undefined;
    if (!isCount(answered) || !isCount(correct) || !isCount(total)) return undefined;
    if (answered < 1 || correct > answered || answered > total) return undefined;
    return {format, locale, version, answered, correct, total};
  } catch {
    // Corrupt JSON, or storage that refuses access (private mode).
    return undefined;
  }
}

/** The reader's progress on one quiz in this locale, or undefined when not started. */
export function loadProgress(storage: Storage | undefined, quizId: string, locale: string): QuizProgress | undefined {
  const stored = readStored(storage, quizId);
  if (stored === undefined || stored.locale !== locale) return undefined;
  return {answered: stored.answered, correct: stored.correct, total: stored.total};
}

/** Progress per quiz id, for the course map. */
export function courseProgress(
  storage: Storage | undefined,
  quizIds: readonly string[],
  locale: string,
): Readonly<Record<string, QuizProgress | undefined>> {
  return Object.fromEntries(quizIds.map((id) => [id, loadProgress(storage, id, locale)]));
}

/**
 * Called by the Quiz with the answers it shows. No answers removes this locale's summary but
 * leaves one from the other locale alone, since this Quiz never showed those answers.
 */
export function saveProgress(
  storage: Storage | undefined,
  quizId: string,
  locale: string,
  version: string,
  progress: QuizProgress,
): void {
  try {
    if (progress.answered > 0) {
      storage?.setItem(progressKey(quizId), JSON.stringify({format: PROGRESS_FORMAT, locale, version, ...progress} satisfies StoredProgress));
      return;
    }
    const stored = readStored(storage, quizId);
    if (stored === undefined || stored.locale === locale) storage?.removeItem(progressKey(quizId));
  } catch {
    // Full or disabled storage: the map will say "not started".
  }
}

/** Forget the answers and summaries of these quizzes, and nothing else in the site's storage. */
export function clearProgress(storage: Storage | undefined, quizIds: readonly string[]): void {
  for (const id of quizIds) {
    try {
      storage?.removeItem(storageKey(id));
      storage?.removeItem(progressKey(id));
    } catch {
      // Storage that refuses access holds nothing of ours to clear.
    }
  }
}
