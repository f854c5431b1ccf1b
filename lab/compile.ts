// Builds the lab's C programs (and the Java one) from lab/c and lab/java into a directory,
// with the system's own compiler: the programs must make this machine's system calls.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {run} from './process';

export const LAB_DIR = import.meta.dirname;
export const C_DIR = path.join(LAB_DIR, 'c');
export const JAVA_SOURCE = path.join(LAB_DIR, 'java', 'Lab.java');

/** One executable per C file in lab/c (common.h is included by each). */
export const C_PROGRAMS = [
  'sink',
  'evict',
  'params',
  'read_write',
  'sendfile',
  'mmap_write',
  'splice',
  'copy_file_range',
  'msg_zerocopy',
] as const;

export type CProgram = (typeof C_PROGRAMS)[number];

export interface Compiled {
  /** Executable path per program that compiled; a program missing here failed to build. */
  readonly programs: Partial<Record<CProgram, string>>;
  /** Compiler messages of the programs that failed (an old C library may lack a header). */
  readonly failures: Partial<Record<CProgram, string>>;
}

export async function compileC(outDir: string, compiler = 'cc'): Promise<Compiled> {
  const programs: Partial<Record<CProgram, string>> = {};
  const failures: Partial<Record<CProgram, string>> = {};
  // One at a time: the machine may be shared, and each takes a fraction of a second.
  for (const name of C_PROGRAMS) {
    const output = path.join(outDir, name);
    const result = await run(compiler, ['-O2', '-Wall', '-o', output, path.join(C_DIR, `${name}.c`)], {timeoutMs: 60_000});
    if (result.code === 0 && existsSync(output)) programs[name] = output;
    else failures[name] = (result.stderr || `exit code ${String(result.code)}`).trim();
  }
  return {programs, failures};
}

/** Compiles Lab.java into outDir; returns the class path, or the compiler's message. */
export async function compileJava(outDir: string): Promise<{classPath: string} | {error: string}> {
  const result = await run('javac', ['-d', outDir, JAVA_SOURCE], {timeoutMs: 120_000});
  return result.code === 0 ? {classPath: outDir} : {error: (result.stderr || `javac exit code ${String(result.code)}`).trim()};
}
