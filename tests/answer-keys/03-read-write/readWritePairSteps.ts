// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {PageCacheState, Step} from '@site/src/model/types';
import {MAX_RW_COUNT} from '@site/src/model/units';
import {requireInteger, requireOneOf} from '@site/src/model/validate';

export * from '@site/src/model/read-write';

// Wrong: every read() goes to the disk, even when the file is already in the page cache.
export function readWritePairSteps(bytes: number, pageCache: PageCacheState = 'miss'): Step[] {
  requireInteger('bytes', bytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  return [
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'read'},
    {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'read', async: false},
    {kind: 'interrupt', source: 'disk', syscall: 'read'},
    {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'user-buffer', bytes, syscall: 'read', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'read'},
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'write'},
    {kind: 'copy', engine: 'cpu', from: 'user-buffer', to: 'socket-buffer', bytes, syscall: 'write', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'write'},
    {kind: 'copy', engine: 'dma', from: 'socket-buffer', to: 'nic', bytes, syscall: 'write', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'write'},
  ];
}
