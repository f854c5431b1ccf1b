// The stops the stepper walks through: the model's steps for one sendfile(), with the NIC's
// gathering DMA shown one descriptor at a time. Counters still come from the model's steps.
import type {Descriptor, SgTransfer} from '@site/src/model/scatter-gather';
import type {Step} from '@site/src/model/types';

export interface Stop {
  /** Index of the model step this stop belongs to. */
  readonly stepIndex: number;
  readonly step: Step;
  /** On the gather path's DMA step: which descriptor the NIC is reading now. */
  readonly descriptor: number | null;
}

export function transferStops(transfer: SgTransfer): Stop[] {
  return transfer.steps.flatMap((step, stepIndex): Stop[] => {
    const gathering = transfer.path === 'gather' && step.kind === 'copy' && step.engine === 'dma';
    if (!gathering) return [{stepIndex, step, descriptor: null}];
    return Array.from({length: transfer.descriptors}, (_, descriptor) => ({stepIndex, step, descriptor}));
  });
}

/** For each page (frames in file order), the index of the descriptor that covers it. */
export function descriptorOfPage(frames: readonly number[], descriptors: readonly Descriptor[], pageSize: number): number[] {
  return frames.map((frame) => {
    const address = frame * pageSize;
    return descriptors.findIndex((d) => d.address <= address + pageSize - 1 && address < d.address + d.length);
  });
}
