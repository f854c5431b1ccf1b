// Translatable sentences for the readout: what each stop of one sendfile() does, in words a
// screen reader can follow. Every number comes from the model's result.
import {translate} from '@docusaurus/Translate';
import type {Descriptor, NicFeature, SgTransfer} from '@site/src/model/scatter-gather';
import {formatBytesForReader} from '@site/src/components/shared/format';
import type {Stop} from './stops';

export const hex = (value: number): string => `0x${value.toString(16)}`;

/** "P2" or "P2–P4": the file pages a descriptor covers. */
export function pageSpan(pages: readonly number[]): string {
  if (pages.length === 0) return '';
  return pages.length === 1 ? `P${pages[0]}` : `P${pages[0]}–P${pages[pages.length - 1]}`;
}

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

/** Why the copy path was taken, naming the features as the reader toggled them. */
export function copyReason(missing: readonly NicFeature[]): string {
  return missing.includes('checksumOffload')
    ? translate({id: 'gatherList.reason.checksum', message: 'the kernel drops scatter-gather on a device without checksum offload'})
    : translate({id: 'gatherList.reason.sg', message: 'without scatter-gather the NIC can only read one contiguous buffer'});
}

interface StopContext {
  readonly transfer: SgTransfer;
  readonly descriptors: readonly Descriptor[];
  /** File pages each descriptor covers. */
  readonly pagesOf: readonly (readonly number[])[];
  readonly pageCount: number;
  readonly blocks: number;
}

export function describeStop(stop: Stop, context: StopContext): string {
  const {transfer, descriptors, pagesOf, pageCount, blocks} = context;
  const step = stop.step;
  // The NIC's DMA moves the whole send on either path.
  const bytes = formatBytesForReader(transfer.summary.dmaBytes);
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
          id: 'gatherList.stop.descriptors',
          message: 'The kernel appends {n} descriptors, (address, length) pairs for {bytes}, to the socket buffer. No byte is copied.',
        },
        {n: step.descriptors, bytes: formatBytesForReader(step.bytes)},
      );
    case 'copy': {
      if (step.engine === 'cpu') {
        return translate(
          {
            id: 'gatherList.stop.cpuCopy',
            message: 'CPU copy: the kernel copies {pages} pages ({bytes}) from the page cache into one contiguous socket buffer, because {reason}.',
          },
          {pages: pageCount, bytes: formatBytesForReader(step.bytes), reason: copyReason(transfer.missing)},
        );
      }
      if (stop.descriptor === null) {
        return translate(
          {
            id: 'gatherList.stop.dmaCopy',
            message: 'DMA copy: the NIC reads the socket buffer, {bytes} in one piece, after sendfile() has returned.',
          },
          {bytes: formatBytesForReader(step.bytes)},
        );
      }
      const descriptor = descriptors[stop.descriptor];
      return translate(
        {
          id: 'gatherList.stop.gather',
          message: 'DMA copy, gathered: the NIC reads descriptor {k} of {n}, {bytes} at {address} ({pages}), straight from the page cache.',
        },
        {
          k: stop.descriptor + 1,
          n: descriptors.length,
          bytes: formatBytesForReader(descriptor.length),
          address: hex(descriptor.address),
          pages: pageSpan(pagesOf[stop.descriptor]),
        },
      );
    }
    case 'interrupt':
      return transfer.path === 'gather'
        ? translate(
            {
              id: 'gatherList.stop.interruptGather',
              message: 'Interrupt: the NIC reports the whole list of {n} descriptors done, one interrupt. Block DMA would have raised {blocks}, one per block.',
            },
            {n: descriptors.length, blocks},
          )
        : translate({id: 'gatherList.stop.interruptCopy', message: 'Interrupt: the NIC reports the {bytes} sent.'}, {bytes});
    case 'cpu-pass':
      return translate(
        {
          id: 'gatherList.stop.checksum',
          message: 'CPU pass: the NIC cannot compute the checksum, so the CPU reads all {bytes} to compute it. Nothing is copied.',
        },
        {bytes: formatBytesForReader(step.bytes)},
      );
    case 'page-fault':
      // sendfile() of cached pages takes no page faults; the model never produces one here.
      return '';
  }
}
