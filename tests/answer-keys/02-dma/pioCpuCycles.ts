// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {DEFAULT_DMA_PARAMS, validateDmaParams, type DmaParams} from '@site/src/model/dma';
import {MAX_EXACT_BYTES} from '@site/src/model/units';
import {requireInteger} from '@site/src/model/validate';

export * from '@site/src/model/dma';

// Wrong: whole words only; the partial last word is dropped (Math.floor instead of Math.ceil).
export function pioCpuCycles(bytes: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  requireInteger('bytes', bytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  validateDmaParams(params);
  return Math.floor(bytes / params.wordBytes) * params.cyclesPerWord;
}
