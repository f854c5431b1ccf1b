// Plain-language, translatable descriptions of what each CPU is doing at a cursor stop, for
// the readout a screen reader announces and for the legend.
import {translate} from '@docusaurus/Translate';
import type {DmaMode} from '@site/src/model/dma';
import type {StopActivity} from './timelineStops';

export function describeActivity(mode: DmaMode, activity: StopActivity): string {
  if (mode === 'pio') {
    switch (activity) {
      case 'copying':
        return translate({id: 'dmaTimeline.pio.copying', message: 'PIO: the CPU is copying, one word at a time'});
      case 'finished':
        return translate({id: 'dmaTimeline.pio.finished', message: 'PIO: finished, the CPU copied every word itself'});
      default:
        // The model's PIO timeline has only 'copying' segments.
        return translate({id: 'dmaTimeline.pio.other', message: 'PIO: the CPU is busy'});
    }
  }
  switch (activity) {
    case 'setup':
      return translate({id: 'dmaTimeline.dma.setup', message: 'DMA: the CPU programs the engine (bus address, length, start)'});
    case 'free':
      return translate({id: 'dmaTimeline.dma.free', message: 'DMA: the engine moves the bytes while the CPU is free for other work'});
    case 'interrupt':
      return translate({
        id: 'dmaTimeline.dma.interrupt',
        message: 'DMA: the completion interrupt arrives and the CPU runs its handler',
      });
    case 'finished':
      return translate({id: 'dmaTimeline.dma.finished', message: 'DMA: finished, the CPU is back to other work'});
    default:
      return translate({id: 'dmaTimeline.dma.other', message: 'DMA: the CPU is busy'});
  }
}

export function activityLabel(activity: StopActivity): string {
  switch (activity) {
    case 'copying':
      return translate({id: 'dmaTimeline.legend.copying', message: 'CPU copying words (PIO)'});
    case 'setup':
      return translate({id: 'dmaTimeline.legend.setup', message: 'CPU programs the DMA engine'});
    case 'free':
      return translate({id: 'dmaTimeline.legend.free', message: 'CPU free: the engine moves the bytes'});
    case 'interrupt':
      return translate({id: 'dmaTimeline.legend.interrupt', message: 'CPU handles the completion interrupt'});
    case 'finished':
      return translate({id: 'dmaTimeline.legend.finished', message: 'done'});
  }
}
