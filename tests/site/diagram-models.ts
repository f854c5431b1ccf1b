// How each model module describes the events a diagram declaring `%% model: <name> ...`
// must show, in order. A chapter that adds a model for its diagrams adds an entry here.
import type {Step, Trace} from '../../src/model/types';
import {readWriteTrace} from '../../src/model/read-write';
import {sendfileTrace} from '../../src/model/sendfile';
import {CAT_FILE_PROGRAM, VDSO_CALL_NAMES, programTimeline, type ProgramOp, type VdsoCallName} from '../../src/model/user-kernel';
import {DMA_MODES, blockDmaPlan, cpuTimeline, type CpuActivity, type DmaMode} from '../../src/model/dma';
import {sgTransfer} from '../../src/model/scatter-gather';
import {mmapWriteTrace, transferToPath, type JdkVersion, type TransferTarget} from '../../src/model/mmap-nio';
import {spliceTrace} from '../../src/model/splice';
import {copyFileRangeSummary, msgZerocopySummary} from '../../src/model/overview';
import type {DiagramEvent} from './mermaid-source';

type Params = Readonly<Record<string, string>>;

export function numberParam(params: Params, key: string): number {
  const value = Number(params[key]);
  if (!Number.isFinite(value)) throw new Error(`diagram model parameter ${key} must be a number; got "${params[key]}"`);
  return value;
}

/** An `on`/`off` parameter, such as a NIC feature. */
export function switchParam(params: Params, key: string): boolean {
  if (params[key] !== 'on' && params[key] !== 'off') {
    throw new Error(`diagram model parameter ${key} must be on or off; got "${params[key]}"`);
  }
  return params[key] === 'on';
}

/** sendfile() asking for the whole file, every call listed. */
function sendfileEvents(p: Params): DiagramEvent[] {
  return traceEvents(
    sendfileTrace(numberParam(p, 'fileSize'), {
      pageCache: p.pageCache === 'hit' ? 'hit' : 'miss',
      nic: {scatterGather: switchParam(p, 'scatterGather'), checksumOffload: switchParam(p, 'checksumOffload')},
      listedChunks: 1000,
    }),
  );
}

export function stepEvent(step: Step): DiagramEvent {
  switch (step.kind) {
    case 'mode-switch':
      return step.direction === 'user-to-kernel' ? 'enter-kernel' : 'leave-kernel';
    case 'copy':
      return step.engine === 'cpu' ? 'cpu-copy' : 'dma-copy';
    case 'descriptor':
      return 'descriptor';
    case 'cpu-pass':
      return 'cpu-pass';
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
  // `mode=pio bytes=4096` or `mode=dma bytes=4096`: one transfer, from the model's CPU timeline.
  // `buffers=0x1000+4096,0x8000+4096` (address+length, in order): block DMA, one transfer per
  // contiguous block; add `mode=pio` to copy the same blocks by PIO instead.
  dma: (p) => {
    const mode = (p.mode ?? 'dma') as DmaMode;
    if (!DMA_MODES.includes(mode)) throw new Error(`diagram model parameter mode must be pio or dma; got "${p.mode}"`);
    const transfers = p.buffers
      ? blockDmaPlan(
          p.buffers.split(',').map((buffer) => {
            const [address, length] = buffer.split('+');
            return {address: numberParam({address}, 'address'), length: numberParam({length}, 'length')};
          }),
        ).blocks.map((block) => block.length)
      : [numberParam(p, 'bytes')];
    // The CPU copying is a CPU copy; the CPU being free is the engine's DMA copy; setup is narration.
    const events: Record<CpuActivity, DiagramEvent[]> = {copying: ['cpu-copy'], setup: [], free: ['dma-copy'], interrupt: ['interrupt']};
    return transfers.flatMap((bytes) => cpuTimeline(bytes, mode).segments.flatMap((segment) => events[segment.activity]));
  },
  // `bytes=8192 descriptors=2 scatterGather=on checksumOffload=off`: one sendfile() of cached
  // pages, in that many descriptors, with the NIC's features on or off.
  'scatter-gather': (p) => {
    return sgTransfer(numberParam(p, 'bytes'), numberParam(p, 'descriptors'), {
      scatterGather: switchParam(p, 'scatterGather'),
      checksumOffload: switchParam(p, 'checksumOffload'),
    }).steps.map(stepEvent);
  },
  // `fileSize=4096 pageCache=miss scatterGather=off checksumOffload=off`: sendfile() asking for the
  // whole file, every call listed, with the NIC's features on or off.
  sendfile: sendfileEvents,
  // `fileSize=4096 pageCache=miss` (optional `readaheadPages=32 writeChunk=4096`): a program maps
  // the file, sends it with write() calls, and unmaps it; every write() listed.
  'mmap-write': (p) =>
    traceEvents(
      mmapWriteTrace(numberParam(p, 'fileSize'), {
        pageCache: p.pageCache === 'hit' ? 'hit' : 'miss',
        readaheadPages: p.readaheadPages === undefined ? undefined : numberParam(p, 'readaheadPages'),
        writeChunk: p.writeChunk === undefined ? undefined : numberParam(p, 'writeChunk'),
        listedChunks: 1000,
      }),
    ),
  // `fileSize=8192 pageCache=miss scatterGather=on checksumOffload=on` (optional `pipeBytes`):
  // a file spliced into a pipe and the pipe into a socket, round after round, every call listed.
  splice: (p) =>
    traceEvents(
      spliceTrace(numberParam(p, 'fileSize'), {
        pageCache: p.pageCache === 'hit' ? 'hit' : 'miss',
        nic: {scatterGather: switchParam(p, 'scatterGather'), checksumOffload: switchParam(p, 'checksumOffload')},
        pipeBytes: p.pipeBytes === undefined ? undefined : numberParam(p, 'pipeBytes'),
        listedChunks: 1000,
      }),
    ),
  // `bytes=131072 pieceBytes=65536 completionReads=1`: send(MSG_ZEROCOPY) of user memory. Each send
  // enters the kernel, hands the pinned pages to the socket by reference and returns; the NIC's
  // DMA reads them later; then the program reads its completions from the error queue.
  'msg-zerocopy': (p) => {
    const summary = msgZerocopySummary(numberParam(p, 'bytes'), numberParam(p, 'pieceBytes'), p.completionReads === undefined ? undefined : numberParam(p, 'completionReads'));
    const sends = summary.dmaCopies;
    const reads = summary.syscalls - sends;
    const send: DiagramEvent[] = ['enter-kernel', 'descriptor', 'leave-kernel', 'dma-copy'];
    const read: DiagramEvent[] = ['enter-kernel', 'leave-kernel'];
    return [...Array.from({length: sends}, () => send).flat(), ...Array.from({length: reads}, () => read).flat()];
  },
  // `fileSize=4096 mode=copy|reflink pageCache=miss`: one copy_file_range() call; the copy's writeback
  // DMA happens after the call returns.
  'copy-file-range': (p) => {
    const mode = p.mode === 'reflink' ? 'reflink' : 'copy';
    const pageCache = p.pageCache === 'hit' ? 'hit' : 'miss';
    const summary = copyFileRangeSummary(numberParam(p, 'fileSize'), mode, pageCache);
    if (summary.syscalls !== 1) throw new Error('a copy_file_range() diagram shows one call: choose a file under 2 GiB');
    const events: DiagramEvent[] =
      mode === 'reflink'
        ? ['enter-kernel', 'leave-kernel']
        : ['enter-kernel', ...(pageCache === 'miss' ? (['dma-copy', 'interrupt'] as const) : []), 'cpu-copy', 'leave-kernel', 'dma-copy', 'interrupt'];
    // The order is the diagram's story; the counts must be the model's.
    const count = (event: DiagramEvent) => events.filter((e) => e === event).length;
    if (count('cpu-copy') !== summary.cpuCopies || count('dma-copy') !== summary.dmaCopies || count('enter-kernel') !== summary.syscalls) {
      throw new Error(`copy_file_range() events disagree with the model's summary ${JSON.stringify(summary)}`);
    }
    return events;
  },
  // `target=socket jdk=17 fileSize=4096 pageCache=miss scatterGather=off checksumOffload=off`: one
  // FileChannel.transferTo on Linux. The diagram draws the sendfile path, so the model must say
  // the JDK goes straight to sendfile for that target; the events are then sendfile()'s.
  'transfer-to': (p) => {
    const route = transferToPath({source: 'file', target: p.target as TransferTarget, jdk: numberParam(p, 'jdk') as JdkVersion, count: numberParam(p, 'fileSize')});
    if (route.path !== 'sendfile' || route.attempts.length !== 1) {
      throw new Error(`transferTo to ${p.target} on JDK ${p.jdk} takes ${route.attempts.join(' then ')}, not sendfile alone`);
    }
    return sendfileEvents(p);
  },
};
