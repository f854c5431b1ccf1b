// The stops the stepper walks through: the model's steps for one sendfile(), with the NIC's
// gathering DMA shown one fragment (one descriptor) at a time. Counters still come from the
// model's steps.
import type {SgTransfer} from '@site/src/model/scatter-gather';
import type {Step} from '@site/src/model/types';

export interface Stop {
  /** Index of the model step this stop belongs to. */
  readonly stepIndex: number;
  readonly step: Step;
  /** On a gather path's DMA step: which fragment's descriptor the NIC is reading now. */
  readonly descriptor: number | null;
}

export function transferStops(transfer: SgTransfer): Stop[] {
  return transfer.steps.flatMap((step, stepIndex): Stop[] => {
    const gathering = transfer.path !== 'copy' && step.kind === 'copy' && step.engine === 'dma';
    if (!gathering) return [{stepIndex, step, descriptor: null}];
    return Array.from({length: transfer.descriptors}, (_, descriptor) => ({stepIndex, step, descriptor}));
  });
}
