import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_FRAGMENT_OPTIONS,
  DEFAULT_MAX_SKB_FRAGS,
  blockVsRingInterrupts,
  buildFragmentList,
  ethtoolVerdict,
  pagesForRange,
  ringInterrupts,
  sgTransfer,
  validateFrames,
  type NicFeatures,
} from './scatter-gather';
import {sendfileCallSteps} from './sendfile';
import {summarizeSteps} from './summary';
import {GiB, MAX_RW_COUNT, PAGE_SIZE} from './units';
import {ModelInputError} from './validate';

const BOTH: NicFeatures = {scatterGather: true, checksumOffload: true};
const SG_ONLY: NicFeatures = {scatterGather: true, checksumOffload: false};
const ALL_NICS: NicFeatures[] = [BOTH, SG_ONLY, {scatterGather: false, checksumOffload: true}, {scatterGather: false, checksumOffload: false}];

/** Distinct frames: laid out upward with random gaps (0 = the next physical page), maybe shuffled. */
const arbitraryFrames: fc.Arbitrary<number[]> = fc
  .tuple(fc.nat(1 << 20), fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({min: 1, max: 50})), {maxLength: 60}), fc.boolean())
  .chain(([start, gaps, shuffle]) => {
    let frame = start - 1;
    const frames = gaps.map((gap) => (frame += 1 + gap));
    return shuffle ? fc.shuffledSubarray(frames, {minLength: frames.length}) : fc.constant(frames);
  });

interface ListCase {
  frames: number[];
  pageSize: number;
  maxFrags: number;
  firstOffset: number;
  lastLength: number;
}

const arbitraryListCase: fc.Arbitrary<ListCase> = fc
  .record({
    frames: arbitraryFrames,
    pageSize: fc.constantFrom(512, 1000, 4096, 8192),
    maxFrags: fc.integer({min: 1, max: 45}),
    first: fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true}),
    last: fc.double({min: 0, max: 1, noNaN: true}),
  })
  .map(({frames, pageSize, maxFrags, first, last}) => {
    const firstOffset = Math.floor(first * pageSize);
    const minLast = frames.length === 1 ? firstOffset + 1 : 1;
    return {frames, pageSize, maxFrags, firstOffset, lastLength: minLast + Math.floor(last * (pageSize - minLast))};
  });

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

describe('skb fragments and transmit descriptors from page frames', () => {
  const options = DEFAULT_FRAGMENT_OPTIONS;

  it('uses the default MAX_SKB_FRAGS of include/linux/skbuff.h: 17', () => {
    expect(DEFAULT_MAX_SKB_FRAGS).toBe(17);
    expect(options).toEqual({pageSize: 4096, maxFrags: 17});
  });

  it('makes one fragment and one descriptor per page, even for physically consecutive frames', () => {
    const list = buildFragmentList([10, 11, 12, 40, 41], options);
    expect(list.fragments).toEqual([
      {page: 0, offset: 0, length: 4096, dmaAddress: 0xa000},
      {page: 1, offset: 0, length: 4096, dmaAddress: 0xb000},
      {page: 2, offset: 0, length: 4096, dmaAddress: 0xc000},
      {page: 3, offset: 0, length: 4096, dmaAddress: 0x28000},
      {page: 4, offset: 0, length: 4096, dmaAddress: 0x29000},
    ]);
    expect(list).toMatchObject({bytes: 5 * 4096, descriptors: 5, skbs: 1, overflow: false});
  });

  it('describes only the sent part of the first and last page', () => {
    const range = pagesForRange(1000, 10_000);
    const list = buildFragmentList([10, 11, 40], {...options, firstOffset: range.firstOffset, lastLength: range.lastLength});
    expect(list.fragments).toEqual([
      {page: 0, offset: 1000, length: 3096, dmaAddress: 0xa000 + 1000},
      {page: 1, offset: 0, length: 4096, dmaAddress: 0xb000},
      {page: 2, offset: 0, length: 2808, dmaAddress: 0x28000},
    ]);
    expect(list.bytes).toBe(10_000);
    // One page alone: bytes firstOffset to lastLength.
    expect(buildFragmentList([7], {...options, firstOffset: 100, lastLength: 300}).fragments).toEqual([
      {page: 0, offset: 100, length: 200, dmaAddress: 7 * 4096 + 100},
    ]);
  });

  it('reports, rather than throws, fragments that need more than one skb', () => {
    const frames = Array.from({length: 40}, (_, i) => 5000 + i);
    expect(buildFragmentList(frames, options)).toMatchObject({descriptors: 40, skbs: 3, overflow: true});
    expect(buildFragmentList(frames.slice(0, 17), options)).toMatchObject({skbs: 1, overflow: false});
    expect(buildFragmentList(frames.slice(0, 18), options)).toMatchObject({skbs: 2, overflow: true});
  });

  it('is empty for no frames', () => {
    expect(buildFragmentList([], options)).toEqual({fragments: [], bytes: 0, descriptors: 0, skbs: 0, overflow: false});
  });

  // How fast this runs is measured by npm run bench, not asserted here: a timing in a test fails
  // on a busy machine (it did, at 2.7 s, while the browser tests ran beside it).
  it('lists a 1 GiB file as 262,144 fragments in 15,421 skbs', () => {
    const frames = Array.from({length: 262_144}, (_, i) => 1_000_000 + 3 * i);
    const list = buildFragmentList(frames, options);
    expect(list).toMatchObject({bytes: GiB, descriptors: 262_144, skbs: 15_421, overflow: true});
  });

  it('describes exactly the data, one fragment per page, at each page\'s DMA address, for any frames and limits', () => {
    fc.assert(
      fc.property(arbitraryListCase, ({frames, pageSize, maxFrags, firstOffset, lastLength}) => {
        const list = buildFragmentList(frames, {pageSize, maxFrags, firstOffset, lastLength});
        expect(list.fragments).toHaveLength(frames.length);
        expect(list.descriptors).toBe(frames.length);
        list.fragments.forEach((fragment, i) => {
          expect(fragment.page).toBe(i);
          expect(fragment.dmaAddress).toBe(frames[i] * pageSize + fragment.offset);
          expect(fragment.length).toBeGreaterThan(0);
          expect(fragment.offset + fragment.length).toBeLessThanOrEqual(pageSize);
        });
        const expectedBytes = frames.length === 0 ? 0 : frames.length * pageSize - firstOffset - (pageSize - lastLength);
        expect(list.bytes).toBe(expectedBytes);
        expect(list.skbs).toBe(Math.ceil(frames.length / maxFrags));
        expect(list.overflow).toBe(frames.length > maxFrags);
      }),
    );
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => buildFragmentList([1, 2], {...options, maxFrags: 0})).toThrow('maxFrags must be a whole number of fragments from 1 to 1,000,000; got 0');
    expect(() => buildFragmentList([1], {...options, firstOffset: 4096})).toThrow(/firstOffset .*from 0 to 4,095; got 4,096|firstOffset .*got 4096/);
    expect(() => buildFragmentList([1], {...options, firstOffset: 200, lastLength: 200})).toThrow(/lastLength .*from 201/);
    expect(() => buildFragmentList([1, 1], options)).toThrow(/frames\[1\] must differ from every other frame/);
    expect(() => buildFragmentList([-1], options)).toThrow(/frames\[0\] must be a whole number of page frames/);
    expect(() => buildFragmentList([1], null as unknown as typeof options)).toThrow(/options must be \{pageSize, maxFrags/);
    expect(() => validateFrames('1,2' as unknown as number[])).toThrow(/frames must be an array/);
  });

  it('leaves its inputs as they were', () => {
    const frames = [3, 9, 4];
    const opts = {...options, firstOffset: 5};
    buildFragmentList(frames, opts);
    expect(frames).toEqual([3, 9, 4]);
    expect(opts).toEqual({...options, firstOffset: 5});
  });
});

describe('sending from the page cache, for each kind of NIC (Linux 4.17 and later)', () => {
  it('hands the NIC page references and has the CPU touch nothing with both features', () => {
    const send = sgTransfer(3 * 4096, 3, BOTH);
    expect(send.path).toBe('gather');
    expect(send.missing).toEqual([]);
    expect(send.descriptors).toBe(3);
    expect(send.summary).toMatchObject({cpuCopies: 0, cpuBytes: 0, cpuPasses: 0, cpuPassBytes: 0, dmaCopies: 1, dmaBytes: 3 * 4096, sentBytes: 3 * 4096, modeSwitches: 2, syscalls: 1});
    expect(send.steps.map((s) => s.kind)).toEqual(['mode-switch', 'descriptor', 'mode-switch', 'copy', 'interrupt']);
    expect(send.steps).toContainEqual({kind: 'copy', engine: 'dma', from: 'page-cache', to: 'nic', bytes: 3 * 4096, syscall: 'sendfile', async: true});
  });

  it('without checksum offload: no CPU copy, but one CPU pass over every byte for the checksum', () => {
    const send = sgTransfer(10_000, 3, SG_ONLY);
    expect(send.path).toBe('gather-cpu-checksum');
    expect(send.missing).toEqual(['checksumOffload']);
    expect(send.descriptors).toBe(3);
    expect(send.summary).toMatchObject({cpuCopies: 0, cpuBytes: 0, cpuPasses: 1, cpuPassBytes: 10_000, dmaCopies: 1, sentBytes: 10_000});
    expect(send.steps).toContainEqual({kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes: 10_000, syscall: 'sendfile'});
    expect(send.steps).toContainEqual({kind: 'copy', engine: 'dma', from: 'page-cache', to: 'nic', bytes: 10_000, syscall: 'sendfile', async: true});
  });

  it('without scatter-gather: one CPU copy into linear buffers and no separate pass, with or without checksum offload', () => {
    for (const features of [{scatterGather: false, checksumOffload: true}, {scatterGather: false, checksumOffload: false}]) {
      const send = sgTransfer(10_000, 3, features);
      expect(send.path).toBe('copy');
      expect(send.descriptors).toBe(0);
      expect(send.summary).toMatchObject({cpuCopies: 1, cpuBytes: 10_000, cpuPasses: 0, dmaCopies: 1, sentBytes: 10_000});
      expect(send.steps).toContainEqual({kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes: 10_000, syscall: 'sendfile', async: false});
      expect(send.steps.some((s) => s.kind === 'descriptor')).toBe(false);
    }
    expect(sgTransfer(100, 1, {scatterGather: false, checksumOffload: false}).missing).toEqual(['scatterGather', 'checksumOffload']);
  });

  it('agrees with chapter 4\'s sendfile() of cached pages for every NIC', () => {
    for (const nic of ALL_NICS) {
      const chapter4 = summarizeSteps(sendfileCallSteps(8192, 'hit', nic));
      expect(sgTransfer(8192, 2, nic).summary, JSON.stringify(nic)).toEqual(chapter4);
    }
  });

  it('sends the NIC DMA after sendfile() has returned', () => {
    for (const nic of ALL_NICS) {
      const steps = sgTransfer(4096, 1, nic).steps;
      const lastReturn = steps.findLastIndex((s) => s.kind === 'mode-switch');
      const nicDma = steps.findIndex((s) => s.kind === 'copy' && s.to === 'nic');
      expect(nicDma).toBeGreaterThan(lastReturn);
    }
  });

  it('copies exactly when the NIC cannot gather, and reads for a checksum exactly when it gathers without checksum offload', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: MAX_RW_COUNT}), fc.nat(), fc.boolean(), fc.boolean(), (bytes, pick, sg, csum) => {
        const descriptorCount = 1 + (pick % Math.min(bytes, 1000));
        const send = sgTransfer(bytes, descriptorCount, {scatterGather: sg, checksumOffload: csum});
        expect(send.summary.cpuBytes).toBe(sg ? 0 : bytes);
        expect(send.summary.cpuPassBytes).toBe(sg && !csum ? bytes : 0);
        expect(send.summary.dmaBytes).toBe(bytes);
        expect(send.summary.sentBytes).toBe(bytes);
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

describe('interrupts: historical block DMA against a descriptor ring with coalescing', () => {
  it('pays one interrupt per contiguous block with block DMA; a ring pays one per completed skb without coalescing', () => {
    expect(blockVsRingInterrupts([10, 11, 12, 40, 41, 77, 90, 91])).toEqual({
      blocks: 4,
      blockDmaInterrupts: 4,
      descriptors: 8,
      completions: 1,
      coalesceFrames: 1,
      ringInterrupts: 1,
    });
    expect(blockVsRingInterrupts([])).toEqual({blocks: 0, blockDmaInterrupts: 0, descriptors: 0, completions: 0, coalesceFrames: 1, ringInterrupts: 0});
  });

  it('raises ceil(completions / tx-frames) interrupts when the NIC coalesces', () => {
    const frames = Array.from({length: 100}, (_, i) => 2 * i);
    expect(blockVsRingInterrupts(frames, {coalesceFrames: 4})).toMatchObject({blocks: 100, descriptors: 100, completions: 6, ringInterrupts: 2});
    expect(ringInterrupts(15_421, 1)).toBe(15_421);
    expect(ringInterrupts(15_421, 64)).toBe(241);
    expect(ringInterrupts(0, 8)).toBe(0);
  });

  it('counts one descriptor per page whatever the layout, and skbs from MAX_SKB_FRAGS', () => {
    fc.assert(
      fc.property(arbitraryFrames, fc.integer({min: 1, max: 45}), fc.integer({min: 1, max: 256}), (frames, maxFrags, coalesceFrames) => {
        const r = blockVsRingInterrupts(frames, {maxFrags, coalesceFrames});
        expect(r.descriptors).toBe(frames.length);
        expect(r.completions).toBe(Math.ceil(frames.length / maxFrags));
        expect(r.ringInterrupts).toBe(Math.ceil(r.completions / coalesceFrames));
        expect(r.blocks).toBeLessThanOrEqual(frames.length);
      }),
    );
  });

  it('names the parameter when input is bad', () => {
    expect(() => blockVsRingInterrupts([3, 3])).toThrow(/frames\[1\] must differ/);
    expect(() => blockVsRingInterrupts([1], {coalesceFrames: 0})).toThrow('coalesceFrames must be a whole number of frames from 1 to 1,000,000; got 0');
    expect(() => ringInterrupts(-1, 1)).toThrow(/completions must be a whole number/);
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
    expect(verdict.path).toBe('gather-cpu-checksum');
    expect(verdict.explanation).toMatch(/tx-checksumming is off/);
    expect(verdict.explanation).toMatch(/4\.17/);
    expect(verdict.explanation).not.toMatch(/turns scatter-gather off as well/);
    const noSg = ethtoolVerdict(ETHTOOL_SAMPLE.replace('\nscatter-gather: on', '\nscatter-gather: off'));
    expect(noSg.missing).toEqual(['scatterGather']);
    expect(noSg.path).toBe('copy');
    expect(noSg.explanation).toMatch(/1 CPU copy/);
    expect(ethtoolVerdict(ETHTOOL_SAMPLE).path).toBe('gather');
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
