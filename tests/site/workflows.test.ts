// Every GitHub Actions workflow the repository ships must be valid against GitHub's schema
// (checked with action-validator), so a teacher's Classroom run never fails on a typo.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT} from './mermaid-source';

const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const VALIDATOR = path.join(ROOT, 'node_modules', '.bin', 'action-validator');
const scratch = mkdtempSync(path.join(tmpdir(), 'zc-workflows-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

function validate(file: string): {status: number | null; output: string} {
  const run = spawnSync(VALIDATOR, [file], {encoding: 'utf8'});
  return {status: run.status, output: `${run.stdout}${run.stderr}`};
}

describe('GitHub Actions workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

  it('include the Classroom workflow and the GitHub Pages deployment', () => {
    expect(files).toContain('classroom.yml');
    expect(files).toContain('deploy.yml');
  });

  it('deploy only where Pages is on, building for the address GitHub gives the repository', () => {
    const deploy = readFileSync(path.join(WORKFLOWS, 'deploy.yml'), 'utf8');
    expect(deploy).toContain('if: github.event.repository.has_pages');
    expect(deploy).toMatch(/uses: actions\/configure-pages@v\d+/);
    expect(deploy).toContain('SITE_URL: ${{ steps.pages.outputs.origin }}');
    expect(deploy).toContain('BASE_URL: ${{ steps.pages.outputs.base_path }}/');
    expect(deploy).toMatch(/uses: actions\/upload-pages-artifact@v\d+\n\s+with:\n\s+path: build\n/);
    expect(deploy).toMatch(/uses: actions\/deploy-pages@v\d+/);
  });

  for (const name of files) {
    it(`${name} is valid against the workflow schema`, () => {
      const {status, output} = validate(path.join(WORKFLOWS, name));
      expect(output).toBe('');
      expect(status).toBe(0);
    }, 30_000);
  }

  it('rejects a workflow with a misspelt key (the validator is really checking)', () => {
    const bad = path.join(scratch, 'bad.yml');
    writeFileSync(bad, 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        whith: {}\n');
    const {status, output} = validate(bad);
    expect(status).not.toBe(0);
    expect(output).toContain("Additional property 'whith' is not allowed");
  }, 30_000);
});
