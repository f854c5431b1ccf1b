// Runs the lab's programs as child processes, and remembers the ones still running so that
// Ctrl-C (or any exit) can stop them before the temp directory is removed.
import {type ChildProcess, spawn} from 'node:child_process';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

const running = new Set<ChildProcess>();

/** Spawns a child and keeps it in the running set until it exits. */
export function startChild(command: string, args: readonly string[], options: RunOptions = {}): ChildProcess {
  const child = spawn(command, args, {cwd: options.cwd, env: {...process.env, ...options.env}, stdio: ['ignore', 'pipe', 'pipe']});
  running.add(child);
  child.on('close', () => running.delete(child));
  child.on('error', () => running.delete(child));
  return child;
}

/** Runs a command to completion and collects its output; never rejects (a failure is in the result). */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const child = startChild(command, args, options);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer =
      options.timeoutMs === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      resolve({code: null, signal: null, stdout, stderr: stderr + error.message, timedOut});
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({code, signal, stdout, stderr, timedOut});
    });
  });
}

/** Stops every child the lab started that is still running (each by its own pid). */
export function stopAllChildren(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}
