// Runs the TypeScript compiler on learners' files only, so a file that does not compile is
// reported as file:line and the compiler's own words, while every other chapter is still graded.
// (Vitest strips types without checking them; a syntax error stops a grader before any test runs.)
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {REPO_ROOT} from './subject.mts';

export interface CompilerMessage {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
  /** TS1xxx: the file cannot be parsed at all, so its tests cannot run. */
  readonly syntax: boolean;
}

const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Parses `tsc --pretty false` output: "file(line,col): error TS1234: message" plus indented lines. */
export function parseCompilerOutput(output: string, cwd: string): CompilerMessage[] {
  const messages: CompilerMessage[] = [];
  let last: {-readonly [K in keyof CompilerMessage]: CompilerMessage[K]} | null = null;
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): error TS(\d+): (.*)$/.exec(line);
    if (match) {
      const code = Number(match[4]);
      last = {
        file: path.resolve(cwd, match[1]),
        line: Number(match[2]),
        column: Number(match[3]),
        code,
        message: match[5],
        syntax: code >= 1000 && code < 2000,
      };
      messages.push(last);
    } else if (last && /^\s+\S/.test(line)) {
      last.message += `\n${line.trimEnd()}`;
    }
  }
  return messages;
}

/**
 * Type-checks the given files (and what they import) with the project's compiler options.
 * Returns the messages about those files only, or null when the compiler could not run.
 */
export async function typecheckFiles(files: readonly string[], timeoutMs = 60_000): Promise<CompilerMessage[] | null> {
  if (files.length === 0) return [];
  const dir = mkdtempSync(path.join(tmpdir(), 'zc-tsc-'));
  const config = path.join(dir, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(REPO_ROOT, 'tsconfig.json'),
      compilerOptions: {noEmit: true, incremental: false, skipLibCheck: true, types: []},
      files: files.map((file) => path.resolve(file)),
      include: [],
    }),
  );
  try {
    const output = await new Promise<string | null>((resolve) => {
      let text = '';
      const child = spawn(process.execPath, [TSC, '-p', config, '--pretty', 'false'], {cwd: REPO_ROOT});
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.stdout.on('data', (data: Buffer) => (text += data.toString()));
      child.stderr.on('data', (data: Buffer) => (text += data.toString()));
      child.on('error', () => resolve(null));
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve(signal ? null : code === 0 || code === 1 || code === 2 ? text : null);
      });
    });
    if (output === null) return null;
    const wanted = new Set(files.map((file) => path.resolve(file)));
    return parseCompilerOutput(output, REPO_ROOT).filter((message) => wanted.has(message.file));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
