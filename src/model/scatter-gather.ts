// Chapter 5: scatter-gather DMA, the last CPU copy goes. Since Linux 2.4, sending a file from
// the page cache can put only descriptors, (address, length) pairs, into the socket buffer;
// the NIC gathers the bytes from the page-cache pages itself, and the CPU copies nothing
// (Linux Journal; IBM). That needs two NIC features, gather and checksum offload: without
// both, "the kernel will merge the buffers" (Linux Journal), one CPU copy into a contiguous
// buffer. The kernel drops NETIF_F_SG on a device without checksum offload, and without
// NETIF_F_SG tcp_sendpage falls back to the copying sock_no_sendpage (net/core/dev.c,
// net/ipv4/tcp.c).
//
// The model finds the pages a byte range touches, builds the descriptor list for a file's
// pages, traces one send with and without the features, compares the interrupts of block and
// gather DMA, and reads `ethtool -k` output. Descriptor limits (entries per list, bytes per
// entry) are parameters of a modelled device, not the limits of any particular NIC.
import type {Step, Summary} from './types';
import {contiguousBlocks} from './dma';
import {summarizeSteps} from './summary';
import {GiB, MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE} from './units';
import {ModelInputError, requireInteger} from './validate';

/**
 * What a NIC can do for a zero-copy send: gather a packet from several places in memory
 * (scatter-gather, NETIF_F_SG) and compute the TCP checksum itself (checksum offload).
 */
export interface NicFeatures {
  readonly scatterGather: boolean;
  readonly checksumOffload: boolean;
}

export type NicFeature = keyof NicFeatures;

/** In the order the model reports missing features. */
export const NIC_FEATURES: readonly NicFeature[] = ['scatterGather', 'checksumOffload'];

/** How `ethtool -k <device>` names each feature (its output's line labels). */
export const ETHTOOL_FEATURE_NAMES: Record<NicFeature, string> = {
  scatterGather: 'scatter-gather',
  checksumOffload: 'tx-checksumming',
};

/** The largest page size the model accepts. The course itself uses 4096 (PAGE_SIZE). */
export const MAX_PAGE_SIZE = GiB;

/** The most entries a descriptor list may be asked to hold, to keep inputs sensible. */
export const MAX_LIST_ENTRIES = 1_000_000;

/**
 * Descriptor limits for the chapter's examples: illustrative assumptions chosen so that lists
 * are short enough to read and long files overflow them. They are not any real NIC's limits.
 */
export const ILLUSTRATIVE_LIMITS: {readonly pageSize: number; readonly maxEntries: number; readonly maxSegmentBytes: number} = {
  pageSize: PAGE_SIZE,
  maxEntries: 16,
  maxSegmentBytes: 16 * PAGE_SIZE,
};

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return String(value);
}

function requirePageSize(pageSize: number): number {
  return requireInteger('pageSize', pageSize, {min: 1, max: MAX_PAGE_SIZE, unit: 'bytes'});
}

function requireBoolean(parameter: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new ModelInputError(parameter, value, `${parameter} must be true or false; got ${show(value)}`);
  }
  return value;
}

/** Throws a message naming the feature when `features` is not two booleans. */
export function validateNicFeatures(features: NicFeatures): NicFeatures {
  if (typeof features !== 'object' || features === null) {
    throw new ModelInputError('features', features, `features must be {scatterGather, checksumOffload}; got ${show(features)}`);
  }
  for (const feature of NIC_FEATURES) requireBoolean(`features.${feature}`, features[feature]);
  return features;
}

/**
 * Throws unless `frames` lists distinct physical page frame numbers small enough that every
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
 * The file pages that bytes `offset` to `offset + length - 1` touch. The page cache holds a
 * file in whole pages, so a send that starts or ends mid-page still involves those pages,
 * and only part of them is described. An empty range touches no pages: pageCount,
 * firstOffset and lastLength are 0, and firstPage is the page `offset` falls in.
 */
export function pagesForRange(offset: number, length: number, pageSize: number = PAGE_SIZE): PageRange {
  requireInteger('offset', offset, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  // The end must stay exact too: the last byte's offset is computed from it.
  requireInteger('length', length, {min: 0, max: MAX_EXACT_BYTES - offset, unit: 'bytes'});
  requirePageSize(pageSize);
  const firstPage = Math.floor(offset / pageSize);
  if (length === 0) return {firstPage, pageCount: 0, firstOffset: 0, lastLength: 0};
  const end = offset + length;
  const lastPage = Math.floor((end - 1) / pageSize);
  return {
    firstPage,
    pageCount: lastPage - firstPage + 1,
    firstOffset: offset - firstPage * pageSize,
    lastLength: end - lastPage * pageSize,
  };
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

/** Given the number of frames, checks the options and fills in the defaults. */
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
  // At least a page per entry keeps the list no longer than the frame list: a 1 GiB file
  // never becomes more objects than it has pages.
  const maxSegmentBytes = requireInteger('maxSegmentBytes', options.maxSegmentBytes, {
    min: pageSize,
    max: MAX_EXACT_BYTES,
    unit: 'bytes',
  });
  const firstOffset = requireInteger('firstOffset', options.firstOffset ?? 0, {min: 0, max: pageSize - 1, unit: 'bytes'});
  // With one page, the data runs from firstOffset to lastLength, so it must end after it starts.
  const lastLength = requireInteger('lastLength', options.lastLength ?? pageSize, {
    min: frameCount === 1 ? firstOffset + 1 : 1,
    max: pageSize,
    unit: 'bytes',
  });
  return {pageSize, maxEntries, maxSegmentBytes, firstOffset, lastLength};
}

/**
 * The scatter-gather list for sending a file's pages: `frames` are the physical page frame
 * numbers of the pages, in file order (page i of the data is at frames[i] * pageSize).
 *
 * Pages whose frames are consecutive (frames[i + 1] === frames[i] + 1) are one run of memory
 * and share an entry; any other neighbour starts a new one, because an entry is one address
 * and one length. A run longer than maxSegmentBytes is cut into maxSegmentBytes pieces from
 * its start, with the remainder last: the fewest entries that respect the limit.
 *
 * Needing more than maxEntries entries is reported (`overflow: true`), not thrown: the input
 * is valid, and how long the list had to be is exactly what the chapter wants to show. An
 * error is for a caller's mistake; a device limit is an outcome.
 */
export function buildDescriptorList(frames: readonly number[], options: DescriptorListOptions): DescriptorList {
  const {pageSize, maxEntries, maxSegmentBytes, firstOffset, lastLength} = validateDescriptorListOptions(
    options,
    Array.isArray(frames) ? frames.length : 0,
  );
  validateFrames(frames, pageSize);
  const descriptors: Descriptor[] = [];
  let runStart = 0;
  for (let next = 1; next <= frames.length; next++) {
    const runContinues = next < frames.length && frames[next] === frames[next - 1] + 1;
    if (runContinues) continue;
    const last = next - 1;
    const start = frames[runStart] * pageSize + (runStart === 0 ? firstOffset : 0);
    const end = frames[last] * pageSize + (last === frames.length - 1 ? lastLength : pageSize);
    for (let address = start; address < end; address += maxSegmentBytes) {
      descriptors.push({address, length: Math.min(maxSegmentBytes, end - address)});
    }
    runStart = next;
  }
  const bytes = descriptors.reduce((sum, descriptor) => sum + descriptor.length, 0);
  return {descriptors, bytes, overflow: descriptors.length > maxEntries};
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
 * One sendfile() call sending `bytes` that are already in the page cache, in
 * `descriptorCount` pieces. With scatter-gather and checksum offload, the kernel appends the
 * descriptors to the socket buffer and the NIC gathers the bytes by DMA: 0 CPU copies and
 * one completion interrupt for the whole list. Without either feature, the kernel copies the
 * pieces into one contiguous socket buffer (one CPU copy) and the NIC sends that by DMA.
 */
export function sgTransfer(bytes: number, descriptorCount: number, features: NicFeatures): SgTransfer {
  requireInteger('bytes', bytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  // Every descriptor describes at least one byte, and any bytes need at least one.
  requireInteger('descriptorCount', descriptorCount, {min: 1, max: bytes, unit: 'descriptors'});
  validateNicFeatures(features);
  // Either feature alone is not enough: the kernel drops NETIF_F_SG on a device without
  // checksum offload, and without NETIF_F_SG it takes the copying path.
  const missing = NIC_FEATURES.filter((feature) => !features[feature]);
  const enter: Step = {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'};
  const leave: Step = {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'};
  // sendfile() returns once the NIC has its work queued; the NIC's DMA happens later [lj].
  const done: Step = {kind: 'interrupt', source: 'nic', syscall: 'sendfile'};
  const steps: Step[] =
    missing.length === 0
      ? [
          enter,
          {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: descriptorCount, syscall: 'sendfile'},
          leave,
          {kind: 'copy', engine: 'dma', from: 'page-cache', to: 'nic', bytes, syscall: 'sendfile', async: true},
          done,
        ]
      : [
          enter,
          {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'sendfile', async: false},
          leave,
          {kind: 'copy', engine: 'dma', from: 'socket-buffer', to: 'nic', bytes, syscall: 'sendfile', async: true},
          done,
        ];
  return {
    path: missing.length === 0 ? 'gather' : 'copy',
    missing,
    descriptors: missing.length === 0 ? descriptorCount : 0,
    steps,
    summary: summarizeSteps(steps),
  };
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
 * Completion interrupts for sending the pages at `frames`, in file order, with a block DMA
 * engine and with a gathering one. The gather side assumes the list fits the device
 * (see buildDescriptorList's `overflow`).
 */
export function blockVsGatherInterrupts(frames: readonly number[], pageSize: number = PAGE_SIZE): InterruptComparison {
  validateFrames(frames, pageSize);
  // Chapter 2's rule, reused: a page joins the block before it only if it starts where that block ends.
  const blocks = contiguousBlocks(frames.map((frame) => ({address: frame * pageSize, length: pageSize}))).length;
  return {blocks, blockDmaInterrupts: blocks, gatherDmaInterrupts: frames.length === 0 ? 0 : 1};
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

// "scatter-gather: on", "\ttx-checksumming: off [fixed]": a label, a colon, then the state.
const FEATURE_LINE = /^\s*([A-Za-z0-9_-]+):\s*(\S*)/;

/**
 * Reads the output of `ethtool -k <device>` and says whether zero-copy sending is possible.
 * Only the top-level "scatter-gather:" and "tx-checksumming:" lines count; indented
 * sub-features such as "tx-scatter-gather:" have other labels and are ignored, and so is
 * anything after "on" or "off" (such as "[fixed]"). Output without both lines, with a state
 * other than on or off, or with a line twice (two devices pasted together) throws.
 */
export function ethtoolVerdict(output: string): EthtoolVerdict {
  if (typeof output !== 'string') {
    throw new ModelInputError('output', output, `output must be the text that \`ethtool -k <device>\` prints; got ${show(output)}`);
  }
  const found = new Map<NicFeature, {on: boolean; line: number}>();
  output.split(/\r?\n/).forEach((text, index) => {
    const match = FEATURE_LINE.exec(text);
    const feature = match && NIC_FEATURES.find((f) => ETHTOOL_FEATURE_NAMES[f] === match[1]);
    if (!match || !feature) return;
    const label = ETHTOOL_FEATURE_NAMES[feature];
    const line = index + 1;
    const state = match[2];
    if (state !== 'on' && state !== 'off') {
      throw new ModelInputError('output', output, `output line ${line} must say "${label}: on" or "${label}: off"; got ${show(text.trim())}`);
    }
    const earlier = found.get(feature);
    if (earlier) {
      throw new ModelInputError(
        'output',
        output,
        `output must describe one device, but "${label}:" appears twice (lines ${earlier.line} and ${line})`,
      );
    }
    found.set(feature, {on: state === 'on', line});
  });
  const absent = NIC_FEATURES.filter((feature) => !found.has(feature)).map((feature) => `"${ETHTOOL_FEATURE_NAMES[feature]}:"`);
  if (absent.length > 0) {
    throw new ModelInputError(
      'output',
      output,
      `output must be what \`ethtool -k <device>\` prints, with a "scatter-gather:" line and a "tx-checksumming:" line; ${absent.join(' and ')} ${absent.length === 1 ? 'is' : 'are'} missing`,
    );
  }
  const features: NicFeatures = {
    scatterGather: found.get('scatterGather')?.on ?? false,
    checksumOffload: found.get('checksumOffload')?.on ?? false,
  };
  const missing = NIC_FEATURES.filter((feature) => !features[feature]);
  return {features, missing, zeroCopy: missing.length === 0, explanation: explainFeatures(missing)};
}

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
