// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {validateByteBuffer, type ByteBufferState} from '@site/src/model/mmap-nio';

export * from '@site/src/model/mmap-nio';

// Wrong: flip() only goes back to the start (what rewind() does); the limit stays at the
// capacity, so a reader would read past what was written.
export function flip(buffer: ByteBufferState): ByteBufferState {
  validateByteBuffer(buffer);
  return {...buffer, position: 0, mark: null};
}
