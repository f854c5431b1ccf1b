// Translatable sentences for the readout: what each stop of one sendfile() does, in words a
// screen reader can follow. Every number comes from the model's result.
import {translate} from '@docusaurus/Translate';
import type {Fragment, NicFeature, SgTransfer} from '@site/src/model/scatter-gather';
import {formatBytesForReader} from '@site/src/components/shared/format';
import type {Stop} from './stops';

export const hex = (value: number): string => `0x${value.toString(16)}`;

/** "checksum offload", "scatter-gather and checksum offload". */
export function missingFeatures(missing: readonly NicFeature[]): string {
  return missing
    .map((feature) =>
      feature === 'scatterGather'
        ? translate({id: 'gatherList.feature.scatterGather', message: 'scatter-gather'})
        : translate({id: 'gatherList.feature.checksumOffload', message: 'checksum offload'}),
    )
    .join(translate({id: 'gatherList.feature.and', message: ' and '}));
}

/** What the CPU does on this path, naming the features as the reader toggled them. */
export function pathReason(transfer: SgTransfer): string {
  if (transfer.path === 'copy') {
    return translate({id: 'gatherList.reason.sg', message: 'without scatter-gather the NIC can only read linear buffers'});
  }
  return translate({id: 'gatherList.reason.checksum', message: 'without checksum offload the CPU must compute the checksum'});
}

interface StopContext {
  readonly transfer: SgTransfer;
  /** One per page, in file order: fragment i is page i. */
  readonly fragments: readonly Fragment[];
  readonly pageCount: number;
}

export function describeStop(stop: Stop, context: StopContext): string {
  const {transfer, fragments, pageCount} = context;
  const step = stop.step;
  switch (step.kind) {
    case 'mode-switch':
      return step.direction === 'user-to-kernel'
        ? translate({id: 'gatherList.stop.enter', message: 'sendfile() enters the kernel: mode switch to kernel.'})
        : translate({
            id: 'gatherList.stop.leave',
            message: 'sendfile() returns: mode switch to user. The NIC has its work queued and sends later, on its own.',
          });
    case 'descriptor':
      return translate(
        {
          id: 'gatherList.stop.fragments',
          message: 'The kernel appends {n} page references (skb fragments: page, offset, length) for {bytes} to the socket buffer. No byte is copied.',
        },
        {n: step.descriptors, bytes: formatBytesForReader(step.bytes)},
      );
    case 'copy': {
      if (step.engine === 'cpu') {
        return translate(
          {
            id: 'gatherList.stop.cpuCopy',
            message: 'CPU copy: the kernel copies {pages} pages ({bytes}) from the page cache into linear socket buffers, because {reason}.',
          },
          {pages: pageCount, bytes: formatBytesForReader(step.bytes), reason: pathReason(transfer)},
        );
      }
      if (stop.descriptor === null) {
        return translate(
          {
            id: 'gatherList.stop.dmaCopy',
            message: 'DMA copy: the NIC reads the linear socket buffers, {bytes}, after sendfile() has returned.',
          },
          {bytes: formatBytesForReader(step.bytes)},
        );
      }
      const fragment = fragments[stop.descriptor];
      return translate(
        {
          id: 'gatherList.stop.gather',
          message: 'DMA copy, gathered: the NIC reads descriptor {k} of {n}, {bytes} at DMA address {address} (page P{page}), straight from the page cache.',
        },
        {
          k: stop.descriptor + 1,
          n: fragments.length,
          bytes: formatBytesForReader(fragment.length),
          address: hex(fragment.dmaAddress),
          page: fragment.page,
        },
      );
    }
    case 'interrupt':
      return translate(
        {
          id: 'gatherList.stop.interrupt',
          message: 'Interrupt: the NIC has written its completions back to the ring and raises an interrupt; NAPI then reclaims the sent buffers. With coalescing, one interrupt can cover many packets.',
        },
      );
    case 'cpu-pass':
      return translate(
        {
          id: 'gatherList.stop.checksum',
          message: 'CPU pass: the NIC cannot compute the checksum, so the CPU reads all {bytes} in the page cache to compute it (skb_checksum_help()). Nothing is copied.',
        },
        {bytes: formatBytesForReader(step.bytes)},
      );
    case 'page-fault':
      // sendfile() of cached pages takes no page faults; the model never produces one here.
      return '';
  }
}
