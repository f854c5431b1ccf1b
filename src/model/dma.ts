// Chapter 2: DMA, letting devices move the bytes. With programmed I/O (PIO) the CPU moves
// every word of a transfer through its own registers; with DMA it programs the device's DMA
// engine, is free while the engine moves the bytes, and is told by an interrupt when the
// transfer is done. The model counts CPU cycles for both, splits a set of buffers into the
// contiguous blocks a block DMA engine needs, and lays out CPU-busy timelines for the chapter.
//
// The block engine (one address and one length per transfer, one interrupt per transfer) is the
// historical baseline the chapter teaches with, not how current devices work: NICs work from
// descriptor rings with coalesced interrupts and NAPI polling, and storage controllers take
// gather lists (AHCI PRDT, NVMe PRP/SGL). Its counts are an upper bound that shows what
// gathering (chapter 5) saves.
//
// Every cost here is in CPU cycles, and every default is an illustrative assumption, not a
// measurement: the course's fact sheet has no cycle counts for PIO, DMA setup or interrupts.
import type {HardwareParamSource} from './cost';
import {MAX_EXACT_BYTES} from './units';
import {ModelInputError, requireInteger, requireOneOf, requirePositiveNumber} from './validate';

/** The CPU costs the chapter's comparisons are computed from. */
export interface DmaParams {
  /** Bytes moved per load or store: a PIO loop moves one word at a time. */
  readonly wordBytes: number;
  /**
   * Cycles one word takes to cross the bus. In PIO the CPU spends them; with DMA the engine
   * does, and the model assumes it needs the same number, because it uses the same bus.
   */
  readonly cyclesPerWord: number;
  /** CPU cycles to program the DMA engine for one transfer (address, length, start). */
  readonly setupCycles: number;
  /** CPU cycles to take one completion interrupt and run its handler. */
  readonly interruptCycles: number;
  /** The CPU's clock, to turn cycles into time for display. */
  readonly cpuHz: number;
}

export const DEFAULT_DMA_PARAMS: DmaParams = {
  wordBytes: 8,
  cyclesPerWord: 4,
  setupCycles: 1000,
  interruptCycles: 2000,
  cpuHz: 1e9,
};

/** Where each default comes from, for the chapter and the live component to show beside it. */
export const DMA_PARAM_SOURCES: Record<keyof DmaParams, HardwareParamSource> = {
  wordBytes: {
    label: 'Word size',
    unit: 'bytes',
    source: 'an assumption: a 64-bit CPU moving one 8-byte register per load or store',
  },
  cyclesPerWord: {
    label: 'Cycles per word',
    unit: 'cycles',
    source:
      'an assumption, not a measurement: a round number chosen so the timelines are readable. The model charges the DMA engine the same cycles per word, because both use the same bus',
  },
  setupCycles: {
    label: 'DMA setup',
    unit: 'cycles',
    source: 'an assumption, not a measurement: the CPU writing an address and a length to the engine and starting it',
  },
  interruptCycles: {
    label: 'Completion interrupt',
    unit: 'cycles',
    source: 'an assumption, not a measurement: taking the interrupt and running its handler',
  },
  cpuHz: {
    label: 'CPU clock',
    unit: 'Hz',
    source: 'an assumption: 1 GHz, chosen so that one cycle reads as one nanosecond',
  },
};

/** Throws a message naming the parameter, its value and the range it must be in. */
export function validateDmaParams(params: DmaParams): DmaParams {
  requireInteger('wordBytes', params.wordBytes, {min: 1, max: 4096, unit: 'bytes'});
  requireInteger('cyclesPerWord', params.cyclesPerWord, {min: 1, max: 1_000_000, unit: 'cycles'});
  requireInteger('setupCycles', params.setupCycles, {min: 1, max: 1_000_000_000, unit: 'cycles'});
  requireInteger('interruptCycles', params.interruptCycles, {min: 1, max: 1_000_000_000, unit: 'cycles'});
  requirePositiveNumber('cpuHz', params.cpuHz, 'hertz');
  return params;
}

/** Cycles as nanoseconds at the given clock, for labels such as "3 µs". */
export function cyclesToNs(cycles: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  validateDmaParams(params);
  return (cycles / params.cpuHz) * 1e9;
}

function requireBytes(bytes: number): number {
  return requireInteger('bytes', bytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
}

// A partial last word still costs a whole load and store.
function wordsFor(bytes: number, params: DmaParams): number {
  return Math.ceil(bytes / params.wordBytes);
}

/** CPU cycles to move `bytes` by programmed I/O: every word passes through the CPU. */
export function pioCpuCycles(bytes: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  requireBytes(bytes);
  validateDmaParams(params);
  return wordsFor(bytes, params) * params.cyclesPerWord;
}

/**
 * CPU cycles to move `bytes` with DMA in `transfers` transfers: the CPU programs the engine
 * and handles one completion interrupt per transfer, and never touches the bytes themselves,
 * so the answer does not depend on `bytes` at all.
 */
export function dmaCpuCycles(bytes: number, transfers: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  requireBytes(bytes);
  // Every transfer moves at least one byte, and any bytes need at least one transfer.
  requireInteger('transfers', transfers, {min: bytes === 0 ? 0 : 1, max: bytes, unit: 'transfers'});
  validateDmaParams(params);
  return transfers * (params.setupCycles + params.interruptCycles);
}

/**
 * The smallest transfer, in bytes, for which one DMA transfer costs the CPU fewer cycles than
 * PIO. Below it, programming the engine and taking its interrupt cost more than just copying.
 * Computed by arithmetic: PIO pays per word, DMA a fixed amount.
 */
export function dmaBreakEvenBytes(params: DmaParams = DEFAULT_DMA_PARAMS): number {
  validateDmaParams(params);
  // PIO must spend more than setup + interrupt: the first word count past that fixed cost.
  const words = Math.floor((params.setupCycles + params.interruptCycles) / params.cyclesPerWord) + 1;
  // The smallest byte count that needs that many words ends one byte into its last word.
  return (words - 1) * params.wordBytes + 1;
}

/** A buffer in memory, by the address the device sees (a bus address) and its length. */
export interface PhysicalBuffer {
  readonly address: number;
  readonly length: number;
}

/** A run of adjacent buffers a block DMA engine can move in one transfer. */
export interface ContiguousBlock {
  readonly address: number;
  readonly length: number;
  /** How many of the given buffers, consecutive in the given order, this block joins. */
  readonly bufferCount: number;
}

function validateBuffers(buffers: readonly PhysicalBuffer[]): void {
  buffers.forEach((buffer, index) => {
    const address = requireInteger(`buffers[${index}].address`, buffer.address, {
      min: 0,
      max: MAX_EXACT_BYTES - 1,
      unit: 'bytes',
    });
    // The end must stay an exact integer too, so the last byte's address is representable.
    requireInteger(`buffers[${index}].length`, buffer.length, {min: 1, max: MAX_EXACT_BYTES - address, unit: 'bytes'});
  });
  // Sorting by address makes overlap a neighbour check: O(n log n), not every pair.
  const byAddress = buffers.map((buffer, index) => ({...buffer, index})).sort((a, b) => a.address - b.address || a.index - b.index);
  let furthest: (typeof byAddress)[number] | undefined;
  for (const buffer of byAddress) {
    if (furthest && buffer.address < furthest.address + furthest.length) {
      const [earlier, later] = furthest.index < buffer.index ? [furthest, buffer] : [buffer, furthest];
      throw new ModelInputError(
        `buffers[${later.index}]`,
        buffers[later.index],
        `buffers[${later.index}] must not overlap another buffer; got bytes ${byteRange(later)}, which overlap buffers[${earlier.index}] (bytes ${byteRange(earlier)})`,
      );
    }
    if (!furthest || buffer.address + buffer.length > furthest.address + furthest.length) furthest = buffer;
  }
}

function byteRange(buffer: PhysicalBuffer): string {
  return `${buffer.address} to ${buffer.address + buffer.length - 1}`;
}

/**
 * Joins buffers that follow each other in memory into blocks. A block DMA engine is given one
 * start address and one length per transfer and walks upward from there, so a buffer joins the
 * block before it only if it starts exactly where that block ends, in the order given.
 */
export function contiguousBlocks(buffers: readonly PhysicalBuffer[]): ContiguousBlock[] {
  validateBuffers(buffers);
  const blocks: ContiguousBlock[] = [];
  for (const buffer of buffers) {
    const last = blocks.at(-1);
    if (last && last.address + last.length === buffer.address) {
      blocks[blocks.length - 1] = {...last, length: last.length + buffer.length, bufferCount: last.bufferCount + 1};
    } else {
      blocks.push({address: buffer.address, length: buffer.length, bufferCount: 1});
    }
  }
  return blocks;
}

/** What moving a set of buffers costs the CPU with block DMA, beside the same move by PIO. */
export interface BlockDmaPlan {
  readonly blocks: readonly ContiguousBlock[];
  readonly bytes: number;
  /** One transfer per contiguous block: a block engine cannot jump to another address. */
  readonly transfers: number;
  /** One completion interrupt per transfer. */
  readonly interrupts: number;
  readonly dmaCpuCycles: number;
  /** The CPU copying each block itself, one word at a time. */
  readonly pioCpuCycles: number;
}

/**
 * Block DMA over scattered buffers: every gap costs one more transfer and one more interrupt.
 * This is the cost scatter-gather DMA (chapter 5) removes by handing the engine a list; real
 * devices also coalesce completions, so one interrupt per transfer is an upper bound.
 */
export function blockDmaPlan(buffers: readonly PhysicalBuffer[], params: DmaParams = DEFAULT_DMA_PARAMS): BlockDmaPlan {
  validateDmaParams(params);
  const blocks = contiguousBlocks(buffers);
  const bytes = blocks.reduce((sum, block) => sum + block.length, 0);
  return {
    blocks,
    bytes,
    transfers: blocks.length,
    interrupts: blocks.length,
    dmaCpuCycles: dmaCpuCycles(bytes, blocks.length, params),
    pioCpuCycles: blocks.reduce((sum, block) => sum + pioCpuCycles(block.length, params), 0),
  };
}

export type DmaMode = 'pio' | 'dma';

export const DMA_MODES: readonly DmaMode[] = ['pio', 'dma'];

/**
 * What the CPU is doing during a segment of the timeline: copying words itself (PIO),
 * programming the DMA engine, free for other work while the engine moves the bytes, or
 * handling the engine's completion interrupt.
 */
export type CpuActivity = 'copying' | 'setup' | 'free' | 'interrupt';

export interface TimelineSegment {
  readonly activity: CpuActivity;
  readonly startCycle: number;
  readonly cycles: number;
}

/** One transfer seen from the CPU, for the chapter's PIO-versus-DMA timeline. */
export interface CpuTimeline {
  readonly mode: DmaMode;
  readonly bytes: number;
  /** Back to back from cycle 0; segments of zero length are left out. */
  readonly segments: readonly TimelineSegment[];
  /** The cycles at which completion interrupts arrive. */
  readonly interruptAtCycles: readonly number[];
  /** From the start of the first segment to the end of the last. */
  readonly totalCycles: number;
  /** Cycles the CPU spends on the transfer: every segment except 'free'. */
  readonly cpuBusyCycles: number;
  /**
   * Cycles the words spend crossing the bus: the same in both modes, by the model's
   * assumption that the engine moves a word as fast as the CPU would. DMA frees the CPU
   * for other work; in this model it does not make the transfer itself any shorter.
   */
  readonly transferCycles: number;
}

/**
 * The CPU's time during one transfer of `bytes`. A constant number of segments whatever the
 * size: a 1 GiB transfer is one long segment, not one object per word.
 */
export function cpuTimeline(bytes: number, mode: DmaMode, params: DmaParams = DEFAULT_DMA_PARAMS): CpuTimeline {
  requireBytes(bytes);
  requireOneOf('mode', mode, DMA_MODES);
  validateDmaParams(params);
  const transferCycles = pioCpuCycles(bytes, params);
  if (bytes === 0) {
    // Nothing to move: no copy, no transfer to program, no interrupt.
    return {mode, bytes, segments: [], interruptAtCycles: [], totalCycles: 0, cpuBusyCycles: 0, transferCycles: 0};
  }
  if (mode === 'pio') {
    // The CPU moved the last word itself, so it knows the transfer is done: the model's PIO
    // has no completion interrupt.
    return {
      mode,
      bytes,
      segments: [{activity: 'copying', startCycle: 0, cycles: transferCycles}],
      interruptAtCycles: [],
      totalCycles: transferCycles,
      cpuBusyCycles: transferCycles,
      transferCycles,
    };
  }
  const doneAt = params.setupCycles + transferCycles;
  return {
    mode,
    bytes,
    segments: [
      {activity: 'setup', startCycle: 0, cycles: params.setupCycles},
      {activity: 'free', startCycle: params.setupCycles, cycles: transferCycles},
      {activity: 'interrupt', startCycle: doneAt, cycles: params.interruptCycles},
    ],
    interruptAtCycles: [doneAt],
    totalCycles: doneAt + params.interruptCycles,
    cpuBusyCycles: params.setupCycles + params.interruptCycles,
    transferCycles,
  };
}
