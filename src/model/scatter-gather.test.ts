import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  ILLUSTRATIVE_LIMITS,
  blockVsGatherInterrupts,
  buildDescriptorList,
  ethtoolVerdict,
  pagesForRange,
  sgTransfer,
  validateFrames,
  type Descriptor,
  type NicFeatures,
} from './scatter-gather';
import {GiB, KiB, MAX_RW_COUNT, PAGE_SIZE} from './units';
import {ModelInputError} from './validate';

const BOTH: NicFeatures = {scatterGather: true, checksumOffload: true};

/** Distinct frames: laid out upward with random gaps (0 = the next physical page), maybe shuffled. */
const arbitraryFrames: fc.Arbitrary<number[]> = fc
  .tuple(fc.nat(1 << 20), fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({min: 1, max: 50})), {maxLength: 40}), fc.boolean())
  .chain(([start, gaps, shuffle]) => {
    let frame = start - 1;
    const frames = gaps.map((gap) => (frame += 1 + gap));
    return shuffle ? fc.shuffledSubarray(frames, {minLength: frames.length}) : fc.constant(frames);
  });

interface ListCase {
  frames: number[];
  pageSize: number;
  maxEntries: number;
  maxSegmentBytes: number;
  firstOffset: number;
  lastLength: number;
}

const arbitraryListCase: fc.Arbitrary<ListCase> = fc
  .record({
    frames: arbitraryFrames,
    pageSize: fc.constantFrom(512, 1000, 4096, 8192),
    maxEntries: fc.integer({min: 1, max: 40}),
    segmentFactor: fc.double({min: 1, max: 6, noNaN: true}),
    first: fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true}),
    last: fc.double({min: 0, max: 1, noNaN: true}),
  })
  .map(({frames, pageSize, maxEntries, segmentFactor, first, last}) => {
    const firstOffset = Math.floor(first * pageSize);
    const minLast = frames.length === 1 ? firstOffset + 1 : 1;
    return {
      frames,
      pageSize,
      maxEntries,
      maxSegmentBytes: Math.floor(segmentFactor * pageSize),
      firstOffset,
      lastLength: minLast + Math.floor(last * (pageSize - minLast)),
    };
  });

/** The data as a sequence of [start, end) address intervals in file order, adjacent ones joined. */
function normalise(intervals: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = out.at(-1);
    if (last && last[1] === start) last[1] = end;
    else out.push([start, end]);
  }
  return out;
}

function pagePieces({frames, pageSize, firstOffset, lastLength}: ListCase): [number, number][] {
  return frames.map((frame, i) => [
    frame * pageSize + (i === 0 ? firstOffset : 0),
    frame * pageSize + (i === frames.length - 1 ? lastLength : pageSize),
  ]);
}

function asIntervals(descriptors: readonly Descriptor[]): [number, number][] {
  return descriptors.map(({address, length}) => [address, address + length]);
}

const ETHTOOL_SAMPLE = `Features for eth0:
rx-checksumming: on
tx-checksumming: on
\ttx-checksum-ipv4: on
\ttx-checksum-ip-generic: off [fixed]
scatter-gather: on
\ttx-scatter-gather: on
\ttx-scatter-gather-fraglist: off [fixed]
tcp-segmentation-offload: on
`;

describe('the pages a byte range touches', () => {
  it('finds one page for a range inside it, and both pages for one that crosses a boundary', () => {
    expect(pagesForRange(100, 200)).toEqual({firstPage: 0, pageCount: 1, firstOffset: 100, lastLength: 300});
    expect(pagesForRange(4000, 200)).toEqual({firstPage: 0, pageCount: 2, firstOffset: 4000, lastLength: 104});
  });

  it('ends at pageSize, not 0, when the range ends on a page boundary', () => {
    expect(pagesForRange(4096, 8192)).toEqual({firstPage: 1, pageCount: 2, firstOffset: 0, lastLength: 4096});
  });

  it('touches no pages for an empty range', () => {
    expect(pagesForRange(5000, 0)).toEqual({firstPage: 1, pageCount: 0, firstOffset: 0, lastLength: 0});
  });

  it('counts a 1 GiB file as 262,144 pages by arithmetic', () => {
    expect(pagesForRange(0, GiB).pageCount).toBe(262_144);
  });

  it('accounts for every byte of any range', () => {
    fc.assert(
      fc.property(fc.nat(1 << 30), fc.integer({min: 1, max: 1 << 24}), fc.constantFrom(512, 1000, 4096), (offset, length, pageSize) => {
        const r = pagesForRange(offset, length, pageSize);
        expect(r.pageCount * pageSize - r.firstOffset - (pageSize - r.lastLength)).toBe(length);
        expect(r.firstPage * pageSize + r.firstOffset).toBe(offset);
        expect(r.lastLength).toBeGreaterThan(0);
        expect(r.lastLength).toBeLessThanOrEqual(pageSize);
      }),
    );
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => pagesForRange(-1, 10)).toThrow('offset must be a whole number of bytes from 0 to 9,007,199,254,740,991; got -1');
    expect(() => pagesForRange(0, 1.5)).toThrow(/length .*got 1.5/);
    expect(() => pagesForRange(0, 10, 0)).toThrow(/pageSize must be a whole number of bytes from 1/);
  });
});

describe('building a descriptor list from page frames', () => {
  const limits = {pageSize: PAGE_SIZE, maxEntries: 16, maxSegmentBytes: 64 * KiB};

  it('merges physically consecutive frames into one entry and starts a new one at a gap', () => {
    expect(buildDescriptorList([10, 11, 12, 40, 41], limits)).toEqual({
      descriptors: [
        {address: 10 * 4096, length: 3 * 4096},
        {address: 40 * 4096, length: 2 * 4096},
      ],
      bytes: 5 * 4096,
      overflow: false,
    });
  });

  it('does not merge frames that are adjacent in memory but out of file order', () => {
    expect(buildDescriptorList([11, 10], limits).descriptors).toEqual([
      {address: 11 * 4096, length: 4096},
      {address: 10 * 4096, length: 4096},
    ]);
  });

  it('describes only part of the first and last page', () => {
    expect(buildDescriptorList([7, 8, 20], {...limits, firstOffset: 100, lastLength: 50})).toEqual({
      descriptors: [
        {address: 7 * 4096 + 100, length: 2 * 4096 - 100},
        {address: 20 * 4096, length: 50},
      ],
      bytes: 2 * 4096 - 100 + 50,
      overflow: false,
    });
    expect(buildDescriptorList([3], {...limits, firstOffset: 100, lastLength: 300}).descriptors).toEqual([
      {address: 3 * 4096 + 100, length: 200},
    ]);
  });

  it('splits a run longer than maxSegmentBytes from its start, remainder last', () => {
    expect(buildDescriptorList([0, 1, 2], {...limits, maxSegmentBytes: 10_000}).descriptors).toEqual([
      {address: 0, length: 10_000},
      {address: 10_000, length: 2288},
    ]);
  });

  it('reports, rather than throws, when the device needs more entries than it takes', () => {
    const scattered = Array.from({length: 17}, (_, i) => i * 2);
    const list = buildDescriptorList(scattered, limits);
    expect(list.descriptors).toHaveLength(17);
    expect(list.overflow).toBe(true);
    expect(buildDescriptorList(scattered.slice(0, 16), limits).overflow).toBe(false);
  });

  it('is empty for no frames', () => {
    expect(buildDescriptorList([], limits)).toEqual({descriptors: [], bytes: 0, overflow: false});
  });

  it('cuts a 1 GiB file in two runs into one entry per 64 KiB, quickly', () => {
    const frames = Array.from({length: 262_144}, (_, i) => i + (i >= 131_072 ? 1 : 0));
    const list = buildDescriptorList(frames, ILLUSTRATIVE_LIMITS);
    expect(list.bytes).toBe(GiB);
    expect(list.descriptors).toHaveLength(GiB / ILLUSTRATIVE_LIMITS.maxSegmentBytes);
    expect(list.overflow).toBe(true);
  });

  it('describes exactly the data, in file order, for any frames and limits', () => {
    fc.assert(
      fc.property(arbitraryListCase, (c) => {
        const list = buildDescriptorList(c.frames, c);
        expect(normalise(asIntervals(list.descriptors))).toEqual(normalise(pagePieces(c)));
        const expectedBytes = c.frames.length === 0 ? 0 : c.frames.length * c.pageSize - c.firstOffset - (c.pageSize - c.lastLength);
        expect(list.bytes).toBe(expectedBytes);
        expect(list.descriptors.reduce((n, d) => n + d.length, 0)).toBe(expectedBytes);
      }),
    );
  });

  it('never makes an entry longer than maxSegmentBytes, or empty', () => {
    fc.assert(
      fc.property(arbitraryListCase, (c) => {
        for (const d of buildDescriptorList(c.frames, c).descriptors) {
          expect(d.length).toBeGreaterThan(0);
          expect(d.length).toBeLessThanOrEqual(c.maxSegmentBytes);
        }
      }),
    );
  });

  it('never joins frames that are not consecutive, and uses the fewest entries the limit allows', () => {
    fc.assert(
      fc.property(arbitraryListCase, (c) => {
        const list = buildDescriptorList(c.frames, c);
        const position = new Map(c.frames.map((frame, i) => [frame, i]));
        for (const d of list.descriptors) {
          const first = Math.floor(d.address / c.pageSize);
          const last = Math.floor((d.address + d.length - 1) / c.pageSize);
          for (let frame = first; frame <= last; frame++) {
            // Every page an entry covers is one of the file's pages, at the next position in file order.
            expect(position.get(frame)).toBe((position.get(first) ?? Number.NaN) + (frame - first));
          }
        }
        // Fewest entries: each run of consecutive frames needs ceil(run bytes / maxSegmentBytes).
        const runs = normalise(pagePieces(c));
        const fewest = runs.reduce((n, [start, end]) => n + Math.ceil((end - start) / c.maxSegmentBytes), 0);
        expect(list.descriptors).toHaveLength(fewest);
        expect(list.overflow).toBe(fewest > c.maxEntries);
      }),
    );
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => buildDescriptorList([1, 2, 1], limits)).toThrow(
      'frames[2] must differ from every other frame, because two pages of a file cannot share one physical page; got 1, the same as frames[0]',
    );
    expect(() => buildDescriptorList([1, -2], limits)).toThrow(/frames\[1\] must be a whole number of page frames from 0 to/);
    expect(() => buildDescriptorList([1], {...limits, maxSegmentBytes: 100})).toThrow(/maxSegmentBytes .*from 4,096 .*got 100/);
    expect(() => buildDescriptorList([1], {...limits, maxEntries: 0})).toThrow(/maxEntries .*got 0/);
    expect(() => buildDescriptorList([1], {...limits, firstOffset: 4096})).toThrow(/firstOffset .*from 0 to 4,095/);
    expect(() => buildDescriptorList([1], {...limits, firstOffset: 100, lastLength: 100})).toThrow(/lastLength .*from 101 to 4,096; got 100/);
    expect(() => buildDescriptorList([1, 2], {...limits, lastLength: 0})).toThrow(ModelInputError);
    expect(() => validateFrames([2 ** 52], 4096)).toThrow(/frames\[0\]/);
  });
});

describe('sending from the page cache with and without scatter-gather', () => {
  it('hands the NIC descriptors and makes 0 CPU copies with both features', () => {
    const send = sgTransfer(3 * 4096, 2, BOTH);
    expect(send.path).toBe('gather');
    expect(send.missing).toEqual([]);
    expect(send.descriptors).toBe(2);
    expect(send.summary).toEqual({
      cpuCopies: 0,
      dmaCopies: 1,
      cpuBytes: 0,
      dmaBytes: 3 * 4096,
      modeSwitches: 2,
      syscalls: 1,
      interrupts: 1,
      pageFaults: 0,
    });
    expect(send.steps.filter((s) => s.kind === 'descriptor')).toEqual([
      {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes: 3 * 4096, descriptors: 2, syscall: 'sendfile'},
    ]);
    expect(send.steps).toContainEqual({kind: 'copy', engine: 'dma', from: 'page-cache', to: 'nic', bytes: 3 * 4096, syscall: 'sendfile', async: true});
  });

  it('makes one CPU copy into a contiguous buffer when either feature is missing', () => {
    for (const features of [
      {scatterGather: false, checksumOffload: true},
      {scatterGather: true, checksumOffload: false},
      {scatterGather: false, checksumOffload: false},
    ]) {
      const send = sgTransfer(10_000, 3, features);
      expect(send.path).toBe('copy');
      expect(send.descriptors).toBe(0);
      expect(send.summary).toMatchObject({cpuCopies: 1, cpuBytes: 10_000, dmaCopies: 1, dmaBytes: 10_000, interrupts: 1});
      expect(send.steps).toContainEqual({kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes: 10_000, syscall: 'sendfile', async: false});
      expect(send.steps.some((s) => s.kind === 'descriptor')).toBe(false);
    }
    expect(sgTransfer(100, 1, {scatterGather: true, checksumOffload: false}).missing).toEqual(['checksumOffload']);
    expect(sgTransfer(100, 1, {scatterGather: false, checksumOffload: false}).missing).toEqual(['scatterGather', 'checksumOffload']);
  });

  it('sends the NIC DMA after sendfile() has returned', () => {
    const steps = sgTransfer(4096, 1, BOTH).steps;
    const lastReturn = steps.findLastIndex((s) => s.kind === 'mode-switch');
    const nic = steps.findIndex((s) => s.kind === 'copy' && s.to === 'nic');
    expect(nic).toBeGreaterThan(lastReturn);
  });

  it('makes 0 CPU copies exactly when both features are present', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: MAX_RW_COUNT}), fc.nat(), fc.boolean(), fc.boolean(), (bytes, pick, sg, csum) => {
        const descriptorCount = 1 + (pick % Math.min(bytes, 1000));
        const send = sgTransfer(bytes, descriptorCount, {scatterGather: sg, checksumOffload: csum});
        expect(send.summary.cpuCopies === 0).toBe(sg && csum);
        expect(send.summary.cpuBytes).toBe(sg && csum ? 0 : bytes);
        expect(send.summary.interrupts).toBe(1);
        expect(send.summary.dmaBytes).toBe(bytes);
      }),
    );
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => sgTransfer(0, 1, BOTH)).toThrow('bytes must be a whole number of bytes from 1 to 2,147,479,552; got 0');
    expect(() => sgTransfer(100, 101, BOTH)).toThrow(/descriptorCount .*from 1 to 100; got 101/);
    expect(() => sgTransfer(100, 1, {scatterGather: 'yes', checksumOffload: true} as unknown as NicFeatures)).toThrow(
      'features.scatterGather must be true or false; got "yes"',
    );
  });
});

describe('interrupts: block DMA against gather DMA', () => {
  it('pays one interrupt per contiguous block with block DMA, one per list with gather DMA', () => {
    expect(blockVsGatherInterrupts([10, 11, 12, 40, 41, 7])).toEqual({blocks: 3, blockDmaInterrupts: 3, gatherDmaInterrupts: 1});
    expect(blockVsGatherInterrupts(Array.from({length: 16}, (_, i) => i * 2))).toEqual({
      blocks: 16,
      blockDmaInterrupts: 16,
      gatherDmaInterrupts: 1,
    });
    expect(blockVsGatherInterrupts([])).toEqual({blocks: 0, blockDmaInterrupts: 0, gatherDmaInterrupts: 0});
  });

  it('never needs more interrupts with gather DMA, and agrees with the descriptor list\'s runs', () => {
    fc.assert(
      fc.property(arbitraryFrames, (frames) => {
        const r = blockVsGatherInterrupts(frames);
        expect(r.gatherDmaInterrupts).toBeLessThanOrEqual(r.blockDmaInterrupts);
        const huge = buildDescriptorList(frames, {pageSize: PAGE_SIZE, maxEntries: 1000, maxSegmentBytes: 2 ** 40});
        expect(r.blocks).toBe(huge.descriptors.length);
      }),
    );
  });

  it('names the frame when frames repeat', () => {
    expect(() => blockVsGatherInterrupts([3, 3])).toThrow(/frames\[1\] must differ/);
  });
});

describe('reading ethtool -k output', () => {
  it('says zero-copy sending is possible when scatter-gather and tx-checksumming are on', () => {
    expect(ethtoolVerdict(ETHTOOL_SAMPLE)).toMatchObject({features: BOTH, missing: [], zeroCopy: true});
  });

  it('reads "off [fixed]" as off, ignores indented sub-features and Windows line ends', () => {
    const output = ETHTOOL_SAMPLE.replace('tx-checksumming: on', 'tx-checksumming: off [fixed]').replaceAll('\n', '\r\n');
    const verdict = ethtoolVerdict(output);
    expect(verdict).toMatchObject({features: {scatterGather: true, checksumOffload: false}, missing: ['checksumOffload'], zeroCopy: false});
    expect(verdict.explanation).toMatch(/tx-checksumming is off/);
    const noSg = ethtoolVerdict(ETHTOOL_SAMPLE.replace('\nscatter-gather: on', '\nscatter-gather: off'));
    expect(noSg.missing).toEqual(['scatterGather']);
  });

  it('refuses output that is not one device\'s ethtool -k', () => {
    expect(() => ethtoolVerdict('Features for eth0:\nscatter-gather: on\n')).toThrow(/"tx-checksumming:" is missing/);
    expect(() => ethtoolVerdict('')).toThrow(/"scatter-gather:" and "tx-checksumming:" are missing/);
    expect(() => ethtoolVerdict(ETHTOOL_SAMPLE + ETHTOOL_SAMPLE)).toThrow(/"tx-checksumming:" appears twice \(lines 3 and 12\)/);
    expect(() => ethtoolVerdict(ETHTOOL_SAMPLE.replace('scatter-gather: on', 'scatter-gather: maybe'))).toThrow(
      /output line 6 must say "scatter-gather: on" or "scatter-gather: off"; got "scatter-gather: maybe"/,
    );
    expect(() => ethtoolVerdict(42 as unknown as string)).toThrow(ModelInputError);
  });
});
