// Quiz answers kept in the browser per chapter. Keyed by a hash of the questions, so an edited
// quiz never shows answers given to its older version; unreadable data is ignored.

import {fingerprint} from '@site/src/components/shared/hash';

export type Answers = Readonly<Record<number, number>>;

interface Stored {
  readonly version: string;
  readonly answers: Answers;
}

export function storageKey(quizId: string): string {
  return `zero-copy:quiz:${quizId}`;
}

/** The quiz's version: a fingerprint of its questions, choices and explanations. */
export const contentVersion = fingerprint;

function isAnswers(value: unknown, questionCount: number, choiceCounts: readonly number[]): value is Answers {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([question, choice]) => {
    const q = Number(question);
    return (
      Number.isInteger(q) &&
      q >= 0 &&
      q < questionCount &&
      typeof choice === 'number' &&
      Number.isInteger(choice) &&
      choice >= 0 &&
      choice < choiceCounts[q]
    );
  });
}

export function loadAnswers(storage: Storage | undefined, quizId: string, version: string, choiceCounts: readonly number[]): Answers {
  try {
    const raw = storage?.getItem(storageKey(quizId));
    if (!raw) return {};
    const parsed = JSON.parse(raw) as Partial<Stored>;
    if (parsed.version !== version || !isAnswers(parsed.answers, choiceCounts.length, choiceCounts)) return {};
    return parsed.answers;
  } catch {
    // Corrupt JSON or storage that refuses access (private mode): start afresh.
    return {};
  }
}

export function saveAnswers(storage: Storage | undefined, quizId: string, version: string, answers: Answers): void {
  try {
    storage?.setItem(storageKey(quizId), JSON.stringify({version, answers} satisfies Stored));
  } catch {
    // Full or disabled storage: answers simply won't survive a reload.
  }
}
