// Exercise 5: scatter-gather DMA, the last CPU copy goes.
// Task and rules: README.md in this folder. Hints: `npm run hint -- 05`.
// Grade your work: `npm run grade -- 05` (or `npm run exercise -- 05` to re-grade on every save).
//
// These are the same exports and types as the course's model (src/model/scatter-gather.ts).
// The types, constants and the helpers marked "Given" are yours to use; the five functions
// numbered 1 to 5 are what you write, from the easiest to the most thoughtful.
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

/** Given: the most entries a descriptor list may be asked to hold. */
export const MAX_LIST_ENTRIES = 1_000_000;

/** Given: illustrative descriptor limits for the chapter's examples, not any real NIC's limits. */
export const ILLUSTRATIVE_LIMITS: {readonly pageSize: number; readonly maxEntries: number; readonly maxSegmentBytes: number} = {
  pageSize: PAGE_SIZE,
  maxEntries: 16,
  maxSegmentBytes: 16 * PAGE_SIZE,
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
 * Given: throws unless `frames` lists distinct physical page frame numbers small enough that
 * every byte address in them (frame * pageSize + offset) is an exact JavaScript integer.
 */
export function validateFrames(frames: readonly number[], pageSize: number = PAGE_SIZE): readonly number[] {
  requirePageSize(pageSize);
  if (!Array.isArray(frames)) {
    throw new ModelInputError('frames', frames, `frames must be an array of page frame numbers; got ${show(frames)}`);
  }
  const maxFrame = Math.floor(MAX_EXACT_BYTES / pageSize) - 1;
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
  /** True when both are on: sendfile() can send from the page cache with 0 CPU copies. */
  readonly zeroCopy: boolean;
  /** One or two sentences for a person, naming the features as ethtool does. */
  readonly explanation: string;
}

/**
 * 2. Reads the output of `ethtool -k <device>` and says whether zero-copy sending is possible.
 * Only the top-level "scatter-gather:" and "tx-checksumming:" lines count (README.md, part 2).
 */
export function ethtoolVerdict(output: string): EthtoolVerdict {
  // TODO: check that `output` is a string, find the two lines, read "on" or "off" from each,
  // and use explainFeatures for the explanation.
  throw new Error('TODO: ethtoolVerdict is not written yet (exercises/05-scatter-gather/README.md, part 2)');
}

// Given: the explanation for ethtoolVerdict, from the features that are off.
function explainFeatures(missing: readonly NicFeature[]): string {
  if (missing.length === 0) {
    return 'scatter-gather and tx-checksumming are on: the kernel can hand the NIC descriptors, and sendfile() sends from the page cache with 0 CPU copies.';
  }
  const off = missing.map((feature) => ETHTOOL_FEATURE_NAMES[feature]).join(' and ');
  const why = missing.includes('checksumOffload')
    ? 'without checksum offload the kernel turns scatter-gather off as well'
    : 'without scatter-gather the NIC cannot gather pieces from the page cache';
  return `${off} ${missing.length === 1 ? 'is' : 'are'} off: ${why}, so each send is first copied by the CPU into one contiguous buffer (1 CPU copy).`;
}

/** 'gather': the NIC gathers from the page cache. 'copy': the CPU first copies into one buffer. */
export type SendPath = 'gather' | 'copy';

export interface SgTransfer {
  readonly path: SendPath;
  /** The features the NIC lacks, in NIC_FEATURES order; empty on the gather path. */
  readonly missing: readonly NicFeature[];
  /** Descriptors handed to the NIC: 0 on the copy path, where it gets one contiguous buffer. */
  readonly descriptors: number;
  readonly steps: readonly Step[];
  readonly summary: Summary;
}

/**
 * 3. One sendfile() call sending `bytes` that are already in the page cache, in
 * `descriptorCount` pieces, with or without the NIC features it needs (README.md, part 3).
 */
export function sgTransfer(bytes: number, descriptorCount: number, features: NicFeatures): SgTransfer {
  // TODO: check the inputs (validateNicFeatures for `features`), decide the path, then list
  // the steps in order and summarise them with summarizeSteps.
  throw new Error('TODO: sgTransfer is not written yet (exercises/05-scatter-gather/README.md, part 3)');
}

export interface InterruptComparison {
  /** Runs of physically consecutive pages: what a block DMA engine moves in one transfer each. */
  readonly blocks: number;
  /** Block DMA: one transfer, so one completion interrupt, per block (chapter 2). */
  readonly blockDmaInterrupts: number;
  /** Gather DMA: one list for the lot, one completion interrupt (0 when there is nothing to send). */
  readonly gatherDmaInterrupts: number;
}

/**
 * 4. Completion interrupts for sending the pages at `frames`, in file order, with a block DMA
 * engine and with a gathering one (README.md, part 4).
 */
export function blockVsGatherInterrupts(frames: readonly number[], pageSize: number = PAGE_SIZE): InterruptComparison {
  // TODO: validate the frames, then count the blocks (chapter 2's contiguousBlocks can do it).
  throw new Error('TODO: blockVsGatherInterrupts is not written yet (exercises/05-scatter-gather/README.md, part 4)');
}

/** One entry of a scatter-gather list: where a piece of the data is, and how long it is. */
export interface Descriptor {
  /** Physical (bus) address of the piece's first byte. */
  readonly address: number;
  readonly length: number;
}

export interface DescriptorListOptions {
  readonly pageSize: number;
  /** The most entries the device takes in one list. */
  readonly maxEntries: number;
  /** The most bytes one entry may describe; at least pageSize in this model. */
  readonly maxSegmentBytes: number;
  /** Bytes of the first page that are not sent. Default 0. */
  readonly firstOffset?: number;
  /** Where the data ends in the last page, counted from its start. Default pageSize. */
  readonly lastLength?: number;
}

export interface DescriptorList {
  /** Every entry needed, in file order, even when there are more than maxEntries. */
  readonly descriptors: readonly Descriptor[];
  /** The bytes the entries describe. */
  readonly bytes: number;
  /** True when more than maxEntries entries are needed: the device cannot take this as one list. */
  readonly overflow: boolean;
}

/** The options with their defaults filled in. */
export interface ResolvedListOptions {
  readonly pageSize: number;
  readonly maxEntries: number;
  readonly maxSegmentBytes: number;
  readonly firstOffset: number;
  readonly lastLength: number;
}

/** Given: checks the options, for this number of frames, and fills in the defaults. */
export function validateDescriptorListOptions(options: DescriptorListOptions, frameCount: number): ResolvedListOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ModelInputError(
      'options',
      options,
      `options must be {pageSize, maxEntries, maxSegmentBytes, firstOffset?, lastLength?}; got ${show(options)}`,
    );
  }
  const pageSize = requirePageSize(options.pageSize);
  const maxEntries = requireInteger('maxEntries', options.maxEntries, {min: 1, max: MAX_LIST_ENTRIES, unit: 'entries'});
  const maxSegmentBytes = requireInteger('maxSegmentBytes', options.maxSegmentBytes, {
    min: pageSize,
    max: MAX_EXACT_BYTES,
    unit: 'bytes',
  });
  const firstOffset = requireInteger('firstOffset', options.firstOffset ?? 0, {min: 0, max: pageSize - 1, unit: 'bytes'});
  const lastLength = requireInteger('lastLength', options.lastLength ?? pageSize, {
    min: frameCount === 1 ? firstOffset + 1 : 1,
    max: pageSize,
    unit: 'bytes',
  });
  return {pageSize, maxEntries, maxSegmentBytes, firstOffset, lastLength};
}

/**
 * 5. The scatter-gather list for sending a file's pages: `frames` are the physical page frame
 * numbers of the pages, in file order. Merge consecutive frames, split entries longer than
 * maxSegmentBytes, and report (do not throw) a list longer than maxEntries (README.md, part 5).
 */
export function buildDescriptorList(frames: readonly number[], options: DescriptorListOptions): DescriptorList {
  // TODO: validate the options and the frames (both helpers are given), walk the frames in
  // runs of consecutive pages, and cut each run into entries.
  throw new Error('TODO: buildDescriptorList is not written yet (exercises/05-scatter-gather/README.md, part 5)');
}
