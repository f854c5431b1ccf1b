// The assignment cards print points per exercise part from src/data/grader-points.json; these
// tests recompute the file from the graders, so a test added, renamed or reweighted in a grader
// fails here until `npm run classroom` (or `npx tsx tools/workbench/grader-points.ts`) is rerun.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {graderTestNames} from '../../tools/workbench/classroom';
import {gradingConfig, pointsFor, resolveChapter} from '../../tools/workbench/chapters';
import {GRADER_POINTS_FILE, chapterPoints, graderPoints, graderPointsJson} from '../../tools/workbench/grader-points';
import {CHAPTERS} from '../../src/data/course';

let tests: Map<string, string[]>;
beforeAll(() => {
  tests = graderTestNames();
}, 60_000);

describe('src/data/grader-points.json', () => {
  it('is exactly what the graders give today', () => {
    expect(readFileSync(GRADER_POINTS_FILE, 'utf8')).toBe(graderPointsJson(graderPoints(tests)));
  });

  it('has every published chapter, with parts whose tests and points add up to the chapter\'s', () => {
    const committed = JSON.parse(readFileSync(GRADER_POINTS_FILE, 'utf8')) as ReturnType<typeof graderPoints>;
    expect(committed.map((c) => c.number)).toEqual(CHAPTERS.filter((c) => c.status === 'published').map((c) => c.number));
    for (const chapter of committed) {
      expect(chapter.parts.length).toBeGreaterThan(0);
      expect(chapter.parts.reduce((sum, p) => sum + p.tests, 0)).toBe(chapter.tests);
      expect(chapter.parts.reduce((sum, p) => sum + p.points, 0)).toBe(chapter.points);
    }
  });
});

describe('points per part', () => {
  it('weighs each test by the chapter\'s grading config, so a reweighted part changes its points', () => {
    const chapter = resolveChapter('03');
    const names = tests.get(chapter.exercise.folder) ?? [];
    const part4 = names.filter((n) => n.startsWith('Part 4:'));
    expect(part4.length).toBeGreaterThan(0);
    const config = gradingConfig(chapter);
    const computed = chapterPoints(chapter, names).parts.find((p) => p.name.startsWith('Part 4:'));
    expect(computed).toMatchObject({tests: part4.length, points: part4.reduce((s, n) => s + pointsFor(n, config), 0)});
    // The same names under a package.json that makes Part 4 worth 3 a test.
    const dir = mkdtempSync(path.join(tmpdir(), 'zc-points-'));
    const packageFile = path.join(dir, 'package.json');
    writeFileSync(packageFile, JSON.stringify({grading: {points: {'Part 4': 3}}}));
    const heavier = chapterPoints({...chapter, packageFile}, names);
    expect(heavier.parts.find((p) => p.name.startsWith('Part 4:'))?.points).toBe(3 * part4.length);
    expect(heavier.points).toBe(names.length + 2 * part4.length);
  });

  it('groups tests by their top-level describe block, in the grader\'s order', () => {
    const chapter = resolveChapter('04');
    const parts = chapterPoints(chapter, ['Part 2: b > x', 'Part 1: a > y', 'Part 2: b > inner > z']).parts;
    expect(parts).toEqual([
      {name: 'Part 2: b', tests: 2, points: 2},
      {name: 'Part 1: a', tests: 1, points: 1},
    ]);
  });
});
