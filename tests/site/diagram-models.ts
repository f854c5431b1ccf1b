// How each model module describes the events a diagram declaring `%% model: <name> ...`
// must show, in order. A chapter that adds a model for its diagrams adds an entry here.
import type {Step, Trace} from '../../src/model/types';
import {readWriteTrace} from '../../src/model/read-write';
import type {DiagramEvent} from './mermaid-source';

type Params = Readonly<Record<string, string>>;

export function numberParam(params: Params, key: string): number {
  const value = Number(params[key]);
  if (!Number.isFinite(value)) throw new Error(`diagram model parameter ${key} must be a number; got "${params[key]}"`);
  return value;
}

export function stepEvent(step: Step): DiagramEvent {
  switch (step.kind) {
    case 'mode-switch':
      return step.direction === 'user-to-kernel' ? 'enter-kernel' : 'leave-kernel';
    case 'copy':
      return step.engine === 'cpu' ? 'cpu-copy' : 'dma-copy';
    case 'descriptor':
      return 'descriptor';
    case 'interrupt':
      return 'interrupt';
    case 'page-fault':
      return 'page-fault';
  }
}

export function traceEvents(trace: Trace): DiagramEvent[] {
  if (trace.omitted) throw new Error('a diagram must show every chunk of its case: choose a smaller file');
  return trace.chunks.flatMap((chunk) => chunk.steps.map(stepEvent));
}

export const DIAGRAM_MODELS: Record<string, (params: Params) => DiagramEvent[]> = {
  'read-write': (p) =>
    traceEvents(
      readWriteTrace(numberParam(p, 'fileSize'), numberParam(p, 'bufferSize'), {
        pageCache: p.pageCache === 'hit' ? 'hit' : 'miss',
        listedChunks: 1000,
      }),
    ),
};
