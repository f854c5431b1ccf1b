import type {Summary} from './types';
import {PAGE_SIZE, formatCount} from './units';
import {requirePositiveNumber} from './validate';

/**
 * Hardware parameters the cost estimate is computed from. Defaults are rough figures from
 * the course's fact sheet; every chapter that quotes an estimate says which ones it used.
 */
export interface HardwareParams {
  /** How fast one core copies memory with memcpy-like loops. */
  readonly memcpyBytesPerSecond: number;
  /** One user->kernel or kernel->user transition; a syscall round trip is two of them. */
  readonly modeSwitchNs: number;
  /**
   * Handling one minor fault on a file mapping whose pages are already cached (trap,
   * fault-around mapping up to 16 pages, return). Waiting for the disk on a major fault is DMA
   * time, not CPU time.
   */
  readonly pageFaultNs: number;
  /**
   * The kernel's work per 4 KiB page sent, with or without copies: page-cache lookup, page
   * reference, skb fragment, TCP segmentation and ACK processing.
   */
  readonly perPageKernelNs: number;
  /** How fast a device's DMA engine moves bytes (disk or NIC): it costs no CPU instructions. */
  readonly dmaBytesPerSecond: number;
  /** The scheduler switching from one task to another (and the cache it disturbs). */
  readonly contextSwitchNs: number;
  /** A vDSO call such as clock_gettime: runs in user space, no mode switch at all. */
  readonly vdsoCallNs: number;
}

export interface HardwareParamSource {
  readonly label: string;
  readonly unit: string;
  readonly source: string;
}

export const DEFAULT_HARDWARE: HardwareParams = {
  memcpyBytesPerSecond: 12e9,
  modeSwitchNs: 100,
  pageFaultNs: 1000,
  perPageKernelNs: 460,
  dmaBytesPerSecond: 1.25e9,
  contextSwitchNs: 3000,
  vdsoCallNs: 20,
};

export const HARDWARE_SOURCES: Record<keyof HardwareParams, HardwareParamSource> = {
  memcpyBytesPerSecond: {
    label: 'Memory copy bandwidth',
    unit: 'bytes/s',
    source:
      'single-threaded memcpy of 512 MiB measured at 11.7-12.4 GB/s on a small 2-vCPU VM (course fact sheet, measured once)',
  },
  modeSwitchNs: {
    label: 'Mode switch',
    unit: 'ns',
    source:
      'half of a ~200 ns syscall round trip: getppid measured at 170-185 ns (fact sheet); 228-237 ns on Skylake with KPTI (Phoronix)',
  },
  pageFaultNs: {
    label: 'Page fault (file-backed, minor)',
    unit: 'ns',
    source:
      'an assumption for a physical machine, not a measurement: a minor fault on a cached file page, which maps up to 16 pages (fault-around). An anonymous first-touch fault also allocates and zeroes a page and costs more (4.4-7.6 us on a VM, fact sheet). Virtual machines make page-table updates expensive: on the course\'s 2-vCPU VM (Linux 6.18) one fault-around fault on a cached tmpfs file took about 42 us. Measure your own with npm run lab',
  },
  perPageKernelNs: {
    label: 'Kernel work per page sent',
    unit: 'ns',
    source:
      'sendfile() of 1 GiB over loopback, with scatter-gather and checksum offload, took 0.12-0.15 s of sender CPU on a 2-vCPU VM (fact sheet, measured once): about 0.46 us per 4 KiB page with no copy at all. Loopback also runs the receiver\'s TCP work on the sender\'s CPU, so this is high for a real NIC',
  },
  dmaBytesPerSecond: {
    label: 'DMA bandwidth',
    unit: 'bytes/s',
    source: 'an assumption, not a measurement: a 10 Gbit/s device (1.25 GB/s). Change it to match your disk or NIC',
  },
  contextSwitchNs: {
    label: 'Context switch',
    unit: 'ns',
    source:
      'about 3 us: half of a 6.5-7.1 us pipe ping-pong round trip between two processes, measured on a VM (fact sheet)',
  },
  vdsoCallNs: {
    label: 'vDSO call',
    unit: 'ns',
    source: '13-33 ns for clock_gettime through the vDSO, which never enters the kernel (gms.tf, "On the costs of syscalls")',
  },
};

export interface CostEstimate {
  /** CPU time spent copying bytes. */
  readonly copyNs: number;
  /** CPU time spent reading bytes without copying them (a software checksum). */
  readonly passNs: number;
  /** The kernel's per-page work on the bytes sent: no method avoids it. */
  readonly kernelNs: number;
  /** CPU time spent entering and leaving the kernel. */
  readonly modeSwitchNs: number;
  /** CPU time spent handling page faults. */
  readonly pageFaultNs: number;
  /** Everything the CPU spends on the transfer: the figure zero-copy reduces. */
  readonly cpuNs: number;
  /** Time the DMA engines are busy, summed over devices; no CPU instructions. */
  readonly dmaNs: number;
}

export function validateHardware(params: HardwareParams): HardwareParams {
  requirePositiveNumber('memcpyBytesPerSecond', params.memcpyBytesPerSecond, 'bytes per second');
  requirePositiveNumber('modeSwitchNs', params.modeSwitchNs, 'nanoseconds');
  requirePositiveNumber('pageFaultNs', params.pageFaultNs, 'nanoseconds');
  requirePositiveNumber('perPageKernelNs', params.perPageKernelNs, 'nanoseconds');
  requirePositiveNumber('dmaBytesPerSecond', params.dmaBytesPerSecond, 'bytes per second');
  requirePositiveNumber('contextSwitchNs', params.contextSwitchNs, 'nanoseconds');
  requirePositiveNumber('vdsoCallNs', params.vdsoCallNs, 'nanoseconds');
  return params;
}

/** Turns a summary's counts into estimated time, using the given hardware parameters. */
export function estimateCost(summary: Summary, params: HardwareParams = DEFAULT_HARDWARE): CostEstimate {
  validateHardware(params);
  const copyNs = (summary.cpuBytes / params.memcpyBytesPerSecond) * 1e9;
  // A read pass is bound by memory bandwidth like a copy; pricing it as one is a slight overestimate.
  const passNs = (summary.cpuPassBytes / params.memcpyBytesPerSecond) * 1e9;
  const kernelNs = (summary.sentBytes / PAGE_SIZE) * params.perPageKernelNs;
  const modeSwitchNs = summary.modeSwitches * params.modeSwitchNs;
  const pageFaultNs = summary.pageFaults * params.pageFaultNs;
  return {
    copyNs,
    passNs,
    kernelNs,
    modeSwitchNs,
    pageFaultNs,
    cpuNs: copyNs + passNs + kernelNs + modeSwitchNs + pageFaultNs,
    dmaNs: (summary.dmaBytes / params.dmaBytesPerSecond) * 1e9,
  };
}

// Each unit in turn, with how many of it make the next, and the decimals it is shown with.
const DURATION_UNITS: readonly {readonly unit: string; readonly ns: number; readonly next: number; readonly decimals: number}[] = [
  {unit: 'ns', ns: 1, next: 1000, decimals: 1},
  {unit: 'µs', ns: 1e3, next: 1000, decimals: 1},
  {unit: 'ms', ns: 1e6, next: 1000, decimals: 1},
  {unit: 's', ns: 1e9, next: 60, decimals: 2},
  {unit: 'min', ns: 60e9, next: 60, decimals: 1},
  {unit: 'h', ns: 3600e9, next: 24, decimals: 1},
  {unit: 'd', ns: 86_400e9, next: 365.25, decimals: 1},
];
const YEAR_NS = 365.25 * 86_400e9;

/**
 * "850 ns", "12.3 µs", "89.5 ms", "1.2 s", "7.5 min", "3.2 h", "4.1 d", "13.6 years": the largest
 * unit that keeps the figure at least 1 (after rounding), so a huge estimate reads as a
 * duration, not as 429675256.89 s.
 */
export function formatDuration(ns: number): string {
  for (const {unit, ns: size, next, decimals} of DURATION_UNITS) {
    const figure = Number((ns / size).toFixed(decimals));
    if (figure < next) return `${figure} ${unit}`;
  }
  const years = ns / YEAR_NS;
  const figure = years < 100 ? String(Number(years.toFixed(1))) : formatCount(Math.round(years));
  return `${figure} years`;
}
