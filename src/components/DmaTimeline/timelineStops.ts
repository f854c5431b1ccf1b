// Reading the model's two CPU timelines (PIO and DMA) at chosen cycles: where the step-through
// cursor stops, what each CPU is doing there, what has been counted so far, and where a cycle
// is drawn. The timelines themselves come from src/model/dma.ts; nothing here computes a cost.
import type {CpuActivity, CpuTimeline} from '@site/src/model/dma';

/** What one CPU is doing from a stop onwards: a segment's activity, or finished with the transfer. */
export type StopActivity = CpuActivity | 'finished';

export interface TimelineStop {
  readonly cycle: number;
  readonly pio: StopActivity;
  readonly dma: StopActivity;
  /** True at the cycle the DMA engine's completion interrupt arrives. */
  readonly interruptArrives: boolean;
}

/** Where segments begin and end in either timeline, each cycle once, in order. */
export function boundaryCycles(timelines: readonly CpuTimeline[]): number[] {
  const cycles = new Set<number>();
  for (const timeline of timelines) {
    for (const segment of timeline.segments) {
      cycles.add(segment.startCycle);
      cycles.add(segment.startCycle + segment.cycles);
    }
  }
  return [...cycles].sort((a, b) => a - b);
}

/** The activity of the segment that runs from `cycle` onwards. */
export function activityAt(timeline: CpuTimeline, cycle: number): StopActivity {
  const segment = timeline.segments.find((s) => s.startCycle <= cycle && cycle < s.startCycle + s.cycles);
  return segment?.activity ?? 'finished';
}

/** The cursor's stops: every cycle where either CPU starts or stops doing something. */
export function timelineStops(pio: CpuTimeline, dma: CpuTimeline): TimelineStop[] {
  return boundaryCycles([pio, dma]).map((cycle) => ({
    cycle,
    pio: activityAt(pio, cycle),
    dma: activityAt(dma, cycle),
    interruptArrives: dma.interruptAtCycles.includes(cycle),
  }));
}

/** CPU cycles spent on the transfer up to `cycle`: every segment but 'free', cut at the cursor. */
export function busyCyclesUntil(timeline: CpuTimeline, cycle: number): number {
  return timeline.segments
    .filter((s) => s.activity !== 'free')
    .reduce((sum, s) => sum + Math.min(Math.max(cycle - s.startCycle, 0), s.cycles), 0);
}

/** Completion interrupts that have arrived by `cycle`. */
export function interruptsUntil(timeline: CpuTimeline, cycle: number): number {
  return timeline.interruptAtCycles.filter((at) => at <= cycle).length;
}

/**
 * How cycles map to positions along the drawn bars, in percent. True to scale when it can be;
 * otherwise every stretch between two boundaries gets at least `minPercent`, so that a
 * 1,000-cycle setup stays visible beside a transfer of millions of cycles.
 */
export interface DisplayScale {
  readonly toPercent: (cycle: number) => number;
  /** False when short stretches were widened. */
  readonly toScale: boolean;
}

export function displayScale(timelines: readonly CpuTimeline[], minPercent = 2.5): DisplayScale {
  const cycles = boundaryCycles(timelines);
  const total = cycles.at(-1) ?? 0;
  if (total === 0) return {toPercent: () => 0, toScale: true};
  const stretches = cycles.slice(1).map((end, i) => ({start: cycles[i], end}));
  const widths = stretches.map((s) => Math.max(((s.end - s.start) / total) * 100, minPercent));
  const sum = widths.reduce((a, b) => a + b, 0);
  const toScale = stretches.every((s) => ((s.end - s.start) / total) * 100 >= minPercent);
  const scaled = widths.map((w) => (w / sum) * 100);
  const toPercent = (cycle: number): number => {
    let left = 0;
    for (const [i, s] of stretches.entries()) {
      if (cycle <= s.end) return left + (scaled[i] * (Math.max(cycle, s.start) - s.start)) / (s.end - s.start);
      left += scaled[i];
    }
    return 100;
  };
  return {toPercent, toScale};
}
