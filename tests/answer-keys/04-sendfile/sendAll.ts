// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import type {SendAllResult, SimulatedKernel} from '@site/src/model/sendfile';
import {MAX_EXACT_BYTES} from '@site/src/model/units';
import {requireInteger} from '@site/src/model/validate';

export * from '@site/src/model/sendfile';

// Wrong: after a refusal (EINVAL, ENOSYS) the read()+write() fallback starts again from the
// beginning of the file, so bytes sendfile() already sent go out twice.
export function sendAll(kernel: SimulatedKernel, fileSize: number): SendAllResult {
  requireInteger('fileSize', fileSize, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  let offset = 0;
  let sendfileCalls = 0;
  let eagainWaits = 0;
  let fellBack = false;
  while (offset < fileSize) {
    let moved: number;
    if (fellBack) {
      moved = kernel.readWrite(offset, fileSize - offset);
    } else {
      const result = kernel.sendfile(offset, fileSize - offset);
      sendfileCalls++;
      if (typeof result !== 'number') {
        if (result.error === 'EAGAIN') {
          kernel.waitWritable();
          eagainWaits++;
        } else {
          fellBack = true;
          offset = 0;
        }
        continue;
      }
      moved = result;
    }
    if (moved === 0) throw new Error('The kernel sent 0 bytes before the end: did the file shrink?');
    offset += moved;
  }
  return {bytesSent: offset, sendfileCalls, eagainWaits, fellBack};
}
