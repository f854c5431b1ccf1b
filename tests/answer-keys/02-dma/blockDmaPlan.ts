// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {contiguousBlocks, DEFAULT_DMA_PARAMS, dmaCpuCycles, pioCpuCycles, validateDmaParams, type BlockDmaPlan, type DmaParams, type PhysicalBuffer} from '@site/src/model/dma';

export * from '@site/src/model/dma';

// Wrong: one transfer per block, but one interrupt (and its cycles) per buffer.
export function blockDmaPlan(buffers: readonly PhysicalBuffer[], params: DmaParams = DEFAULT_DMA_PARAMS): BlockDmaPlan {
  validateDmaParams(params);
  const blocks = contiguousBlocks(buffers);
  const bytes = blocks.reduce((sum, block) => sum + block.length, 0);
  return {
    blocks,
    bytes,
    transfers: blocks.length,
    interrupts: buffers.length,
    dmaCpuCycles: dmaCpuCycles(bytes, buffers.length, params),
    pioCpuCycles: blocks.reduce((sum, block) => sum + pioCpuCycles(block.length, params), 0),
  };
}
