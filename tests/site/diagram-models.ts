// How each model module describes the events a diagram declaring `%% model: <name> ...`
// must show, in order. A chapter that adds a model for its diagrams adds an entry here.
import type {Step, Trace} from '../../src/model/types';
import {readWriteTrace} from '../../src/model/read-write';
import {CAT_FILE_PROGRAM, VDSO_CALL_NAMES, programTimeline, type ProgramOp, type VdsoCallName} from '../../src/model/user-kernel';
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
  // `program=cat` is CAT_FILE_PROGRAM; `ops=getppid,clock_gettime,read-blocking,work-250` lists one:
  // a vDSO name is a vDSO call, `-blocking` marks a syscall that sleeps, `work-<ns>` is user work.
  'user-kernel': (p) =>
    programTimeline(
      p.program === 'cat'
        ? CAT_FILE_PROGRAM
        : (p.ops ?? '').split(',').map((item): ProgramOp => {
            if (item.startsWith('work-')) return {kind: 'user-work', ns: numberParam({ns: item.slice(5)}, 'ns')};
            if (VDSO_CALL_NAMES.includes(item as VdsoCallName)) return {kind: 'vdso', name: item as VdsoCallName};
            const name = item.replace(/-blocking$/, '') as Extract<ProgramOp, {kind: 'syscall'}>['name'];
            return {kind: 'syscall', name, blocks: item.endsWith('-blocking')};
          }),
    ).flatMap(({event}): DiagramEvent[] =>
      event.kind === 'mode-switch'
        ? [event.direction === 'user-to-kernel' ? 'enter-kernel' : 'leave-kernel']
        : event.kind === 'context-switch'
          ? ['context-switch']
          : [],
    ),
};
