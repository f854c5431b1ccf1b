// Code samples in the chapters that are complete programs must compile. A sample opts in by
// its code-block title, which is its file name: ```java title="TransferToSend.java" or
// ```c title="mmap_send.c". The test writes each one to a temporary directory under that name
// and compiles it with javac, or with cc as an object file (no linking: a sample may need a
// peer to run, not to build). Both locales are checked, since the translation may reword
// comments. Without a compiler on PATH the test is skipped and says which one is missing.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {DOCS_DIR, ROOT, ZH_DOCS_DIR, mdxFiles} from './mermaid-source';

export interface CodeSample {
  readonly file: string;
  readonly line: number;
  readonly language: 'java' | 'c';
  /** The title, which is also the file name the sample must have (a Java class's name). */
  readonly name: string;
  readonly code: string;
}

/** Every ```java or ```c block whose title is a .java or .c file name. */
export function codeSamples(file: string): CodeSample[] {
  const source = readFileSync(file, 'utf8');
  const fence = /^```(java|c)[ \t]+[^\n]*?\btitle="([\w.-]+\.(?:java|c))"[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  const samples: CodeSample[] = [];
  for (let match = fence.exec(source); match; match = fence.exec(source)) {
    const [, language, name, code] = match;
    samples.push({file, line: source.slice(0, match.index).split('\n').length, language: language as 'java' | 'c', name, code});
  }
  return samples;
}

function onPath(command: string): boolean {
  const probe = spawnSync(command, command === 'javac' ? ['-version'] : ['--version'], {stdio: 'ignore'});
  return probe.error === undefined && probe.status === 0;
}

const COMPILERS = {
  java: {command: 'javac', available: onPath('javac'), args: (out: string, source: string) => ['-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-d', out, source]},
  c: {command: 'cc', available: onPath('cc'), args: (out: string, source: string) => ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-c', '-o', path.join(out, 'sample.o'), source]},
} as const;

const chapters = [...mdxFiles(DOCS_DIR), ...mdxFiles(ZH_DOCS_DIR)].filter((file) => /[/\\]\d\d-[^/\\]+[/\\]index\.mdx$/.test(file));
const samples = chapters.flatMap(codeSamples);
const workDir = mkdtempSync(path.join(tmpdir(), 'zc-code-samples-'));

afterAll(() => rmSync(workDir, {recursive: true, force: true}));

describe('complete programs in the chapters compile', () => {
  it('finds the marked samples, named for their language', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample.name.endsWith(`.${sample.language}`), `${path.relative(ROOT, sample.file)}:${sample.line}: a ${sample.language} block titled ${sample.name}`).toBe(true);
    }
  });

  samples.forEach((sample, index) => {
    const compiler = COMPILERS[sample.language];
    const where = `${path.relative(ROOT, sample.file)}:${sample.line}`;
    if (!compiler.available) {
      it.skip(`${sample.name} (${where}): ${compiler.command} not found on PATH`, () => {});
      return;
    }
    it(`${sample.name} (${where}) compiles with ${compiler.command}`, () => {
      const dir = path.join(workDir, String(index));
      mkdirSync(dir, {recursive: true});
      const source = path.join(dir, sample.name);
      writeFileSync(source, sample.code);
      const result = spawnSync(compiler.command, compiler.args(dir, source), {encoding: 'utf8'});
      expect(result.status, `${compiler.command} on ${where}:\n${result.stderr}${result.stdout}`).toBe(0);
    }, 60_000);
  });
});
