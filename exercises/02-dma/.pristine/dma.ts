// Exercise 2: DMA, letting devices move the bytes.
// Task and rules: README.md in this folder. Hints: `npm run hint -- 02`.
// Grade your work: `npm run grade -- 02` (or `npm run exercise -- 02` to re-grade on every save).
//
// These are the same exports and types as the course's model (src/model/dma.ts). The
// parameters, their defaults and the helpers marked "Given" are yours to use; the six
// functions numbered 1 to 6 are what you write.
import type {HardwareParamSource} from '@site/src/model/cost';
import {MAX_EXACT_BYTES} from '@site/src/model/units';
import {ModelInputError, requireInteger, requireOneOf, requirePositiveNumber} from '@site/src/model/validate';

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

/** Given. Illustrative assumptions, not measurements: see DMA_PARAM_SOURCES. */
export const DEFAULT_DMA_PARAMS: DmaParams = {
  wordBytes: 8,
  cyclesPerWord: 4,
  setupCycles: 1000,
  interruptCycles: 2000,
  cpuHz: 1e9,
};

/** Given: where each default comes from, for the chapter and the live component to show beside it. */
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

/** Given: throws a message naming the parameter, its value and the range it must be in. */
export function validateDmaParams(params: DmaParams): DmaParams {
  requireInteger('wordBytes', params.wordBytes, {min: 1, max: 4096, unit: 'bytes'});
  requireInteger('cyclesPerWord', params.cyclesPerWord, {min: 1, max: 1_000_000, unit: 'cycles'});
  requireInteger('setupCycles', params.setupCycles, {min: 1, max: 1_000_000_000, unit: 'cycles'});
  requireInteger('interruptCycles', params.interruptCycles, {min: 1, max: 1_000_000_000, unit: 'cycles'});
  requirePositiveNumber('cpuHz', params.cpuHz, 'hertz');
  return params;
}

/** Given: cycles as nanoseconds at the given clock, for labels such as "3 µs". */
export function cyclesToNs(cycles: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  validateDmaParams(params);
  return (cycles / params.cpuHz) * 1e9;
}

/**
 * 1. CPU cycles to move `bytes` by programmed I/O: the CPU moves every word itself, and a
 * partial last word costs as much as a whole one. `bytes` is a whole number from 0 to
 * MAX_EXACT_BYTES; anything else throws an error naming `bytes`.
 */
export function pioCpuCycles(bytes: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  // TODO: check `bytes` (requireInteger) and the params (validateDmaParams), then count words.
  throw new Error('TODO: pioCpuCycles is not written yet (exercises/02-dma/README.md, part 1)');
}

/**
 * 2. CPU cycles to move `bytes` with DMA in `transfers` transfers: per transfer, the CPU
 * programs the engine once and handles one completion interrupt. It never touches the bytes.
 * Every transfer moves at least one byte, and any bytes need at least one transfer: with
 * 0 bytes, `transfers` must be 0; otherwise from 1 to `bytes`.
 */
export function dmaCpuCycles(bytes: number, transfers: number, params: DmaParams = DEFAULT_DMA_PARAMS): number {
  // TODO: check `bytes`, `transfers` (its range depends on `bytes`) and the params, then add up.
  throw new Error('TODO: dmaCpuCycles is not written yet (exercises/02-dma/README.md, part 2)');
}

/**
 * 3. The smallest transfer, in bytes, for which ONE DMA transfer costs the CPU strictly fewer
 * cycles than PIO. Work it out by arithmetic, not by trying sizes one at a time.
 */
export function dmaBreakEvenBytes(params: DmaParams = DEFAULT_DMA_PARAMS): number {
  // TODO: how many words must PIO move before it costs more than setup + interrupt?
  throw new Error('TODO: dmaBreakEvenBytes is not written yet (exercises/02-dma/README.md, part 3)');
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

/**
 * 4. Joins buffers that follow each other in memory into blocks: a buffer joins the block
 * before it only if it starts exactly where that block ends, in the order given. Bad buffers
 * throw (README.md, part 4): an address or length out of range, or two buffers sharing a byte.
 */
export function contiguousBlocks(buffers: readonly PhysicalBuffer[]): ContiguousBlock[] {
  // TODO: validate every buffer and look for overlaps, then walk the buffers in order.
  throw new Error('TODO: contiguousBlocks is not written yet (exercises/02-dma/README.md, part 4)');
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
 * 5. Block DMA over scattered buffers: one transfer and one interrupt per contiguous block,
 * and, for comparison, the PIO cost of copying each block.
 */
export function blockDmaPlan(buffers: readonly PhysicalBuffer[], params: DmaParams = DEFAULT_DMA_PARAMS): BlockDmaPlan {
  // TODO: build the blocks, then reuse your answers to parts 1 and 2.
  throw new Error('TODO: blockDmaPlan is not written yet (exercises/02-dma/README.md, part 5)');
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
  /** Cycles the words spend crossing the bus: the same in both modes, in this model. */
  readonly transferCycles: number;
}

/**
 * 6. The CPU's time during one transfer of `bytes`, as a few segments (never one per word).
 * PIO: the CPU copies from start to end, with no interrupt. DMA: setup, then the CPU is free
 * while the engine moves the words, then the completion interrupt arrives and is handled.
 */
export function cpuTimeline(bytes: number, mode: DmaMode, params: DmaParams = DEFAULT_DMA_PARAMS): CpuTimeline {
  // TODO: check the inputs (requireOneOf for `mode`), then lay the segments out back to back.
  throw new Error('TODO: cpuTimeline is not written yet (exercises/02-dma/README.md, part 6)');
}
