// Chapter 5: scatter-gather DMA, the last CPU copy goes. Since Linux 2.4, sending a file from
// the page cache can put page references instead of bytes into the socket buffer; the NIC
// gathers the bytes from the page-cache pages itself (Linux Journal; IBM). What the socket
// buffer holds is skb fragments, (page, offset, length), at most MAX_SKB_FRAGS per skb
// (include/linux/skbuff.h: 17 by default, CONFIG_MAX_SKB_FRAGS). The driver maps each fragment
// with skb_frag_dma_map() and writes one transmit descriptor for it, with the DMA (bus) address
// the mapping returned; it does not merge fragments whose pages happen to be adjacent.
//
// What the CPU still does depends on the NIC, and the model describes a current kernel (4.17
// and later, where every TCP socket uses GSO and sk_setup_caps() gives it SG and HW_CSUM, so TCP
// always queues page references; the fallback happens at transmit, in validate_xmit_skb()):
//   - scatter-gather and checksum offload: no CPU copy and no CPU pass over the bytes;
//   - scatter-gather without checksum offload: no copy, but skb_checksum_help() reads every
//     byte once to compute the checksum (a CPU pass);
//   - no scatter-gather: software GSO (skb_segment()) or __skb_linearize() copies the bytes into
//     linear buffers, one CPU copy that computes the checksum on the way when the NIC cannot.
// Older kernels copied instead: before 4.17, tcp_sendpage() fell back to the copying
// sock_no_sendpage() unless the route had both SG and checksum capability, and 2.4/2.6-era
// register_netdevice() even dropped NETIF_F_SG on a device without checksum offload ("Dropping
// NETIF_F_SG since no checksum feature"). That rule is gone from netdev_fix_features().
//
// The model finds the pages a byte range touches, lists the fragments and descriptors of a
// send, traces one send for each kind of NIC, compares the interrupts of historical block DMA
// with a descriptor ring that coalesces completions, and reads `ethtool -k` output.
import type {Step, Summary} from './types';
import {contiguousBlocks} from './dma';
import {summarizeSteps} from './summary';
import {GiB, MAX_EXACT_BYTES, MAX_RW_COUNT, PAGE_SIZE} from './units';
import {ModelInputError, requireInteger} from './validate';
import {NIC_FEATURES, sendPathFor, validateNicFeatures, type NicFeature, type NicFeatures, type SendPath} from './nic-features';

export {ETHTOOL_FEATURE_NAMES, NIC_FEATURES, ethtoolVerdict, explainFeatures, validateNicFeatures} from './nic-features';
export type {EthtoolVerdict, NicFeature, NicFeatures, SendPath} from './nic-features';

/** The largest page size the model accepts. The course itself uses 4096 (PAGE_SIZE). */
export const MAX_PAGE_SIZE = GiB;

/**
 * MAX_SKB_FRAGS with the default configuration: the most page fragments one skb holds
 * (include/linux/skbuff.h, `CONFIG_MAX_SKB_FRAGS`, default 17, configurable from 17 to 45 in
 * net/Kconfig since Linux 6.3; before that 65536 / PAGE_SIZE + 1, also 17 with 4 KiB pages).
 */
export const DEFAULT_MAX_SKB_FRAGS = 17;

/** The largest fragment limit or coalescing count the model accepts, to keep inputs sensible. */
export const MAX_LIST_ENTRIES = 1_000_000;

/** The options the chapter's examples use: 4 KiB pages and the default MAX_SKB_FRAGS. */
export const DEFAULT_FRAGMENT_OPTIONS: {readonly pageSize: number; readonly maxFrags: number} = {
  pageSize: PAGE_SIZE,
  maxFrags: DEFAULT_MAX_SKB_FRAGS,
};

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return String(value);
}

function requirePageSize(pageSize: number): number {
  return requireInteger('pageSize', pageSize, {min: 1, max: MAX_PAGE_SIZE, unit: 'bytes'});
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

/** Given the number of frames, checks the options and fills in the defaults. */
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
 * The skb fragments and transmit descriptors for sending a file's pages: `frames` are the
 * physical page frame numbers of the pages, in file order.
 *
 * Each page gets its own fragment, as skb_splice_from_iter() appends them (net/core/skbuff.c,
 * Linux 6.5 and later): the part of the page being sent, so the first and last may be partial.
 * Two pages whose frames happen to be consecutive still make two fragments and two descriptors:
 * the kernel coalesces only pieces of the same page, and drivers map fragment by fragment.
 *
 * More fragments than maxFrags is reported (`overflow: true`, and `skbs`), not thrown: the input
 * is valid, and the kernel handles it by starting another skb.
 */
export function buildFragmentList(frames: readonly number[], options: FragmentListOptions): FragmentList {
  const {pageSize, maxFrags, firstOffset, lastLength} = validateFragmentListOptions(options, Array.isArray(frames) ? frames.length : 0);
  validateFrames(frames, pageSize);
  const last = frames.length - 1;
  let bytes = 0;
  const fragments = frames.map((frame, page): Fragment => {
    const offset = page === 0 ? firstOffset : 0;
    const length = (page === last ? lastLength : pageSize) - offset;
    bytes += length;
    return {page, offset, length, dmaAddress: frame * pageSize + offset};
  });
  const skbs = Math.ceil(fragments.length / maxFrags);
  return {fragments, bytes, descriptors: fragments.length, skbs, overflow: skbs > 1};
}

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
 * One sendfile() call sending `bytes` that are already in the page cache, in `descriptorCount`
 * fragments, on a current kernel (see SendPath in nic-features.ts). The steps agree with chapter 4's sendfile():
 * on the gather paths the socket buffer gets page references (a descriptor step) and the NIC's
 * DMA reads the page cache; without checksum offload a CPU pass follows the references; without
 * scatter-gather the CPU copies the bytes into the socket buffer and the NIC reads that.
 *
 * The NIC's completion is drawn as one interrupt. How many interrupts a real card raises for a
 * long send depends on interrupt coalescing and NAPI: see ringInterrupts().
 */
export function sgTransfer(bytes: number, descriptorCount: number, features: NicFeatures): SgTransfer {
  requireInteger('bytes', bytes, {min: 1, max: MAX_RW_COUNT, unit: 'bytes'});
  // Every fragment describes at least one byte, and any bytes need at least one.
  requireInteger('descriptorCount', descriptorCount, {min: 1, max: bytes, unit: 'descriptors'});
  validateNicFeatures(features);
  const path = sendPathFor(features);
  const missing = NIC_FEATURES.filter((feature) => !features[feature]);
  const intoSocket: Step[] =
    path === 'copy'
      ? [{kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'sendfile', async: false}]
      : [
          {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: descriptorCount, syscall: 'sendfile'},
          ...(path === 'gather-cpu-checksum'
            ? [{kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes, syscall: 'sendfile'} satisfies Step]
            : []),
        ];
  const steps: Step[] = [
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
    ...intoSocket,
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
    // sendfile() returns once the NIC has its work queued; the NIC's DMA happens later [lj].
    {kind: 'copy', engine: 'dma', from: path === 'copy' ? 'socket-buffer' : 'page-cache', to: 'nic', bytes, syscall: 'sendfile', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
  ];
  return {path, missing, descriptors: path === 'copy' ? 0 : descriptorCount, steps, summary: summarizeSteps(steps)};
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
 * Interrupts for `completions` transmit completions when the NIC raises one interrupt per
 * `coalesceFrames` of them (the tx-frames rule of `ethtool -C`). A real card also has a timer
 * (tx-usecs) that can fire sooner, and NAPI keeps the interrupt masked while it polls the ring,
 * so real counts vary; this is the frame-count rule alone.
 */
export function ringInterrupts(completions: number, coalesceFrames: number): number {
  requireInteger('completions', completions, {min: 0, max: MAX_EXACT_BYTES, unit: 'completions'});
  requireInteger('coalesceFrames', coalesceFrames, {min: 1, max: MAX_LIST_ENTRIES, unit: 'frames'});
  return Math.ceil(completions / coalesceFrames);
}

/**
 * Interrupts for sending the whole pages at `frames`, in file order, with a historical
 * block-only DMA engine (one transfer and one interrupt per run of consecutive frames) and with
 * a NIC's descriptor ring (one descriptor per page fragment, skbs of at most maxFrags fragments,
 * one interrupt per coalesceFrames completed skbs).
 */
export function blockVsRingInterrupts(frames: readonly number[], options: RingOptions = {}): InterruptComparison {
  if (typeof options !== 'object' || options === null) {
    throw new ModelInputError('options', options, `options must be {pageSize?, maxFrags?, coalesceFrames?}; got ${show(options)}`);
  }
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const coalesceFrames = options.coalesceFrames ?? 1;
  const list = buildFragmentList(frames, {pageSize, maxFrags: options.maxFrags ?? DEFAULT_MAX_SKB_FRAGS});
  // Chapter 2's rule, reused: a page joins the block before it only if it starts where that block ends.
  const blocks = contiguousBlocks(frames.map((frame) => ({address: frame * pageSize, length: pageSize}))).length;
  return {
    blocks,
    blockDmaInterrupts: blocks,
    descriptors: list.descriptors,
    completions: list.skbs,
    coalesceFrames,
    ringInterrupts: ringInterrupts(list.skbs, coalesceFrames),
  };
}

