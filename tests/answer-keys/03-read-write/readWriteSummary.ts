// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {PageCacheState, Summary} from '@site/src/model/types';
import {EMPTY_SUMMARY} from '@site/src/model/summary';
import {chunkCount} from '@site/src/model/read-write';
import {requireOneOf} from '@site/src/model/validate';

export * from '@site/src/model/read-write';

// Wrong: one mode switch per system call, as if the return to user mode were free or not a switch.
export function readWriteSummary(fileSize: number, bufferSize: number, pageCache: PageCacheState = 'miss'): Summary {
  const {count} = chunkCount(fileSize, bufferSize);
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  if (count === 0) return EMPTY_SUMMARY;
  const miss = pageCache === 'miss';
  return {
    ...EMPTY_SUMMARY,
    cpuCopies: 2 * count,
    dmaCopies: (miss ? 2 : 1) * count,
    cpuBytes: 2 * fileSize,
    dmaBytes: (miss ? 2 : 1) * fileSize,
    sentBytes: fileSize,
    modeSwitches: 2 * count,
    syscalls: 2 * count,
    interrupts: (miss ? 2 : 1) * count,
  };
}
