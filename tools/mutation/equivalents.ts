// Surviving mutants that no test can kill, because the mutated program behaves exactly like the
// original, are listed next to each grader with the reason (exercises/NN-*/equivalent-mutants.json).
// A mutant is named by what it changes, not by Stryker's run-local id: the file, the mutator,
// the original source text and its replacement. Line numbers are only a hint; they move.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';

export interface EquivalentMutant {
  readonly file: string;
  readonly function: string;
  readonly mutator: string;
  readonly original: string;
  readonly replacement: string;
  /** Why no input can tell this mutant from the original. */
  readonly reason: string;
}

/** What identifies a mutant across runs. */
export interface MutantKey {
  readonly file: string;
  readonly mutator: string;
  readonly original: string;
  readonly replacement: string;
}

export const EQUIVALENTS_FILE = 'equivalent-mutants.json';

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function sameMutant(a: MutantKey, b: MutantKey): boolean {
  return (
    a.file === b.file &&
    a.mutator === b.mutator &&
    squash(a.original) === squash(b.original) &&
    squash(a.replacement) === squash(b.replacement)
  );
}

function isEquivalent(value: unknown): value is EquivalentMutant {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['file', 'function', 'mutator', 'original', 'replacement', 'reason'].every(
    (field) => typeof record[field] === 'string' && (record[field] as string).length > 0,
  );
}

/** The chapter's list, or none; a malformed list is an error that names the file and entry. */
export function readEquivalents(exerciseDir: string): EquivalentMutant[] {
  const file = path.join(exerciseDir, EQUIVALENTS_FILE);
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of equivalent mutants`);
  parsed.forEach((entry, index) => {
    if (!isEquivalent(entry)) {
      throw new Error(
        `${file}, entry ${index}: every equivalent mutant needs file, function, mutator, original, replacement and a reason`,
      );
    }
  });
  return parsed as EquivalentMutant[];
}
