// Every method side by side: the numbers behind the comparison table and the cost chart.
import {DEFAULT_HARDWARE, estimateCost, type CostEstimate, type HardwareParams} from './cost';
import {transferSummary, type TransferInput, type TransferMethod} from './methods';
import type {NicFeatures} from './sendfile';
import type {PageCacheState, Summary} from './types';
import {GiB, KiB} from './units';

/** A method as a reader meets it: sendfile() appears twice, once per kind of NIC. */
export interface MethodVariant {
  readonly id: 'read-write' | 'mmap-write' | 'sendfile' | 'sendfile-sg';
  readonly method: TransferMethod;
  readonly label: string;
  readonly nic?: NicFeatures;
}

export const METHOD_VARIANTS: readonly MethodVariant[] = [
  {id: 'read-write', method: 'read-write', label: 'read() + write()'},
  {id: 'mmap-write', method: 'mmap-write', label: 'mmap() + write()'},
  {id: 'sendfile', method: 'sendfile', label: 'sendfile()', nic: {scatterGather: false, checksumOffload: false}},
  {
    id: 'sendfile-sg',
    method: 'sendfile',
    label: 'sendfile() + scatter-gather',
    nic: {scatterGather: true, checksumOffload: true},
  },
];

export interface ComparisonInput {
  readonly fileSize: number;
  /** read()+write()'s buffer, and the chunk mmap()+write() hands each write(). */
  readonly bufferSize: number;
  readonly pageCache: PageCacheState;
}

export interface ComparisonRow {
  readonly variant: MethodVariant;
  readonly summary: Summary;
  readonly cost: CostEstimate;
}

function variantInput(variant: MethodVariant, input: ComparisonInput): TransferInput {
  return {...input, nic: variant.nic};
}

export function compareMethods(input: ComparisonInput, params: HardwareParams = DEFAULT_HARDWARE): ComparisonRow[] {
  return METHOD_VARIANTS.map((variant) => {
    const summary = transferSummary(variant.method, variantInput(variant, input));
    return {variant, summary, cost: estimateCost(summary, params)};
  });
}

/** File sizes the cost chart plots: every power of four from 4 KiB to 4 GiB. */
export const CHART_FILE_SIZES: readonly number[] = Array.from({length: 11}, (_, i) => 4 * KiB * 4 ** i);

export const CHART_MAX_FILE_SIZE = 4 * GiB;

export interface CostPoint {
  readonly fileSize: number;
  readonly cpuNs: number;
}

/** Estimated CPU time of one method at each file size, other inputs fixed. */
export function costCurve(
  variant: MethodVariant,
  fileSizes: readonly number[],
  input: Omit<ComparisonInput, 'fileSize'>,
  params: HardwareParams = DEFAULT_HARDWARE,
): CostPoint[] {
  return fileSizes.map((fileSize) => ({
    fileSize,
    cpuNs: estimateCost(transferSummary(variant.method, variantInput(variant, {...input, fileSize})), params).cpuNs,
  }));
}
