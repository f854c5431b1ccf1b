// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {Step} from '@site/src/model/types';
import {mmapWriteSteps as modelSteps, type MmapWriteOptions} from '@site/src/model/mmap-nio';

export * from '@site/src/model/mmap-nio';

// Wrong: mmap() is taken to read the file into the process's memory, one CPU copy of the whole
// file before the first write(); but mmap() only sets up the mapping, which is the page cache.
export function mmapWriteSteps(fileSize: number, chunkIndex: number, options: MmapWriteOptions = {}): Step[] {
  const steps = modelSteps(fileSize, chunkIndex, options);
  if (chunkIndex !== 0) return steps;
  const loadFile: Step = {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'user-buffer', bytes: fileSize, syscall: 'mmap', async: false};
  return [steps[0], loadFile, ...steps.slice(1)];
}
