// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {DEFAULT_DMA_PARAMS, validateDmaParams, type DmaParams} from '@site/src/model/dma';
import {MAX_EXACT_BYTES} from '@site/src/model/units';
import {requireInteger} from '@site/src/model/validate';

export * from '@site/src/model/dma';

// Wrong: the CPU is still charged for every word, as if it copied the bytes the engine moves.
export function dmaCpuCycles(bytes: number, transfers: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  requireInteger('bytes', bytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  requireInteger('transfers', transfers, {min: bytes === 0 ? 0 : 1, max: bytes, unit: 'transfers'});
  validateDmaParams(params);
  return transfers * (params.setupCycles + params.interruptCycles) + Math.ceil(bytes / params.wordBytes) * params.cyclesPerWord;
}
