// Grader for exercise 5. It checks the functions in scatter-gather.ts (yours, by default)
// against fixed cases from the chapter and against seeded random cases. The rules are those of
// a current Linux kernel (4.17 and later), as the chapter describes.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  blockVsRingInterrupts,
  buildFragmentList,
  ethtoolVerdict,
  pagesForRange,
  ringInterrupts,
  sgTransfer,
  type FragmentListOptions,
  type NicFeature,
  type NicFeatures,
} from '@subject/scatter-gather';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectInputsUnchanged} from '../../tools/grading/inputs';
import {expectRejects} from '../../tools/grading/rejects';
import {ModelInputError} from '@site/src/model/validate';

const CHAPTER = '05';
const see = (anchor: string) => `see ${chapterSection('scatter-gather', anchor)}`;

/** The `parameter` of the ModelInputError a call throws, or what it threw instead. */
function parameterOf(call: () => unknown): unknown {
  try {
    call();
    return '(nothing thrown)';
  } catch (error) {
    return error instanceof ModelInputError ? error.parameter : `(not a ModelInputError: ${String(error)})`;
  }
}
const KiB = 1024;
const GiB = 1024 * 1024 * 1024;
const PAGE = 4096;
const FRAGS = {pageSize: PAGE, maxFrags: 17};

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

type Path = 'gather' | 'gather-cpu-checksum' | 'copy';

/** A current kernel: gather when the NIC can; a CPU checksum pass when it gathers but cannot checksum; a copy when it cannot gather. */
function expectedPath(features: NicFeatures): Path {
  if (!features.scatterGather) return 'copy';
  return features.checksumOffload ? 'gather' : 'gather-cpu-checksum';
}

/** What ethtool -k output says, read line by line: the trimmed line must start with the label. */
function expectedVerdict(output: string) {
  const lines = output.split('\n').map((line) => line.trim());
  const state = (feature: NicFeature) => lines.find((line) => line.startsWith(`${LABELS[feature]}:`))?.split(/\s+/)[1] === 'on';
  const features = {scatterGather: state('scatterGather'), checksumOffload: state('checksumOffload')};
  const missing = (['scatterGather', 'checksumOffload'] as const).filter((f) => !features[f]);
  return {features, missing, path: expectedPath(features), zeroCopy: missing.length === 0};
}

function expectedTransfer(bytes: number, descriptorCount: number, features: NicFeatures) {
  const missing = (['scatterGather', 'checksumOffload'] as const).filter((f) => !features[f]);
  const path = expectedPath(features);
  const gathers = path !== 'copy';
  const middle = gathers
    ? [
        {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: descriptorCount, syscall: 'sendfile'},
        ...(path === 'gather-cpu-checksum' ? [{kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes, syscall: 'sendfile'}] : []),
      ]
    : [{kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'sendfile', async: false}];
  return {
    path,
    missing,
    descriptors: gathers ? descriptorCount : 0,
    steps: [
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
      ...middle,
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
      {kind: 'copy', engine: 'dma', from: gathers ? 'page-cache' : 'socket-buffer', to: 'nic', bytes, syscall: 'sendfile', async: true},
      {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
    ],
    summary: {
      cpuCopies: gathers ? 0 : 1,
      dmaCopies: 1,
      cpuBytes: gathers ? 0 : bytes,
      dmaBytes: bytes,
      cpuPasses: path === 'gather-cpu-checksum' ? 1 : 0,
      cpuPassBytes: path === 'gather-cpu-checksum' ? bytes : 0,
      sentBytes: bytes,
      modeSwitches: 2,
      syscalls: 1,
      interrupts: 1,
      pageFaults: 0,
    },
  };
}

interface ListCase {
  frames: number[];
  options: Required<FragmentListOptions>;
}

/** One fragment per page, the first and last cut to the part sent; skbs of at most maxFrags fragments. */
function expectedList({frames, options}: ListCase) {
  const {pageSize, maxFrags, firstOffset, lastLength} = options;
  const fragments = frames.map((frame, page) => {
    const offset = page === 0 ? firstOffset : 0;
    const end = page === frames.length - 1 ? lastLength : pageSize;
    return {page, offset, length: end - offset, dmaAddress: frame * pageSize + offset};
  });
  const skbs = Math.ceil(frames.length / maxFrags);
  return {fragments, bytes: fragments.reduce((sum, f) => sum + f.length, 0), descriptors: frames.length, skbs, overflow: skbs > 1};
}

function expectedInterrupts(frames: readonly number[], maxFrags: number, coalesceFrames: number) {
  // A new block starts at the first frame and wherever a frame is not the one after its predecessor.
  const blocks = frames.filter((frame, i) => i === 0 || frame !== frames[i - 1] + 1).length;
  const completions = Math.ceil(frames.length / maxFrags);
  return {
    blocks,
    blockDmaInterrupts: blocks,
    descriptors: frames.length,
    completions,
    coalesceFrames,
    ringInterrupts: Math.ceil(completions / coalesceFrames),
  };
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
const SG_ONLY: NicFeatures = {scatterGather: true, checksumOffload: false};
const ALL_FEATURE_SETS: NicFeatures[] = [BOTH, SG_ONLY, {scatterGather: false, checksumOffload: true}, {scatterGather: false, checksumOffload: false}];

const pageSizeArb = fc.constantFrom(512, 1000, 4096, 8192, 65_536);

/** Distinct frames laid out upward with random gaps (often none: the next physical page), sometimes shuffled. */
const framesArb: fc.Arbitrary<number[]> = fc
  .tuple(fc.nat(1 << 20), fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({min: 1, max: 40})), {maxLength: 60}), fc.boolean())
  .chain(([start, gaps, shuffle]) => {
    let frame = start - 1;
    const frames = gaps.map((gap) => (frame += 1 + gap));
    return shuffle ? fc.shuffledSubarray(frames, {minLength: frames.length}) : fc.constant(frames);
  });

const listCaseArb: fc.Arbitrary<ListCase> = fc
  .record({frames: framesArb, pageSize: pageSizeArb, maxFrags: fc.integer({min: 1, max: 45}), first: fc.nat(), last: fc.nat()})
  .map(({frames, pageSize, maxFrags, first, last}) => {
    const firstOffset = first % 3 === 0 ? 0 : first % pageSize;
    const minLast = frames.length === 1 ? firstOffset + 1 : 1;
    const lastLength = last % 3 === 0 ? pageSize : minLast + (last % (pageSize - minLast + 1));
    return {frames, options: {pageSize, maxFrags, firstOffset, lastLength}};
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

  it('names the parameter first, and refuses a range that would run past the largest exact byte offset', () => {
    const where = see('pages-and-offsets');
    expectRejects(() => pagesForRange(-1, 10), 'offset', where);
    expectRejects(() => pagesForRange(0, -1), 'length', where);
    expectRejects(() => pagesForRange(0, 10, 0), 'pageSize', where);
    expectRejects(() => pagesForRange(Number.MAX_SAFE_INTEGER - 10, 11), 'length', where);
    expect(pagesForRange(Number.MAX_SAFE_INTEGER - 10, 10, 4096).pageCount, where).toBeGreaterThan(0);
  });
});

describe('Part 2: ethtoolVerdict, what does the CPU do for this NIC?', () => {
  it('says yes when scatter-gather and tx-checksumming are both on', () => {
    expect(ethtoolVerdict(SAMPLE), see('checking-your-nic')).toMatchObject({features: BOTH, missing: [], path: 'gather', zeroCopy: true});
  });

  it('reads "tx-checksumming: off [fixed]" as off: the NIC still gathers, but the CPU computes the checksum', () => {
    const verdict = ethtoolVerdict(SAMPLE.replace('tx-checksumming: on', 'tx-checksumming: off [fixed]'));
    expect(verdict, see('what-the-nic-needs')).toMatchObject({
      features: {scatterGather: true, checksumOffload: false},
      missing: ['checksumOffload'],
      path: 'gather-cpu-checksum',
      zeroCopy: false,
    });
  });

  it('reads the top-level "scatter-gather:" line, not the indented "tx-scatter-gather:" under it', () => {
    const output = SAMPLE.replace('\nscatter-gather: on', '\nscatter-gather: off').replace('tx-scatter-gather-fraglist: off', 'tx-scatter-gather-fraglist: on');
    expect(ethtoolVerdict(output), see('checking-your-nic')).toMatchObject({
      features: {scatterGather: false, checksumOffload: true},
      missing: ['scatterGather'],
      path: 'copy',
      zeroCopy: false,
    });
  });

  it('explains itself, naming each feature that is off as ethtool does', () => {
    const both = ethtoolVerdict(SAMPLE.replace('tx-checksumming: on', 'tx-checksumming: off').replace('\nscatter-gather: on', '\nscatter-gather: off'));
    expect(both.missing, see('what-the-nic-needs')).toEqual(['scatterGather', 'checksumOffload']);
    expect(both.explanation, see('checking-your-nic')).toMatch(/scatter-gather/);
    expect(both.explanation, see('checking-your-nic')).toMatch(/tx-checksumming/);
    expect(both.path, see('what-the-nic-needs')).toBe('copy');
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

  it('names `output` first in every refusal, and says exactly which lines are missing', () => {
    const where = see('checking-your-nic');
    expectRejects(() => ethtoolVerdict(42 as unknown as string), 'output', where);
    expectRejects(() => ethtoolVerdict('Features for eth0:\nscatter-gather: on\n'), 'output', where);
    expectRejects(() => ethtoolVerdict(SAMPLE + SAMPLE), 'output', where);
    expectRejects(() => ethtoolVerdict(SAMPLE.replace('scatter-gather: on', 'scatter-gather: maybe')), 'output', where);
    expect(messageOf(() => ethtoolVerdict(42 as unknown as string), 'a number'), where).toMatch(/got 42/);
    // The README asks for a ModelInputError for the parameter 'output': its `parameter` says so too.
    for (const bad of [42, 'Features for eth0:', SAMPLE + SAMPLE, SAMPLE.replace('scatter-gather: on', 'scatter-gather: maybe')]) {
      expect(parameterOf(() => ethtoolVerdict(bad as string)), `${JSON.stringify(bad)}; ${where}`).toBe('output');
    }
    const one = messageOf(() => ethtoolVerdict('tx-checksumming: on'), 'only tx-checksumming');
    expect(one, where).toContain('"scatter-gather:" is missing');
    const both = messageOf(() => ethtoolVerdict('Features for eth0:'), 'neither line');
    expect(both, where).toContain('"scatter-gather:" and "tx-checksumming:" are missing');
  });

  it('gives the line numbers, counted from 1, of a line that appears twice, and quotes a bad line without its indentation', () => {
    const where = see('checking-your-nic');
    expect(messageOf(() => ethtoolVerdict('scatter-gather: on\ntx-checksumming: on\nscatter-gather: off'), 'twice'), where).toMatch(/lines 1 and 3/);
    expect(messageOf(() => ethtoolVerdict('tx-checksumming: on\n   scatter-gather: maybe   '), 'indented'), where).toContain('got "scatter-gather: maybe"');
  });

  it('refuses two devices pasted together, saying a line appears twice', () => {
    expect(messageOf(() => ethtoolVerdict(SAMPLE + SAMPLE), 'two devices'), see('checking-your-nic')).toMatch(/twice/);
  });

  it('refuses a state other than on or off, quoting the line', () => {
    const message = messageOf(() => ethtoolVerdict(SAMPLE.replace('scatter-gather: on', 'scatter-gather: maybe')), '"scatter-gather: maybe"');
    expect(message, see('checking-your-nic')).toMatch(/scatter-gather: maybe/);
  });
});

describe('Part 3: sgTransfer, one send from the page cache on a current kernel', () => {
  it('with scatter-gather and checksum offload: page references, the NIC gathers, the CPU touches no byte', () => {
    expect(sgTransfer(12 * KiB, 3, BOTH), see('page-references-not-bytes')).toEqual(expectedTransfer(12 * KiB, 3, BOTH));
  });

  it('makes the page references move no bytes: 0 CPU bytes, 0 CPU passes and one DMA copy', () => {
    expect(sgTransfer(64 * KiB, 16, BOTH).summary, see('page-references-not-bytes')).toMatchObject({
      cpuCopies: 0,
      cpuBytes: 0,
      cpuPasses: 0,
      dmaCopies: 1,
      dmaBytes: 64 * KiB,
    });
  });

  it('without checksum offload: still no CPU copy, but one CPU pass reading every byte for the checksum', () => {
    expect(sgTransfer(8 * KiB, 2, SG_ONLY), see('what-the-nic-needs')).toEqual(expectedTransfer(8 * KiB, 2, SG_ONLY));
    expect(sgTransfer(8 * KiB, 2, SG_ONLY).summary, see('what-the-nic-needs')).toMatchObject({cpuCopies: 0, cpuPasses: 1, cpuPassBytes: 8 * KiB});
  });

  it('without scatter-gather: one CPU copy into linear buffers, and the NIC reads those', () => {
    const features = {scatterGather: false, checksumOffload: true};
    expect(sgTransfer(10_000, 3, features), see('what-the-nic-needs')).toEqual(expectedTransfer(10_000, 3, features));
  });

  it('without either feature: the same one CPU copy, which computes the checksum on the way (no separate pass)', () => {
    const features = {scatterGather: false, checksumOffload: false};
    expect(sgTransfer(10_000, 3, features), see('what-the-nic-needs')).toEqual(expectedTransfer(10_000, 3, features));
  });

  it('matches the rule on random sizes, fragment counts and features', () => {
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
    expect(messageOf(() => sgTransfer(100, 101, BOTH), 'sgTransfer(100, 101, ...)'), 'each fragment describes at least one byte').toMatch(
      /descriptorCount .*got 101/,
    );
    expect(messageOf(() => sgTransfer(100, 0, BOTH), 'sgTransfer(100, 0, ...)')).toMatch(/descriptorCount/);
    const badFeatures = {scatterGather: 'yes', checksumOffload: true} as unknown as NicFeatures;
    expect(messageOf(() => sgTransfer(100, 1, badFeatures), 'scatterGather: "yes"')).toMatch(/features\.scatterGather/);
  });
});

describe('Part 4: buildFragmentList, the fragments the NIC gathers from', () => {
  it('makes one fragment per page, even where frames are consecutive: 5 pages, 5 descriptors', () => {
    const expected = expectedList({frames: [10, 11, 12, 40, 41], options: {...FRAGS, firstOffset: 0, lastLength: PAGE}});
    expect(buildFragmentList([10, 11, 12, 40, 41], FRAGS), see('fragments-and-descriptors')).toEqual(expected);
    expect(expected.descriptors).toBe(5);
  });

  it('puts each fragment at its page\'s DMA address: frame 10 with 4 KiB pages is 0xa000', () => {
    expect(buildFragmentList([10], FRAGS).fragments[0], see('fragments-and-descriptors')).toEqual({page: 0, offset: 0, length: PAGE, dmaAddress: 0xa000});
  });

  it('describes only the sent part of the first and last page', () => {
    const options = {...FRAGS, firstOffset: 1000, lastLength: 2808};
    expect(buildFragmentList([10, 11, 40], options), see('pages-and-offsets')).toEqual(expectedList({frames: [10, 11, 40], options}));
    expect(buildFragmentList([10, 11, 40], options).bytes, see('pages-and-offsets')).toBe(10_000);
  });

  it('describes bytes firstOffset to lastLength of a single page', () => {
    expect(buildFragmentList([7], {...FRAGS, firstOffset: 100, lastLength: 300}).fragments, see('pages-and-offsets')).toEqual([
      {page: 0, offset: 100, length: 200, dmaAddress: 7 * PAGE + 100},
    ]);
  });

  it('reports more fragments than MAX_SKB_FRAGS instead of throwing: 40 pages need 3 skbs of at most 17', () => {
    const frames = Array.from({length: 40}, (_, i) => 5000 + i);
    expect(buildFragmentList(frames, FRAGS), see('too-many-fragments')).toMatchObject({descriptors: 40, skbs: 3, overflow: true});
    expect(buildFragmentList(frames.slice(0, 17), FRAGS), see('too-many-fragments')).toMatchObject({skbs: 1, overflow: false});
  });

  it('makes an empty list from no frames', () => {
    expect(buildFragmentList([], FRAGS), see('fragments-and-descriptors')).toEqual({fragments: [], bytes: 0, descriptors: 0, skbs: 0, overflow: false});
  });

  it('answers quickly for a 1 GiB file: 262,144 fragments in 15,421 skbs', () => {
    const frames = Array.from({length: 262_144}, (_, i) => 1_000_000 + 3 * i);
    const list = buildFragmentList(frames, FRAGS);
    expect({bytes: list.bytes, descriptors: list.descriptors, skbs: list.skbs, overflow: list.overflow}, see('too-many-fragments')).toEqual({
      bytes: GiB,
      descriptors: 262_144,
      skbs: 15_421,
      overflow: true,
    });
  });

  it('matches the rule on random frames and limits', () => {
    checkProperty(
      listCaseArb,
      (listCase) => {
        expect(
          buildFragmentList(listCase.frames, listCase.options),
          `frames=${JSON.stringify(listCase.frames)}, options=${JSON.stringify(listCase.options)}; ${see('fragments-and-descriptors')}`,
        ).toEqual(expectedList(listCase));
      },
      {chapter: CHAPTER},
    );
  });

  it('uses firstOffset 0 and lastLength = pageSize when they are left out', () => {
    expect(buildFragmentList([3, 9], FRAGS), see('pages-and-offsets')).toEqual(
      expectedList({frames: [3, 9], options: {...FRAGS, firstOffset: 0, lastLength: PAGE}}),
    );
  });

  it('rejects bad frames and options, naming the parameter', () => {
    expect(messageOf(() => buildFragmentList([1, 2, 1], FRAGS), 'frames [1, 2, 1]')).toMatch(/frames\[2\]/);
    expect(messageOf(() => buildFragmentList([1], {...FRAGS, maxFrags: 0}), 'maxFrags 0')).toMatch(/maxFrags/);
    expect(messageOf(() => buildFragmentList([1], {...FRAGS, firstOffset: 100, lastLength: 100}), 'lastLength 100 after firstOffset 100')).toMatch(
      /lastLength/,
    );
  });

  it('leaves the frames and options it was given as they were', () => {
    const frames = [40, 41, 10, 11, 12];
    expect(() => expectInputsUnchanged(buildFragmentList, [frames, {...FRAGS, firstOffset: 10}]), see('fragments-and-descriptors')).not.toThrow();
  });
});

describe('Part 5: ringInterrupts and blockVsRingInterrupts, block DMA against a descriptor ring', () => {
  it('raises ceil(completions / tx-frames) interrupts: 15,421 completions, 64 per interrupt, 241 interrupts', () => {
    expect(ringInterrupts(15_421, 64), see('rings-and-interrupts')).toBe(241);
    expect(ringInterrupts(15_421, 1), see('rings-and-interrupts')).toBe(15_421);
    expect(ringInterrupts(0, 8), see('rings-and-interrupts')).toBe(0);
  });

  it('pays 4 interrupts for four blocks with block DMA; the ring takes 8 descriptors, 1 skb, 1 interrupt', () => {
    expect(blockVsRingInterrupts([10, 11, 12, 40, 41, 77, 90, 91]), see('rings-and-interrupts')).toEqual(
      expectedInterrupts([10, 11, 12, 40, 41, 77, 90, 91], 17, 1),
    );
  });

  it('coalesces: 100 scattered pages are 100 blocks, but 6 skbs and 2 interrupts with tx-frames 4', () => {
    const frames = Array.from({length: 100}, (_, i) => 2 * i);
    expect(blockVsRingInterrupts(frames, {coalesceFrames: 4}), see('rings-and-interrupts')).toEqual(expectedInterrupts(frames, 17, 4));
  });

  it('does not join pages that are adjacent in memory but out of file order', () => {
    expect(blockVsRingInterrupts([11, 10]).blocks, see('rings-and-interrupts')).toBe(2);
  });

  it('pays nothing for no pages', () => {
    expect(blockVsRingInterrupts([]), see('rings-and-interrupts')).toEqual(expectedInterrupts([], 17, 1));
  });

  it('matches the rule on random frames, fragment limits and coalescing', () => {
    checkProperty(
      fc.record({frames: framesArb, maxFrags: fc.integer({min: 1, max: 45}), coalesceFrames: fc.integer({min: 1, max: 256}), pageSize: pageSizeArb}),
      ({frames, maxFrags, coalesceFrames, pageSize}) => {
        expect(
          blockVsRingInterrupts(frames, {pageSize, maxFrags, coalesceFrames}),
          `frames=${JSON.stringify(frames)}, maxFrags=${maxFrags}, coalesceFrames=${coalesceFrames}, pageSize=${pageSize}; ${see('rings-and-interrupts')}`,
        ).toEqual(expectedInterrupts(frames, maxFrags, coalesceFrames));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a repeated frame or a bad coalescing count, naming it', () => {
    expect(messageOf(() => blockVsRingInterrupts([5, 6, 5]), 'frames [5, 6, 5]'), see('rings-and-interrupts')).toMatch(/frames\[2\]/);
    expect(messageOf(() => ringInterrupts(10, 0), 'ringInterrupts(10, 0)'), see('rings-and-interrupts')).toMatch(/coalesceFrames/);
    expect(messageOf(() => ringInterrupts(-1, 1), 'ringInterrupts(-1, 1)'), see('rings-and-interrupts')).toMatch(/completions/);
  });

  it('names the parameter first, and refuses options that are not an object', () => {
    const where = see('rings-and-interrupts');
    expectRejects(() => ringInterrupts(-1, 1), 'completions', where);
    expectRejects(() => ringInterrupts(10, 0), 'coalesceFrames', where);
    expectRejects(() => blockVsRingInterrupts([1, 2], null as unknown as object), 'options', where);
    expectRejects(() => blockVsRingInterrupts([1, 2], 'fast' as unknown as object), 'options', where);
    expect(parameterOf(() => blockVsRingInterrupts([1, 2], null as unknown as object)), where).toBe('options');
  });
});
