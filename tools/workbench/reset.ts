// `npm run reset -- <chapter> [--yes]`: puts the pristine starter back, after saving the
// learner's current file to a timestamped backup. The backup is written and read back before
// anything is overwritten, so the learner's text is never lost.
import {copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {createInterface} from 'node:readline/promises';
import {parseArgs} from 'node:util';
import {resolveChapter, type ExerciseChapter} from './chapters';
import {backupsDir, EMPTY_CHAPTER, timestamp, updateChapter} from './progress';
import {colour, relative} from './terminal';

export const RESET_HELP = `npm run reset -- <chapter> [--yes]

Restores the untouched starter of a chapter's exercise. Your current file is first saved to
.workbench/backups/<exercise>/<file>.<time>.ts (the command says where), so nothing is lost.
Asks before overwriting; --yes answers for you (needed when there is no terminal to ask).`;

/** Saves a copy of the learner's file; returns its path. Throws if the copy does not read back identical. */
export function backupLearnerFile(chapter: ExerciseChapter, now = new Date()): string {
  const text = readFileSync(chapter.learnerFile);
  const dir = path.join(backupsDir(), chapter.exercise.folder);
  mkdirSync(dir, {recursive: true});
  const base = `${chapter.exercise.module}.${timestamp(now)}`;
  let file = path.join(dir, `${base}.ts`);
  for (let n = 2; existsSync(file); n++) file = path.join(dir, `${base}-${n}.ts`);
  writeFileSync(file, text, {flag: 'wx'});
  if (!readFileSync(file).equals(text)) throw new Error(`The backup ${file} does not match your file; nothing was reset.`);
  return file;
}

async function confirm(question: string): Promise<boolean> {
  const readline = createInterface({input: process.stdin, output: process.stdout});
  try {
    const answer = await readline.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    readline.close();
  }
}

export async function reset(args: readonly string[], print: (text: string) => void = console.log): Promise<number> {
  const {values, positionals} = parseArgs({args: [...args], allowPositionals: true, options: {yes: {type: 'boolean', short: 'y'}}});
  if (positionals.length !== 1) {
    print(RESET_HELP);
    return 2;
  }
  const chapter = resolveChapter(positionals[0]);
  const learner = relative(chapter.learnerFile);
  if (!existsSync(chapter.pristineFile)) {
    print(`Chapter ${chapter.number} has no pristine starter (${relative(chapter.pristineFile)}); nothing to reset to.`);
    return 1;
  }
  const exists = existsSync(chapter.learnerFile);
  if (exists && readFileSync(chapter.learnerFile).equals(readFileSync(chapter.pristineFile))) {
    print(`${learner} is already the untouched starter; nothing to do.`);
    return 0;
  }
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      print(
        `Not resetting ${learner}: that replaces your file, and there is no terminal to ask you first.\n` +
          `To confirm, run: npm run reset -- ${chapter.number} --yes  (your file is backed up first).`,
      );
      return 1;
    }
    const ok = await confirm(`Replace ${learner} with the starter? Your current file is backed up first. [y/N] `);
    if (!ok) {
      print('Nothing changed.');
      return 1;
    }
  }
  const backup = exists ? backupLearnerFile(chapter) : null;
  if (backup) print(`Saved your file to ${relative(backup)}`);
  // Copy beside the target, then rename over it: the learner's file is never half written.
  const temporary = `${chapter.learnerFile}.reset-${process.pid}.tmp`;
  copyFileSync(chapter.pristineFile, temporary);
  renameSync(temporary, chapter.learnerFile);
  // The grade belonged to the file just replaced: keep only the hints seen, so progress does not
  // show "not started" beside "last graded just now".
  updateChapter(chapter.number, (entry) => ({...EMPTY_CHAPTER, hintsShown: entry.hintsShown}));
  print(colour.green(`Restored the starter in ${learner}.`));
  if (backup) print(colour.dim(`Compare or take parts back with: diff ${relative(backup)} ${learner}`));
  return 0;
}
