// System calls by name, as strace sees them. Two views:
// - `strace -c -f`: every call of a whole run (loader, setup, printing included), for the report;
// - a full `strace -f` log cut to the data path: the lab's C programs make a getppid() call just
//   before and just after their transfer loop (see lab/c/common.h), and nothing else calls it,
//   so the calls between the two markers are exactly the ones the model predicts.
// strace slows every system call down a lot, so these runs are separate from the timed ones.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {type Finished, run} from './process';

export type SyscallCounts = Record<string, number>;

/** The table `strace -c` prints: "% time  seconds  usecs/call  calls  [errors]  syscall". */
export function parseStraceSummary(text: string): SyscallCounts {
  const counts: SyscallCounts = {};
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    // Data rows start with a percentage; the calls column is the fourth either way.
    if (fields.length < 5 || !/^\d+(\.\d+)?$/.test(fields[0])) continue;
    const name = fields[fields.length - 1];
    const calls = Number(fields[3]);
    if (name === 'total' || !Number.isInteger(calls)) continue;
    counts[name] = (counts[name] ?? 0) + calls;
  }
  return counts;
}

export const MARKER_SYSCALL = 'getppid';

/** One call per line of a `strace -f -o` log: "PID name(args) = result" or "PID name(args <unfinished ...>". */
const CALL_LINE = /^(?:\[pid\s+)?\d+\]?\s+([a-z_][a-z0-9_]*)\(/;

/**
 * Counts the calls between the two marker calls of a `strace -f` log, by name. Throws when the
 * log does not hold exactly two markers: then the cut would be a guess.
 */
export function parseMarkedWindow(log: string): SyscallCounts {
  const counts: SyscallCounts = {};
  let markers = 0;
  for (const line of log.split('\n')) {
    const match = CALL_LINE.exec(line);
    if (!match) continue; // "<... resumed>", signals, exits: not a new call
    const name = match[1];
    if (name === MARKER_SYSCALL) {
      markers++;
      continue;
    }
    if (markers === 1) counts[name] = (counts[name] ?? 0) + 1;
  }
  if (markers !== 2) {
    throw new Error(
      `Expected the program to mark its data path with exactly two ${MARKER_SYSCALL}() calls; strace saw ${markers}`,
    );
  }
  return counts;
}

export interface Traced {
  readonly result: Finished;
  readonly counts: SyscallCounts;
}

function failed(result: Finished, what: string): Error {
  return new Error(`${what} failed (exit ${String(result.code)}${result.timedOut ? ', timed out' : ''}): ${result.stderr.trim()}`);
}

/** Runs a command under `strace -c -f` and returns its output and the counts of every call. */
export async function straceSummary(command: string, args: readonly string[], logFile: string, timeoutMs = 120_000): Promise<Traced> {
  const result = await run('strace', ['-f', '-c', '-o', logFile, '--', command, ...args], {timeoutMs});
  if (result.code !== 0) throw failed(result, `strace -c ${command}`);
  return {result, counts: parseStraceSummary(readFileSync(logFile, 'utf8'))};
}

/** Runs a lab program under `strace -f` and returns its output and the calls of its data path. */
export async function straceDataPath(command: string, args: readonly string[], logFile: string, timeoutMs = 60_000): Promise<Traced> {
  const result = await run('strace', ['-f', '-qq', '-o', logFile, '--', command, ...args], {timeoutMs});
  if (result.code !== 0) throw failed(result, `strace ${command}`);
  return {result, counts: parseMarkedWindow(readFileSync(logFile, 'utf8'))};
}

/**
 * Null when strace can trace here; otherwise why not. Installed is not enough: a container may
 * forbid ptrace (then strace fails with "Operation not permitted").
 */
export function straceUnusableReason(): string | null {
  const result = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', '--', 'true'], {encoding: 'utf8', timeout: 15_000});
  if (result.error !== undefined) return `strace did not start: ${result.error.message}`;
  if (result.status !== 0) return `strace cannot trace here (is ptrace forbidden in this container?): ${result.stderr.trim()}`;
  return null;
}
