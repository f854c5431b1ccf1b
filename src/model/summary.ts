import type {Step, Summary, Trace} from './types';

export const EMPTY_SUMMARY: Summary = {
  cpuCopies: 0,
  dmaCopies: 0,
  cpuBytes: 0,
  dmaBytes: 0,
  cpuPasses: 0,
  cpuPassBytes: 0,
  sentBytes: 0,
  modeSwitches: 0,
  syscalls: 0,
  interrupts: 0,
  pageFaults: 0,
};

export const SUMMARY_FIELDS: readonly (keyof Summary)[] = Object.keys(EMPTY_SUMMARY) as (keyof Summary)[];

/** What a single step adds to a summary. */
export function stepSummary(step: Step): Summary {
  switch (step.kind) {
    case 'mode-switch':
      // Every syscall enters the kernel exactly once, so entries count syscalls.
      return {
        ...EMPTY_SUMMARY,
        modeSwitches: 1,
        syscalls: step.direction === 'user-to-kernel' ? 1 : 0,
      };
    case 'copy': {
      const sentBytes = step.to === 'socket-buffer' ? step.bytes : 0;
      return step.engine === 'cpu'
        ? {...EMPTY_SUMMARY, cpuCopies: 1, cpuBytes: step.bytes, sentBytes}
        : {...EMPTY_SUMMARY, dmaCopies: 1, dmaBytes: step.bytes, sentBytes};
    }
    case 'descriptor':
      // Appending page references copies no payload, but the bytes are queued all the same.
      return {...EMPTY_SUMMARY, sentBytes: step.to === 'socket-buffer' ? step.bytes : 0};
    case 'cpu-pass':
      return {...EMPTY_SUMMARY, cpuPasses: 1, cpuPassBytes: step.bytes};
    case 'interrupt':
      return {...EMPTY_SUMMARY, interrupts: 1};
    case 'page-fault':
      return {...EMPTY_SUMMARY, pageFaults: step.pages};
  }
}

export function addSummaries(a: Summary, b: Summary): Summary {
  return {
    cpuCopies: a.cpuCopies + b.cpuCopies,
    dmaCopies: a.dmaCopies + b.dmaCopies,
    cpuBytes: a.cpuBytes + b.cpuBytes,
    dmaBytes: a.dmaBytes + b.dmaBytes,
    cpuPasses: a.cpuPasses + b.cpuPasses,
    cpuPassBytes: a.cpuPassBytes + b.cpuPassBytes,
    sentBytes: a.sentBytes + b.sentBytes,
    modeSwitches: a.modeSwitches + b.modeSwitches,
    syscalls: a.syscalls + b.syscalls,
    interrupts: a.interrupts + b.interrupts,
    pageFaults: a.pageFaults + b.pageFaults,
  };
}

/** `summary` repeated `times` times: how aggregated chunks are counted without listing them. */
export function scaleSummary(summary: Summary, times: number): Summary {
  return {
    cpuCopies: summary.cpuCopies * times,
    dmaCopies: summary.dmaCopies * times,
    cpuBytes: summary.cpuBytes * times,
    dmaBytes: summary.dmaBytes * times,
    cpuPasses: summary.cpuPasses * times,
    cpuPassBytes: summary.cpuPassBytes * times,
    sentBytes: summary.sentBytes * times,
    modeSwitches: summary.modeSwitches * times,
    syscalls: summary.syscalls * times,
    interrupts: summary.interrupts * times,
    pageFaults: summary.pageFaults * times,
  };
}

export function subtractSummaries(a: Summary, b: Summary): Summary {
  return addSummaries(a, scaleSummary(b, -1));
}

export function summarizeSteps(steps: readonly Step[]): Summary {
  return steps.reduce((total, step) => addSummaries(total, stepSummary(step)), EMPTY_SUMMARY);
}

/** The summary of a whole trace: listed chunks step by step, plus the counted remainder. */
export function summarizeTrace(trace: Trace): Summary {
  const listed = trace.chunks.reduce(
    (total, chunk) => addSummaries(total, summarizeSteps(chunk.steps)),
    EMPTY_SUMMARY,
  );
  return trace.omitted ? addSummaries(listed, trace.omitted.summary) : listed;
}

/** Every step of a trace in order, for display. Omitted chunks are, by design, not here. */
export function traceSteps(trace: Trace): Step[] {
  return trace.chunks.flatMap((chunk) => chunk.steps);
}
