// Chapter 6: page faults on a file mapping (src/model/mmap-nio.ts re-exports all of it).
//
// Two kernel mechanisms decide what a fault costs, and they do different jobs:
// - Readahead fills the PAGE CACHE: on a fault that has to go to disk, the kernel reads more
//   than the one page (128 KiB by default, include/linux/pagemap.h). It decides which faults
//   are major (wait for the disk) and which are minor (the page is already cached).
// - Fault-around fills the PAGE TABLE: on a read fault, do_fault_around() (mm/memory.c) maps
//   the already-cached pages of an aligned window around the faulting page,
//   `fault_around_bytes`, 64 KiB = 16 pages by default. It decides how many pages one fault maps,
//   so a warm sequential pass takes one fault per 16 pages, whatever the readahead size.
import {KiB, MAX_EXACT_BYTES, PAGE_SIZE} from './units';
import {ModelInputError, requireInteger} from './validate';

/** Linux's default readahead, 128 KiB (include/linux/pagemap.h), in 4 KiB pages. */
export const DEFAULT_READAHEAD_PAGES = (128 * KiB) / PAGE_SIZE;

/** The model's ceiling for a readahead window: 65,536 pages, 256 MiB. */
export const MAX_READAHEAD_PAGES = 65_536;

/** Linux's default fault-around window: fault_around_pages = 65536 >> PAGE_SHIFT (mm/memory.c), 16 pages. */
export const DEFAULT_FAULT_AROUND_PAGES = (64 * KiB) / PAGE_SIZE;

/**
 * The largest fault-around window: one page table's worth, PTRS_PER_PTE = 512 pages on x86-64.
 * fault_around_bytes_set() refuses more and rounds any value down to a power of two.
 */
export const MAX_FAULT_AROUND_PAGES = 512;

/** The highest page index a file the model accepts can have. */
export const MAX_PAGE_INDEX = Math.floor(MAX_EXACT_BYTES / PAGE_SIZE);

/** Throws unless `value` is a power of two from 1 (fault-around off) to MAX_FAULT_AROUND_PAGES. */
export function requireFaultAroundPages(value: unknown): number {
  const pages = requireInteger('faultAroundPages', value, {min: 1, max: MAX_FAULT_AROUND_PAGES, unit: 'pages'});
  if ((pages & (pages - 1)) !== 0) {
    throw new ModelInputError(
      'faultAroundPages',
      value,
      `faultAroundPages must be a power of two (1, 2, 4 ... 512): the kernel rounds fault_around_bytes down to one; got ${pages}`,
    );
  }
  return pages;
}

export interface PageFaultOptions {
  /** Pages a fault that goes to disk reads into the page cache; 1 means no readahead at all. */
  readonly readaheadPages: number;
  /** Pages of the aligned window one fault may map; 1 turns fault-around off. Default 16. */
  readonly faultAroundPages?: number;
  /** Pages already in the page cache: faulting on one of them is minor. Default none (a cold cache). */
  readonly cached?: ReadonlySet<number> | readonly number[];
}

export interface PageFaultCount {
  readonly faults: number;
  /** Faults on pages that had to be read from disk. */
  readonly major: number;
  /** Faults on pages already in the page cache: only the page table changes. */
  readonly minor: number;
  /** The pages that trapped, in the order they did. */
  readonly faultPages: readonly number[];
}

// Pages as sorted, disjoint [start, end) ranges, so a readahead window of 65,536 pages costs
// one entry, not 65,536.
interface PageRanges {
  readonly starts: number[];
  readonly ends: number[];
}

/** Index of the last range starting at or before `page`, or -1. */
function rangeAtOrBefore(ranges: PageRanges, page: number): number {
  let low = 0;
  let high = ranges.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ranges.starts[middle] <= page) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function inRanges(ranges: PageRanges, page: number): boolean {
  const index = rangeAtOrBefore(ranges, page);
  return index >= 0 && page < ranges.ends[index];
}

function addRange(ranges: PageRanges, start: number, end: number): void {
  const before = rangeAtOrBefore(ranges, start);
  const first = before >= 0 && ranges.ends[before] >= start ? before : before + 1;
  let newStart = start;
  let newEnd = end;
  let last = first;
  // Swallow every range that overlaps or touches [start, end).
  while (last < ranges.starts.length && ranges.starts[last] <= newEnd) {
    newStart = Math.min(newStart, ranges.starts[last]);
    newEnd = Math.max(newEnd, ranges.ends[last]);
    last++;
  }
  ranges.starts.splice(first, last - first, newStart);
  ranges.ends.splice(first, last - first, newEnd);
}

function requirePageList(parameter: string, pages: unknown): readonly number[] {
  if (pages instanceof Set) return requirePageList(parameter, [...pages]);
  if (!Array.isArray(pages)) {
    throw new ModelInputError(parameter, pages, `${parameter} must be an array of page indexes; got ${String(pages)}`);
  }
  pages.forEach((page: unknown, index) =>
    requireInteger(`${parameter}[${index}]`, page, {min: 0, max: MAX_PAGE_INDEX, unit: 'pages'}),
  );
  return pages as readonly number[];
}

/**
 * How many page faults a program takes touching mapped pages in `accessPattern` order (page
 * indexes, repeats allowed), and which are major.
 *
 * The model's rules:
 * - A mapped page never faults again.
 * - A fault on a page that is not cached is major: the disk reads the readahead window that
 *   starts at that page, p .. p + readaheadPages - 1, into the page cache. Any other fault is minor.
 * - Then the fault maps every cached page of its fault-around window: the `faultAroundPages`
 *   pages from the multiple of `faultAroundPages` at or below p (the faulting page included).
 *
 * Simplified on purpose: the kernel's read-around centres the window on the fault unless the
 * mapping is marked MADV_SEQUENTIAL, grows it for a stream, and marks a page that starts the next
 * (asynchronous) read, which fault-around skips so that touching it faults again; the first fault
 * on a cold page maps only that page, because fault-around runs before the read. The windows are
 * aligned in the address space, and the model assumes the mapping starts on such a boundary. A
 * filesystem that caches large folios may map a whole folio per fault, which is more than 16 pages.
 */
export function pageFaultsFor(accessPattern: readonly number[], options: PageFaultOptions): PageFaultCount {
  const pattern = requirePageList('accessPattern', accessPattern);
  if (typeof options !== 'object' || options === null) {
    throw new ModelInputError(
      'options',
      options,
      `options must be an object {readaheadPages, faultAroundPages?, cached?}; got ${String(options)}`,
    );
  }
  const readaheadPages = requireInteger('readaheadPages', options.readaheadPages, {
    min: 1,
    max: MAX_READAHEAD_PAGES,
    unit: 'pages',
  });
  const faultAroundPages = requireFaultAroundPages(options.faultAroundPages ?? DEFAULT_FAULT_AROUND_PAGES);
  const cachedBefore = new Set(requirePageList('cached', options.cached ?? []));
  const readFromDisk: PageRanges = {starts: [], ends: []};
  const mapped: PageRanges = {starts: [], ends: []};
  const isCached = (page: number) => cachedBefore.has(page) || inRanges(readFromDisk, page);
  const faultPages: number[] = [];
  let major = 0;
  for (const page of pattern) {
    if (inRanges(mapped, page)) continue;
    faultPages.push(page);
    if (!isCached(page)) {
      major++;
      addRange(readFromDisk, page, page + readaheadPages);
    }
    const windowStart = page - (page % faultAroundPages);
    for (let candidate = windowStart; candidate < windowStart + faultAroundPages; candidate++) {
      if (isCached(candidate)) addRange(mapped, candidate, candidate + 1);
    }
  }
  return {faults: faultPages.length, major, minor: faultPages.length - major, faultPages};
}
