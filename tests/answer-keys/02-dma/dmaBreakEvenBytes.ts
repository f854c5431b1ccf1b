// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {DEFAULT_DMA_PARAMS, validateDmaParams, type DmaParams} from '@site/src/model/dma';

export * from '@site/src/model/dma';

// Wrong: the size where the two costs are equal, not the first size where DMA costs less.
export function dmaBreakEvenBytes(params: DmaParams = DEFAULT_DMA_PARAMS): number {
  validateDmaParams(params);
  return ((params.setupCycles + params.interruptCycles) / params.cyclesPerWord) * params.wordBytes;
}
