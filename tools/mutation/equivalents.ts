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
  /**
   * Optional: the text just before the mutated span on its line ("unit: "), to tell apart two
   * mutants that change the same text on one line, such as a parameter's name and its unit.
   */
  readonly before?: string;
  /** Why no input can tell this mutant from the original. */
  readonly reason: string;
}

/** What identifies a mutant across runs. */
export interface MutantKey {
  readonly file: string;
  readonly mutator: string;
  readonly original: string;
  readonly replacement: string;
  /** The text of the mutant's line before it starts. */
  readonly before: string;
}

export const EQUIVALENTS_FILE = 'equivalent-mutants.json';

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function sameMutant(listed: EquivalentMutant, seen: MutantKey): boolean {
  return (
    listed.file === seen.file &&
    listed.mutator === seen.mutator &&
    squash(listed.original) === squash(seen.original) &&
    squash(listed.replacement) === squash(seen.replacement) &&
    (listed.before === undefined || squash(seen.before).endsWith(squash(listed.before)))
  );
}

function isEquivalent(value: unknown): value is EquivalentMutant {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const required = ['file', 'function', 'mutator', 'original', 'replacement', 'reason'].every(
    (field) => typeof record[field] === 'string' && (record[field] as string).length > 0,
  );
  return required && (record.before === undefined || typeof record.before === 'string');
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
