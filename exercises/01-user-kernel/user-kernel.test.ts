// Grader for exercise 1. It checks the functions in user-kernel.ts (yours, by default) against
// fixed cases from the chapter and against seeded random cases.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  addressLayout,
  classifyAddress,
  programCost,
  programSummary,
  programTimeline,
  type PagingLevels,
  type ProgramOp,
  type ProgramSummary,
  type TimelineEntry,
} from '@subject/user-kernel';
import {DEFAULT_HARDWARE, type HardwareParams} from '@site/src/model/cost';
import type {SyscallName} from '@site/src/model/types';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectRejects} from '../../tools/grading/rejects';

const CHAPTER = '01';
const see = (anchor: string) => `see ${chapterSection('user-and-kernel-space', anchor)}`;

// ---------------------------------------------------------------------------------------
// The grader's own statement of the rules, independent of any implementation.

const TOP = 1n << 64n;

// "0x0000_7fff_ffff_ffff", so a failing address reads like the chapter's tables.
const hex = (address: bigint) => `0x${address.toString(16).padStart(16, '0').replace(/\B(?=([0-9a-f]{4})+$)/g, '_')}`;
const BITS: Record<PagingLevels, number> = {4: 48, 5: 57};

function expectedLayout(levels: PagingLevels) {
  const half = 1n << BigInt(BITS[levels] - 1);
  return {
    pagingLevels: levels,
    virtualAddressBits: BITS[levels],
    halfSizeBytes: half,
    userStart: 0n,
    userEnd: half - 1n,
    kernelStart: TOP - half,
    kernelEnd: TOP - 1n,
  };
}

// Canonical: bits 63 down to bits-1 are all copies of one bit. All zeros: user; all ones: kernel.
function expectedHalf(address: bigint, levels: PagingLevels): 'user' | 'kernel' | 'non-canonical' {
  const signBits = address >> BigInt(BITS[levels] - 1);
  if (signBits === 0n) return 'user';
  if (signBits === (1n << BigInt(65 - BITS[levels])) - 1n) return 'kernel';
  return 'non-canonical';
}

function expectedSummary(program: readonly ProgramOp[]): ProgramSummary {
  const syscalls = program.filter((op) => op.kind === 'syscall');
  return {
    syscalls: syscalls.length,
    modeSwitches: 2 * syscalls.length,
    contextSwitches: 2 * syscalls.filter((op) => op.kind === 'syscall' && op.blocks === true).length,
    vdsoCalls: program.filter((op) => op.kind === 'vdso').length,
    userWorkNs: program.reduce((sum, op) => sum + (op.kind === 'user-work' ? op.ns : 0), 0),
  };
}

function expectedCost(summary: ProgramSummary, params: HardwareParams) {
  const modeSwitchNs = summary.modeSwitches * params.modeSwitchNs;
  const contextSwitchNs = summary.contextSwitches * params.contextSwitchNs;
  const vdsoNs = summary.vdsoCalls * params.vdsoCallNs;
  return {
    modeSwitchNs,
    contextSwitchNs,
    vdsoNs,
    userWorkNs: summary.userWorkNs,
    totalNs: modeSwitchNs + contextSwitchNs + vdsoNs + summary.userWorkNs,
  };
}

function expectedTimeline(program: readonly ProgramOp[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const totals = {syscalls: 0, modeSwitches: 0, contextSwitches: 0, vdsoCalls: 0, userWorkNs: 0};
  const push = (opIndex: number, event: TimelineEntry['event'], mode: 'user' | 'kernel') =>
    entries.push({opIndex, event, mode, totals: {...totals}});
  program.forEach((op, opIndex) => {
    if (op.kind === 'vdso') {
      totals.vdsoCalls += 1;
      push(opIndex, {kind: 'vdso-call', name: op.name}, 'user');
    } else if (op.kind === 'user-work') {
      totals.userWorkNs += op.ns;
      push(opIndex, {kind: 'user-work', ns: op.ns}, 'user');
    } else {
      totals.syscalls += 1;
      totals.modeSwitches += 1;
      push(opIndex, {kind: 'mode-switch', direction: 'user-to-kernel', syscall: op.name}, 'kernel');
      if (op.blocks === true) {
        totals.contextSwitches += 1;
        push(opIndex, {kind: 'context-switch', to: 'other-task', syscall: op.name}, 'kernel');
        totals.contextSwitches += 1;
        push(opIndex, {kind: 'context-switch', to: 'this-task', syscall: op.name}, 'kernel');
      }
      totals.modeSwitches += 1;
      push(opIndex, {kind: 'mode-switch', direction: 'kernel-to-user', syscall: op.name}, 'user');
    }
  });
  return entries;
}

// `cat file` timed with clock_gettime: the chapter's example program (its first read() blocks).
const CAT_FILE: readonly ProgramOp[] = [
  {kind: 'vdso', name: 'clock_gettime'},
  {kind: 'syscall', name: 'open'},
  {kind: 'syscall', name: 'fstat'},
  {kind: 'syscall', name: 'read', blocks: true},
  {kind: 'syscall', name: 'write'},
  {kind: 'syscall', name: 'read'},
  {kind: 'syscall', name: 'close'},
  {kind: 'vdso', name: 'clock_gettime'},
];

const SYSCALLS: readonly SyscallName[] = ['read', 'write', 'sendfile', 'mmap', 'munmap', 'splice', 'open', 'close', 'fstat', 'getppid'];

const randomOp: fc.Arbitrary<ProgramOp> = fc.oneof(
  fc.record({kind: fc.constant('syscall' as const), name: fc.constantFrom(...SYSCALLS), blocks: fc.boolean()}, {requiredKeys: ['kind', 'name']}),
  fc.record({kind: fc.constant('vdso' as const), name: fc.constant('clock_gettime' as const)}),
  fc.record({kind: fc.constant('user-work' as const), ns: fc.nat(100_000)}),
);

const randomProgram = fc.array(randomOp, {minLength: 1, maxLength: 25});

const levels = fc.constantFrom<PagingLevels>(4, 5);

// Addresses near the interesting places, not just anywhere (almost all of 2^64 is the hole).
const randomAddress = levels.chain((pagingLevels) => {
  const {userEnd, kernelStart} = expectedLayout(pagingLevels);
  return fc.record({
    pagingLevels: fc.constant(pagingLevels),
    address: fc.oneof(
      fc.bigInt({min: 0n, max: userEnd}),
      fc.bigInt({min: kernelStart, max: TOP - 1n}),
      fc.bigInt({min: userEnd + 1n, max: kernelStart - 1n}),
      fc.bigInt({min: -64n, max: 64n}).map((delta) => userEnd + 1n + delta),
      fc.bigInt({min: -64n, max: 64n}).map((delta) => kernelStart + delta),
    ),
  });
});

// ---------------------------------------------------------------------------------------

describe('Part 1: addressLayout, the two canonical halves', () => {
  it('gives 4-level paging 48-bit addresses: user space up to 0x0000_7fff_ffff_ffff, the kernel from 0xffff_8000_0000_0000', () => {
    expect(addressLayout(4), see('the-address-space-split')).toEqual(expectedLayout(4));
  });

  it('gives 5-level paging 57-bit addresses: user space up to 0x00ff_ffff_ffff_ffff, the kernel from 0xff00_0000_0000_0000', () => {
    expect(addressLayout(5), see('canonical-addresses')).toEqual(expectedLayout(5));
  });

  it('defaults to 4-level paging', () => {
    expect(addressLayout(), see('the-address-space-split')).toEqual(expectedLayout(4));
  });

  it('rejects 3-level paging with a message naming pagingLevels and the value', () => {
    expect(() => addressLayout(3 as PagingLevels), see('canonical-addresses')).toThrow(/pagingLevels.*got 3/);
  });
});

describe('Part 2: classifyAddress, user, kernel or non-canonical', () => {
  it('puts the edges of each half, and the hole between them, in the right place with 4-level paging', () => {
    const cases: [bigint, string][] = [
      [0n, 'user'],
      [0x0000_7fff_ffff_ffffn, 'user'],
      [0x0000_8000_0000_0000n, 'non-canonical'],
      [0xffff_7fff_ffff_ffffn, 'non-canonical'],
      [0xffff_8000_0000_0000n, 'kernel'],
      [0xffff_ffff_ffff_ffffn, 'kernel'],
    ];
    for (const [address, half] of cases) {
      expect(classifyAddress(address, 4), `${hex(address)} with 4-level paging; ${see('canonical-addresses')}`).toBe(half);
    }
  });

  it('makes part of the 4-level hole canonical with 5-level paging', () => {
    const cases: [bigint, string][] = [
      [0x0000_8000_0000_0000n, 'user'],
      [0x00ff_ffff_ffff_ffffn, 'user'],
      [0x0100_0000_0000_0000n, 'non-canonical'],
      [0xfeff_ffff_ffff_ffffn, 'non-canonical'],
      [0xff00_0000_0000_0000n, 'kernel'],
      [0xffff_7fff_ffff_ffffn, 'kernel'],
    ];
    for (const [address, half] of cases) {
      expect(classifyAddress(address, 5), `${hex(address)} with 5-level paging; ${see('canonical-addresses')}`).toBe(half);
    }
  });

  it('defaults to 4-level paging', () => {
    expect(classifyAddress(0x0000_8000_0000_0000n), see('canonical-addresses')).toBe('non-canonical');
  });

  it('classifies random addresses near and between the boundaries', () => {
    checkProperty(
      randomAddress,
      ({address, pagingLevels}) => {
        expect(
          classifyAddress(address, pagingLevels),
          `address ${hex(address)} with ${pagingLevels}-level paging; ${see('canonical-addresses')}`,
        ).toBe(expectedHalf(address, pagingLevels));
      },
      {chapter: CHAPTER, runs: 200},
    );
  });

  it('rejects addresses below 0 or above 2^64-1, and 6-level paging, naming the parameter and the value', () => {
    expect(() => classifyAddress(-1n), see('the-address-space-split')).toThrow(/address.*got -1/);
    expect(() => classifyAddress(TOP), see('the-address-space-split')).toThrow(/address.*got 0x1_0000_0000_0000_0000/);
    for (const bad of [-1n, TOP]) expectRejects(() => classifyAddress(bad), 'address', see('the-address-space-split'));
    expect(() => classifyAddress(0n, 6 as PagingLevels), see('canonical-addresses')).toThrow(/pagingLevels.*got 6/);
  });
});

describe('Part 3: programSummary, counting the crossings', () => {
  it('counts 6 syscalls, 12 mode switches, 2 context switches and 2 vDSO calls for `cat file` with a stopwatch', () => {
    expect(programSummary(CAT_FILE), see('mode-switch-vs-context-switch')).toEqual({
      syscalls: 6,
      modeSwitches: 12,
      contextSwitches: 2,
      vdsoCalls: 2,
      userWorkNs: 0,
    });
  });

  it('makes no mode switch at all for clock_gettime through the vDSO', () => {
    const program: ProgramOp[] = [
      {kind: 'vdso', name: 'clock_gettime'},
      {kind: 'user-work', ns: 250},
      {kind: 'vdso', name: 'clock_gettime'},
    ];
    expect(programSummary(program), see('the-vdso')).toEqual({
      syscalls: 0,
      modeSwitches: 0,
      contextSwitches: 0,
      vdsoCalls: 2,
      userWorkNs: 250,
    });
  });

  it('makes two mode switches and no context switch for a syscall that does not block', () => {
    expect(programSummary([{kind: 'syscall', name: 'getppid'}]), see('system-calls-are-traps')).toEqual({
      syscalls: 1,
      modeSwitches: 2,
      contextSwitches: 0,
      vdsoCalls: 0,
      userWorkNs: 0,
    });
  });

  it('counts nothing for an empty program', () => {
    expect(programSummary([]), see('system-calls-are-traps')).toEqual(expectedSummary([]));
  });

  it('counts random programs by the rules', () => {
    checkProperty(
      randomProgram,
      (program) => {
        expect(programSummary(program), see('mode-switch-vs-context-switch')).toEqual(expectedSummary(program));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects an unknown operation and negative user work, naming the operation', () => {
    const sleep = [{kind: 'syscall', name: 'read'}, {kind: 'sleep'}] as unknown as ProgramOp[];
    expect(() => programSummary(sleep), see('system-calls-are-traps')).toThrow(/program\[1\]\.kind.*got "sleep"/);
    expect(() => programSummary([{kind: 'user-work', ns: -5}]), see('system-calls-are-traps')).toThrow(/program\[0\]\.ns.*got -5/);
  });
});

describe('Part 4: programCost, pricing the crossings', () => {
  const catSummary = expectedSummary(CAT_FILE);

  it('prices `cat file` with the course\'s default parameters when none are given', () => {
    expect(programCost(catSummary), see('what-crossings-cost')).toEqual(expectedCost(catSummary, DEFAULT_HARDWARE));
  });

  it('uses the parameters it is given: 114 ns a mode switch, 3,400 ns a context switch, 33 ns a vDSO call', () => {
    const params: HardwareParams = {...DEFAULT_HARDWARE, modeSwitchNs: 114, contextSwitchNs: 3400, vdsoCallNs: 33};
    expect(programCost({...catSummary, userWorkNs: 5}, params), see('what-crossings-cost')).toEqual({
      modeSwitchNs: 12 * 114,
      contextSwitchNs: 2 * 3400,
      vdsoNs: 2 * 33,
      userWorkNs: 5,
      totalNs: 12 * 114 + 2 * 3400 + 2 * 33 + 5,
    });
  });

  it('prices random summaries and parameters by the rules', () => {
    checkProperty(
      fc.record({
        summary: fc.record({
          syscalls: fc.nat(10_000),
          modeSwitches: fc.nat(20_000),
          contextSwitches: fc.nat(10_000),
          vdsoCalls: fc.nat(10_000),
          userWorkNs: fc.nat(1e9),
        }),
        modeSwitchNs: fc.integer({min: 1, max: 1000}),
        contextSwitchNs: fc.integer({min: 1, max: 20_000}),
        vdsoCallNs: fc.integer({min: 1, max: 100}),
      }),
      ({summary, ...costs}) => {
        const params = {...DEFAULT_HARDWARE, ...costs};
        expect(programCost(summary, params), `${JSON.stringify(costs)}; ${see('what-crossings-cost')}`).toEqual(
          expectedCost(summary, params),
        );
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a negative count and a zero cost, naming the parameter and the value', () => {
    expect(() => programCost({...catSummary, syscalls: -2}), see('what-crossings-cost')).toThrow(/summary\.syscalls.*got -2/);
    expect(() => programCost(catSummary, {...DEFAULT_HARDWARE, contextSwitchNs: 0}), see('what-crossings-cost')).toThrow(
      /contextSwitchNs.*got 0/,
    );
  });
});

describe('Part 5: programTimeline, one step at a time', () => {
  it('steps through `cat file` event by event, with running totals', () => {
    expect(programTimeline(CAT_FILE), see('following-a-program')).toEqual(expectedTimeline(CAT_FILE));
  });

  it('puts a blocking read\'s two context switches between its two mode switches, in kernel mode', () => {
    const read = programTimeline(CAT_FILE).filter((entry) => entry.opIndex === 3);
    expect(
      read.map((entry) => [entry.event, entry.mode]),
      see('mode-switch-vs-context-switch'),
    ).toEqual([
      [{kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'read'}, 'kernel'],
      [{kind: 'context-switch', to: 'other-task', syscall: 'read'}, 'kernel'],
      [{kind: 'context-switch', to: 'this-task', syscall: 'read'}, 'kernel'],
      [{kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'read'}, 'user'],
    ]);
  });

  it('stays in user mode for clock_gettime through the vDSO', () => {
    expect(programTimeline([{kind: 'vdso', name: 'clock_gettime'}]), see('the-vdso')).toEqual([
      {
        opIndex: 0,
        event: {kind: 'vdso-call', name: 'clock_gettime'},
        mode: 'user',
        totals: {syscalls: 0, modeSwitches: 0, contextSwitches: 0, vdsoCalls: 1, userWorkNs: 0},
      },
    ]);
  });

  it('counts a syscall as soon as it enters the kernel', () => {
    const [enter, leave] = programTimeline([{kind: 'syscall', name: 'getppid'}]);
    expect(enter?.totals, see('system-calls-are-traps')).toMatchObject({syscalls: 1, modeSwitches: 1});
    expect(leave?.totals, see('system-calls-are-traps')).toMatchObject({syscalls: 1, modeSwitches: 2});
  });

  it('has no steps for an empty program', () => {
    expect(programTimeline([]), see('following-a-program')).toEqual([]);
  });

  it('steps through random programs by the rules, always ending in user mode', () => {
    checkProperty(
      randomProgram,
      (program) => {
        const timeline = programTimeline(program);
        expect(timeline, see('following-a-program')).toEqual(expectedTimeline(program));
        expect(timeline.at(-1)?.mode, see('system-calls-are-traps')).toBe('user');
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a vDSO call the vDSO does not offer, naming the operation', () => {
    const bad = [{kind: 'vdso', name: 'getppid'}] as unknown as ProgramOp[];
    expect(() => programTimeline(bad), see('the-vdso')).toThrow(/program\[0\]\.name.*got "getppid"/);
  });
});
