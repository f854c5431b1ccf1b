// A temporary copy of the repository's tooling with the tiny exercise set in fixture/, so the
// workbench's tests run the real CLI without touching the real exercises/ or .workbench/.
// tools/, the configs and package.json are copied (the CLI finds its root from its own
// location); node_modules and src are linked.
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {cpSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(import.meta.dirname, 'fixture');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MiniRepo {
  readonly root: string;
  readonly exercises: string;
  readonly workbench: string;
  /** Runs `tsx tools/cli.ts <args>` in the copy. */
  cli(args: readonly string[], options?: {input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number}): Promise<RunResult>;
  /** Starts `tsx tools/cli.ts <args>` and leaves its stdin open (watch mode). */
  start(args: readonly string[], env?: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams;
  remove(): void;
}

// Waits for a child to end, keeping what it printed; a child that outlives the limit is killed.
function collect(child: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({code, stdout, stderr});
    });
  });
}

/** Runs a command to its end and keeps what it printed, without colour or a fixed seed. */
export function runCommand(command: string, args: readonly string[], options: {cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number}): Promise<RunResult> {
  const child = spawn(command, args, {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GRADE_SEED: '', ...options.env}});
  const result = collect(child, options.timeoutMs ?? 120_000);
  child.stdin.end();
  return result;
}

function dropFixtureSuffix(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) dropFixtureSuffix(file);
    else if (entry.endsWith('.fixture')) renameSync(file, file.slice(0, -'.fixture'.length));
  }
}

export function createMiniRepo(): MiniRepo {
  const root = mkdtempSync(path.join(tmpdir(), 'zc-workbench-'));
  for (const file of ['package.json', 'tsconfig.json', 'vitest.config.mts']) cpSync(path.join(REPO_ROOT, file), path.join(root, file));
  cpSync(path.join(REPO_ROOT, 'tools'), path.join(root, 'tools'), {recursive: true});
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  symlinkSync(path.join(REPO_ROOT, 'src'), path.join(root, 'src'));
  const exercises = path.join(root, 'exercises');
  cpSync(FIXTURE, exercises, {recursive: true});
  rmSync(path.join(exercises, 'README.md'));
  dropFixtureSuffix(exercises);
  const workbench = path.join(root, '.workbench');
  const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const start = (args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
    spawn(process.execPath, [tsx, 'tools/cli.ts', ...args], {
      cwd: root,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GRADE_SEED: '', ZC_WORKBENCH_DIR: workbench, ...env},
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  return {
    root,
    exercises,
    workbench,
    start,
    cli(args, {input, env = {}, timeoutMs = 90_000} = {}) {
      const child = start(args, env);
      const result = collect(child, timeoutMs);
      child.stdin.end(input ?? '');
      return result;
    },
    remove() {
      rmSync(root, {recursive: true, force: true});
    },
  };
}
