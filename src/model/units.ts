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

export const TiB = 1024 * GiB;
export const PiB = 1024 * TiB;

const BINARY_UNITS: readonly [number, string][] = [
  [PiB, 'PiB'],
  [TiB, 'TiB'],
  [GiB, 'GiB'],
  [MiB, 'MiB'],
  [KiB, 'KiB'],
];

/** "4 KiB", "1.5 MiB", "17 bytes": binary units, at most two decimals, trailing zeros dropped. */
export function formatBytes(bytes: number): string {
  for (const [index, [size, unit]] of BINARY_UNITS.entries()) {
    if (Math.abs(bytes) >= size) {
      const figure = Number((bytes / size).toFixed(2));
      // 1 TiB minus a byte rounds to 1024 GiB: say 1 TiB instead.
      if (Math.abs(figure) >= 1024 && index > 0) return `${Number((bytes / BINARY_UNITS[index - 1][0]).toFixed(2))} ${BINARY_UNITS[index - 1][1]}`;
      return `${figure} ${unit}`;
    }
  }
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/**
 * "1 system call", "0 system calls", "524,288 system calls": an English count with its noun
 * in the right number. Chinese has no plural, so the zh-Hans pages write the noun themselves.
 */
export function formatCountOf(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** "2,147,479,552": digits grouped for reading, independent of the host's locale. */
export function formatCount(count: number): string {
  return count.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
