// Exercise 5: scatter-gather DMA, the last CPU copy goes.
// Task and rules: README.md in this folder. Hints: `npm run hint -- 05`.
// Grade your work: `npm run grade -- 05` (or `npm run exercise -- 05` to re-grade on every save).
//
// These are the same exports and types as the course's model (src/model/scatter-gather.ts).
// The types, constants and the helpers marked "Given" are yours to use; the functions numbered
// 1 to 5 are what you write, from the easiest to the most thoughtful. The model describes a
// current Linux kernel (4.17 and later); the README says where older kernels differed.
import type {Step, Summary} from '@site/src/model/types';
import {contiguousBlocks} from '@site/src/model/dma';
import {summarizeSteps} from '@site/src/model/summary';
import {GiB, MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE} from '@site/src/model/units';
import {ModelInputError, requireInteger} from '@site/src/model/validate';

/**
 * What a NIC can do for a zero-copy send: gather a packet from several places in memory
 * (scatter-gather, NETIF_F_SG) and compute the TCP checksum itself (checksum offload).
 */
export interface NicFeatures {
  readonly scatterGather: boolean;
  readonly checksumOffload: boolean;
}

export type NicFeature = keyof NicFeatures;

/** Given: in the order the model reports missing features. */
export const NIC_FEATURES: readonly NicFeature[] = ['scatterGather', 'checksumOffload'];

/** Given: how `ethtool -k <device>` names each feature (its output's line labels). */
export const ETHTOOL_FEATURE_NAMES: Record<NicFeature, string> = {
  scatterGather: 'scatter-gather',
  checksumOffload: 'tx-checksumming',
};

/** Given: the largest page size the model accepts. The course itself uses 4096 (PAGE_SIZE). */
export const MAX_PAGE_SIZE = GiB;

/**
 * Given: MAX_SKB_FRAGS with the default configuration: the most page fragments one skb holds
 * (include/linux/skbuff.h, `CONFIG_MAX_SKB_FRAGS`, default 17, configurable from 17 to 45 in
 * net/Kconfig since Linux 6.3; before that 65536 / PAGE_SIZE + 1, also 17 with 4 KiB pages).
 */
export const DEFAULT_MAX_SKB_FRAGS = 17;

/** Given: the largest fragment limit or coalescing count the model accepts, to keep inputs sensible. */
export const MAX_LIST_ENTRIES = 1_000_000;

/** Given: the options the chapter's examples use: 4 KiB pages and the default MAX_SKB_FRAGS. */
export const DEFAULT_FRAGMENT_OPTIONS: {readonly pageSize: number; readonly maxFrags: number} = {
  pageSize: PAGE_SIZE,
  maxFrags: DEFAULT_MAX_SKB_FRAGS,
};

// Given: a value as an error message shows it.
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return String(value);
}

// Given: checks a page size (a whole number of bytes from 1 to MAX_PAGE_SIZE).
function requirePageSize(pageSize: number): number {
  return requireInteger('pageSize', pageSize, {min: 1, max: MAX_PAGE_SIZE, unit: 'bytes'});
}

function requireBoolean(parameter: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new ModelInputError(parameter, value, `${parameter} must be true or false; got ${show(value)}`);
  }
  return value;
}

/** Given: throws a message naming the feature when `features` is not two booleans. */
export function validateNicFeatures(features: NicFeatures): NicFeatures {
  if (typeof features !== 'object' || features === null) {
    throw new ModelInputError('features', features, `features must be {scatterGather, checksumOffload}; got ${show(features)}`);
  }
  for (const feature of NIC_FEATURES) requireBoolean(`features.${feature}`, features[feature]);
  return features;
}

/**
 * Given: throws unless `frames` lists distinct physical page frame numbers small enough that every
 * byte address in them (frame * pageSize + offset) is an exact JavaScript integer.
 */
export function validateFrames(frames: readonly number[], pageSize: number = PAGE_SIZE): readonly number[] {
  requirePageSize(pageSize);
  if (!Array.isArray(frames)) {
    throw new ModelInputError('frames', frames, `frames must be an array of page frame numbers; got ${show(frames)}`);
  }
  const maxFrame = Math.floor(MAX_EXACT_BYTES / pageSize) - 1;
  // A Map from frame to position finds a repeat in one pass, even for a 1 GiB file's 262,144 pages.
  const seenAt = new Map<number, number>();
  frames.forEach((frame, index) => {
    requireInteger(`frames[${index}]`, frame, {min: 0, max: maxFrame, unit: 'page frames'});
    const earlier = seenAt.get(frame);
    if (earlier !== undefined) {
      throw new ModelInputError(
        `frames[${index}]`,
        frame,
        `frames[${index}] must differ from every other frame, because two pages of a file cannot share one physical page; got ${frame}, the same as frames[${earlier}]`,
      );
    }
    seenAt.set(frame, index);
  });
  return frames;
}

/** Which pages of a file a byte range touches, and how much of its first and last page. */
export interface PageRange {
  /** Index of the first page touched (byte offset / page size, rounded down). */
  readonly firstPage: number;
  readonly pageCount: number;
  /** Bytes of the first page before the range starts. */
  readonly firstOffset: number;
  /**
   * Where the range ends in its last page, counted from that page's start: pageSize when it
   * ends exactly on a page boundary. For one page, the range is firstOffset to lastLength.
   */
  readonly lastLength: number;
}

/**
 * 1. The file pages that bytes `offset` to `offset + length - 1` touch (README.md, part 1).
 * An empty range touches no pages: pageCount, firstOffset and lastLength are 0, and
 * firstPage is the page `offset` falls in.
 */
export function pagesForRange(offset: number, length: number, pageSize: number = PAGE_SIZE): PageRange {
  // TODO: check offset, length (its maximum depends on offset) and pageSize (requirePageSize),
  // then find the first and the last page the range touches.
  throw new Error('TODO: pagesForRange is not written yet (exercises/05-scatter-gather/README.md, part 1)');
}

export interface EthtoolVerdict {
  readonly features: NicFeatures;
  /** Features that are off, in NIC_FEATURES order. */
  readonly missing: readonly NicFeature[];
  /** How a current kernel sends through this NIC (see SendPath). */
  readonly path: SendPath;
  /**
   * True when both are on: the CPU neither copies nor reads the bytes sendfile() sends. With
   * scatter-gather alone there is no copy either, but a CPU pass for the checksum.
   */
  readonly zeroCopy: boolean;
  /** One or two sentences for a person, naming the features as ethtool does. */
  readonly explanation: string;
}

/**
 * 2. Reads the output of `ethtool -k <device>` and says how a current kernel sends through
 * this NIC. Only the top-level "scatter-gather:" and "tx-checksumming:" lines count (README.md, part 2).
 */
export function ethtoolVerdict(output: string): EthtoolVerdict {
  // TODO: check that `output` is a string, find the two lines, read "on" or "off" from each,
  // work out the path, and use explainFeatures for the explanation.
  throw new Error('TODO: ethtoolVerdict is not written yet (exercises/05-scatter-gather/README.md, part 2)');
}

/** Given: what a current kernel does with a NIC that lacks `missing`, naming features as ethtool does. */
export function explainFeatures(missing: readonly NicFeature[]): string {
  if (missing.length === 0) {
    return 'scatter-gather and tx-checksumming are on: the NIC gathers the bytes from the page cache and computes the checksum, so sendfile() makes no CPU copy and no CPU pass over the bytes.';
  }
  if (!missing.includes('scatterGather')) {
    return 'tx-checksumming is off: on Linux 4.17 and later the NIC still gathers from the page cache (no CPU copy), but the CPU reads every byte once to compute the checksum (skb_checksum_help()). Kernels before 4.17 copied instead, and 2.6-era kernels turned scatter-gather off on such a NIC.';
  }
  const off = missing.map((feature) => ETHTOOL_FEATURE_NAMES[feature]).join(' and ');
  return `${off} ${missing.length === 1 ? 'is' : 'are'} off: the NIC cannot gather pieces of memory, so the kernel copies the bytes into linear buffers at transmit (1 CPU copy${missing.length === 2 ? ', which also computes the checksum' : ''}).`;
}

/**
 * How a send leaves the machine:
 * - 'gather': the NIC gathers from the page cache and computes the checksum; the CPU does not
 *   touch the bytes;
 * - 'gather-cpu-checksum': the NIC gathers, but the CPU reads every byte once for the checksum;
 * - 'copy': the NIC cannot gather, so the CPU copies the bytes into linear buffers.
 */
export type SendPath = 'gather' | 'gather-cpu-checksum' | 'copy';

export interface SgTransfer {
  readonly path: SendPath;
  /** The features the NIC lacks, in NIC_FEATURES order; empty on the 'gather' path. */
  readonly missing: readonly NicFeature[];
  /** Fragments (page references) the NIC gathers from: 0 on the copy path, where it reads linear buffers. */
  readonly descriptors: number;
  readonly steps: readonly Step[];
  readonly summary: Summary;
}

/**
 * 3. One sendfile() call sending `bytes` that are already in the page cache, in
 * `descriptorCount` fragments, through a NIC with `features`, on a current kernel
 * (README.md, part 3).
 */
export function sgTransfer(bytes: number, descriptorCount: number, features: NicFeatures): SgTransfer {
  // TODO: check the input, pick the path from the features, and list the steps.
  throw new Error('TODO: sgTransfer is not written yet (exercises/05-scatter-gather/README.md, part 3)');
}

/**
 * One skb fragment of a send: a piece of one page-cache page, and the transmit descriptor the
 * driver writes for it.
 */
export interface Fragment {
  /** Which page of the data it lies in: 0 for the first page the send touches. */
  readonly page: number;
  /** Bytes into that page where the piece starts (the fragment's offset). */
  readonly offset: number;
  readonly length: number;
  /**
   * The DMA address the driver writes into the descriptor, from skb_frag_dma_map(). The model
   * assumes no IOMMU, where it equals the physical address, frame * pageSize + offset; behind an
   * IOMMU the device gets an I/O virtual address (IOVA) that the IOMMU translates instead.
   */
  readonly dmaAddress: number;
}

export interface FragmentListOptions {
  readonly pageSize: number;
  /** The most fragments one skb holds: MAX_SKB_FRAGS, 17 by default. */
  readonly maxFrags: number;
  /** Bytes of the first page that are not sent. Default 0. */
  readonly firstOffset?: number;
  /** Where the data ends in the last page, counted from its start. Default pageSize. */
  readonly lastLength?: number;
}

export interface FragmentList {
  /** One fragment per page the data touches, in file order. */
  readonly fragments: readonly Fragment[];
  /** The bytes the fragments describe. */
  readonly bytes: number;
  /** Transmit descriptors for the payload: one per fragment (the packet headers take their own). */
  readonly descriptors: number;
  /**
   * skbs needed to hold the fragments: ceil(fragments / maxFrags). TCP starts a new skb when one
   * is full. It also caps an skb's bytes (about 64 KiB with TSO), which the model leaves out, so
   * this is the fewest skbs the fragment limit allows.
   */
  readonly skbs: number;
  /** True when the fragments do not fit in one skb: the kernel splits the send across skbs. */
  readonly overflow: boolean;
}

/** The options with their defaults filled in. */
export interface ResolvedFragmentOptions {
  readonly pageSize: number;
  readonly maxFrags: number;
  readonly firstOffset: number;
  readonly lastLength: number;
}

/** Given: given the number of frames, checks the options and fills in the defaults. */
export function validateFragmentListOptions(options: FragmentListOptions, frameCount: number): ResolvedFragmentOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ModelInputError('options', options, `options must be {pageSize, maxFrags, firstOffset?, lastLength?}; got ${show(options)}`);
  }
  const pageSize = requirePageSize(options.pageSize);
  const maxFrags = requireInteger('maxFrags', options.maxFrags, {min: 1, max: MAX_LIST_ENTRIES, unit: 'fragments'});
  const firstOffset = requireInteger('firstOffset', options.firstOffset ?? 0, {min: 0, max: pageSize - 1, unit: 'bytes'});
  // With one page, the data runs from firstOffset to lastLength, so it must end after it starts.
  const lastLength = requireInteger('lastLength', options.lastLength ?? pageSize, {
    min: frameCount === 1 ? firstOffset + 1 : 1,
    max: pageSize,
    unit: 'bytes',
  });
  return {pageSize, maxFrags, firstOffset, lastLength};
}

/**
 * 4. The skb fragments and transmit descriptors for sending the pages at `frames`, in file
 * order: one fragment per page, at most maxFrags per skb (README.md, part 4).
 */
export function buildFragmentList(frames: readonly number[], options: FragmentListOptions): FragmentList {
  // TODO: validateFragmentListOptions, validateFrames, then one fragment per page.
  throw new Error('TODO: buildFragmentList is not written yet (exercises/05-scatter-gather/README.md, part 4)');
}

export interface RingOptions {
  /** Default PAGE_SIZE. */
  readonly pageSize?: number;
  /** Fragments per skb (MAX_SKB_FRAGS). Default 17. */
  readonly maxFrags?: number;
  /** Completed packets per interrupt (`ethtool -C <dev> tx-frames N`). Default 1: no coalescing. */
  readonly coalesceFrames?: number;
}

export interface InterruptComparison {
  /** Runs of physically consecutive pages: what a block-only DMA engine moves in one transfer each. */
  readonly blocks: number;
  /** Historical block DMA: one programmed transfer, and one completion interrupt, per block (chapter 2). */
  readonly blockDmaInterrupts: number;
  /** Ring descriptors for the payload: one per page fragment, whatever the frames. */
  readonly descriptors: number;
  /** Packets (skbs) the NIC completes: each is one completion written back to the ring. */
  readonly completions: number;
  readonly coalesceFrames: number;
  /** Interrupts if the NIC raises one per coalesceFrames completions: ceil(completions / coalesceFrames). */
  readonly ringInterrupts: number;
}

/**
 * 5a. Interrupts for `completions` transmit completions when the NIC raises one per
 * `coalesceFrames` of them (README.md, part 5).
 */
export function ringInterrupts(completions: number, coalesceFrames: number): number {
  // TODO: check both numbers, then divide and round up.
  throw new Error('TODO: ringInterrupts is not written yet (exercises/05-scatter-gather/README.md, part 5)');
}

/**
 * 5b. Interrupts for sending the whole pages at `frames` with historical block DMA and with a
 * NIC's descriptor ring (README.md, part 5).
 */
export function blockVsRingInterrupts(frames: readonly number[], options: RingOptions = {}): InterruptComparison {
  // TODO: count the blocks as in chapter 2, and the ring's descriptors, skbs and interrupts.
  throw new Error('TODO: blockVsRingInterrupts is not written yet (exercises/05-scatter-gather/README.md, part 5)');
}
