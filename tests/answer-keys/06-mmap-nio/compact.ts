// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {validateByteBuffer, type ByteBufferState} from '@site/src/model/mmap-nio';

export * from '@site/src/model/mmap-nio';

// Wrong: the unread bytes move to the front, but the position goes back to 0, so the next put()
// overwrites the bytes compact() was meant to keep.
export function compact(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  const kept = buffer.limit - buffer.position;
  const bytes = [...buffer.bytes.slice(buffer.position, buffer.limit), ...buffer.bytes.slice(kept)];
  return {...buffer, bytes, position: 0, limit: buffer.capacity, mark: null};
}
