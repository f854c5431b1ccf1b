// Where a submission's code runs when a teacher grades it (`npm run grade -- --submission DIR`):
// in Vitest's worker process, started with Node's permission model. The Vitest process that
// starts it (the teacher's code: config, reporter, module transforms) runs without limits.
//
// What the worker may do, on Node 20 (`--experimental-permission`; Node 22+ calls it `--permission`):
// - read this checkout (graders, model, node_modules), the submission and its scratch folder;
// - write only in its scratch folder, which is also its working directory and is removed afterwards;
// - no child processes and no worker threads (neither flag is granted);
// - a heap of at most `memoryMb` MB (--max-old-space-size); past it V8 stops the worker.
// What it does NOT stop: network access (Node 20's permission model has no network permission),
// memory outside the JavaScript heap (Buffers, typed arrays), reads through Vitest's module
// loader (which runs in the unrestricted parent), and CPU time beyond the existing time limits.
import {existsSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from './subject.mts';
import {WORKER_FLAGS_ENV} from './worker-flags.mts';

export interface SandboxOptions {
  /** The attempt's scratch folder: the worker's working directory and its only writable place. */
  readonly scratchDir: string;
  /** The submission's exercises/ folder, read by the worker. */
  readonly learnerDir: string | null;
  readonly memoryMb: number;
}

export const DEFAULT_SANDBOX_MEMORY_MB = 512;

// The permission model checks real paths: a symlinked node_modules is read where it really lives.
function realDirs(dirs: readonly string[]): string[] {
  const all = dirs.filter((dir) => existsSync(dir)).flatMap((dir) => [path.resolve(dir), realpathSync(dir)]);
  return [...new Set(all)];
}

/** Node flags for Vitest's worker (passed with --execArgv) that confine a submission's code. */
export function sandboxNodeFlags(options: SandboxOptions): string[] {
  const readable = realDirs([REPO_ROOT, path.join(REPO_ROOT, 'node_modules'), path.join(REPO_ROOT, 'src'), options.scratchDir, ...(options.learnerDir ? [options.learnerDir] : [])]);
  // One flag per folder (Node 20.20 no longer reads a comma-separated list); a folder covers
  // everything under it.
  return [
    '--experimental-permission',
    ...readable.map((dir) => `--allow-fs-read=${dir}`),
    ...realDirs([options.scratchDir]).map((dir) => `--allow-fs-write=${dir}`),
    `--max-old-space-size=${options.memoryMb}`,
  ];
}

/** The environment that makes vitest.config.mts start the graders' worker confined. */
export function sandboxEnv(options: SandboxOptions): NodeJS.ProcessEnv {
  // TMPDIR: Vitest hands transformed modules to its worker through files in the temporary
  // folder, which the worker must be able to read; the scratch folder is, and it is removed after.
  // CI=true: Vitest writes no snapshot files into the checkout on the learner code's behalf.
  return {[WORKER_FLAGS_ENV]: JSON.stringify(sandboxNodeFlags(options)), TMPDIR: options.scratchDir, CI: 'true'};
}

const DENIED_WHAT: Readonly<Record<string, string>> = {
  ChildProcess: 'start another program',
  WorkerThreads: 'start a worker thread',
  FileSystemWrite: 'write a file outside its scratch folder',
  FileSystemRead: 'read a file outside the course and the submission',
};

/** A permission error in a learner's terms, or null when the text is not one. */
export function permissionMessage(text: string, permission: string | null, resource: string | null): string | null {
  if (!/ERR_ACCESS_DENIED|Access to this API has been restricted/.test(text) && permission === null) return null;
  const what = (permission && DENIED_WHAT[permission]) ?? 'do something grading does not allow';
  const where = resource ? ` (${resource})` : '';
  return `Stopped: your file tried to ${what}${where}. Graded code may only compute: no files written outside its scratch folder, no programs or workers started.`;
}

/** The worker ran out of its heap: V8's last words on stderr. */
export function outOfMemory(stderr: string): boolean {
  return /JavaScript heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY/.test(stderr);
}

export function outOfMemoryMessage(memoryMb: number): string {
  return `Stopped: your code used more than ${memoryMb} MB of memory (an array or object that grows without end?). The grader's process was ended, so the tests it had not finished count as failed.`;
}
