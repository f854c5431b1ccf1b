// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {blockDmaPlan, type ContiguousBlock, type PhysicalBuffer} from '@site/src/model/dma';

export * from '@site/src/model/dma';

// Wrong: the buffers are sorted by address first, so adjacent buffers given out of order are
// joined, though the engine walks one list upward in the order it was given.
export function contiguousBlocks(buffers: readonly PhysicalBuffer[]): ContiguousBlock[] {
  blockDmaPlan(buffers); // the model's checks (sizes, overlaps)
  const blocks: ContiguousBlock[] = [];
  for (const buffer of [...buffers].sort((a, b) => a.address - b.address)) {
    const last = blocks.at(-1);
    if (last && last.address + last.length === buffer.address) {
      blocks[blocks.length - 1] = {...last, length: last.length + buffer.length, bufferCount: last.bufferCount + 1};
    } else {
      blocks.push({address: buffer.address, length: buffer.length, bufferCount: 1});
    }
  }
  return blocks;
}
