// Chapter 7: when zero-copy through the page cache is the wrong tool. API (stable; additions only):
//   type AccessPattern = 'once' | 'repeated' | 'random-small'
//   type DirectIoChoice = {method: 'sendfile' | 'direct-io', reason: string}
//   chooseDirectIo({fileBytes, pageCacheBytes, accessPattern, directioThreshold?}) -> DirectIoChoice
//   checkDirectIoAlignment({offset, length, bufferAddress, logicalBlockSize}) -> AlignmentCheck
// The rule (a course simplification, stated in the chapter):
//   1. nginx `directio size` given (nginx.org http_core_module "directio"): files of at least
//      that size use O_DIRECT (with `aio` / `aio threads`), smaller ones sendfile — nginx's rule.
//   2. otherwise: a file read 'once' that is larger than the page cache available for it would
//      only evict hotter pages (and be evicted before reuse): direct I/O. 'repeated' reads
//      benefit from the cache: sendfile. 'random-small' reads hit the cache when they fit:
//      sendfile if the file fits, else direct I/O.
// O_DIRECT alignment (open(2), NOTES "O_DIRECT"): file offset, length and user buffer address
// must be aligned, usually to the logical block size (512 or 4,096 bytes, BLKSSZGET); the rules
// vary by filesystem and kernel, and statx's STATX_DIOALIGN (6.1) reports the buffer's and the
// offset's alignment separately.
import {ModelInputError, requireInteger, requireOneOf} from './validate';
import {MAX_EXACT_BYTES} from './units';

export type AccessPattern = 'once' | 'repeated' | 'random-small';
export const ACCESS_PATTERNS: readonly AccessPattern[] = ['once', 'repeated', 'random-small'];

export interface DirectIoInput {
  readonly fileBytes: number;
  /** Page cache available for this file (free + reclaimable). */
  readonly pageCacheBytes: number;
  readonly accessPattern: AccessPattern;
  /** nginx `directio` size; when set, the nginx rule decides. */
  readonly directioThreshold?: number;
}

export interface DirectIoChoice {
  readonly method: 'sendfile' | 'direct-io';
  readonly reason: string;
}

export function chooseDirectIo(input: DirectIoInput): DirectIoChoice {
  const fileBytes = requireInteger('fileBytes', input.fileBytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const cache = requireInteger('pageCacheBytes', input.pageCacheBytes, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
  const pattern = requireOneOf('accessPattern', input.accessPattern, ACCESS_PATTERNS);
  if (input.directioThreshold !== undefined) {
    const threshold = requireInteger('directioThreshold', input.directioThreshold, {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'});
    return fileBytes >= threshold
      ? {method: 'direct-io', reason: 'nginx directio: the file is at least the directio size'}
      : {method: 'sendfile', reason: 'nginx directio: the file is smaller than the directio size'};
  }
  if (pattern === 'repeated') return {method: 'sendfile', reason: 'read repeatedly: the page cache serves later reads'};
  if (fileBytes <= cache) return {method: 'sendfile', reason: 'the file fits in the page cache available'};
  return pattern === 'once'
    ? {method: 'direct-io', reason: 'read once and larger than the page cache: caching it only evicts hotter pages'}
    : {method: 'direct-io', reason: 'small random reads of a file larger than the page cache miss anyway'};
}

export interface AlignmentInput {
  readonly offset: number;
  readonly length: number;
  readonly bufferAddress: number;
  readonly logicalBlockSize: number;
}

export interface AlignmentCheck {
  readonly ok: boolean;
  /** The fields that are not multiples of the block size. */
  readonly misaligned: readonly ('offset' | 'length' | 'bufferAddress')[];
}

export function checkDirectIoAlignment(input: AlignmentInput): AlignmentCheck {
  const block = requireInteger('logicalBlockSize', input.logicalBlockSize, {min: 512, max: 65536, unit: 'bytes'});
  if ((block & (block - 1)) !== 0) {
    throw new ModelInputError('logicalBlockSize', block, `logicalBlockSize must be a power of two (512 or 4,096 usually); got ${block}`);
  }
  const fields = ['offset', 'length', 'bufferAddress'] as const;
  const misaligned = fields.filter((f) => requireInteger(f, input[f], {min: 0, max: MAX_EXACT_BYTES, unit: 'bytes'}) % block !== 0);
  return {ok: misaligned.length === 0, misaligned};
}
