// The shared vocabulary of the course: where bytes live, who moves them, and the steps
// a data path is made of. Every module in src/model/ speaks in these types.

/** A place bytes can be. The page cache and the socket buffer live in kernel memory. */
export type Region = 'disk' | 'page-cache' | 'user-buffer' | 'socket-buffer' | 'nic';

/** Who moves the bytes: the CPU executing a copy loop, or a device's DMA engine. */
export type Engine = 'cpu' | 'dma';

/** The system calls the course's programs make. */
export type SyscallName =
  | 'read'
  | 'write'
  | 'sendfile'
  | 'mmap'
  | 'munmap'
  | 'splice'
  | 'open'
  | 'close'
  | 'fstat'
  | 'getppid'
  | 'clock_gettime';

/** Entering the kernel (a trap such as x86-64 `syscall`) or returning to user space. */
export interface ModeSwitchStep {
  readonly kind: 'mode-switch';
  readonly direction: 'user-to-kernel' | 'kernel-to-user';
  readonly syscall: SyscallName;
}

/** Bytes copied from one region to another by the CPU or by a DMA engine. */
export interface CopyStep {
  readonly kind: 'copy';
  readonly engine: Engine;
  readonly from: Region;
  readonly to: Region;
  readonly bytes: number;
  readonly syscall: SyscallName | null;
  /** True when the copy finishes after the syscall has returned (a NIC sending queued bytes). */
  readonly async: boolean;
}

/**
 * Scatter-gather: the kernel appends (address, length) descriptors to the socket buffer
 * instead of copying the bytes; the NIC later gathers the bytes from where they are.
 */
export interface DescriptorStep {
  readonly kind: 'descriptor';
  readonly from: Region;
  readonly to: Region;
  readonly bytes: number;
  readonly descriptors: number;
  readonly syscall: SyscallName | null;
}

/**
 * The CPU reading every byte without copying it. Today that is one thing: computing the TCP
 * checksum in software (`skb_checksum_help()`) because the NIC cannot. A pass costs CPU time
 * and pollutes the cache like a copy, but writes nothing, so it is not counted as a copy.
 */
export interface CpuPassStep {
  readonly kind: 'cpu-pass';
  readonly purpose: 'checksum';
  /** Where the bytes the CPU reads are. */
  readonly region: Region;
  readonly bytes: number;
  readonly syscall: SyscallName | null;
}

/** A device telling the CPU that a transfer has completed. */
export interface InterruptStep {
  readonly kind: 'interrupt';
  readonly source: 'disk' | 'nic';
  readonly syscall: SyscallName | null;
}

/** A trap taken when a program touches a mapped page that has no page-table entry yet. */
export interface PageFaultStep {
  readonly kind: 'page-fault';
  readonly pages: number;
  /** Major: the page had to be read from disk. Minor: it was already in the page cache. */
  readonly major: boolean;
  readonly syscall: SyscallName | null;
}

export type Step = ModeSwitchStep | CopyStep | DescriptorStep | CpuPassStep | InterruptStep | PageFaultStep;

export type StepKind = Step['kind'];

/** Counts a whole data path is judged by. */
export interface Summary {
  readonly cpuCopies: number;
  readonly dmaCopies: number;
  readonly cpuBytes: number;
  readonly dmaBytes: number;
  /** Passes in which the CPU reads the payload without copying it (a software checksum). */
  readonly cpuPasses: number;
  readonly cpuPassBytes: number;
  /**
   * Payload bytes queued on the socket, copied or by reference. The kernel's per-page work
   * (page-cache lookup, page reference, skb fragment, TCP segmentation, ACKs) grows with
   * them whatever the method: zero-copy removes copies, not this work.
   */
  readonly sentBytes: number;
  readonly modeSwitches: number;
  readonly syscalls: number;
  readonly interrupts: number;
  readonly pageFaults: number;
}

/** The steps that move one chunk of a transfer (one buffer's worth, one sendfile call...). */
export interface TraceChunk {
  readonly index: number;
  readonly bytes: number;
  readonly steps: readonly Step[];
}

/**
 * A data path for display and grading. Large transfers are aggregated: the first chunks
 * are listed step by step and the rest are only counted, so a 1 GiB file read 4 KiB at a
 * time is a handful of objects, not 262,144.
 */
export interface Trace {
  readonly chunks: readonly TraceChunk[];
  readonly omitted: OmittedChunks | null;
}

export interface OmittedChunks {
  readonly chunks: number;
  readonly bytes: number;
  readonly summary: Summary;
}

/** Whether the file's pages are already in the page cache when the program reads them. */
export type PageCacheState = 'miss' | 'hit';
