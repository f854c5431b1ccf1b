// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {PageCacheState, Step} from '@site/src/model/types';
import {DEFAULT_NIC, zeroCopyCapable, type NicFeatures} from '@site/src/model/sendfile';
import {MAX_RW_COUNT} from '@site/src/model/units';
import {requireInteger, requireOneOf} from '@site/src/model/validate';

export * from '@site/src/model/sendfile';

// Wrong: sendfile() always copies into the socket buffer with the CPU, even when the NIC can
// gather (scatter-gather on): "zero-copy" is taken to mean only that user space is skipped.
export function sendfileCallSteps(bytes: number, pageCache: PageCacheState = 'miss', nic: NicFeatures = DEFAULT_NIC): Step[] {
  requireInteger('bytes', bytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  requireOneOf('pageCache', pageCache, ['miss', 'hit'] as const);
  zeroCopyCapable(nic); // checks the features
  const diskRead: Step[] =
    pageCache === 'miss'
      ? [
          {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'sendfile', async: false},
          {kind: 'interrupt', source: 'disk', syscall: 'sendfile'},
        ]
      : [];
  return [
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
    ...diskRead,
    {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'sendfile', async: false},
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
    {kind: 'copy', engine: 'dma', from: 'socket-buffer', to: 'nic', bytes, syscall: 'sendfile', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
  ];
}
