// Plain-language descriptions of model steps, translatable, for the step list and the
// screen-reader readout.
import {translate} from '@docusaurus/Translate';
import type {Region, Step} from '@site/src/model/types';
import {formatBytesForReader} from '@site/src/components/shared/format';

export function regionName(region: Region): string {
  switch (region) {
    case 'disk':
      return translate({id: 'region.disk', message: 'disk'});
    case 'page-cache':
      return translate({id: 'region.pageCache', message: 'page cache'});
    case 'user-buffer':
      return translate({id: 'region.userBuffer', message: 'user buffer'});
    case 'socket-buffer':
      return translate({id: 'region.socketBuffer', message: 'socket buffer'});
    case 'nic':
      return translate({id: 'region.nic', message: 'NIC'});
  }
}

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'mode-switch':
      return step.direction === 'user-to-kernel'
        ? translate({id: 'step.enter', message: '{syscall}(): mode switch, user to kernel'}, {syscall: step.syscall})
        : translate({id: 'step.leave', message: '{syscall}() returns: mode switch, kernel to user'}, {syscall: step.syscall});
    case 'copy': {
      const values = {bytes: formatBytesForReader(step.bytes), from: regionName(step.from), to: regionName(step.to)};
      if (step.engine === 'cpu') {
        return translate({id: 'step.cpuCopy', message: 'CPU copy: {bytes}, {from} to {to}'}, values);
      }
      return step.async
        ? translate({id: 'step.dmaCopyAsync', message: 'DMA copy: {bytes}, {from} to {to}, after the call has returned'}, values)
        : translate({id: 'step.dmaCopy', message: 'DMA copy: {bytes}, {from} to {to}'}, values);
    }
    case 'descriptor':
      return translate(
        {id: 'step.descriptor', message: '{descriptors} descriptor(s) for {bytes} appended to the {to}; no bytes copied'},
        {descriptors: step.descriptors, bytes: formatBytesForReader(step.bytes), to: regionName(step.to)},
      );
    case 'cpu-pass':
      return translate(
        {id: 'step.cpuPass', message: 'CPU pass: the CPU reads {bytes} in the {region} to compute the checksum; nothing is copied'},
        {bytes: formatBytesForReader(step.bytes), region: regionName(step.region)},
      );
    case 'interrupt':
      return translate({id: 'step.interrupt', message: 'Interrupt: the {source} reports the transfer done'}, {
        source: regionName(step.source),
      });
    case 'page-fault':
      return step.major
        ? translate({id: 'step.majorFaults', message: 'Major page faults: {pages}; the pages must come from disk'}, {pages: step.pages})
        : translate({id: 'step.minorFaults', message: 'Minor page faults: {pages}; the pages are already in the page cache'}, {
            pages: step.pages,
          });
  }
}
