// `npm run mutation [-- NN ...]`: how many realistic mistakes in the reference model each
// chapter's grader catches. StrykerJS mutates only the functions a learner writes (the ones the
// pristine starter leaves as TODO), runs that chapter's grader against every mutant with the
// Vitest runner, and drops mutants the TypeScript checker rejects. The scores go to
// bench/mutation.json and into bench/report.md. A benchmark, not a test: it takes minutes.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import path from 'node:path';
import {REPO_ROOT} from '../grading/subject.mts';
import {resolveChapters, UnknownChapterError, type ExerciseChapter} from '../workbench/chapters';
import {colour} from '../workbench/terminal';
import {EQUIVALENTS_FILE, readEquivalents} from './equivalents';
import {gradedFunctions, type GradedFunction} from './graded-functions';
import {scoreReport, type ChapterScore} from './score';
import {writeMutationSection} from './report';

/** Below this share of non-equivalent mutants killed, a chapter's grader misses too much. */
export const TARGET_SCORE = 90;

const STRYKER = path.join(REPO_ROOT, 'node_modules', '.bin', 'stryker');

function strykerConfig(chapter: ExerciseChapter, functions: readonly GradedFunction[], reportFile: string, workDir: string): object {
  return {
    $schema: '../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'vitest',
    // Only this chapter's grader (ZC_MUTATION_EXERCISE); ZC_TARGET=reference points its
    // @subject imports at the model.
    vitest: {configFile: 'tools/mutation/vitest.config.mts', related: false},
    checkers: ['typescript'],
    tsconfigFile: 'tools/mutation/tsconfig.json',
    typescriptChecker: {prioritizePerformanceOverAccuracy: true},
    mutate: functions.map((f) => `${f.file}:${f.startLine}-${f.endLine}`),
    coverageAnalysis: 'perTest',
    concurrency: Math.max(1, Math.min(2, cpus().length)),
    timeoutMS: 10_000,
    reporters: ['json', 'progress'],
    jsonReporter: {fileName: reportFile},
    tempDirName: path.relative(REPO_ROOT, workDir),
    cleanTempDir: 'always',
    // The sandbox needs the model, the graders and their tools; not the site, its build or reports.
    ignorePatterns: ['build', 'build-subpath', '.docusaurus', 'bench', 'static', 'i18n', 'docs', 'reports', '.workbench', 'lab'],
  };
}

function runStryker(configFile: string, chapter: ExerciseChapter): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(STRYKER, ['run', configFile], {
      cwd: REPO_ROOT,
      env: {...process.env, ZC_TARGET: 'reference', ZC_MUTATION_EXERCISE: chapter.exercise.folder},
      stdio: 'inherit',
    });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', (error) => {
      console.error(`Could not start Stryker (${error.message}). Run \`npm ci\` first.`);
      resolve(1);
    });
  });
}

async function mutateChapter(chapter: ExerciseChapter, scratch: string): Promise<ChapterScore | null> {
  const functions = gradedFunctions(chapter);
  console.log(`\n${colour.bold(`== ${chapter.number} ${chapter.title} ==`)}`);
  console.log(`Mutating ${functions.map((f) => `${f.name} (${f.file}:${f.startLine}-${f.endLine})`).join(', ')}`);
  const reportFile = path.join(scratch, `${chapter.number}.json`);
  const configFile = path.join(scratch, `stryker-${chapter.number}.json`);
  writeFileSync(configFile, JSON.stringify(strykerConfig(chapter, functions, reportFile, path.join(REPO_ROOT, '.stryker-tmp')), null, 2));
  const code = await runStryker(configFile, chapter);
  if (code !== 0 || !existsSync(reportFile)) {
    console.error(colour.red(`Stryker failed for chapter ${chapter.number} (exit code ${code}); no score.`));
    return null;
  }
  return scoreReport(chapter.number, reportFile, REPO_ROOT, functions, readEquivalents(chapter.dir));
}

function printScore(score: ChapterScore, chapter: ExerciseChapter): void {
  const ok = score.score >= TARGET_SCORE;
  console.log(
    `${ok ? colour.green('✓') : colour.red('✗')} ${score.chapter}: ${score.score}% of ${score.mutants - score.invalid - score.equivalent} mutants caught` +
      ` (${score.killed} killed, ${score.timedOut} timed out, ${score.survived} survived, ${score.equivalent} equivalent, ${score.invalid} not valid)`,
  );
  for (const survivor of score.survivors) {
    console.log(
      `    survived: ${survivor.file}:${survivor.line} in ${survivor.function}, ${survivor.mutator}: ${JSON.stringify(survivor.original)} -> ${JSON.stringify(survivor.replacement)}`,
    );
  }
  for (const stale of score.staleEquivalents) {
    console.log(colour.dim(`    listed as equivalent in ${path.relative(REPO_ROOT, path.join(chapter.dir, EQUIVALENTS_FILE))} but not seen: ${stale.mutator} ${JSON.stringify(stale.original)}`));
  }
}

async function main(): Promise<number> {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  let chapters: ExerciseChapter[];
  try {
    chapters = resolveChapters(names);
  } catch (error) {
    if (error instanceof UnknownChapterError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'zc-mutation-'));
  const scores: ChapterScore[] = [];
  try {
    for (const chapter of chapters) {
      const score = await mutateChapter(chapter, scratch);
      if (score) {
        scores.push(score);
        printScore(score, chapter);
      }
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true});
    rmSync(path.join(REPO_ROOT, '.stryker-tmp'), {recursive: true, force: true});
  }
  if (scores.length > 0) {
    const file = writeMutationSection(scores, TARGET_SCORE);
    console.log(`\nScores written to ${path.relative(REPO_ROOT, file)} and bench/report.md.`);
  }
  const failed = chapters.length - scores.length;
  const below = scores.filter((score) => score.score < TARGET_SCORE).length;
  console.log(`${scores.length - below} chapters at or above ${TARGET_SCORE}%, ${below} below, ${failed} not measured`);
  return failed === 0 && below === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
