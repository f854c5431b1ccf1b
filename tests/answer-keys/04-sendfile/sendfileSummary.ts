// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {Summary} from '@site/src/model/types';
import {EMPTY_SUMMARY, summarizeSteps} from '@site/src/model/summary';
import {DEFAULT_NIC, sendfileCallSteps, type SendfileOptions} from '@site/src/model/sendfile';
import {MAX_EXACT_BYTES} from '@site/src/model/units';
import {requireInteger} from '@site/src/model/validate';

export * from '@site/src/model/sendfile';

// Wrong: one sendfile() call for the whole file, whatever its size: the per-call cap is forgotten.
export function sendfileSummary(fileSize: number, options: SendfileOptions = {}): Summary {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const perCall = summarizeSteps(sendfileCallSteps(1, options.pageCache ?? 'miss', options.nic ?? DEFAULT_NIC));
  if (fileSize === 0) return EMPTY_SUMMARY;
  return {
    ...perCall,
    cpuBytes: perCall.cpuBytes * fileSize,
    cpuPassBytes: perCall.cpuPassBytes * fileSize,
    dmaBytes: perCall.dmaBytes * fileSize,
    sentBytes: fileSize,
  };
}
