// Grader for exercise 2. It checks the functions in dma.ts (yours, by default) against fixed
// cases from the chapter and against seeded random cases.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  blockDmaPlan,
  contiguousBlocks,
  cpuTimeline,
  dmaBreakEvenBytes,
  dmaCpuCycles,
  pioCpuCycles,
  type DmaMode,
  type DmaParams,
  type PhysicalBuffer,
} from '@subject/dma';
import {ModelInputError} from '@site/src/model/validate';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectRejects} from '../../tools/grading/rejects';
import {expectInputsUnchanged} from '../../tools/grading/inputs';

const CHAPTER = '02';
const see = (anchor: string) => `see ${chapterSection('dma', anchor)}`;
const KiB = 1024;
const GiB = 1024 * 1024 * 1024;

// The grader's own statement of the rules, independent of any implementation.
const DEFAULTS: DmaParams = {wordBytes: 8, cyclesPerWord: 4, setupCycles: 1000, interruptCycles: 2000, cpuHz: 1e9};

function expectedPio(bytes: number, p: DmaParams): number {
  return Math.ceil(bytes / p.wordBytes) * p.cyclesPerWord;
}

function expectedDma(transfers: number, p: DmaParams): number {
  return transfers * (p.setupCycles + p.interruptCycles);
}

/** The smallest byte count where PIO costs strictly more than one DMA transfer, found by bisection. */
function expectedBreakEven(p: DmaParams): number {
  const dma = expectedDma(1, p);
  // Invariant: PIO of `low` bytes costs no more than DMA (0 bytes cost nothing); of `high`, more.
  let low = 0;
  let high = 1;
  while (expectedPio(high, p) <= dma) high *= 2;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (expectedPio(middle, p) > dma) high = middle;
    else low = middle;
  }
  return high;
}

interface Block {
  address: number;
  length: number;
  bufferCount: number;
}

function expectedBlocks(buffers: readonly PhysicalBuffer[]): Block[] {
  const blocks: Block[] = [];
  for (const {address, length} of buffers) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last.address + last.length === address) {
      last.length += length;
      last.bufferCount += 1;
    } else {
      blocks.push({address, length, bufferCount: 1});
    }
  }
  return blocks;
}

function expectedPlan(buffers: readonly PhysicalBuffer[], p: DmaParams) {
  const blocks = expectedBlocks(buffers);
  return {
    blocks,
    bytes: blocks.reduce((sum, block) => sum + block.length, 0),
    transfers: blocks.length,
    interrupts: blocks.length,
    dmaCpuCycles: expectedDma(blocks.length, p),
    pioCpuCycles: blocks.reduce((sum, block) => sum + expectedPio(block.length, p), 0),
  };
}

function expectedTimeline(bytes: number, mode: DmaMode, p: DmaParams) {
  const transfer = expectedPio(bytes, p);
  if (bytes === 0) {
    return {mode, bytes, segments: [], interruptAtCycles: [], totalCycles: 0, cpuBusyCycles: 0, transferCycles: 0};
  }
  if (mode === 'pio') {
    return {
      mode,
      bytes,
      segments: [{activity: 'copying', startCycle: 0, cycles: transfer}],
      interruptAtCycles: [],
      totalCycles: transfer,
      cpuBusyCycles: transfer,
      transferCycles: transfer,
    };
  }
  const done = p.setupCycles + transfer;
  return {
    mode,
    bytes,
    segments: [
      {activity: 'setup', startCycle: 0, cycles: p.setupCycles},
      {activity: 'free', startCycle: p.setupCycles, cycles: transfer},
      {activity: 'interrupt', startCycle: done, cycles: p.interruptCycles},
    ],
    interruptAtCycles: [done],
    totalCycles: done + p.interruptCycles,
    cpuBusyCycles: p.setupCycles + p.interruptCycles,
    transferCycles: transfer,
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

const params: fc.Arbitrary<DmaParams> = fc.record({
  wordBytes: fc.constantFrom(1, 2, 4, 8, 16, 64),
  cyclesPerWord: fc.integer({min: 1, max: 64}),
  setupCycles: fc.integer({min: 1, max: 20_000}),
  interruptCycles: fc.integer({min: 1, max: 20_000}),
  cpuHz: fc.constantFrom(1e9, 2e9, 3.2e9),
});

/** Buffers that never overlap: laid out upward with random gaps (often none), sometimes shuffled. */
const buffersArb: fc.Arbitrary<PhysicalBuffer[]> = fc
  .tuple(
    fc.nat(1 << 20),
    fc.array(fc.record({gap: fc.oneof(fc.constant(0), fc.integer({min: 1, max: 1 << 16})), length: fc.integer({min: 1, max: 1 << 16})}), {
      maxLength: 16,
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

describe('Part 1: pioCpuCycles, the CPU moves every word', () => {
  it('spends 2,048 cycles on 4 KiB: 512 words of 8 bytes at 4 cycles each (the default costs)', () => {
    expect(pioCpuCycles(4 * KiB), see('programmed-io')).toBe(2048);
  });

  it('charges a whole word for a partial last word, and nothing for no bytes', () => {
    expect(pioCpuCycles(1), `1 byte; ${see('programmed-io')}`).toBe(4);
    expect(pioCpuCycles(9), `9 bytes; ${see('programmed-io')}`).toBe(8);
    expect(pioCpuCycles(0), `0 bytes; ${see('programmed-io')}`).toBe(0);
  });

  it('grows with the size by arithmetic: 1 GiB costs 536,870,912 cycles', () => {
    expect(pioCpuCycles(GiB), see('programmed-io')).toBe(536_870_912);
  });

  it('matches the rule on random sizes and costs', () => {
    checkProperty(
      fc.record({bytes: fc.nat(1 << 30), params}),
      ({bytes, params: p}) => {
        expect(pioCpuCycles(bytes, p), `bytes=${bytes}, params=${JSON.stringify(p)}; ${see('programmed-io')}`).toBe(expectedPio(bytes, p));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a negative or fractional size, and bad params, naming the parameter', () => {
    expect(messageOf(() => pioCpuCycles(-1), 'pioCpuCycles(-1)')).toMatch(/bytes must be a whole number of bytes/);
    expect(messageOf(() => pioCpuCycles(2.5), 'pioCpuCycles(2.5)')).toMatch(/bytes .*got 2\.5/);
    expect(messageOf(() => pioCpuCycles(10, {...DEFAULTS, wordBytes: 0}), 'wordBytes: 0')).toMatch(/wordBytes/);
  });
});

describe('Part 2: dmaCpuCycles, the CPU programs the engine and takes the interrupt', () => {
  it('costs 3,000 cycles for one transfer of 4 KiB: 1,000 to set up, 2,000 for the interrupt', () => {
    expect(dmaCpuCycles(4 * KiB, 1), see('what-a-dma-engine-does')).toBe(3000);
  });

  it('costs the same 3,000 cycles for one transfer of 1 GiB: the CPU never touches the bytes', () => {
    expect(dmaCpuCycles(GiB, 1), see('what-a-dma-engine-does')).toBe(3000);
  });

  it('pays setup and an interrupt for every transfer: three transfers cost 9,000 cycles', () => {
    expect(dmaCpuCycles(12 * KiB, 3), see('completion-interrupts')).toBe(9000);
  });

  it('costs nothing when there is nothing to move', () => {
    expect(dmaCpuCycles(0, 0), see('what-a-dma-engine-does')).toBe(0);
  });

  it('matches the rule, whatever the size, on random transfers and costs', () => {
    checkProperty(
      fc.record({bytes: fc.integer({min: 1 << 10, max: 1 << 30}), transfers: fc.integer({min: 1, max: 1 << 10}), params}),
      ({bytes, transfers, params: p}) => {
        const context = `bytes=${bytes}, transfers=${transfers}, params=${JSON.stringify(p)}; ${see('what-a-dma-engine-does')}`;
        expect(dmaCpuCycles(bytes, transfers, p), context).toBe(expectedDma(transfers, p));
        expect(dmaCpuCycles(2 * bytes, transfers, p), `twice the bytes, ${context}`).toBe(expectedDma(transfers, p));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects impossible transfer counts, naming `transfers`', () => {
    expect(messageOf(() => dmaCpuCycles(100, 0), 'dmaCpuCycles(100, 0)'), '100 bytes need at least one transfer').toMatch(
      /transfers must be a whole number/,
    );
    expect(messageOf(() => dmaCpuCycles(100, 101), 'dmaCpuCycles(100, 101)'), 'each transfer moves at least one byte').toMatch(
      /transfers .*got 101/,
    );
    expect(messageOf(() => dmaCpuCycles(-1, 1), 'dmaCpuCycles(-1, 1)')).toMatch(/bytes must be a whole number/);
    for (const transfers of [0, 101, 1.5]) expectRejects(() => dmaCpuCycles(100, transfers), 'transfers', see('completion-interrupts'));
  });
});

describe('Part 3: dmaBreakEvenBytes, when DMA pays off', () => {
  it('is 6,001 bytes with the default costs: 751 words of PIO cost 3,004 cycles, more than 3,000', () => {
    expect(dmaBreakEvenBytes(), see('when-dma-pays-off')).toBe(6001);
  });

  it('matches the rule on random costs', () => {
    checkProperty(
      params,
      (p) => {
        expect(dmaBreakEvenBytes(p), `params=${JSON.stringify(p)}; ${see('when-dma-pays-off')}`).toBe(expectedBreakEven(p));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects bad params, naming the parameter', () => {
    expect(messageOf(() => dmaBreakEvenBytes({...DEFAULTS, cyclesPerWord: 0}), 'cyclesPerWord: 0')).toMatch(/cyclesPerWord/);
  });
});

describe('Part 4: contiguousBlocks, what one block DMA transfer can move', () => {
  it('joins buffers that follow each other in memory', () => {
    expect(
      contiguousBlocks([
        {address: 0, length: 4096},
        {address: 4096, length: 4096},
        {address: 16_384, length: 100},
        {address: 16_484, length: 50},
      ]),
      see('contiguous-buffers'),
    ).toEqual([
      {address: 0, length: 8192, bufferCount: 2},
      {address: 16_384, length: 150, bufferCount: 2},
    ]);
  });

  it('keeps buffers apart when there is a gap, even a one-byte gap', () => {
    expect(
      contiguousBlocks([
        {address: 0, length: 100},
        {address: 101, length: 100},
      ]),
      see('contiguous-buffers'),
    ).toEqual([
      {address: 0, length: 100, bufferCount: 1},
      {address: 101, length: 100, bufferCount: 1},
    ]);
  });

  it('does not join adjacent buffers given in the wrong order: the engine walks upward', () => {
    expect(
      contiguousBlocks([
        {address: 4096, length: 4096},
        {address: 0, length: 4096},
      ]),
      see('contiguous-buffers'),
    ).toEqual([
      {address: 4096, length: 4096, bufferCount: 1},
      {address: 0, length: 4096, bufferCount: 1},
    ]);
  });

  it('makes no blocks from no buffers', () => {
    expect(contiguousBlocks([]), see('contiguous-buffers')).toEqual([]);
  });

  it('matches the rule on random buffers', () => {
    checkProperty(
      buffersArb,
      (buffers) => {
        expect(contiguousBlocks(buffers), `buffers=${JSON.stringify(buffers)}; ${see('contiguous-buffers')}`).toEqual(expectedBlocks(buffers));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a bad address or length, naming the buffer and the field', () => {
    const badAddress = messageOf(() => contiguousBlocks([{address: 0, length: 10}, {address: -1, length: 10}]), 'address -1');
    expect(badAddress).toMatch(/buffers\[1\]\.address/);
    const badLength = messageOf(() => contiguousBlocks([{address: 0, length: 0}]), 'length 0');
    expect(badLength).toMatch(/buffers\[0\]\.length/);
  });

  it('rejects buffers that share a byte, naming the later one and saying they overlap', () => {
    const message = messageOf(
      () =>
        contiguousBlocks([
          {address: 4000, length: 200},
          {address: 8192, length: 10},
          {address: 4096, length: 100},
        ]),
      'overlapping buffers',
    );
    expect(message).toMatch(/buffers\[2\]/);
    expect(message).toMatch(/overlap/);
  });

  it('finds an overlap hidden anywhere among random buffers', () => {
    checkProperty(
      fc.record({buffers: buffersArb, pick: fc.nat(), shift: fc.nat(), length: fc.integer({min: 1, max: 64})}),
      ({buffers, pick, shift, length}) => {
        if (buffers.length === 0) return;
        const victim = buffers[pick % buffers.length];
        const intruder = {address: victim.address + (shift % victim.length), length};
        const all = [...buffers, intruder];
        const message = messageOf(() => contiguousBlocks(all), `contiguousBlocks(${JSON.stringify(all)})`);
        expect(message, `buffers=${JSON.stringify(all)}`).toMatch(/overlap/);
        expect(message, `buffers=${JSON.stringify(all)}`).toMatch(new RegExp(`buffers\\[${buffers.length}\\]`));
      },
      {chapter: CHAPTER},
    );
  });
  it('leaves the list of buffers it was given as it was (no sorting or merging in place)', () => {
    const buffers = [
      {address: 0x8000, length: 4096},
      {address: 0x1000, length: 4096},
      {address: 0x2000, length: 4096},
    ];
    expect(() => expectInputsUnchanged(contiguousBlocks, [buffers]), see('contiguous-buffers')).not.toThrow();
  });
});

describe('Part 5: blockDmaPlan, one transfer and one interrupt per block', () => {
  it('moves three pages in two blocks: two transfers, two interrupts, 6,000 CPU cycles', () => {
    expect(
      blockDmaPlan([
        {address: 0, length: 4096},
        {address: 4096, length: 4096},
        {address: 65_536, length: 4096},
      ]),
      see('contiguous-buffers'),
    ).toEqual({
      blocks: [
        {address: 0, length: 8192, bufferCount: 2},
        {address: 65_536, length: 4096, bufferCount: 1},
      ],
      bytes: 12_288,
      transfers: 2,
      interrupts: 2,
      dmaCpuCycles: 6000,
      pioCpuCycles: 6144,
    });
  });

  it('pays one interrupt per page when no two pages are adjacent', () => {
    const pages = Array.from({length: 8}, (_, i) => ({address: i * 2 * 4096, length: 4096}));
    expect(blockDmaPlan(pages), see('completion-interrupts')).toMatchObject({transfers: 8, interrupts: 8, dmaCpuCycles: 24_000});
  });

  it('costs nothing for no buffers', () => {
    expect(blockDmaPlan([]), see('contiguous-buffers')).toEqual(expectedPlan([], DEFAULTS));
  });

  it('matches the rule on random buffers and costs', () => {
    checkProperty(
      fc.record({buffers: buffersArb, params}),
      ({buffers, params: p}) => {
        expect(blockDmaPlan(buffers, p), `buffers=${JSON.stringify(buffers)}, params=${JSON.stringify(p)}; ${see('contiguous-buffers')}`).toEqual(
          expectedPlan(buffers, p),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects overlapping buffers with the model\'s input error', () => {
    expect(() => blockDmaPlan([{address: 0, length: 10}, {address: 5, length: 10}]), `overlapping buffers must be refused; ${see('contiguous-buffers')}`).toThrow(ModelInputError);
  });
});

describe('Part 6: cpuTimeline, what the CPU does during one transfer', () => {
  it('keeps the CPU copying for all 32,768 cycles of a 64 KiB PIO transfer, with no interrupt', () => {
    expect(cpuTimeline(64 * KiB, 'pio'), see('cpu-timelines')).toEqual(expectedTimeline(64 * KiB, 'pio', DEFAULTS));
  });

  it('frees the CPU between setup and the completion interrupt for the same transfer by DMA', () => {
    expect(cpuTimeline(64 * KiB, 'dma'), see('cpu-timelines')).toEqual(expectedTimeline(64 * KiB, 'dma', DEFAULTS));
  });

  it('marks the interrupt when the engine finishes: cycle 33,768', () => {
    expect(cpuTimeline(64 * KiB, 'dma').interruptAtCycles, see('completion-interrupts')).toEqual([33_768]);
  });

  it('does not make the transfer itself shorter: DMA frees the CPU, the words still take their cycles', () => {
    const pio = cpuTimeline(64 * KiB, 'pio');
    const dma = cpuTimeline(64 * KiB, 'dma');
    expect(dma.transferCycles, see('the-honest-limit')).toBe(pio.transferCycles);
    expect(dma.totalCycles, see('the-honest-limit')).toBeGreaterThan(pio.totalCycles);
    expect(dma.cpuBusyCycles, see('the-honest-limit')).toBeLessThan(pio.cpuBusyCycles);
  });

  it('is empty for zero bytes in both modes', () => {
    expect(cpuTimeline(0, 'pio'), see('cpu-timelines')).toEqual(expectedTimeline(0, 'pio', DEFAULTS));
    expect(cpuTimeline(0, 'dma'), see('cpu-timelines')).toEqual(expectedTimeline(0, 'dma', DEFAULTS));
  });

  it('stays three segments for 1 GiB (no object per word)', () => {
    expect(cpuTimeline(GiB, 'dma'), see('cpu-timelines')).toEqual(expectedTimeline(GiB, 'dma', DEFAULTS));
  });

  it('matches the rule on random sizes, modes and costs', () => {
    checkProperty(
      fc.record({bytes: fc.nat(1 << 30), mode: fc.constantFrom<DmaMode>('pio', 'dma'), params}),
      ({bytes, mode, params: p}) => {
        expect(cpuTimeline(bytes, mode, p), `bytes=${bytes}, mode=${mode}, params=${JSON.stringify(p)}; ${see('cpu-timelines')}`).toEqual(
          expectedTimeline(bytes, mode, p),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects an unknown mode, naming `mode`', () => {
    expect(messageOf(() => cpuTimeline(10, 'polling' as DmaMode), "mode 'polling'")).toMatch(/mode must be one of/);
  });
});
