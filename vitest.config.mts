import path from 'node:path';
import {defineConfig, type Plugin} from 'vitest/config';
import {BaseSequencer, type TestSpecification} from 'vitest/node';
import {SUBJECT_PREFIX, subjectFile, targetFromEnv} from './tools/grading/subject.mts';
import {workerFlagsFromEnv} from './tools/grading/worker-flags.mts';

const root = import.meta.dirname;

// Graders import `@subject/<module>`; ZC_TARGET decides whose code that is (default: the learner's).
function subjectAlias(): Plugin {
  const target = targetFromEnv(process.env.ZC_TARGET);
  return {
    name: 'zero-copy-subject',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(SUBJECT_PREFIX) ? subjectFile(id.slice(SUBJECT_PREFIX.length), target) : null;
    },
  };
}

// Components import Docusaurus modules that only exist inside a Docusaurus build; unit tests
// use small stand-ins with the same behaviour (tests/stubs/).
const siteAlias = {
  '@site': root,
};

const docusaurusStubs = {
  ...siteAlias,
  '@docusaurus/Translate': path.join(root, 'tests/stubs/Translate.tsx'),
  '@docusaurus/Link': path.join(root, 'tests/stubs/Link.tsx'),
  '@docusaurus/BrowserOnly': path.join(root, 'tests/stubs/BrowserOnly.tsx'),
  '@docusaurus/useGlobalData': path.join(root, 'tests/stubs/useGlobalData.ts'),
  '@docusaurus/useBaseUrl': path.join(root, 'tests/stubs/useBaseUrl.ts'),
  '@docusaurus/useBrokenLinks': path.join(root, 'tests/stubs/useBrokenLinks.ts'),
  '@docusaurus/useDocusaurusContext': path.join(root, 'tests/stubs/useDocusaurusContext.ts'),
  '@theme/CodeBlock': path.join(root, 'tests/stubs/CodeBlock.tsx'),
};

// The order test files start in. Vitest's own puts files that failed last time first, then the
// longest by the timings it cached, and with no cache (a fresh clone, as in CI) the largest: the
// per-page browser files are a few lines each, so they started last and ran on alone at the end
// while the other worker sat idle. The files below are the longest of their projects by far
// (measured on a 2-core AMD EPYC VM, 2026-12-07: the per-page browser files 100-110 s each; in
// the workbench, answer-keys 60 s, commands and sandbox 50 s, student-site 38 s, grade 37 s);
// started first, in this order, the shorter files fill in around them. In size order the
// workbench's longest file started last and its layer took 165 s of a possible 145 s. (Here, not
// in a module of tests/: the exercise workbench's copies of the tooling take this file with them.)
export const LONGEST: readonly RegExp[] = [
  /\/tests\/e2e\/pages-[^/]+\.test\.ts$/,
  /\/tests\/workbench\/answer-keys\.test\.ts$/,
  /\/tests\/workbench\/commands\.test\.ts$/,
  /\/tests\/workbench\/sandbox\.test\.ts$/,
  /\/tests\/workbench\/student-site\.test\.ts$/,
  /\/tests\/workbench\/grade\.test\.ts$/,
];

/** Where a file stands in LONGEST; files it does not name come after, in Vitest's order. */
const rank = (file: TestSpecification): number => {
  const index = LONGEST.findIndex((pattern) => pattern.test(file.moduleId));
  return index === -1 ? LONGEST.length : index;
};

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: files of equal rank keep Vitest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

// The model, component and site-source tests keep no state between files (the components' setup
// file unmounts and clears localStorage after each test), so a worker runs file after file in one
// module graph and one environment instead of a fresh one per file: 92 s -> 36 s for the three
// projects on 2 cores, most of it jsdom's start-up.
const sharedWorkers = {pool: 'threads' as const, isolate: false};

/** The exercise graders; tools/mutation/vitest.config.mts runs this project alone. */
export const gradersProject = {
  plugins: [subjectAlias()],
  resolve: {alias: siteAlias},
  test: {
    name: 'graders',
    environment: 'node' as const,
    include: ['exercises/*/*.test.ts'],
    testTimeout: 10_000,
    // A submission's code runs confined in a forked worker (tools/grading/sandbox.ts sets
    // ZC_WORKER_FLAGS); Vitest's --execArgv on the command line does not reach projects.
    pool: 'forks' as const,
    execArgv: workerFlagsFromEnv(process.env),
  },
};

export default defineConfig({
  test: {
    sequence: {sequencer: LongestFirstSequencer},
    projects: [
      {
        test: {
          name: 'model',
          environment: 'node',
          include: ['src/model/**/*.test.ts'],
          ...sharedWorkers,
        },
      },
      {
        resolve: {alias: docusaurusStubs},
        // tsconfig says jsx: preserve (for Docusaurus); tests need the JSX compiled.
        oxc: {jsx: {runtime: 'automatic'}},
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/components/**/*.test.tsx', 'src/theme/**/*.test.ts'],
          // Unmounts what each test rendered and clears localStorage, so files can share a jsdom.
          setupFiles: ['tests/stubs/setup.ts'],
          ...sharedWorkers,
        },
      },
      {
        test: {
          name: 'site',
          environment: 'node',
          include: ['tests/site/**/*.test.ts'],
          ...sharedWorkers,
        },
      },
      gradersProject,
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files at a time, each with its own Chromium, one per core: the browser tests are
          // bound by CPU. The per-page checks are four files, a half of each locale's pages each
          // (pages-en-a, -b, pages-zh-a, -b), started first (LongestFirstSequencer above), so that
          // no one long file runs on alone at the end.
          maxWorkers: 2,
        },
      },
      {
        // The exercise workbench's own tests: they run the CLI on a temporary copy of a tiny
        // exercise set (tests/workbench/fixture/), each spawning graders of their own.
        resolve: {alias: siteAlias},
        test: {
          name: 'workbench',
          environment: 'node',
          include: ['tests/workbench/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The model against this machine's kernel: compiles lab/c and runs it under strace
        // (tests/lab/); skipped with a printed reason where there is no Linux, cc or strace.
        test: {
          name: 'lab',
          environment: 'node',
          include: ['tests/lab/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
