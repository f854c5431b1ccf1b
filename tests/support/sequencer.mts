// The order Vitest starts test files in. Its own order puts files that failed last time first,
// then the longest by the timings it cached, and with no cache (a fresh clone, as in CI) the
// largest files: the per-page browser files are a few lines each, so they started last and ran on
// alone at the end while the other worker sat idle. They are the longest files by far; starting
// them first lets the shorter files fill in around them.
import {BaseSequencer, type TestSpecification} from 'vitest/node';

const LONGEST = /\/tests\/e2e\/pages-[^/]+\.test\.ts$/;

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((file) => LONGEST.test(file.moduleId)), ...sorted.filter((file) => !LONGEST.test(file.moduleId))];
  }
}
