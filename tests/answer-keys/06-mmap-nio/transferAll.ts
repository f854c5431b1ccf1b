// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {transferAll as modelAll, type TransferAllResult, type TransferToChannel} from '@site/src/model/mmap-nio';
import {MAX_EXACT_BYTES} from '@site/src/model/units';
import {requireInteger} from '@site/src/model/validate';

export * from '@site/src/model/mmap-nio';

// Wrong: a transferTo() that returns 0 is taken for the end of the file, but on a non-blocking
// target it means "full, try again after awaitWritable()".
export function transferAll(channel: TransferToChannel, count: number, position = 0): TransferAllResult {
  requireInteger('count', count, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  modelAll({...channel, transferTo: () => 0, awaitWritable: () => undefined, fileSize: channel.fileSize}, 0, position); // the model's other input checks
  let at = position;
  let calls = 0;
  const end = Math.max(position, Math.min(position + count, channel.fileSize));
  while (at < end) {
    const moved = channel.transferTo(at, end - at);
    calls++;
    if (moved === 0) break;
    at += moved;
  }
  return {bytes: at - position, calls, waits: 0};
}
