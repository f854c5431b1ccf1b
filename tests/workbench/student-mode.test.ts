// Student mode's build-time parts, without a build: the loop guard that stops a learner's endless
// loop (tools/site/loaders/loop-guard.cjs) and where the plugin applies it, and the remark plugin
// that marks the chapters' figures computed by the learner's code (tools/site/student-figures.ts).
import {createRequire} from 'node:module';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import {compile} from '@mdx-js/mdx';
import {afterEach, describe, expect, it} from 'vitest';
import * as loopGuard from '../../src/model-fallback/loop-guard';
import {getStudentState, resetStudentState, withFallback} from '../../src/model-fallback';
import studentModelPlugin from '../../tools/site/student-model';
import {markStudentFigures} from '../../tools/site/student-figures';
import {REPO_ROOT} from './mini-repo';

const require = createRequire(import.meta.url);
const {guardLoops} = require('../../tools/site/loaders/loop-guard.cjs') as {
  guardLoops: (typescript: typeof ts, source: string, options: {fileName?: string; label?: string; guardModule: string}) => string;
};

const GUARD = '@site/src/model-fallback/loop-guard';
const LABEL = 'exercises/03-read-write/read-write.ts';

/** A learner's TypeScript module, loop-guarded, compiled and loaded: its exports. */
function loadGuarded(source: string): Record<string, (...args: number[]) => unknown> {
  const guarded = guardLoops(ts, source, {label: LABEL, guardModule: GUARD});
  const js = ts.transpileModule(guarded, {compilerOptions: {module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022}}).outputText;
  const exports: Record<string, (...args: number[]) => unknown> = {};
  const requireGuard = (id: string) => {
    if (id !== GUARD) throw new Error(`unexpected import ${id}`);
    return loopGuard;
  };
  new Function('require', 'exports', js)(requireGuard, exports);
  return exports;
}

describe('the loop guard (student mode)', () => {
  afterEach(() => resetStudentState());

  it('stops `while (true) {}` after its budget, naming the function, and the reference answers instead', () => {
    const learner = loadGuarded(`
export function readWriteSummary(fileSize: number): {syscalls: number} {
  while (true) {}
}
`);
    const guarded = withFallback('read-write', 'readWriteSummary', LABEL, learner.readWriteSummary, () => ({syscalls: 524_288}));
    const started = Date.now();
    expect(guarded()).toEqual({syscalls: 524_288});
    const spent = Date.now() - started;
    expect(spent).toBeGreaterThanOrEqual(loopGuard.LOOP_BUDGET_MS);
    expect(spent).toBeLessThan(loopGuard.LOOP_BUDGET_MS + 1_500);
    // Not run again: the reference answers at once.
    const again = Date.now();
    expect(guarded()).toEqual({syscalls: 524_288});
    expect(Date.now() - again).toBeLessThan(100);
    expect(getStudentState().functions).toEqual([
      expect.objectContaining({
        functionName: 'readWriteSummary',
        verdict: 'looped',
        message: `readWriteSummary was stopped: a loop (${LABEL}:3) ran for more than 1 s; is its condition ever false?`,
      }),
    ]);
  });

  it('guards every kind of loop, with or without braces or labels, and leaves their results alone', () => {
    const source = `
export function sums(n: number): number[] {
  let a = 0; for (let i = 0; i < n; i++) a += i;
  let b = 0; let j = 0; while (j < n) { b += j; j++; }
  let c = 0; let k = 0; do c += k++; while (k < n);
  let d = 0; outer: for (const x of [1, 2, 3]) for (const y in {p: 1, q: 2}) { if (x === 3) break outer; d += x + y.length; }
  const helper = (m: number) => { let e = 0; while (m-- > 0) e++; return e; };
  return [a, b, c, d, helper(n)];
}
`;
    const guarded = guardLoops(ts, source, {label: LABEL, guardModule: GUARD});
    expect(guarded.match(/__zcLoopCheck\(/g)).toHaveLength(6);
    expect(guarded).toContain('"helper", "exercises/03-read-write/read-write.ts:7"');
    // The learner's lines keep their numbers.
    expect(guarded.split('\n')).toHaveLength(source.split('\n').length);
    expect(loadGuarded(source).sums(5)).toEqual([10, 10, 10, 10, 5]);
  });

  it('leaves a file without loops as it was', () => {
    const source = 'export const twice = (n: number) => 2 * n;\n';
    expect(guardLoops(ts, source, {guardModule: GUARD})).toBe(source);
  });

  it('is applied to the learner\'s files only: never to the reference model in src/model/', async () => {
    const learnerDir = mkdtempSync(path.join(tmpdir(), 'zc-learner-'));
    const generated = mkdtempSync(path.join(tmpdir(), 'zc-generated-'));
    const saved = {model: process.env.ZC_MODEL, dir: process.env.ZC_LEARNER_DIR};
    try {
      mkdirSync(path.join(learnerDir, '03-read-write'));
      writeFileSync(path.join(learnerDir, '03-read-write', 'read-write.ts'), readFileSync(path.join(REPO_ROOT, 'exercises/03-read-write/.pristine/read-write.ts')));
      process.env.ZC_MODEL = 'student';
      process.env.ZC_LEARNER_DIR = learnerDir;
      const plugin = await studentModelPlugin({siteDir: REPO_ROOT, generatedFilesDir: generated} as never);
      const NormalModuleReplacementPlugin = class {};
      const config = plugin!.configureWebpack!({} as never, false, {currentBundler: {instance: {NormalModuleReplacementPlugin}}} as never, {} as never) as {
        module: {rules: {test: RegExp; include: string[]; exclude: RegExp; enforce: string; use: {loader: string}[]}[]};
      };
      const [rule] = config.module.rules;
      expect(rule.use[0].loader).toBe(path.join(REPO_ROOT, 'tools/site/loaders/loop-guard.cjs'));
      expect(rule.enforce).toBe('pre');
      expect(rule.include).toEqual([path.join(learnerDir, '03-read-write')]);
      const applies = (file: string) => rule.test.test(file) && !rule.exclude.test(file) && rule.include.some((dir) => file.startsWith(dir + path.sep));
      expect(applies(path.join(learnerDir, '03-read-write', 'read-write.ts'))).toBe(true);
      expect(applies(path.join(learnerDir, '03-read-write', 'read-write.test.ts'))).toBe(false);
      expect(applies(path.join(REPO_ROOT, 'src/model/read-write.ts'))).toBe(false);
    } finally {
      process.env.ZC_MODEL = saved.model;
      if (saved.model === undefined) delete process.env.ZC_MODEL;
      process.env.ZC_LEARNER_DIR = saved.dir;
      if (saved.dir === undefined) delete process.env.ZC_LEARNER_DIR;
      rmSync(learnerDir, {recursive: true, force: true});
      rmSync(generated, {recursive: true, force: true});
    }
  });

  it('does nothing in the normal site: no plugin', async () => {
    const saved = process.env.ZC_MODEL;
    delete process.env.ZC_MODEL;
    try {
      expect(await studentModelPlugin({siteDir: REPO_ROOT, generatedFilesDir: tmpdir()} as never)).toBeNull();
    } finally {
      if (saved !== undefined) process.env.ZC_MODEL = saved;
    }
  });
});

describe('the chapters\' figures in student mode (remark plugin)', () => {
  const mdx = `import {chunkCount} from '@site/src/model/read-write';
import {formatCount} from '@site/src/model/units';
import {AddressClassifier} from '@site/src/components/SyscallTimeline';

export const tenK = chunkCount(10_000, 4096);
export const pairs = (summary) => summary.count;

The loop makes {pairs(tenK)} pairs, the last moving {formatCount(tenK.lastChunkBytes)} bytes; a page is {formatCount(4096)} bytes.

<DataPath fileSize={10000} bufferSize={4096} />

<AddressClassifier />

<Choice explain={\`\${tenK.count} pairs\`}>{tenK.count}</Choice>
`;

  async function compiled(): Promise<string> {
    const output = await compile(mdx, {
      remarkPlugins: [
        () => (tree: unknown) =>
          markStudentFigures(tree as never, {
            studentModules: ['read-write', 'user-kernel'],
            componentModules: {DataPath: ['read-write', 'units'], SyscallTimeline: ['user-kernel'], CostChart: ['cost']},
          }),
      ],
    });
    return String(output);
  }

  it('twins each exported constant: the learner\'s value with what it came from, and the reference\'s', async () => {
    const code = await compiled();
    expect(code).toContain('export const __zcT_tenK = __zcTrack(() => chunkCount(10_000, 4096), []);');
    expect(code).toContain('export const tenK = __zcT_tenK.value;');
    expect(code).toContain('export const __zcR_tenK = __zcAsReference(() => chunkCount(10_000, 4096));');
  });

  it('wraps each figure that uses the learner\'s code, with the reference\'s twin beside it, and leaves the others', async () => {
    const code = await compiled();
    expect(code).toContain('__zcFigure(() => pairs(tenK), () => __zcR_pairs(__zcR_tenK), [__zcT_pairs.uses, __zcT_tenK.uses])');
    expect(code).toContain('__zcFigure(() => formatCount(tenK.lastChunkBytes), () => formatCount(__zcR_tenK.lastChunkBytes), [__zcT_tenK.uses])');
    expect(code).toContain('__zcText(() => `${tenK.count} pairs`, () => `${__zcR_tenK.count} pairs`, [__zcT_tenK.uses])');
    expect(code).not.toMatch(/__zcFigure\(\(\) => formatCount\(4096\)/);
  });

  it('frames each live component that draws on the learner\'s modules', async () => {
    const code = await compiled();
    expect(code).toMatch(/_jsx\(ZcStudentFrame, \{\s*modules: \["read-write"\],\s*component: "DataPath",\s*children: _jsx\(DataPath, \{/);
    expect(code).toMatch(/_jsx\(ZcStudentFrame, \{\s*modules: \["user-kernel"\],\s*component: "AddressClassifier",\s*children: _jsx\(AddressClassifier, \{/);
  });
});
