import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_DMA_PARAMS,
  DMA_PARAM_SOURCES,
  blockDmaPlan,
  contiguousBlocks,
  cpuTimeline,
  cyclesToNs,
  dmaBreakEvenBytes,
  dmaCpuCycles,
  pioCpuCycles,
  type DmaParams,
  type PhysicalBuffer,
} from './dma';
import {GiB, KiB, MAX_EXACT_BYTES} from './units';
import {ModelInputError} from './validate';

const arbitraryParams: fc.Arbitrary<DmaParams> = fc.record({
  wordBytes: fc.constantFrom(1, 2, 4, 8, 16, 64),
  cyclesPerWord: fc.integer({min: 1, max: 64}),
  setupCycles: fc.integer({min: 1, max: 100_000}),
  interruptCycles: fc.integer({min: 1, max: 100_000}),
  cpuHz: fc.constantFrom(1e9, 2.5e9, 3e9),
});

/** Non-overlapping buffers laid out upward with random gaps (0 = adjacent), then maybe shuffled. */
const arbitraryBuffers: fc.Arbitrary<PhysicalBuffer[]> = fc
  .tuple(
    fc.nat(1 << 20),
    fc.array(fc.record({gap: fc.oneof(fc.constant(0), fc.nat(1 << 16)), length: fc.integer({min: 1, max: 1 << 16})}), {
      maxLength: 20,
    }),
    fc.boolean(),
  )
  .chain(([start, pieces, shuffle]) => {
    let address = start;
    const buffers = pieces.map(({gap, length}) => {
      address += gap;
      const buffer = {address, length};
      address += length;
      return buffer;
    });
    return shuffle ? fc.shuffledSubarray(buffers, {minLength: buffers.length}) : fc.constant(buffers);
  });

/** The set of byte addresses covered, as sorted disjoint [start, end) runs: compares coverage exactly. */
function coverage(runs: readonly PhysicalBuffer[]): [number, number][] {
  const sorted = [...runs].sort((a, b) => a.address - b.address);
  const merged: [number, number][] = [];
  for (const {address, length} of sorted) {
    const last = merged.at(-1);
    if (last && last[1] === address) last[1] += length;
    else merged.push([address, address + length]);
  }
  return merged;
}

describe('programmed I/O: the CPU moves every word', () => {
  it('spends 4 cycles on each 8-byte word with the default (assumed) costs', () => {
    expect(pioCpuCycles(4 * KiB)).toBe(512 * 4);
    expect(pioCpuCycles(0)).toBe(0);
  });

  it('charges a whole word for a partial last word', () => {
    expect(pioCpuCycles(1)).toBe(4);
    expect(pioCpuCycles(9)).toBe(8);
  });

  it('grows with every word, for any costs', () => {
    fc.assert(
      fc.property(fc.nat(1 << 30), arbitraryParams, (bytes, params) => {
        expect(pioCpuCycles(bytes + params.wordBytes, params)).toBe(pioCpuCycles(bytes, params) + params.cyclesPerWord);
      }),
    );
  });

  it('answers by arithmetic for 1 GiB', () => {
    expect(pioCpuCycles(GiB)).toBe((GiB / 8) * 4);
  });
});

describe('DMA: the CPU programs the engine and takes the interrupt', () => {
  it('costs setup plus one interrupt per transfer', () => {
    expect(dmaCpuCycles(4 * KiB, 1)).toBe(3000);
    expect(dmaCpuCycles(GiB, 3)).toBe(9000);
    expect(dmaCpuCycles(0, 0)).toBe(0);
  });

  it('does not grow with the number of bytes', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1 << 30}), fc.integer({min: 1, max: 1 << 30}), arbitraryParams, (a, b, params) => {
        expect(dmaCpuCycles(a, 1, params)).toBe(dmaCpuCycles(b, 1, params));
      }),
    );
  });

  it('pays off from 6,001 bytes with the default costs, and not one byte sooner', () => {
    expect(dmaBreakEvenBytes()).toBe(6001);
    expect(pioCpuCycles(6000)).toBe(dmaCpuCycles(6000, 1));
    expect(pioCpuCycles(6001)).toBeGreaterThan(dmaCpuCycles(6001, 1));
  });

  it('costs the CPU less than PIO exactly from the break-even size on, for any costs', () => {
    fc.assert(
      fc.property(arbitraryParams, fc.integer({min: -50, max: 50}), (params, offset) => {
        const breakEven = dmaBreakEvenBytes(params);
        const bytes = Math.max(1, breakEven + offset * params.wordBytes + (offset % 3));
        const dmaWins = pioCpuCycles(bytes, params) > dmaCpuCycles(bytes, 1, params);
        expect(dmaWins).toBe(bytes >= breakEven);
      }),
    );
  });
});

describe('contiguous blocks: what one block DMA transfer can move', () => {
  it('joins buffers that follow each other in memory', () => {
    expect(
      contiguousBlocks([
        {address: 0, length: 4096},
        {address: 4096, length: 4096},
        {address: 16_384, length: 100},
        {address: 16_484, length: 50},
      ]),
    ).toEqual([
      {address: 0, length: 8192, bufferCount: 2},
      {address: 16_384, length: 150, bufferCount: 2},
    ]);
  });

  it('does not join adjacent buffers given in the wrong order: the engine walks upward', () => {
    expect(
      contiguousBlocks([
        {address: 4096, length: 4096},
        {address: 0, length: 4096},
      ]),
    ).toEqual([
      {address: 4096, length: 4096, bufferCount: 1},
      {address: 0, length: 4096, bufferCount: 1},
    ]);
  });

  it('makes no blocks from no buffers', () => {
    expect(contiguousBlocks([])).toEqual([]);
  });

  it('covers exactly the same bytes as the buffers, in consecutive runs of them', () => {
    fc.assert(
      fc.property(arbitraryBuffers, (buffers) => {
        const blocks = contiguousBlocks(buffers);
        expect(coverage(blocks)).toEqual(coverage(buffers));
        expect(blocks.reduce((n, b) => n + b.bufferCount, 0)).toBe(buffers.length);
        let next = 0;
        for (const block of blocks) {
          const members = buffers.slice(next, next + block.bufferCount);
          next += block.bufferCount;
          expect(members[0].address).toBe(block.address);
          expect(members.reduce((n, b) => n + b.length, 0)).toBe(block.length);
        }
        // Neighbouring blocks are never adjacent in order: otherwise they would have been joined.
        blocks.slice(1).forEach((block, i) => expect(blocks[i].address + blocks[i].length).not.toBe(block.address));
      }),
    );
  });
});

describe('block DMA over scattered buffers', () => {
  it('needs one transfer and one interrupt per contiguous block', () => {
    const plan = blockDmaPlan([
      {address: 0, length: 4096},
      {address: 4096, length: 4096},
      {address: 65_536, length: 4096},
    ]);
    expect(plan).toEqual({
      blocks: [
        {address: 0, length: 8192, bufferCount: 2},
        {address: 65_536, length: 4096, bufferCount: 1},
      ],
      bytes: 12_288,
      transfers: 2,
      interrupts: 2,
      dmaCpuCycles: 6000,
      pioCpuCycles: (12_288 / 8) * 4,
    });
  });

  it('costs nothing for no buffers', () => {
    expect(blockDmaPlan([])).toMatchObject({bytes: 0, transfers: 0, interrupts: 0, dmaCpuCycles: 0, pioCpuCycles: 0});
  });

  it('has as many interrupts as blocks, and prices PIO block by block, for any buffers', () => {
    fc.assert(
      fc.property(arbitraryBuffers, arbitraryParams, (buffers, params) => {
        const plan = blockDmaPlan(buffers, params);
        expect(plan.interrupts).toBe(plan.blocks.length);
        expect(plan.transfers).toBe(plan.blocks.length);
        expect(plan.bytes).toBe(buffers.reduce((n, b) => n + b.length, 0));
        expect(plan.dmaCpuCycles).toBe(plan.blocks.length * (params.setupCycles + params.interruptCycles));
        expect(plan.pioCpuCycles).toBe(plan.blocks.reduce((n, b) => n + pioCpuCycles(b.length, params), 0));
      }),
    );
  });
});

describe('CPU timelines: PIO against DMA for one transfer', () => {
  it('keeps the CPU copying for the whole PIO transfer, with no interrupt', () => {
    expect(cpuTimeline(64 * KiB, 'pio')).toEqual({
      mode: 'pio',
      bytes: 64 * KiB,
      segments: [{activity: 'copying', startCycle: 0, cycles: 32_768}],
      interruptAtCycles: [],
      totalCycles: 32_768,
      cpuBusyCycles: 32_768,
      transferCycles: 32_768,
    });
  });

  it('frees the CPU between setup and the completion interrupt with DMA', () => {
    expect(cpuTimeline(64 * KiB, 'dma')).toEqual({
      mode: 'dma',
      bytes: 64 * KiB,
      segments: [
        {activity: 'setup', startCycle: 0, cycles: 1000},
        {activity: 'free', startCycle: 1000, cycles: 32_768},
        {activity: 'interrupt', startCycle: 33_768, cycles: 2000},
      ],
      interruptAtCycles: [33_768],
      totalCycles: 35_768,
      cpuBusyCycles: 3000,
      transferCycles: 32_768,
    });
  });

  it('is empty for zero bytes in both modes', () => {
    for (const mode of ['pio', 'dma'] as const) {
      expect(cpuTimeline(0, mode)).toMatchObject({segments: [], interruptAtCycles: [], totalCycles: 0, cpuBusyCycles: 0});
    }
  });

  it('stays a few segments for 1 GiB', () => {
    expect(cpuTimeline(GiB, 'dma').segments).toHaveLength(3);
  });

  it('lays segments back to back and agrees with the cycle counts, for any transfer', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1 << 30}), fc.constantFrom('pio' as const, 'dma' as const), arbitraryParams, (bytes, mode, params) => {
        const timeline = cpuTimeline(bytes, mode, params);
        let at = 0;
        for (const segment of timeline.segments) {
          expect(segment.startCycle).toBe(at);
          expect(segment.cycles).toBeGreaterThan(0);
          at += segment.cycles;
        }
        expect(timeline.totalCycles).toBe(at);
        const busy = timeline.segments.filter((s) => s.activity !== 'free').reduce((n, s) => n + s.cycles, 0);
        expect(timeline.cpuBusyCycles).toBe(busy);
        expect(timeline.cpuBusyCycles).toBe(mode === 'pio' ? pioCpuCycles(bytes, params) : dmaCpuCycles(bytes, 1, params));
        expect(timeline.interruptAtCycles).toHaveLength(mode === 'pio' ? 0 : 1);
        // The honest limit, as the model assumes it: DMA frees the CPU, it does not shorten the transfer.
        expect(timeline.transferCycles).toBe(pioCpuCycles(bytes, params));
        expect(timeline.totalCycles).toBeGreaterThanOrEqual(timeline.transferCycles);
      }),
    );
  });
});

describe('parameters', () => {
  it('labels every default that is not sourced as an assumption', () => {
    for (const key of Object.keys(DEFAULT_DMA_PARAMS) as (keyof DmaParams)[]) {
      expect(DMA_PARAM_SOURCES[key].source).toMatch(/assumption/);
    }
  });

  it('turns cycles into nanoseconds at the CPU clock', () => {
    expect(cyclesToNs(3000)).toBe(3000);
    expect(cyclesToNs(3000, {...DEFAULT_DMA_PARAMS, cpuHz: 3e9})).toBe(1000);
  });
});

describe('bad input', () => {
  it('names the parameter, the value and the range', () => {
    expect(() => pioCpuCycles(-5)).toThrow('bytes must be a whole number of bytes from 0 to 9,007,199,254,740,991; got -5');
    expect(() => pioCpuCycles(1.5)).toThrow(ModelInputError);
    expect(() => pioCpuCycles(10, {...DEFAULT_DMA_PARAMS, wordBytes: 0})).toThrow(
      'wordBytes must be a whole number of bytes from 1 to 4,096; got 0',
    );
    expect(() => dmaCpuCycles(100, 0)).toThrow('transfers must be a whole number of transfers from 1 to 100; got 0');
    expect(() => dmaCpuCycles(100, 101)).toThrow(/transfers .* from 1 to 100; got 101/);
    expect(() => dmaCpuCycles(0, 1)).toThrow('transfers must be a whole number of transfers from 0 to 0; got 1');
    expect(() => dmaBreakEvenBytes({...DEFAULT_DMA_PARAMS, setupCycles: Number.NaN})).toThrow(/setupCycles .* got NaN/);
    expect(() => cyclesToNs(1, {...DEFAULT_DMA_PARAMS, cpuHz: 0})).toThrow('cpuHz must be a positive number of hertz; got 0');
    expect(() => cpuTimeline(10, 'polling' as 'pio')).toThrow('mode must be one of "pio", "dma"; got "polling"');
  });

  it('refuses buffers with a bad address or length, naming which one', () => {
    expect(() => contiguousBlocks([{address: 0, length: 10}, {address: -1, length: 10}])).toThrow(
      'buffers[1].address must be a whole number of bytes from 0 to 9,007,199,254,740,990; got -1',
    );
    expect(() => contiguousBlocks([{address: 0, length: 0}])).toThrow(/buffers\[0\]\.length .* from 1 .* got 0/);
    expect(() => contiguousBlocks([{address: MAX_EXACT_BYTES - 1, length: 2}])).toThrow(/buffers\[0\]\.length .* from 1 to 1; got 2/);
  });

  it('refuses overlapping buffers, naming both', () => {
    expect(() =>
      contiguousBlocks([
        {address: 4000, length: 200},
        {address: 8192, length: 10},
        {address: 4096, length: 100},
      ]),
    ).toThrow('buffers[2] must not overlap another buffer; got bytes 4096 to 4195, which overlap buffers[0] (bytes 4000 to 4199)');
    expect(() => blockDmaPlan([{address: 0, length: 10}, {address: 0, length: 10}])).toThrow(ModelInputError);
  });

  it('finds any overlap among many buffers', () => {
    fc.assert(
      fc.property(arbitraryBuffers, fc.nat(), fc.nat(), (buffers, pick, shift) => {
        fc.pre(buffers.length > 0);
        const victim = buffers[pick % buffers.length];
        const intruder = {address: victim.address + (shift % victim.length), length: 1};
        expect(() => contiguousBlocks([...buffers, intruder])).toThrow(/must not overlap/);
      }),
    );
  });
});
