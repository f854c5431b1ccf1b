// `npm test`: every layer of the project's tests, in order, ending with one plain line
// "N passed, N failed" totalled over all layers (the line CI reads).
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {inParallel} from './grading/in-parallel';
import {REPO_ROOT} from './grading/subject.mts';
import {runGrader} from './grading/vitest-json';
import {availableChapters} from './workbench/chapters';
import {type Layer, runLayers, type Tally} from './test-layers';
import {colour, relative} from './workbench/terminal';

const BIN = path.join(REPO_ROOT, 'node_modules', '.bin');

/** Runs a command from node_modules/.bin, printing what it prints, or collecting it in `output`. */
function exec(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, output?: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(BIN, command), args, {
      cwd: REPO_ROOT,
      env: {...process.env, ...env},
      stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    child.stdout?.on('data', (chunk: Buffer) => output?.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output?.push(chunk.toString()));
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', (error) => {
      if (output) output.push(`${error.message}\n`);
      else console.error(error.message);
      resolve(1);
    });
  });
}

/** One pass or one failure, for layers that are a single check. */
async function single(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, output?: string[]): Promise<Tally> {
  const code = await exec(command, args, env, output);
  return code === 0 ? {passed: 1, failed: 0, skipped: 0} : {passed: 0, failed: 1, skipped: 0};
}

/** The site as a fork publishes it on GitHub Pages, for the browser tests of tests/e2e/subpath.test.ts. */
async function builds(): Promise<Tally> {
  const root = await single('docusaurus', ['build']);
  const subpath = await single('docusaurus', ['build', '--out-dir', 'build-subpath'], {BASE_URL: '/zero-copy/', SITE_URL: 'https://me.github.io'});
  return {passed: root.passed + subpath.passed, failed: root.failed + subpath.failed, skipped: 0};
}

/** Runs Vitest projects and counts their tests from the JSON report. */
async function vitest(projects: readonly string[], env: NodeJS.ProcessEnv = {}, flags: readonly string[] = []): Promise<Tally> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zc-test-'));
  const output = path.join(dir, 'report.json');
  try {
    const code = await exec(
      'vitest',
      ['run', ...projects.flatMap((p) => ['--project', p]), ...flags, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
      env,
    );
    if (!existsSync(output)) return {passed: 0, failed: 1, skipped: 0};
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    const tally = {
      passed: report.numPassedTests,
      // A file that fails to load has no tests to count; count it as one failure.
      failed: report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? Math.max(1, report.numFailedTestSuites) : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
    return tally;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Every grader must fail on its pristine starter: a starter that passes a test gives free points. */
async function startersFail(): Promise<Tally> {
  const tally: Tally = {passed: 0, failed: 0, skipped: 0};
  const chapters = availableChapters();
  // Two graders at a time: each is one Vitest process, which leaves part of a core idle.
  const runs = await inParallel(chapters, 2, (chapter) => runGrader(relative(chapter.graderFile), {target: 'pristine', timeoutMs: 120_000}));
  for (const [index, chapter] of chapters.entries()) {
    const run = runs[index];
    const passing = run.tests.filter((test) => test.status === 'passed');
    const ok = run.tests.length > 0 && passing.length === 0 && !run.timedOut;
    const edited =
      existsSync(chapter.learnerFile) &&
      readFileSync(chapter.learnerFile, 'utf8') !== readFileSync(chapter.pristineFile, 'utf8');
    const note = edited ? colour.dim(' (your own file is edited; the pristine copy was checked)') : '';
    if (ok) {
      tally.passed++;
      console.log(`${colour.green('✓')} ${chapter.number}: all ${run.tests.length} tests fail on the starter${note}`);
    } else {
      tally.failed++;
      console.log(`${colour.red('✗')} ${chapter.number}: the starter is not failing every test${note}`);
      for (const test of passing) console.log(`    passes on the starter: ${test.name}`);
      for (const problem of run.problems) console.log(`    ${problem}`);
      if (run.tests.length === 0) console.log('    no test ran');
    }
  }
  return tally;
}

// The machine is busy throughout (about 95 % of 2 cores, sampled once a second), except in the
// short layers after the unit tests: each runs one Vitest process at a time and left a core about
// a third idle. The type-check, which keeps one core busy, runs beside them.
const LAYERS: readonly Layer[] = [
  // Vitest's default is one worker fewer than the cores: one on a 2-core runner. These files are
  // CPU-light enough that two workers halve the layer (measured 100 s -> 55 s on 2 cores).
  {id: 'unit', title: 'Model, component and site-source tests', run: () => vitest(['model', 'components', 'site'], {}, ['--maxWorkers=2'])},
  {id: 'types', title: 'Type-check (tsc)', run: (output) => single('tsc', ['-p', '.'], {}, output), beside: true},
  {id: 'graders', title: 'Exercise graders on the reference model', run: () => vitest(['graders'], {ZC_TARGET: 'reference'})},
  {id: 'starters', title: 'Exercise graders fail on the pristine starters', run: startersFail},
  {id: 'lab', title: "The model against this machine's kernel (strace)", run: () => vitest(['lab'])},
  // Two workers here too: these tests spend part of their time waiting on the CLI processes they
  // spawn (a grader's time limit, a watcher's poll), which a second file fills (measured 194 s ->
  // 156 s on 2 cores).
  {id: 'workbench', title: 'Exercise workbench on a tiny exercise set', run: () => vitest(['workbench'], {}, ['--maxWorkers=2']), alone: true},
  {id: 'build', title: 'Production builds, en and zh-Hans, at / and under /zero-copy/', run: builds, alone: true},
  {id: 'e2e', title: 'Browser tests in headless Chromium', run: () => vitest(['e2e']), alone: true},
];

async function main(): Promise<number> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const unknown = only.filter((id) => !LAYERS.some((layer) => layer.id === id));
  if (unknown.length > 0) {
    console.error(`Unknown layer ${unknown.join(', ')}; layers: ${LAYERS.map((l) => l.id).join(', ')}`);
    return 2;
  }
  const selected = LAYERS.filter((l) => only.length === 0 || only.includes(l.id));
  const {total, lines} = await runLayers(selected, {
    heading: (title, note) => console.log(`\n${colour.bold(`== ${title} ==`)}${note ? ` ${colour.dim(note)}` : ''}`),
    write: (text) => process.stdout.write(text),
  });
  console.log(`\n${colour.bold('== Summary ==')}`);
  for (const line of lines) console.log(line);
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
