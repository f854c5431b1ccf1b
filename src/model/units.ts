export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** The x86-64 base page size (mmap(2)). */
export const PAGE_SIZE = 4096;

/**
 * The most one read(), write() or sendfile() moves per call: INT_MAX rounded down to a page,
 * 0x7ffff000 = 2,147,479,552 bytes (MAX_RW_COUNT in fs/read_write.c, include/linux/fs.h).
 */
export const MAX_RW_COUNT = 0x7ffff000;

/** The largest integer a JavaScript number holds exactly: the model's ceiling for byte counts. */
export const MAX_EXACT_BYTES = Number.MAX_SAFE_INTEGER;

const BINARY_UNITS: readonly [number, string][] = [
  [GiB, 'GiB'],
  [MiB, 'MiB'],
  [KiB, 'KiB'],
];

/** "4 KiB", "1.5 MiB", "17 bytes": binary units, at most two decimals, trailing zeros dropped. */
export function formatBytes(bytes: number): string {
  for (const [size, unit] of BINARY_UNITS) {
    if (Math.abs(bytes) >= size) {
      return `${Number((bytes / size).toFixed(2))} ${unit}`;
    }
  }
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** "2,147,479,552": digits grouped for reading, independent of the host's locale. */
export function formatCount(count: number): string {
  return count.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
