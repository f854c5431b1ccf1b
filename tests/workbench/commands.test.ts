// reset, hint, progress and solution on the tiny exercise set: the learner's text is never lost,
// hints come one at a time, a corrupt progress file is recovered from, solutions wait for a pass.
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createMiniRepo, type MiniRepo} from './mini-repo';

let repo: MiniRepo;

beforeAll(() => {
  repo = createMiniRepo();
});

afterAll(() => repo?.remove());

// Each test keeps its own workbench folder, so they cannot see each other's progress.
const state = (name: string) => ({ZC_WORKBENCH_DIR: path.join(repo.root, `.workbench-${name}`)});

// Groups run side by side (each has its own workbench folder); tests inside a group in order.
describe.concurrent('workbench commands', () => {
  describe.sequential('npm run reset', () => {
    const learner = () => path.join(repo.exercises, '02-dma', 'dma.ts');
    const pristine = () => path.join(repo.exercises, '02-dma', '.pristine', 'dma.ts');
    const mine = '// my own work, with unsaved ideas\nexport function half(n: number): number {\n  return n >> 1;\n}\n';

    it('refuses without --yes when there is no terminal to ask, and changes nothing', async () => {
      writeFileSync(learner(), mine);
      const result = await repo.cli(['reset', '02'], {env: state('reset')});
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('there is no terminal to ask you first');
      expect(result.stdout).toContain('npm run reset -- 02 --yes');
      expect(readFileSync(learner(), 'utf8')).toBe(mine);
    });

    it('keeps a timestamped backup of the learner\'s file, says where, then restores the starter', async () => {
      writeFileSync(learner(), mine);
      const env = state('reset');
      const result = await repo.cli(['reset', 'dma', '--yes'], {env});
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(learner(), 'utf8')).toBe(readFileSync(pristine(), 'utf8'));
      const backups = path.join(env.ZC_WORKBENCH_DIR, 'backups', '02-dma');
      const files = readdirSync(backups);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^dma\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.ts$/);
      expect(readFileSync(path.join(backups, files[0]), 'utf8')).toBe(mine);
      expect(result.stdout).toContain(`Saved your file to .workbench-reset/backups/02-dma/${files[0]}`);
    });

    it('never overwrites an earlier backup, and does nothing to a file that is already the starter', async () => {
      const env = state('reset');
      writeFileSync(learner(), `${mine}// second version\n`);
      await repo.cli(['reset', '02', '--yes'], {env});
      writeFileSync(learner(), `${mine}// third version\n`);
      await repo.cli(['reset', '02', '--yes'], {env});
      const backups = path.join(env.ZC_WORKBENCH_DIR, 'backups', '02-dma');
      const texts = readdirSync(backups).map((file) => readFileSync(path.join(backups, file), 'utf8'));
      expect(texts).toHaveLength(3);
      expect(texts).toEqual(expect.arrayContaining([mine, `${mine}// second version\n`, `${mine}// third version\n`]));
      const again = await repo.cli(['reset', '02', '--yes'], {env});
      expect(again.stdout).toContain('already the untouched starter');
      expect(readdirSync(backups)).toHaveLength(3);
    });
  });

  describe.sequential('npm run hint, then npm run progress', () => {
    it('shows the hints one at a time and remembers how many were shown', async () => {
      const env = state('hints');
      const first = await repo.cli(['hint', '01', 'double'], {env});
      expect(first.stdout).toContain('Hint 1 of 2 for double');
      expect(first.stdout).toContain('Multiply.');
      expect(first.stdout).not.toContain('return 2 * n');
      const second = await repo.cli(['hint', '01', 'double'], {env});
      expect(second.stdout).toContain('Hint 2 of 2 for double');
      expect(second.stdout).toContain('`return 2 * n`.');
      const third = await repo.cli(['hint', '01', 'double'], {env});
      expect(third.stdout).toContain('the last one, again');
      const progress = JSON.parse(readFileSync(path.join(env.ZC_WORKBENCH_DIR, 'progress.json'), 'utf8'));
      expect(progress.chapters['01'].hintsShown).toEqual({double: 2});
    });

    it('picks a function with hints left when none is named, and lists the functions for an unknown one', async () => {
      const env = state('hints');
      const next = await repo.cli(['hint', 'user-and-kernel-space'], {env});
      expect(next.stdout).toContain('Hint 1 of 1 for total');
      const unknown = await repo.cli(['hint', '01', 'triple'], {env});
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toContain('Hints exist for: double, total');
    });

    it('lists every chapter with its status and hints used', async () => {
      const env = state('hints');
      const result = await repo.cli(['progress'], {env});
      expect(result.stdout).toMatch(/01 {2}User space and kernel space +· not graded +3 hints +last graded never/);
      expect(result.stdout).toContain('Chapters passing');
      expect(existsSync(path.join(env.ZC_WORKBENCH_DIR, 'progress.json'))).toBe(true);
    });
  });

  describe('a corrupt progress file', () => {
    it('recovers from a corrupt progress file, keeping it aside, and says so', async () => {
      const env = state('corrupt');
      const file = path.join(env.ZC_WORKBENCH_DIR, 'progress.json');
      await repo.cli(['hint', '01', 'double'], {env});
      writeFileSync(file, '{"chapters": {"01": {"status": "passing"'); // cut off mid-write
      const result = await repo.cli(['progress'], {env});
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/could not be read .*It was kept as .*progress\.corrupt-.*\.json and a fresh one started/s);
      const kept = readdirSync(env.ZC_WORKBENCH_DIR).filter((name) => name.startsWith('progress.corrupt-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(path.join(env.ZC_WORKBENCH_DIR, kept[0]), 'utf8')).toContain('"status": "passing"');
      // The next command writes a fresh, valid file.
      await repo.cli(['hint', '01', 'double'], {env});
      expect(JSON.parse(readFileSync(file, 'utf8')).chapters['01'].hintsShown).toEqual({double: 1});
    });
  });

  describe.sequential('npm run solution', () => {
    it('keeps the reference closed while the learner\'s file fails, opens it with --force and a warning', async () => {
      const env = state('solution');
      const closed = await repo.cli(['solution', '02'], {env});
      expect(closed.code).toBe(1);
      expect(closed.stdout).toMatch(/opens once your file passes: \d+\/\d+ tests pass now/);
      expect(closed.stdout).toContain('npm run solution -- 02 --force');
      expect(closed.stdout).not.toContain('src/model/dma.ts ──');
      const forced = await repo.cli(['solution', '02', '--force'], {env});
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain('before your file passes (--force)');
      expect(forced.stdout).toContain('── src/model/dma.ts ──');
      expect(forced.stdout).toContain(readFileSync(path.join(repo.root, 'src', 'model', 'dma.ts'), 'utf8').split('\n')[0]);
    });

    it('shows the reference once the learner\'s file passes', async () => {
      const opened = await repo.cli(['solution', '01'], {env: state('solution')});
      expect(opened.code, opened.stdout).toBe(0);
      expect(opened.stdout).toContain('Your file passes all 3 tests');
      expect(opened.stdout).toContain('── src/model/user-kernel.ts ──');
    });
  });

  describe('help and mistakes', () => {
    it('explains every command and each command\'s options', async () => {
      const overview = await repo.cli(['--help']);
      for (const name of ['exercise', 'hint', 'grade', 'reset', 'progress', 'solution']) expect(overview.stdout).toContain(`npm run ${name}`);
      const gradeHelp = await repo.cli(['grade', '--help']);
      expect(gradeHelp.code).toBe(0);
      expect(gradeHelp.stdout).toContain('--target student|reference|pristine');
    });

    it('names the valid chapters for an unknown one, in every command', async () => {
      const result = await repo.cli(['reset', 'zerocopy', '--yes']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('There is no chapter "zerocopy". Chapters with exercises:');
      expect(result.stderr).toContain('03  read-write');
    });

    it('starts hint, progress and reset without the TypeScript compiler, which only grading needs', async () => {
      // Reports, as the process ends, whether Node loaded the compiler (0.4 s of a 0.9 s start).
      const probe = path.join(repo.root, 'typescript-probe.cjs');
      writeFileSync(
        probe,
        "process.on('exit', () => process.stderr.write('typescript loaded: ' + Object.keys(require.cache).some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f)) + '\\n'));\n",
      );
      const env = {...state('probe'), NODE_OPTIONS: `--require ${probe}`};
      for (const args of [['hint', '01'], ['progress'], ['reset', '05', '--yes'], ['--help']]) {
        const result = await repo.cli(args, {env});
        expect(result.stderr, args.join(' ')).toContain('typescript loaded: false');
        expect(result.stderr, args.join(' ')).not.toContain('typescript loaded: true');
      }
      // The probe sees the compiler when a command does load it.
      const graded = await repo.cli(['grade', '01', '--report', path.join(repo.root, 'reports-probe')], {env});
      expect(graded.stderr).toContain('typescript loaded: true');
    });

    it('explains what to do before `npm ci` (the preflight needs no dependencies)', async () => {
      const {spawnSync} = await import('node:child_process');
      const {cpSync, mkdtempSync, rmSync} = await import('node:fs');
      const {tmpdir} = await import('node:os');
      const bare = mkdtempSync(path.join(tmpdir(), 'zc-bare-'));
      try {
        cpSync(path.join(repo.root, 'package.json'), path.join(bare, 'package.json'));
        cpSync(path.join(repo.root, 'tools', 'preflight.mjs'), path.join(bare, 'tools', 'preflight.mjs'));
        cpSync(repo.exercises, path.join(bare, 'exercises'), {recursive: true});
        const result = spawnSync(process.execPath, ['tools/preflight.mjs'], {cwd: bare, encoding: 'utf8'});
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('dependencies are not installed yet');
        expect(result.stderr).toContain('npm ci');
        rmSync(path.join(bare, 'exercises'), {recursive: true});
        const outside = spawnSync(process.execPath, ['tools/preflight.mjs'], {cwd: bare, encoding: 'utf8'});
        expect(outside.stderr).toContain('runs inside the course\'s repository');
      } finally {
        rmSync(bare, {recursive: true, force: true});
      }
    });
  });
});
