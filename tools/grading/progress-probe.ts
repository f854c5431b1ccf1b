// The worker's side of the workbench's per-test time limit.
//
// A learner's `while (true) {}` freezes the Vitest worker, and Vitest batches its progress
// reports on a timer that a frozen worker never fires; so the runner (vitest-json.ts) could not
// tell which test hung. Here every test appends a line to a file before and after it runs,
// synchronously, and the runner reads that file: a test that started and did not end within the
// limit is the one that never returns. On the next attempt the runner lists it in a skip file and
// the test is skipped, so one infinite loop costs one test, not the chapter.
//
// Active only when the runner sets ZC_PROGRESS_FILE; graders run any other way are unaffected.
import {appendFileSync, existsSync, readFileSync} from 'node:fs';
import {afterEach, beforeEach} from 'vitest';
import {SKIPPED_AFTER_TIMEOUT, type ProgressEvent} from './progress-events';

interface TaskLike {
  readonly type: string;
  readonly name: string;
  readonly suite?: TaskLike;
  readonly tasks?: readonly TaskLike[];
  readonly result?: {readonly state?: string; readonly errors?: readonly {readonly message?: string}[]};
}

// "Part 1 > splits 10,000 bytes": the names of the enclosing describe blocks, then the test's.
function testName(task: TaskLike): string {
  const names: string[] = [];
  for (let current: TaskLike | undefined = task; current; current = current.suite) {
    // The file itself can be the outermost suite; its name (a path) is not part of a test's name.
    if (!('filepath' in current)) names.unshift(current.name);
  }
  return names.join(' > ');
}

function allTests(task: TaskLike): string[] {
  return task.type === 'test' ? [testName(task)] : (task.tasks ?? []).flatMap(allTests);
}

function readSkipList(file: string | undefined): ReadonlySet<string> {
  if (!file || !existsSync(file)) return new Set();
  return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
}

const progressFile = process.env.ZC_PROGRESS_FILE;

if (progressFile) {
  const skip = readSkipList(process.env.ZC_SKIP_FILE);
  const record = (event: ProgressEvent) => appendFileSync(progressFile, `${JSON.stringify(event)}\n`);
  let listed = false;

  beforeEach((context) => {
    const task = context.task as unknown as TaskLike & {file: TaskLike};
    if (!listed) {
      listed = true;
      record({event: 'list', tests: allTests(task.file)});
    }
    const name = testName(task);
    if (skip.has(name)) {
      context.skip(SKIPPED_AFTER_TIMEOUT);
      return;
    }
    record({event: 'start', name});
  });

  afterEach((context) => {
    const task = context.task as unknown as TaskLike;
    if (skip.has(testName(task))) return;
    const errors = task.result?.errors ?? [];
    record({
      event: 'end',
      name: testName(task),
      state: errors.length > 0 ? 'failed' : 'passed',
      message: errors.map((error) => error.message ?? '').join('\n'),
    });
  });
}
