// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {cpuTimeline as modelTimeline, DEFAULT_DMA_PARAMS, type CpuTimeline, type DmaMode, type DmaParams} from '@site/src/model/dma';

export * from '@site/src/model/dma';

// Wrong: with DMA the engine is taken to finish as soon as it is set up, so the transfer seems
// to take no time at all and the interrupt comes right after setup.
export function cpuTimeline(bytes: number, mode: DmaMode, params: DmaParams = DEFAULT_DMA_PARAMS): CpuTimeline {
  const right = modelTimeline(bytes, mode, params);
  if (mode === 'pio' || bytes === 0) return right;
  const doneAt = params.setupCycles;
  return {
    ...right,
    segments: [
      {activity: 'setup', startCycle: 0, cycles: params.setupCycles},
      {activity: 'interrupt', startCycle: doneAt, cycles: params.interruptCycles},
    ],
    interruptAtCycles: [doneAt],
    totalCycles: doneAt + params.interruptCycles,
  };
}
