// A lab report's figures beside the model's prediction for the same transfer, for the lab page's
// charts. The model predicts CPU time, not wall time: on loopback the wall clock also holds the
// receiver's work and the scheduler, which the model leaves out on purpose.
import {estimateCost, type HardwareParams} from './cost';
import type {LabCache, LabMethodId, LabReport, LabResult, Spread} from './lab-report';
import {mmapWriteSummary} from './mmap-write';
import {readWriteSummary} from './read-write';
import {sendfileSummary} from './sendfile';
import {spliceSummary} from './splice';
import type {PageCacheState, Summary} from './types';
import {MAX_RW_COUNT} from './units';

/** Loopback has scatter-gather and checksum offload (`ethtool -k lo`): the zero-copy sendfile path. */
export const LOOPBACK_NIC = {scatterGather: true, checksumOffload: true} as const;

/**
 * The model's summary of what a lab program does, or null where the model has no cost for that
 * method yet. Each mirrors its program in lab/c/ (or lab/java/).
 */
export function modelSummaryFor(method: LabMethodId, fileBytes: number, bufferBytes: number | null, cache: LabCache): Summary | null {
  const pageCache: PageCacheState = cache === 'warm' ? 'hit' : 'miss';
  switch (method) {
    case 'read-write':
      return readWriteSummary(fileBytes, bufferBytes ?? 65_536, pageCache);
    case 'sendfile':
    // FileChannel.transferTo to a socket is sendfile() on Linux in every JDK the course covers
    // (transfer-to.ts; JDK 21 tries copy_file_range first, which a socket refuses).
    case 'java-transfer-to':
      return sendfileSummary(fileBytes, {pageCache, nic: LOOPBACK_NIC});
    case 'mmap-write':
      // mmap_write.c hands the whole mapping to one write() (the kernel caps a call at MAX_RW_COUNT).
      return mmapWriteSummary(fileBytes, {pageCache, writeChunk: Math.min(Math.max(fileBytes, 1), MAX_RW_COUNT)});
    case 'splice':
      return spliceSummary(fileBytes, {pageCache, nic: LOOPBACK_NIC});
    case 'copy-file-range':
    case 'msg-zerocopy':
    case 'java-heap-loop':
      return null;
  }
}

export interface LabChartRow {
  readonly method: LabMethodId;
  readonly label: string;
  readonly fileBytes: number;
  readonly cache: LabCache;
  readonly wallNs: Spread;
  /** The sender's CPU time, user + system, in nanoseconds (medians added; the range likewise). */
  readonly cpuNs: Spread;
  readonly sysNs: number;
  /** The model's CPU estimate with the given hardware parameters; null where the model has none. */
  readonly modelCpuNs: number | null;
}

function cpuSpread(result: LabResult): Spread {
  return {
    median: (result.userUs.median + result.sysUs.median) * 1000,
    min: (result.userUs.min + result.sysUs.min) * 1000,
    max: (result.userUs.max + result.sysUs.max) * 1000,
  };
}

/** The measured methods at one file size and cache state, in the report's method order. */
export function labChartRows(report: LabReport, fileBytes: number, cache: LabCache, hardware: HardwareParams): LabChartRow[] {
  const labels = new Map(report.methods.map((m) => [m.id, m.label]));
  return report.results
    .filter((r) => r.fileBytes === fileBytes && r.cache === cache)
    .map((r) => {
      const summary = modelSummaryFor(r.method, r.fileBytes, r.bufferBytes, r.cache);
      return {
        method: r.method,
        label: labels.get(r.method) ?? r.method,
        fileBytes: r.fileBytes,
        cache: r.cache,
        wallNs: r.wallNs,
        cpuNs: cpuSpread(r),
        sysNs: r.sysUs.median * 1000,
        modelCpuNs: summary === null ? null : estimateCost(summary, hardware).cpuNs,
      };
    });
}

/** The file sizes and cache states the report holds results for, in ascending size. */
export function labSizes(report: LabReport): number[] {
  return [...new Set(report.results.map((r) => r.fileBytes))].sort((a, b) => a - b);
}

export function labCaches(report: LabReport): LabCache[] {
  return (['warm', 'cold'] as const).filter((cache) => report.results.some((r) => r.cache === cache));
}

/** Wall time of the heap loop over transferTo at each size: the lab's answer to IBM's ratio. */
export function javaSpeedups(report: LabReport, cache: LabCache): {fileBytes: number; ratio: number}[] {
  return labSizes(report).flatMap((fileBytes) => {
    const find = (method: LabMethodId) => report.results.find((r) => r.method === method && r.fileBytes === fileBytes && r.cache === cache);
    const heap = find('java-heap-loop');
    const transfer = find('java-transfer-to');
    if (heap === undefined || transfer === undefined || transfer.wallNs.median <= 0) return [];
    return [{fileBytes, ratio: heap.wallNs.median / transfer.wallNs.median}];
  });
}
