// Grader for exercise 7. It checks the functions in beyond-sendfile.ts (yours, by default)
// against fixed cases from the chapter and against seeded random cases.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_COMPLETIONS,
  ACCESS_PATTERNS,
  addNotification,
  chooseDirectIo,
  completedCount,
  copiedCount,
  freeBuffers,
  normaliseRanges,
  pipeCapacity,
  spliceCallSteps,
  spliceSteps,
  spliceSummary,
  type AccessPattern,
  type CompletionState,
  type DirectIoInput,
  type NicFeatures,
  type SpliceDirection,
  type ZerocopyNotification,
} from '@subject/beyond-sendfile';
import type {PageCacheState, Step} from '@site/src/model/types';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectRejects} from '../../tools/grading/rejects';

const CHAPTER = '07';
const see = (anchor: string) => `see ${chapterSection('beyond-sendfile', anchor)}`;
const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const PAGE = 4096;
/** The most one call moves: 0x7ffff000 bytes (chapter 4). */
const CALL_CAP = 2_147_479_552;
/** The default pipe: 16 pages. */
const PIPE = 16 * PAGE;
const SPAN = 2 ** 32;
const TOP = SPAN - 1;

const NO_OFFLOAD: NicFeatures = {scatterGather: false, checksumOffload: false};
const SG_ONLY: NicFeatures = {scatterGather: true, checksumOffload: false};
const BOTH: NicFeatures = {scatterGather: true, checksumOffload: true};

type Range = readonly [number, number];

// ---------------------------------------------------------------------------------------
// The grader's own statement of the rules, independent of any implementation.

/** Smallest power-of-two number of pages holding `requested` bytes, at least one page. */
function expectedCapacity(requested: number, page: number): number {
  const pages = Math.max(1, Math.ceil(requested / page));
  return 2 ** Math.ceil(Math.log2(pages)) * page;
}

function expectedRounds(fileBytes: number, pipeBytes: number, page: number, callLimit: number) {
  const per = Math.min(pipeBytes, callLimit);
  const roundBytes: number[] = [];
  for (let left = fileBytes; left > 0; left -= Math.min(per, left)) roundBytes.push(Math.min(per, left));
  // Each round touches the pages from its first byte's to its last byte's.
  let offset = 0;
  let pageReferences = 0;
  for (const bytes of roundBytes) {
    const first = Math.floor(offset / page);
    const last = Math.floor((offset + bytes - 1) / page);
    pageReferences += last - first + 1;
    offset += bytes;
  }
  return {callsEachWay: roundBytes.length, pageReferences, roundBytes, lastStepBytes: roundBytes.length > 0 ? roundBytes[roundBytes.length - 1] : 0};
}

function expectedCall(bytes: number, direction: SpliceDirection, pageCache: PageCacheState, nic: NicFeatures): Step[] {
  const enter: Step = {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'splice'};
  const leave: Step = {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'splice'};
  if (direction === 'file-to-pipe') {
    if (pageCache === 'hit') return [enter, leave];
    return [
      enter,
      {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'splice', async: false},
      {kind: 'interrupt', source: 'disk', syscall: 'splice'},
      leave,
    ];
  }
  const gathers = nic.scatterGather;
  const checksum: Step[] = nic.checksumOffload ? [] : [{kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes, syscall: 'splice'}];
  const intoSocket: Step[] = gathers
    ? [{kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: Math.ceil(bytes / PAGE), syscall: 'splice'}, ...checksum]
    : [{kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'splice', async: false}];
  return [
    enter,
    ...intoSocket,
    leave,
    {kind: 'copy', engine: 'dma', from: gathers ? 'page-cache' : 'socket-buffer', to: 'nic', bytes, syscall: 'splice', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'splice'},
  ];
}

/** Every id a list of wrap-aware notifications completes, as a set. */
function idsOf(notifications: readonly ZerocopyNotification[], onlyCopied = false): Set<number> {
  const ids = new Set<number>();
  for (const {lo, hi, copied} of notifications) {
    if (onlyCopied && !copied) continue;
    for (let id = lo; ; id = (id + 1) % SPAN) {
      ids.add(id);
      if (id === hi) break;
    }
  }
  return ids;
}

/** Does `ranges` hold exactly `ids`, sorted, disjoint and non-adjacent? Returns what is wrong, or null. */
function rangeProblem(ranges: readonly Range[], ids: ReadonlySet<number>): string | null {
  const covered = new Set<number>();
  for (let i = 0; i < ranges.length; i++) {
    const [lo, hi] = ranges[i];
    if (!(Number.isInteger(lo) && Number.isInteger(hi) && 0 <= lo && lo <= hi && hi <= TOP)) return `range #${i} [${lo}, ${hi}] is not a plain range (0 <= lo <= hi <= 2^32 - 1)`;
    if (i > 0 && lo <= ranges[i - 1][1] + 1) return `ranges #${i - 1} and #${i} overlap, touch or are out of order: they should be one range, sorted`;
    if (hi - lo > 100_000) return `range #${i} [${lo}, ${hi}] holds ids that were never reported`;
    for (let id = lo; id <= hi; id++) covered.add(id);
  }
  const missing = [...ids].filter((id) => !covered.has(id));
  if (missing.length > 0) return `ids ${missing.slice(0, 5).join(', ')} were reported but are not in the ranges`;
  const extra = [...covered].filter((id) => !ids.has(id));
  if (extra.length > 0) return `ids ${extra.slice(0, 5).join(', ')} are in the ranges but were never reported`;
  return null;
}

function fold(notifications: readonly ZerocopyNotification[]): CompletionState {
  return notifications.reduce((state, notification) => addNotification(state, notification), EMPTY_COMPLETIONS);
}

/** Ids around the counter's wrap, or near 0: where off-by-ones and wraps go wrong. */
const nearWrap = (offset: number): number => (SPAN - 40 + offset) % SPAN;
const notificationArb: fc.Arbitrary<ZerocopyNotification> = fc
  .record({start: fc.nat(80), length: fc.nat(12), copied: fc.boolean()})
  .map(({start, length, copied}) => ({lo: nearWrap(start), hi: nearWrap(start + length), copied}));

// ---------------------------------------------------------------------------------------

describe('Part 1: pipeCapacity, what F_SETPIPE_SZ gives', () => {
  it('rounds up to a power-of-two number of 4 KiB pages', () => {
    const where = see('splice');
    expect(pipeCapacity(4096), where).toBe(4096);
    expect(pipeCapacity(4097), where).toBe(8192);
    expect(pipeCapacity(3 * PAGE), where).toBe(4 * PAGE);
    expect(pipeCapacity(100_000), where).toBe(32 * PAGE);
    expect(pipeCapacity(PIPE), where).toBe(PIPE);
    expect(pipeCapacity(PIPE + 1), where).toBe(2 * PIPE);
  });

  it('gives at least one page, even for 0 or 1 byte', () => {
    expect(pipeCapacity(0), see('splice')).toBe(PAGE);
    expect(pipeCapacity(1), see('splice')).toBe(PAGE);
  });

  it('allows up to /proc/sys/fs/pipe-max-size (1 MiB by default) and refuses more, naming `requestedBytes`', () => {
    expect(pipeCapacity(MiB), see('splice')).toBe(MiB);
    expectRejects(() => pipeCapacity(MiB + 1), 'requestedBytes', see('splice'));
    expect(pipeCapacity(MiB + 1, PAGE, 4 * MiB), see('splice')).toBe(2 * MiB);
    expectRejects(() => pipeCapacity(3 * MiB, PAGE, 2 * MiB), 'requestedBytes', see('splice'));
  });

  it('counts in the page size it is given', () => {
    expect(pipeCapacity(20_000, 16_384), see('splice')).toBe(32_768);
    expect(pipeCapacity(1, 65_536), see('splice')).toBe(65_536);
  });

  it('checks every parameter, naming it first', () => {
    const where = see('splice');
    for (const bad of [-1, 0.5, Number.NaN]) expectRejects(() => pipeCapacity(bad), 'requestedBytes', where);
    for (const bad of [3000, 0, 256]) expectRejects(() => pipeCapacity(4096, bad), 'pageSize', where);
    expectRejects(() => pipeCapacity(4096, PAGE, 100), 'maxBytes', where);
  });

  it('matches the rule for random sizes and page sizes', () => {
    checkProperty(
      fc.record({requested: fc.nat(1 << 26), page: fc.constantFrom(512, 4096, 16_384, 65_536)}),
      ({requested, page}) => {
        expect(pipeCapacity(requested, page, 2 ** 31), `pipeCapacity(${requested}, ${page}, 2^31); ${see('splice')}`).toBe(expectedCapacity(requested, page));
      },
      {chapter: CHAPTER},
    );
  });
});

describe('Part 2: spliceSteps, the rounds through a pipe', () => {
  it('sends 1 GiB through the default 64 KiB pipe in 16,384 rounds of 16 page references', () => {
    expect(spliceSteps(GiB).callsEachWay, see('splice')).toBe(16_384);
    expect(spliceSteps(GiB).pageReferences, see('splice')).toBe(262_144);
    expect(spliceSteps(GiB).lastStepBytes, see('splice')).toBe(PIPE);
  });

  it('needs 1,024 rounds with a 1 MiB pipe', () => {
    expect(spliceSteps(GiB, MiB).callsEachWay, see('splice')).toBe(1024);
  });

  it('ends with a shorter round, which still needs a reference for its partial page', () => {
    expect(spliceSteps(100_000), see('splice')).toEqual({callsEachWay: 2, pageReferences: 25, roundBytes: [PIPE, 100_000 - PIPE], lastStepBytes: 100_000 - PIPE});
  });

  it('takes no round at all for an empty file', () => {
    expect(spliceSteps(0), see('splice')).toEqual({callsEachWay: 0, pageReferences: 0, roundBytes: [], lastStepBytes: 0});
  });

  it('counts a page twice when a short splice() leaves two rounds sharing it', () => {
    // Bytes 0-2,999 lie in page 0; bytes 3,000-5,999 in pages 0 and 1: three references, not two.
    expect(spliceSteps(6000, PIPE, PAGE, 3000), see('splice')).toEqual({
      callsEachWay: 2,
      pageReferences: 3,
      roundBytes: [3000, 3000],
      lastStepBytes: 3000,
    });
  });

  it('checks every parameter, naming it first', () => {
    const where = see('splice');
    for (const bad of [-1, 0.5, Number.NaN]) expectRejects(() => spliceSteps(bad), 'fileBytes', where);
    expectRejects(() => spliceSteps(GiB, PIPE + 1), 'pipeBytes', where);
    expectRejects(() => spliceSteps(GiB, 0), 'pipeBytes', where);
    expectRejects(() => spliceSteps(GiB, PIPE, 1000), 'pageSize', where);
    expectRejects(() => spliceSteps(GiB, PIPE, PAGE, 0), 'callLimit', where);
    expectRejects(() => spliceSteps(GiB, PIPE, PAGE, CALL_CAP + 1), 'callLimit', where);
    // One round more than the model lists; report only the count if it is not refused, not the list.
    expectRejects(() => ({callsEachWay: spliceSteps(10_000_001 * 512, PAGE, PAGE, 512).callsEachWay}), 'fileBytes', where);
  });

  it('matches the rules for random files, pipes, page sizes and short returns', () => {
    checkProperty(
      fc
        .record({
          fileBytes: fc.oneof(fc.nat(1 << 22), fc.constantFrom(0, 1, PAGE - 1, PAGE, PAGE + 1, PIPE, PIPE + 1)),
          pipePages: fc.integer({min: 1, max: 256}),
          page: fc.constantFrom(4096, 16_384),
          callLimit: fc.oneof(fc.constant(CALL_CAP), fc.integer({min: 1000, max: 1 << 20})),
        })
        .map(({fileBytes, pipePages, page, callLimit}) => ({fileBytes, pipeBytes: pipePages * page, page, callLimit})),
      ({fileBytes, pipeBytes, page, callLimit}) => {
        expect(
          spliceSteps(fileBytes, pipeBytes, page, callLimit),
          `spliceSteps(${fileBytes}, ${pipeBytes}, ${page}, ${callLimit}); ${see('splice')}`,
        ).toEqual(expectedRounds(fileBytes, pipeBytes, page, callLimit));
      },
      {chapter: CHAPTER},
    );
  });
});

describe('Part 3: spliceCallSteps, one splice() call', () => {
  it('file -> pipe on a cache miss: the disk DMA into the page cache, and no byte into the pipe', () => {
    expect(spliceCallSteps(PIPE, 'file-to-pipe', 'miss', BOTH), see('splice')).toEqual(expectedCall(PIPE, 'file-to-pipe', 'miss', BOTH));
  });

  it('file -> pipe on a cache hit: only the two mode switches, since page references are not bytes', () => {
    expect(spliceCallSteps(PIPE, 'file-to-pipe', 'hit', NO_OFFLOAD), see('splice')).toEqual(expectedCall(PIPE, 'file-to-pipe', 'hit', NO_OFFLOAD));
  });

  it('pipe -> socket with both offloads: descriptors, and the NIC gathers from the page cache after the call returns', () => {
    expect(spliceCallSteps(10_000, 'pipe-to-socket', 'miss', BOTH), see('splice')).toEqual(expectedCall(10_000, 'pipe-to-socket', 'miss', BOTH));
  });

  it('pipe -> socket without scatter-gather: one CPU copy into the socket buffer, as with sendfile()', () => {
    expect(spliceCallSteps(PIPE, 'pipe-to-socket', 'hit', NO_OFFLOAD), see('splice')).toEqual(expectedCall(PIPE, 'pipe-to-socket', 'hit', NO_OFFLOAD));
  });

  it('pipe -> socket with scatter-gather alone: no copy, but a checksum pass over the bytes', () => {
    expect(spliceCallSteps(PIPE, 'pipe-to-socket', 'hit', SG_ONLY), see('splice')).toEqual(expectedCall(PIPE, 'pipe-to-socket', 'hit', SG_ONLY));
  });

  it('defaults to a cache miss on a NIC without offloads', () => {
    expect(spliceCallSteps(512, 'file-to-pipe'), see('splice')).toEqual(expectedCall(512, 'file-to-pipe', 'miss', NO_OFFLOAD));
    expect(spliceCallSteps(512, 'pipe-to-socket'), see('splice')).toEqual(expectedCall(512, 'pipe-to-socket', 'miss', NO_OFFLOAD));
  });

  it('makes 1 GiB cost 32,768 system calls and no CPU copy with both offloads (spliceSummary runs your parts 2 and 3)', () => {
    expect(spliceSummary(GiB, {pageCache: 'hit', nic: BOTH}), see('splice')).toEqual({
      cpuCopies: 0,
      dmaCopies: 16_384,
      cpuBytes: 0,
      dmaBytes: GiB,
      cpuPasses: 0,
      cpuPassBytes: 0,
      sentBytes: GiB,
      modeSwitches: 65_536,
      syscalls: 32_768,
      interrupts: 16_384,
      pageFaults: 0,
    });
  });

  it('matches the rules for random sizes, directions, cache states and NICs', () => {
    checkProperty(
      fc.record({
        bytes: fc.oneof(fc.integer({min: 1, max: 1 << 24}), fc.constantFrom(1, PAGE, PAGE + 1, CALL_CAP)),
        direction: fc.constantFrom<SpliceDirection>('file-to-pipe', 'pipe-to-socket'),
        pageCache: fc.constantFrom<PageCacheState>('miss', 'hit'),
        nic: fc.record({scatterGather: fc.boolean(), checksumOffload: fc.boolean()}),
      }),
      ({bytes, direction, pageCache, nic}) => {
        expect(
          spliceCallSteps(bytes, direction, pageCache, nic),
          `one ${direction} call of ${bytes} bytes (${pageCache}, nic ${JSON.stringify(nic)}); ${see('splice')}`,
        ).toEqual(expectedCall(bytes, direction, pageCache, nic));
      },
      {chapter: CHAPTER},
    );
  });

  it('checks every parameter, naming it first', () => {
    const where = see('splice');
    for (const bad of [0, -1, 1.5, Number.NaN, CALL_CAP + 1]) expectRejects(() => spliceCallSteps(bad, 'file-to-pipe'), 'bytes', where);
    expectRejects(() => spliceCallSteps(4096, 'socket-to-file' as SpliceDirection), 'direction', where);
    expectRejects(() => spliceCallSteps(4096, 'pipe-to-socket', 'warm' as PageCacheState), 'pageCache', where);
    expectRejects(() => spliceCallSteps(4096, 'file-to-pipe', 'warm' as PageCacheState), 'pageCache', where);
  });
});

describe('Part 4: MSG_ZEROCOPY completions', () => {
  it('normaliseRanges sorts, merges overlapping and touching ranges, and drops duplicates', () => {
    const where = see('msg-zerocopy');
    expect(normaliseRanges([]), where).toEqual([]);
    expect(normaliseRanges([[5, 9], [1, 3]]), where).toEqual([[1, 3], [5, 9]]);
    expect(normaliseRanges([[5, 9], [1, 3], [4, 4]]), where).toEqual([[1, 9]]);
    expect(normaliseRanges([[1, 10], [3, 4], [2, 12]]), where).toEqual([[1, 12]]);
    expect(normaliseRanges([[7, 7], [7, 7]]), where).toEqual([[7, 7]]);
    expect(normaliseRanges([[TOP, TOP], [0, 0]]), where).toEqual([[0, 0], [TOP, TOP]]);
  });

  it('normaliseRanges leaves its argument as it was', () => {
    const input: Range[] = [[5, 9], [1, 3], [4, 4]];
    normaliseRanges(input);
    expect(input, `normaliseRanges changed the list it was given; ${see('msg-zerocopy')}`).toEqual([[5, 9], [1, 3], [4, 4]]);
  });

  it('addNotification completes the reported range, and each copied id is remembered once', () => {
    const state = addNotification(addNotification(EMPTY_COMPLETIONS, {lo: 0, hi: 4, copied: false}), {lo: 5, hi: 6, copied: true});
    expect(state, see('msg-zerocopy')).toEqual({ranges: [[0, 6]], copiedRanges: [[5, 6]]});
    expect(copiedCount(addNotification(state, {lo: 5, hi: 6, copied: true})), see('msg-zerocopy')).toBe(2);
  });

  it('addNotification merges ranges that arrive out of order', () => {
    const state = fold([
      {lo: 10, hi: 19, copied: false},
      {lo: 0, hi: 4, copied: false},
      {lo: 5, hi: 9, copied: false},
    ]);
    expect(state.ranges, see('msg-zerocopy')).toEqual([[0, 19]]);
  });

  it('addNotification gives the same state when a notification comes twice', () => {
    const once = fold([{lo: 3, hi: 8, copied: true}]);
    expect(addNotification(once, {lo: 3, hi: 8, copied: true}), see('msg-zerocopy')).toEqual(once);
    expect(addNotification(once, {lo: 4, hi: 5, copied: false}), see('msg-zerocopy')).toEqual(once);
  });

  it('addNotification splits a range that wraps past 2^32 - 1 back to 0', () => {
    const state = addNotification(EMPTY_COMPLETIONS, {lo: TOP - 1, hi: 1, copied: true});
    expect(state, see('msg-zerocopy')).toEqual({ranges: [[0, 1], [TOP - 1, TOP]], copiedRanges: [[0, 1], [TOP - 1, TOP]]});
    expect(completedCount(state), see('msg-zerocopy')).toBe(4);
  });

  it('addNotification returns a new state and leaves the old one as it was', () => {
    const before = fold([{lo: 0, hi: 2, copied: false}]);
    addNotification(before, {lo: 3, hi: 9, copied: true});
    expect(before, `addNotification changed the state it was given; ${see('msg-zerocopy')}`).toEqual({ranges: [[0, 2]], copiedRanges: []});
  });

  it('addNotification refuses a malformed notification, naming the field', () => {
    const where = see('msg-zerocopy');
    const bad = (value: unknown) => value as ZerocopyNotification;
    expectRejects(() => addNotification(EMPTY_COMPLETIONS, bad(null)), 'notification', where);
    expectRejects(() => addNotification(EMPTY_COMPLETIONS, bad({lo: -1, hi: 2, copied: false})), 'notification.lo', where);
    expectRejects(() => addNotification(EMPTY_COMPLETIONS, bad({lo: 0, hi: SPAN, copied: false})), 'notification.hi', where);
    expectRejects(() => addNotification(EMPTY_COMPLETIONS, bad({lo: 0, hi: 2, copied: 'yes'})), 'notification.copied', where);
    expectRejects(() => addNotification(EMPTY_COMPLETIONS, bad({lo: 5, hi: 4, copied: false})), 'notification.hi', where);
  });

  it('addNotification tracks exactly the reported ids, in any order, with duplicates, across the wrap', () => {
    checkProperty(
      fc.array(notificationArb, {maxLength: 12}).chain((list) =>
        fc.record({list: fc.constant(list), shuffled: fc.shuffledSubarray([...list, ...list], {minLength: 2 * list.length})}),
      ),
      ({list, shuffled}) => {
        const state = fold(list);
        const context = `notifications ${JSON.stringify(list)}; ${see('msg-zerocopy')}`;
        expect(rangeProblem(state.ranges, idsOf(list)), `ranges ${JSON.stringify(state.ranges)} for ${context}`).toBeNull();
        expect(rangeProblem(state.copiedRanges, idsOf(list, true)), `copiedRanges ${JSON.stringify(state.copiedRanges)} for ${context}`).toBeNull();
        expect(fold(shuffled), `the same notifications shuffled and each sent twice; ${context}`).toEqual(state);
      },
      {chapter: CHAPTER},
    );
  });

  it('normaliseRanges merges random ranges into exactly the same ids', () => {
    checkProperty(
      fc.array(
        fc.record({lo: fc.nat(200), length: fc.nat(20)}).map(({lo, length}): Range => [lo, lo + length]),
        {maxLength: 15},
      ),
      (ranges) => {
        const ids = new Set<number>();
        for (const [lo, hi] of ranges) for (let id = lo; id <= hi; id++) ids.add(id);
        const out = normaliseRanges(ranges);
        expect(rangeProblem(out, ids), `normaliseRanges(${JSON.stringify(ranges)}) gave ${JSON.stringify(out)}; ${see('msg-zerocopy')}`).toBeNull();
      },
      {chapter: CHAPTER},
    );
  });

  it('freeBuffers keeps the completed sends, in the given order, duplicates too', () => {
    const state = fold([{lo: 0, hi: 9, copied: false}]);
    expect(freeBuffers(state, [12, 3, 9, 10, 3]), see('msg-zerocopy')).toEqual([3, 9, 3]);
    expect(freeBuffers(state, []), see('msg-zerocopy')).toEqual([]);
    expect(freeBuffers(EMPTY_COMPLETIONS, [0, 1]), see('msg-zerocopy')).toEqual([]);
  });

  it('freeBuffers frees sends on both sides of the wrap', () => {
    const state = fold([{lo: TOP - 1, hi: 1, copied: false}]);
    expect(freeBuffers(state, [2, TOP, 0, TOP - 2, 1, TOP - 1]), see('msg-zerocopy')).toEqual([TOP, 0, 1, TOP - 1]);
  });

  it('freeBuffers checks every id, naming its place in the list', () => {
    const where = see('msg-zerocopy');
    const state = fold([{lo: 0, hi: 9, copied: false}]);
    expectRejects(() => freeBuffers(state, [1, -1]), 'outstanding[1]', where);
    expectRejects(() => freeBuffers(state, [1, 2, SPAN]), 'outstanding[2]', where);
    expectRejects(() => freeBuffers(state, [0.5]), 'outstanding[0]', where);
  });

  it('freeBuffers matches the completed ids for random notifications and outstanding sends', () => {
    checkProperty(
      fc.record({list: fc.array(notificationArb, {maxLength: 8}), outstanding: fc.array(fc.nat(80).map(nearWrap), {maxLength: 20})}),
      ({list, outstanding}) => {
        const ids = idsOf(list);
        expect(
          freeBuffers(fold(list), outstanding),
          `outstanding ${JSON.stringify(outstanding)} after ${JSON.stringify(list)}; ${see('msg-zerocopy')}`,
        ).toEqual(outstanding.filter((id) => ids.has(id)));
      },
      {chapter: CHAPTER},
    );
  });
});

/** The grader's statement of the chapter's rule. */
function expectedChoice({fileBytes, pageCacheBytes, accessPattern, directioThreshold}: DirectIoInput): 'sendfile' | 'direct-io' {
  if (directioThreshold !== undefined) return fileBytes >= directioThreshold ? 'direct-io' : 'sendfile';
  if (accessPattern === 'repeated' || fileBytes <= pageCacheBytes) return 'sendfile';
  return 'direct-io';
}

describe('Part 5: chooseDirectIo, the page cache or direct I/O', () => {
  const where = see('wrong-tool');
  const choose = (input: DirectIoInput) => {
    const choice = chooseDirectIo(input);
    expect(typeof choice.reason === 'string' && choice.reason.trim().length > 0, `chooseDirectIo(${JSON.stringify(input)}) needs a reason; ${where}`).toBe(true);
    return choice.method;
  };

  it('follows the chapter: 2 MiB under directio 4m, 20 GiB read once with 8 GiB of cache, the same file read repeatedly', () => {
    expect(choose({fileBytes: 2 * MiB, pageCacheBytes: 8 * GiB, accessPattern: 'once', directioThreshold: 4 * MiB}), where).toBe('sendfile');
    expect(choose({fileBytes: 20 * GiB, pageCacheBytes: 8 * GiB, accessPattern: 'once'}), where).toBe('direct-io');
    expect(choose({fileBytes: 20 * GiB, pageCacheBytes: 8 * GiB, accessPattern: 'repeated'}), where).toBe('sendfile');
  });

  it('lets nginx\'s directio size decide when it is given, from that size up, whatever the pattern', () => {
    expect(choose({fileBytes: 4 * MiB, pageCacheBytes: 8 * GiB, accessPattern: 'repeated', directioThreshold: 4 * MiB}), where).toBe('direct-io');
    expect(choose({fileBytes: 4 * MiB - 1, pageCacheBytes: 0, accessPattern: 'once', directioThreshold: 4 * MiB}), where).toBe('sendfile');
  });

  it('keeps a file that fits in the cache with the page cache, and sends a larger one read at random to direct I/O', () => {
    expect(choose({fileBytes: 8 * GiB, pageCacheBytes: 8 * GiB, accessPattern: 'once'}), where).toBe('sendfile');
    expect(choose({fileBytes: GiB, pageCacheBytes: 8 * GiB, accessPattern: 'random-small'}), where).toBe('sendfile');
    expect(choose({fileBytes: 8 * GiB + 1, pageCacheBytes: 8 * GiB, accessPattern: 'random-small'}), where).toBe('direct-io');
  });

  it('checks every field, naming it first', () => {
    const ok: DirectIoInput = {fileBytes: MiB, pageCacheBytes: GiB, accessPattern: 'once'};
    expectRejects(() => chooseDirectIo({...ok, fileBytes: -1}), 'fileBytes', where);
    expectRejects(() => chooseDirectIo({...ok, pageCacheBytes: Number.NaN}), 'pageCacheBytes', where);
    expectRejects(() => chooseDirectIo({...ok, accessPattern: 'sometimes' as AccessPattern}), 'accessPattern', where);
    expectRejects(() => chooseDirectIo({...ok, directioThreshold: 0.5}), 'directioThreshold', where);
  });

  it('matches the rule for random files, caches, patterns and thresholds', () => {
    checkProperty(
      fc.record({
        fileBytes: fc.nat(64 * GiB),
        pageCacheBytes: fc.nat(64 * GiB),
        accessPattern: fc.constantFrom(...ACCESS_PATTERNS),
        directioThreshold: fc.option(fc.nat(64 * GiB), {nil: undefined}),
      }),
      (input) => {
        const clean: DirectIoInput = input.directioThreshold === undefined ? {fileBytes: input.fileBytes, pageCacheBytes: input.pageCacheBytes, accessPattern: input.accessPattern} : input;
        expect(choose(clean), `chooseDirectIo(${JSON.stringify(clean)}); ${where}`).toBe(expectedChoice(clean));
      },
      {chapter: CHAPTER},
    );
  });
});
