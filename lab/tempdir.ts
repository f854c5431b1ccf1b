// The lab's one temporary directory: test files, compiled programs, strace logs. It is removed
// when the lab ends, however it ends: normally, on an error, or on Ctrl-C (SIGINT) / SIGTERM.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {stopAllChildren} from './process';

export interface LabTempDir {
  readonly dir: string;
  /** Stops the lab's children and removes the directory; safe to call more than once. */
  readonly remove: () => void;
}

export function createLabTempDir(prefix = 'zero-copy-lab-'): LabTempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    stopAllChildren();
    rmSync(dir, {recursive: true, force: true});
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`\nStopped (${signal}); removing ${dir}\n`);
    remove();
    // 128 + signal number, as a shell reports it.
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', remove);
  return {dir, remove};
}
