// The rough edges a trial as a new student and a new teacher hit (issue 12, section 4): each
// test below failed before its fix.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CHAPTERS} from '../../src/data/course';
import {CLEAR_SCREEN} from '../../tools/workbench/exercise';
import {defaultReportDir, parseGradeArgs} from '../../tools/workbench/grade';
import {argsFromPackage, PACKAGE_COMMANDS, packageScript} from '../../tools/workbench/package-scripts';
import {createMiniRepo, REPO_ROOT, runCommand, type MiniRepo} from './mini-repo';

let repo: MiniRepo;

beforeAll(() => {
  repo = createMiniRepo();
});

afterAll(() => repo?.remove());

const state = (name: string) => ({ZC_WORKBENCH_DIR: path.join(repo.root, `.workbench-${name}`)});

// `npm run <script>` inside one exercise package, as a learner types it there.
const npmRunIn = (dir: string, args: readonly string[], env: NodeJS.ProcessEnv) => runCommand('npm', ['run', ...args], {cwd: dir, env});

describe.concurrent('the workbench inside one exercise package', () => {
  it('gives every exercise package grade, hint and exercise scripts for its own chapter', () => {
    for (const chapter of CHAPTERS) {
      const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'exercises', chapter.exercise.folder, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      for (const command of PACKAGE_COMMANDS) expect(pkg.scripts[command], `${chapter.exercise.folder} ${command}`).toBe(packageScript(command, chapter.number));
    }
  });

  it('puts the package\'s chapter first and drops the learner\'s own name for it', () => {
    expect(argsFromPackage(['--from-package', '03'])).toEqual(['03']);
    expect(argsFromPackage(['--from-package', '03', '03', '--seed', '7'])).toEqual(['03', '--seed', '7']);
    expect(argsFromPackage(['--from-package', '03', 'read-write', 'chunkCount'])).toEqual(['03', 'chunkCount']);
    expect(argsFromPackage(['01'])).toEqual(['01']);
  });

  it('grades that chapter with `npm run grade -- 01` typed in exercises/01-user-kernel/', async () => {
    const out = path.join(repo.root, 'out-package');
    const result = await npmRunIn(path.join(repo.exercises, '01-user-kernel'), ['grade', '--', '01', '--report', out], state('package'));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).not.toContain('Missing script');
    expect(result.stdout).toContain('Chapter 01');
    expect(result.stdout).not.toContain('Chapter 02');
    expect(result.stdout).toContain('Overall, chapter 01 only (1 of 5 chapters):');
  });
});

describe.sequential('hints after a chapter passes', () => {
  it('warns that the chapter passes already and that the last hint is nearly the answer', async () => {
    const env = state('passed');
    const graded = await repo.cli(['grade', '01', '--report', path.join(repo.root, 'out-passed')], {env});
    expect(graded.code, graded.stdout).toBe(0);
    const first = await repo.cli(['hint', '01', 'double'], {env});
    expect(first.stdout).toContain('Chapter 01 passed when you last graded it. Later hints get close to the answer.');
    expect(first.stdout).toContain('npm run solution -- 01');
    const last = await repo.cli(['hint', '01', 'double'], {env});
    expect(last.stdout).toContain('This is the last hint: it is close to the answer itself.');
  });

  it('says nothing of the kind to a learner who has not passed', async () => {
    const result = await repo.cli(['hint', '01', 'double'], {env: state('not-passed')});
    expect(result.stdout).not.toContain('passed when you last graded it');
  });
});

describe('progress after a reset', () => {
  it('shows a reset chapter as not started and never graded, keeping the hints seen', async () => {
    const env = state('reset');
    const learner = path.join(repo.exercises, '05-scatter-gather', 'scatter-gather.ts');
    const mine = readFileSync(learner, 'utf8');
    try {
      const graded = await repo.cli(['grade', '05', '--report', path.join(repo.root, 'out-reset')], {env});
      expect(graded.stdout).toContain('Chapter 05');
      const progressFile = path.join(env.ZC_WORKBENCH_DIR, 'progress.json');
      const before = JSON.parse(readFileSync(progressFile, 'utf8'));
      before.chapters['05'].hintsShown = {gather: 1};
      writeFileSync(progressFile, JSON.stringify(before));
      writeFileSync(learner, `${mine}// the learner's change\n`);
      expect((await repo.cli(['reset', '05', '--yes'], {env})).code).toBe(0);
      const shown = await repo.cli(['progress'], {env});
      expect(shown.stdout).toMatch(/05 {2}Scatter-gather.*· not started +1 hint +last graded never/);
    } finally {
      writeFileSync(learner, mine);
    }
  });
});

describe('small things a teacher reads', () => {
  it('writes the reference\'s and the starters\' reports beside the student\'s, never over it', () => {
    expect(defaultReportDir('student')).toBe(path.join(REPO_ROOT, 'reports'));
    expect(parseGradeArgs(['--target', 'reference']).reportDir).toBe(path.join(REPO_ROOT, 'reports', 'reference'));
    expect(parseGradeArgs(['--target', 'pristine']).reportDir).toBe(path.join(REPO_ROOT, 'reports', 'pristine'));
    expect(parseGradeArgs(['--target', 'reference', '--report', 'elsewhere']).reportDir).toBe(path.resolve('elsewhere'));
  });

  it('clears the scrollback too when watch mode redraws, so grades do not pile up', () => {
    expect(CLEAR_SCREEN).toContain('\u001b[3J');
    expect(CLEAR_SCREEN).toContain('\u001b[2J');
  });

  it('gives every chapter\'s reading and exercise time, adding up to the total on the map', () => {
    for (const chapter of CHAPTERS) {
      expect(chapter.readingMinutes).toBeGreaterThan(0);
      expect(chapter.exerciseMinutes).toBeGreaterThan(0);
      expect(chapter.minutes).toBe(chapter.readingMinutes + chapter.exerciseMinutes);
    }
  });

  it('states the same reading and exercise times on the teacher page, in both languages', () => {
    const pages = {
      min: path.join(REPO_ROOT, 'docs', 'teach', 'index.mdx'),
      分钟: path.join(REPO_ROOT, 'i18n', 'zh-Hans', 'docusaurus-plugin-content-docs', 'current', 'teach', 'index.mdx'),
    };
    for (const [unit, file] of Object.entries(pages)) {
      const rows = readFileSync(file, 'utf8').split('\n').filter((line) => /^\| \d\d /.test(line));
      expect(rows, file).toHaveLength(CHAPTERS.length);
      for (const chapter of CHAPTERS) {
        const row = rows.find((line) => line.startsWith(`| ${chapter.number} `));
        expect(row, `${file}, chapter ${chapter.number}`).toMatch(new RegExp(`\\| ${chapter.readingMinutes} ${unit} \\| ${chapter.exerciseMinutes} ${unit} \\|$`));
      }
    }
  });

  it('runs the preflight before the site\'s own scripts, so `npm start` before `npm ci` says what to do', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {scripts: Record<string, string>};
    for (const script of ['start', 'build', 'serve']) expect(pkg.scripts[script]).toMatch(/^node tools\/preflight\.mjs && docusaurus /);
  });
});
