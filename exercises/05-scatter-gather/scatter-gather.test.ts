// Grader for exercise 5. It checks the functions in scatter-gather.ts (yours, by default)
// against fixed cases from the chapter and against seeded random cases.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  blockVsGatherInterrupts,
  buildDescriptorList,
  ethtoolVerdict,
  pagesForRange,
  sgTransfer,
  type DescriptorListOptions,
  type NicFeature,
  type NicFeatures,
} from '@subject/scatter-gather';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectInputsUnchanged} from '../../tools/grading/inputs';

const CHAPTER = '05';
const see = (anchor: string) => `see ${chapterSection('scatter-gather', anchor)}`;
const KiB = 1024;
const GiB = 1024 * 1024 * 1024;
const PAGE = 4096;

// The grader's own statement of the rules, independent of any implementation.

function expectedPages(offset: number, length: number, pageSize: number) {
  if (length === 0) return {firstPage: Math.floor(offset / pageSize), pageCount: 0, firstOffset: 0, lastLength: 0};
  const lastByte = offset + length - 1;
  const firstPage = Math.floor(offset / pageSize);
  return {
    firstPage,
    pageCount: Math.floor(lastByte / pageSize) - firstPage + 1,
    firstOffset: offset % pageSize,
    lastLength: (lastByte % pageSize) + 1,
  };
}

const LABELS: Record<NicFeature, string> = {scatterGather: 'scatter-gather', checksumOffload: 'tx-checksumming'};

/** What ethtool -k output says, read line by line: the trimmed line must start with the label. */
function expectedVerdict(output: string) {
  const lines = output.split('\n').map((line) => line.trim());
  const state = (feature: NicFeature) => lines.find((line) => line.startsWith(`${LABELS[feature]}:`))?.split(/\s+/)[1] === 'on';
  const features = {scatterGather: state('scatterGather'), checksumOffload: state('checksumOffload')};
  const missing = (['scatterGather', 'checksumOffload'] as const).filter((f) => !features[f]);
  return {features, missing, zeroCopy: missing.length === 0};
}

function expectedTransfer(bytes: number, descriptorCount: number, features: NicFeatures) {
  const missing = (['scatterGather', 'checksumOffload'] as const).filter((f) => !features[f]);
  const gather = missing.length === 0;
  const middle = gather
    ? {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: descriptorCount, syscall: 'sendfile'}
    : {kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'sendfile', async: false};
  return {
    path: gather ? 'gather' : 'copy',
    missing,
    descriptors: gather ? descriptorCount : 0,
    steps: [
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
      middle,
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
      {kind: 'copy', engine: 'dma', from: gather ? 'page-cache' : 'socket-buffer', to: 'nic', bytes, syscall: 'sendfile', async: true},
      {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
    ],
    summary: {
      cpuCopies: gather ? 0 : 1,
      dmaCopies: 1,
      cpuBytes: gather ? 0 : bytes,
      dmaBytes: bytes,
      modeSwitches: 2,
      syscalls: 1,
      interrupts: 1,
      pageFaults: 0,
    },
  };
}

function expectedInterrupts(frames: readonly number[]) {
  // A new block starts at the first frame and wherever a frame is not the one after its predecessor.
  const blocks = frames.filter((frame, i) => i === 0 || frame !== frames[i - 1] + 1).length;
  return {blocks, blockDmaInterrupts: blocks, gatherDmaInterrupts: frames.length > 0 ? 1 : 0};
}

interface ListCase {
  frames: number[];
  options: Required<DescriptorListOptions>;
}

/** Each page's piece, joined where one ends at the address the next starts, then cut to the limit. */
function expectedList({frames, options}: ListCase) {
  const {pageSize, maxEntries, maxSegmentBytes, firstOffset, lastLength} = options;
  const runs: {start: number; end: number}[] = [];
  frames.forEach((frame, i) => {
    const start = frame * pageSize + (i === 0 ? firstOffset : 0);
    const end = frame * pageSize + (i === frames.length - 1 ? lastLength : pageSize);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.end === start) last.end = end;
    else runs.push({start, end});
  });
  const descriptors = runs.flatMap(({start, end}) =>
    Array.from({length: Math.ceil((end - start) / maxSegmentBytes)}, (_, k) => ({
      address: start + k * maxSegmentBytes,
      length: Math.min(maxSegmentBytes, end - start - k * maxSegmentBytes),
    })),
  );
  const bytes = runs.reduce((sum, run) => sum + run.end - run.start, 0);
  return {descriptors, bytes, overflow: descriptors.length > maxEntries};
}

/** The message of the error `run` throws; fails the test if it throws nothing. */
function messageOf(run: () => unknown, what: string): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`${what} should throw an error, but it returned normally`);
}

const BOTH: NicFeatures = {scatterGather: true, checksumOffload: true};
const ALL_FEATURE_SETS: NicFeatures[] = [
  BOTH,
  {scatterGather: true, checksumOffload: false},
  {scatterGather: false, checksumOffload: true},
  {scatterGather: false, checksumOffload: false},
];

const pageSizeArb = fc.constantFrom(512, 1000, 4096, 8192, 65_536);

/** Distinct frames laid out upward with random gaps (often none: the next physical page), sometimes shuffled. */
const framesArb: fc.Arbitrary<number[]> = fc
  .tuple(fc.nat(1 << 20), fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({min: 1, max: 40})), {maxLength: 40}), fc.boolean())
  .chain(([start, gaps, shuffle]) => {
    let frame = start - 1;
    const frames = gaps.map((gap) => (frame += 1 + gap));
    return shuffle ? fc.shuffledSubarray(frames, {minLength: frames.length}) : fc.constant(frames);
  });

const listCaseArb: fc.Arbitrary<ListCase> = fc
  .record({
    frames: framesArb,
    pageSize: pageSizeArb,
    maxEntries: fc.integer({min: 1, max: 40}),
    extraSegment: fc.oneof(fc.constant(0), fc.nat(5 * 65_536)),
    first: fc.nat(),
    last: fc.nat(),
  })
  .map(({frames, pageSize, maxEntries, extraSegment, first, last}) => {
    const firstOffset = first % 3 === 0 ? 0 : first % pageSize;
    const minLast = frames.length === 1 ? firstOffset + 1 : 1;
    const lastLength = last % 3 === 0 ? pageSize : minLast + (last % (pageSize - minLast + 1));
    return {frames, options: {pageSize, maxEntries, maxSegmentBytes: pageSize + extraSegment, firstOffset, lastLength}};
  });

const SAMPLE = [
  'Features for eth0:',
  'rx-checksumming: on',
  'tx-checksumming: on',
  '\ttx-checksum-ipv4: on',
  '\ttx-checksum-ip-generic: off [fixed]',
  'scatter-gather: on',
  '\ttx-scatter-gather: on',
  '\ttx-scatter-gather-fraglist: off [fixed]',
  'tcp-segmentation-offload: on',
  '',
].join('\n');

/** Random ethtool -k output: the two lines in random places, with indented look-alikes that disagree. */
const ethtoolArb: fc.Arbitrary<string> = fc
  .record({
    sg: fc.boolean(),
    csum: fc.boolean(),
    subSg: fc.boolean(),
    subCsum: fc.boolean(),
    fixedSg: fc.boolean(),
    fixedCsum: fc.boolean(),
    order: fc.boolean(),
    device: fc.constantFrom('eth0', 'ens3', 'enp0s31f6', 'lo'),
  })
  .map(({sg, csum, subSg, subCsum, fixedSg, fixedCsum, order, device}) => {
    const onOff = (on: boolean, fixed: boolean) => `${on ? 'on' : 'off'}${fixed ? ' [fixed]' : ''}`;
    const csumBlock = [`tx-checksumming: ${onOff(csum, fixedCsum)}`, `\ttx-checksum-ipv4: ${onOff(subCsum, true)}`];
    const sgBlock = [
      `scatter-gather: ${onOff(sg, fixedSg)}`,
      `\ttx-scatter-gather: ${onOff(subSg, false)}`,
      `\ttx-scatter-gather-fraglist: ${onOff(!sg, true)}`,
    ];
    return [
      `Features for ${device}:`,
      `rx-checksumming: ${onOff(!csum, false)}`,
      ...(order ? [...csumBlock, ...sgBlock] : [...sgBlock, ...csumBlock]),
      `generic-segmentation-offload: ${onOff(subSg, false)}`,
      '',
    ].join('\n');
  });

describe('Part 1: pagesForRange, the pages a byte range touches', () => {
  it('finds one page for 200 bytes at offset 100, ending 300 bytes into it', () => {
    expect(pagesForRange(100, 200), see('pages-and-offsets')).toEqual({firstPage: 0, pageCount: 1, firstOffset: 100, lastLength: 300});
  });

  it('finds two pages for 200 bytes at offset 4,000: the range crosses a page boundary', () => {
    expect(pagesForRange(4000, 200), see('pages-and-offsets')).toEqual({firstPage: 0, pageCount: 2, firstOffset: 4000, lastLength: 104});
  });

  it('says lastLength 4,096, not 0, for a range that ends exactly on a page boundary', () => {
    expect(pagesForRange(4096, 8192), see('pages-and-offsets')).toEqual({firstPage: 1, pageCount: 2, firstOffset: 0, lastLength: 4096});
  });

  it('touches no pages for an empty range', () => {
    expect(pagesForRange(5000, 0), see('pages-and-offsets')).toEqual({firstPage: 1, pageCount: 0, firstOffset: 0, lastLength: 0});
  });

  it('counts 262,144 pages for 1 GiB, by arithmetic', () => {
    expect(pagesForRange(0, GiB), see('pages-and-offsets')).toEqual({firstPage: 0, pageCount: 262_144, firstOffset: 0, lastLength: 4096});
  });

  it('matches the rule on random ranges and page sizes', () => {
    checkProperty(
      fc.record({offset: fc.nat(1 << 30), length: fc.oneof(fc.nat(3 * 65_536), fc.nat(1 << 26)), pageSize: pageSizeArb}),
      ({offset, length, pageSize}) => {
        expect(pagesForRange(offset, length, pageSize), `offset=${offset}, length=${length}, pageSize=${pageSize}; ${see('pages-and-offsets')}`).toEqual(
          expectedPages(offset, length, pageSize),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a bad offset, length or page size, naming the parameter', () => {
    expect(messageOf(() => pagesForRange(-1, 10), 'pagesForRange(-1, 10)')).toMatch(/offset must be a whole number of bytes/);
    expect(messageOf(() => pagesForRange(0, 2.5), 'pagesForRange(0, 2.5)')).toMatch(/length .*got 2\.5/);
    expect(messageOf(() => pagesForRange(0, 10, 0), 'pagesForRange(0, 10, 0)')).toMatch(/pageSize must be a whole number/);
  });
});

describe('Part 2: ethtoolVerdict, can this NIC send with zero copies?', () => {
  it('says yes when scatter-gather and tx-checksumming are both on', () => {
    expect(ethtoolVerdict(SAMPLE), see('checking-your-nic')).toMatchObject({features: BOTH, missing: [], zeroCopy: true});
  });

  it('reads "tx-checksumming: off [fixed]" as off, and then zero-copy is not possible', () => {
    const verdict = ethtoolVerdict(SAMPLE.replace('tx-checksumming: on', 'tx-checksumming: off [fixed]'));
    expect(verdict, see('what-the-nic-needs')).toMatchObject({
      features: {scatterGather: true, checksumOffload: false},
      missing: ['checksumOffload'],
      zeroCopy: false,
    });
  });

  it('reads the top-level "scatter-gather:" line, not the indented "tx-scatter-gather:" under it', () => {
    const output = SAMPLE.replace('\nscatter-gather: on', '\nscatter-gather: off').replace('tx-scatter-gather-fraglist: off', 'tx-scatter-gather-fraglist: on');
    expect(ethtoolVerdict(output), see('checking-your-nic')).toMatchObject({
      features: {scatterGather: false, checksumOffload: true},
      missing: ['scatterGather'],
      zeroCopy: false,
    });
  });

  it('explains itself, naming each feature that is off as ethtool does', () => {
    const both = ethtoolVerdict(SAMPLE.replace('tx-checksumming: on', 'tx-checksumming: off').replace('\nscatter-gather: on', '\nscatter-gather: off'));
    expect(both.missing, see('what-the-nic-needs')).toEqual(['scatterGather', 'checksumOffload']);
    expect(both.explanation, see('checking-your-nic')).toMatch(/scatter-gather/);
    expect(both.explanation, see('checking-your-nic')).toMatch(/tx-checksumming/);
  });

  it('copes with Windows line ends', () => {
    expect(ethtoolVerdict(SAMPLE.replaceAll('\n', '\r\n')), see('checking-your-nic')).toMatchObject({features: BOTH, zeroCopy: true});
  });

  it('matches the rule on random ethtool -k output', () => {
    checkProperty(
      ethtoolArb,
      (output) => {
        const expected = expectedVerdict(output);
        expect(ethtoolVerdict(output), `output=${JSON.stringify(output)}; ${see('checking-your-nic')}`).toMatchObject(expected);
      },
      {chapter: CHAPTER},
    );
  });

  it('refuses output without both lines, naming the missing line', () => {
    const message = messageOf(() => ethtoolVerdict('Features for eth0:\nscatter-gather: on\n'), 'output without tx-checksumming');
    expect(message, see('checking-your-nic')).toMatch(/tx-checksumming/);
    expect(message, see('checking-your-nic')).toMatch(/missing/);
  });

  it('refuses two devices pasted together, saying a line appears twice', () => {
    expect(messageOf(() => ethtoolVerdict(SAMPLE + SAMPLE), 'two devices'), see('checking-your-nic')).toMatch(/twice/);
  });

  it('refuses a state other than on or off, quoting the line', () => {
    const message = messageOf(() => ethtoolVerdict(SAMPLE.replace('scatter-gather: on', 'scatter-gather: maybe')), '"scatter-gather: maybe"');
    expect(message, see('checking-your-nic')).toMatch(/scatter-gather: maybe/);
  });
});

describe('Part 3: sgTransfer, one send from the page cache', () => {
  it('with scatter-gather and checksum offload: descriptors, the NIC gathers, 0 CPU copies', () => {
    expect(sgTransfer(12 * KiB, 2, BOTH), see('descriptors-not-bytes')).toEqual(expectedTransfer(12 * KiB, 2, BOTH));
  });

  it('makes the descriptors move no bytes: the summary counts 0 CPU bytes and one DMA copy', () => {
    expect(sgTransfer(64 * KiB, 16, BOTH).summary, see('descriptors-not-bytes')).toMatchObject({cpuCopies: 0, cpuBytes: 0, dmaCopies: 1, dmaBytes: 64 * KiB});
  });

  it('without checksum offload: the kernel merges the pieces with one CPU copy, then one DMA', () => {
    const features = {scatterGather: true, checksumOffload: false};
    expect(sgTransfer(10_000, 3, features), see('what-the-nic-needs')).toEqual(expectedTransfer(10_000, 3, features));
  });

  it('without scatter-gather: the same one CPU copy', () => {
    const features = {scatterGather: false, checksumOffload: true};
    expect(sgTransfer(10_000, 3, features), see('what-the-nic-needs')).toEqual(expectedTransfer(10_000, 3, features));
  });

  it('takes one completion interrupt for the whole list, whatever its length', () => {
    expect(sgTransfer(GiB, 262_144, BOTH).summary.interrupts, see('one-interrupt-per-list')).toBe(1);
  });

  it('matches the rule on random sizes, descriptor counts and features', () => {
    checkProperty(
      fc.record({bytes: fc.integer({min: 1, max: 0x7ffff000}), pick: fc.nat(), features: fc.constantFrom(...ALL_FEATURE_SETS)}),
      ({bytes, pick, features}) => {
        const descriptorCount = 1 + (pick % Math.min(bytes, 100_000));
        expect(
          sgTransfer(bytes, descriptorCount, features),
          `bytes=${bytes}, descriptorCount=${descriptorCount}, features=${JSON.stringify(features)}; ${see('what-the-nic-needs')}`,
        ).toEqual(expectedTransfer(bytes, descriptorCount, features));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects bad input, naming the parameter', () => {
    expect(messageOf(() => sgTransfer(0, 1, BOTH), 'sgTransfer(0, 1, ...)')).toMatch(/bytes must be a whole number of bytes from 1/);
    expect(messageOf(() => sgTransfer(100, 101, BOTH), 'sgTransfer(100, 101, ...)'), 'each descriptor describes at least one byte').toMatch(
      /descriptorCount .*got 101/,
    );
    expect(messageOf(() => sgTransfer(100, 0, BOTH), 'sgTransfer(100, 0, ...)')).toMatch(/descriptorCount/);
    const badFeatures = {scatterGather: 'yes', checksumOffload: true} as unknown as NicFeatures;
    expect(messageOf(() => sgTransfer(100, 1, badFeatures), 'scatterGather: "yes"')).toMatch(/features\.scatterGather/);
  });
});

describe('Part 4: blockVsGatherInterrupts, one per block against one per list', () => {
  it('pays 3 interrupts for three blocks with block DMA, 1 with gather DMA', () => {
    expect(blockVsGatherInterrupts([10, 11, 12, 40, 41, 7]), see('one-interrupt-per-list')).toEqual({
      blocks: 3,
      blockDmaInterrupts: 3,
      gatherDmaInterrupts: 1,
    });
  });

  it('pays 16 against 1 for sixteen pages, none next to another', () => {
    const frames = Array.from({length: 16}, (_, i) => 100 + i * 2);
    expect(blockVsGatherInterrupts(frames), see('one-interrupt-per-list')).toEqual({blocks: 16, blockDmaInterrupts: 16, gatherDmaInterrupts: 1});
  });

  it('does not join pages that are adjacent in memory but out of file order', () => {
    expect(blockVsGatherInterrupts([5, 4]), see('one-interrupt-per-list')).toEqual({blocks: 2, blockDmaInterrupts: 2, gatherDmaInterrupts: 1});
  });

  it('pays nothing for no pages', () => {
    expect(blockVsGatherInterrupts([]), see('one-interrupt-per-list')).toEqual({blocks: 0, blockDmaInterrupts: 0, gatherDmaInterrupts: 0});
  });

  it('matches the rule on random frames and page sizes', () => {
    checkProperty(
      fc.record({frames: framesArb, pageSize: pageSizeArb}),
      ({frames, pageSize}) => {
        expect(blockVsGatherInterrupts(frames, pageSize), `frames=${JSON.stringify(frames)}, pageSize=${pageSize}; ${see('one-interrupt-per-list')}`).toEqual(
          expectedInterrupts(frames),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a repeated frame, naming it', () => {
    expect(messageOf(() => blockVsGatherInterrupts([3, 9, 3]), 'frames [3, 9, 3]')).toMatch(/frames\[2\]/);
  });
});

describe('Part 5: buildDescriptorList, the list the NIC gathers from', () => {
  const limits: Required<DescriptorListOptions> = {pageSize: PAGE, maxEntries: 16, maxSegmentBytes: 64 * KiB, firstOffset: 0, lastLength: PAGE};

  it('merges consecutive frames into one entry and starts a new one at a gap', () => {
    expect(buildDescriptorList([10, 11, 12, 40, 41], {pageSize: PAGE, maxEntries: 16, maxSegmentBytes: 64 * KiB}), see('building-a-descriptor-list')).toEqual({
      descriptors: [
        {address: 40_960, length: 12_288},
        {address: 163_840, length: 8192},
      ],
      bytes: 20_480,
      overflow: false,
    });
  });

  it('does not merge frames that are adjacent in memory but out of file order', () => {
    expect(buildDescriptorList([11, 10], limits).descriptors, see('building-a-descriptor-list')).toEqual([
      {address: 45_056, length: 4096},
      {address: 40_960, length: 4096},
    ]);
  });

  it('describes only the sent part of the first and last page', () => {
    expect(buildDescriptorList([7, 8, 20], {...limits, firstOffset: 100, lastLength: 50}), see('pages-and-offsets')).toEqual({
      descriptors: [
        {address: 28_772, length: 8092},
        {address: 81_920, length: 50},
      ],
      bytes: 8142,
      overflow: false,
    });
  });

  it('describes bytes firstOffset to lastLength of a single page', () => {
    expect(buildDescriptorList([3], {...limits, firstOffset: 100, lastLength: 300}).descriptors, see('pages-and-offsets')).toEqual([
      {address: 12_388, length: 200},
    ]);
  });

  it('cuts a run longer than maxSegmentBytes from its start, the remainder last', () => {
    expect(buildDescriptorList([0, 1, 2], {...limits, maxSegmentBytes: 10_000}).descriptors, see('building-a-descriptor-list')).toEqual([
      {address: 0, length: 10_000},
      {address: 10_000, length: 2288},
    ]);
  });

  it('reports a list longer than maxEntries instead of throwing, and still lists every entry', () => {
    const scattered = Array.from({length: 17}, (_, i) => i * 2);
    const list = buildDescriptorList(scattered, limits);
    expect(list.overflow, see('when-the-list-is-too-long')).toBe(true);
    expect(list.descriptors, see('when-the-list-is-too-long')).toHaveLength(17);
    expect(buildDescriptorList(scattered.slice(0, 16), limits).overflow, `16 entries fit in 16; ${see('when-the-list-is-too-long')}`).toBe(false);
  });

  it('makes an empty list from no frames', () => {
    expect(buildDescriptorList([], limits), see('building-a-descriptor-list')).toEqual({descriptors: [], bytes: 0, overflow: false});
  });

  it('answers quickly for a 1 GiB file: 262,144 pages in two runs, 16,384 entries of 64 KiB', () => {
    const frames = Array.from({length: 262_144}, (_, i) => i + (i >= 131_072 ? 1 : 0));
    const list = buildDescriptorList(frames, limits);
    expect(list.bytes, see('building-a-descriptor-list')).toBe(GiB);
    expect(list.descriptors.length, see('building-a-descriptor-list')).toBe(16_384);
    expect(list.descriptors[8192], see('building-a-descriptor-list')).toEqual({address: 131_073 * PAGE, length: 64 * KiB});
  });

  it('matches the rule on random frames and limits', () => {
    checkProperty(
      listCaseArb,
      (c) => {
        expect(buildDescriptorList(c.frames, c.options), `frames=${JSON.stringify(c.frames)}, options=${JSON.stringify(c.options)}; ${see('building-a-descriptor-list')}`).toEqual(
          expectedList(c),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('uses firstOffset 0 and lastLength = pageSize when they are left out', () => {
    checkProperty(
      fc.record({frames: framesArb, pageSize: pageSizeArb}),
      ({frames, pageSize}) => {
        const options = {pageSize, maxEntries: 8, maxSegmentBytes: 2 * pageSize};
        expect(buildDescriptorList(frames, options), `frames=${JSON.stringify(frames)}, options=${JSON.stringify(options)}; ${see('building-a-descriptor-list')}`).toEqual(
          expectedList({frames, options: {...options, firstOffset: 0, lastLength: pageSize}}),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects bad frames and options, naming the parameter', () => {
    expect(messageOf(() => buildDescriptorList([1, 2, 1], limits), 'frames [1, 2, 1]')).toMatch(/frames\[2\]/);
    expect(messageOf(() => buildDescriptorList([1], {...limits, maxSegmentBytes: 100}), 'maxSegmentBytes 100')).toMatch(/maxSegmentBytes/);
    expect(messageOf(() => buildDescriptorList([1], {...limits, maxEntries: 0}), 'maxEntries 0')).toMatch(/maxEntries/);
    expect(messageOf(() => buildDescriptorList([1], {...limits, firstOffset: 100, lastLength: 100}), 'lastLength 100 after firstOffset 100')).toMatch(
      /lastLength/,
    );
  });

  it('leaves the frames and options it was given as they were', () => {
    const frames = [40, 41, 10, 11, 12];
    const options = {pageSize: PAGE, maxEntries: 16, maxSegmentBytes: 64 * KiB};
    expect(() => expectInputsUnchanged(buildDescriptorList, [frames, options]), see('building-a-descriptor-list')).not.toThrow();
  });
});
