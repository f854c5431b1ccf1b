// An exercise package's own `npm run grade | hint | exercise` (run inside exercises/NN-topic/)
// forwards to the workbench for that package's chapter: its scripts call
// `tsx ../../tools/cli.ts <command> --from-package NN`, and npm appends whatever the learner typed.
import {chapterBySlugOrNumber} from '../../src/data/course';

export const FROM_PACKAGE = '--from-package';

/** Commands an exercise package forwards, and the script text each one gets. */
export const PACKAGE_COMMANDS = ['grade', 'hint', 'exercise'] as const;

export function packageScript(command: (typeof PACKAGE_COMMANDS)[number], chapterNumber: string): string {
  return `node ../../tools/preflight.mjs && tsx ../../tools/cli.ts ${command} ${FROM_PACKAGE} ${chapterNumber}`;
}

/**
 * The arguments a command sees when run from a chapter's package: that chapter first, and any
 * name the learner typed for the same chapter dropped (`npm run grade -- 03` inside
 * exercises/03-read-write/ grades chapter 3 once, as it does from the top folder).
 */
export function argsFromPackage(args: readonly string[]): readonly string[] {
  const at = args.indexOf(FROM_PACKAGE);
  if (at === -1) return args;
  const chapter = args[at + 1];
  if (chapter === undefined) throw new Error(`${FROM_PACKAGE} needs the chapter's number (it is set by the exercise's package.json).`);
  const rest = [...args.slice(0, at), ...args.slice(at + 2)];
  const same = (arg: string) => !arg.startsWith('-') && chapterBySlugOrNumber(arg)?.number === chapter;
  return [chapter, ...rest.filter((arg) => !same(arg))];
}
