import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  CAT_FILE_PROGRAM,
  EMPTY_PROGRAM_SUMMARY,
  MAX_ADDRESS,
  SYSCALL_NAMES,
  addressLayout,
  classifyAddress,
  formatAddress,
  programCost,
  programSummary,
  programTimeline,
  type PagingLevels,
  type ProgramOp,
  type ProgramSummary,
} from './user-kernel';
import {DEFAULT_HARDWARE, type HardwareParams} from './cost';
import {ModelInputError} from './validate';

const arbitraryOp: fc.Arbitrary<ProgramOp> = fc.oneof(
  fc.record(
    {kind: fc.constant('syscall' as const), name: fc.constantFrom(...SYSCALL_NAMES), blocks: fc.boolean()},
    {requiredKeys: ['kind', 'name']},
  ),
  fc.record({kind: fc.constant('vdso' as const), name: fc.constant('clock_gettime' as const)}),
  fc.record({kind: fc.constant('user-work' as const), ns: fc.nat(1_000_000)}),
);

const arbitraryProgram = fc.array(arbitraryOp, {maxLength: 40});

const arbitrarySummary: fc.Arbitrary<ProgramSummary> = fc.record({
  syscalls: fc.nat(1e6),
  modeSwitches: fc.nat(2e6),
  contextSwitches: fc.nat(1e6),
  vdsoCalls: fc.nat(1e6),
  userWorkNs: fc.nat(1e9),
});

describe('the address-space split', () => {
  it('gives user space the bottom 128 TiB and the kernel the top 128 TiB with 4-level paging', () => {
    const layout = addressLayout(4);
    expect(layout.virtualAddressBits).toBe(48);
    expect(layout.halfSizeBytes).toBe(128n * 1024n ** 4n);
    expect(formatAddress(layout.userEnd)).toBe('0x0000_7fff_ffff_ffff');
    expect(formatAddress(layout.kernelStart)).toBe('0xffff_8000_0000_0000');
    expect(layout.kernelEnd).toBe(MAX_ADDRESS);
  });

  it('widens both halves to 57 bits with 5-level paging', () => {
    const layout = addressLayout(5);
    expect(layout.virtualAddressBits).toBe(57);
    expect(formatAddress(layout.userEnd)).toBe('0x00ff_ffff_ffff_ffff');
    expect(formatAddress(layout.kernelStart)).toBe('0xff00_0000_0000_0000');
  });

  it('classifies the edges of each half and the hole between them', () => {
    expect(classifyAddress(0n)).toBe('user');
    expect(classifyAddress(0x0000_7fff_ffff_ffffn)).toBe('user');
    expect(classifyAddress(0x0000_8000_0000_0000n)).toBe('non-canonical');
    expect(classifyAddress(0xffff_7fff_ffff_ffffn)).toBe('non-canonical');
    expect(classifyAddress(0xffff_8000_0000_0000n)).toBe('kernel');
    expect(classifyAddress(MAX_ADDRESS)).toBe('kernel');
  });

  it('makes part of the 4-level hole canonical with 5-level paging', () => {
    expect(classifyAddress(0x0000_8000_0000_0000n, 5)).toBe('user');
    expect(classifyAddress(0x00ff_ffff_ffff_ffffn, 5)).toBe('user');
    expect(classifyAddress(0x0100_0000_0000_0000n, 5)).toBe('non-canonical');
    expect(classifyAddress(0xff00_0000_0000_0000n, 5)).toBe('kernel');
    expect(classifyAddress(0xfeff_ffff_ffff_ffffn, 5)).toBe('non-canonical');
  });

  it('agrees with sign extension: canonical means bits 63..bits-1 are all equal', () => {
    fc.assert(
      fc.property(fc.bigInt({min: 0n, max: MAX_ADDRESS}), fc.constantFrom<PagingLevels>(4, 5), (address, levels) => {
        const bits = levels === 4 ? 48n : 57n;
        const top = address >> (bits - 1n);
        const expected = top === 0n ? 'user' : top === (1n << (65n - bits)) - 1n ? 'kernel' : 'non-canonical';
        expect(classifyAddress(address, levels)).toBe(expected);
      }),
    );
  });

  it('only widens the canonical halves when going from 4 to 5 levels', () => {
    fc.assert(
      fc.property(fc.bigInt({min: 0n, max: MAX_ADDRESS}), (address) => {
        const four = classifyAddress(address, 4);
        if (four !== 'non-canonical') expect(classifyAddress(address, 5)).toBe(four);
      }),
    );
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => classifyAddress(-1n)).toThrow(
      'address must be a 64-bit virtual address from 0x0000_0000_0000_0000 to 0xffff_ffff_ffff_ffff; got -1',
    );
    expect(() => classifyAddress(1n << 64n)).toThrow(/got 0x1_0000_0000_0000_0000/);
    expect(() => classifyAddress(4096 as unknown as bigint)).toThrow(/got 4096 \(a number; write addresses as bigints/);
    expect(() => classifyAddress(0n, 3 as PagingLevels)).toThrow(
      'pagingLevels must be a whole number of page-table levels from 4 to 5; got 3',
    );
    expect(() => addressLayout(6 as PagingLevels)).toThrow(ModelInputError);
  });
});

describe('a small program: cat a file with a stopwatch around it', () => {
  it('makes six syscalls, twelve mode switches, two context switches (the blocking read) and two vDSO calls', () => {
    expect(programSummary(CAT_FILE_PROGRAM)).toEqual({
      syscalls: 6,
      modeSwitches: 12,
      contextSwitches: 2,
      vdsoCalls: 2,
      userWorkNs: 0,
    });
  });

  it('costs 7.24 us with the default parameters, most of it in the two context switches', () => {
    const cost = programCost(programSummary(CAT_FILE_PROGRAM));
    expect(cost).toEqual({modeSwitchNs: 1200, contextSwitchNs: 6000, vdsoNs: 40, userWorkNs: 0, totalNs: 7240});
    expect(cost.contextSwitchNs).toBeGreaterThan(cost.modeSwitchNs);
  });

  it('steps user->kernel->user for a syscall and stays in user mode for clock_gettime', () => {
    const timeline = programTimeline(CAT_FILE_PROGRAM);
    expect(timeline[0]).toEqual({
      opIndex: 0,
      event: {kind: 'vdso-call', name: 'clock_gettime'},
      mode: 'user',
      totals: {...EMPTY_PROGRAM_SUMMARY, vdsoCalls: 1},
    });
    expect(timeline.slice(1, 3).map((entry) => [entry.event, entry.mode])).toEqual([
      [{kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'open'}, 'kernel'],
      [{kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'open'}, 'user'],
    ]);
    expect(timeline[1].totals).toMatchObject({syscalls: 1, modeSwitches: 1});
  });

  it('puts the blocking read\'s two context switches between its two mode switches', () => {
    const read = programTimeline(CAT_FILE_PROGRAM).filter((entry) => entry.opIndex === 3);
    expect(read.map((entry) => [entry.event, entry.mode])).toEqual([
      [{kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'read'}, 'kernel'],
      [{kind: 'context-switch', to: 'other-task', syscall: 'read'}, 'kernel'],
      [{kind: 'context-switch', to: 'this-task', syscall: 'read'}, 'kernel'],
      [{kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'read'}, 'user'],
    ]);
  });

  it('has an empty timeline and zero cost for an empty program', () => {
    expect(programTimeline([])).toEqual([]);
    expect(programSummary([])).toEqual(EMPTY_PROGRAM_SUMMARY);
    expect(programCost(EMPTY_PROGRAM_SUMMARY).totalNs).toBe(0);
  });
});

describe('any program', () => {
  it('makes two mode switches per syscall and two context switches per blocking syscall', () => {
    fc.assert(
      fc.property(arbitraryProgram, (program) => {
        const summary = programSummary(program);
        const syscalls = program.filter((op) => op.kind === 'syscall');
        expect(summary.syscalls).toBe(syscalls.length);
        expect(summary.modeSwitches).toBe(2 * summary.syscalls);
        expect(summary.contextSwitches).toBe(2 * syscalls.filter((op) => op.kind === 'syscall' && op.blocks).length);
      }),
    );
  });

  it('adds no mode switch for a vDSO call', () => {
    fc.assert(
      fc.property(arbitraryProgram, fc.nat(40), (program, at) => {
        const withVdso = [...program.slice(0, at), {kind: 'vdso', name: 'clock_gettime'} as const, ...program.slice(at)];
        const before = programSummary(program);
        expect(programSummary(withVdso)).toEqual({...before, vdsoCalls: before.vdsoCalls + 1});
      }),
    );
  });

  it('always returns to user mode, and enters the kernel only by a mode switch', () => {
    fc.assert(
      fc.property(arbitraryProgram, (program) => {
        const timeline = programTimeline(program);
        if (timeline.length > 0) expect(timeline[timeline.length - 1].mode).toBe('user');
        let mode = 'user';
        for (const {event, mode: after} of timeline) {
          if (event.kind === 'mode-switch') {
            const [from, to] = event.direction === 'user-to-kernel' ? ['user', 'kernel'] : ['kernel', 'user'];
            expect([mode, after]).toEqual([from, to]);
          } else {
            // Context switches happen inside a syscall; vDSO calls and user work outside one.
            expect([mode, after]).toEqual(event.kind === 'context-switch' ? ['kernel', 'kernel'] : ['user', 'user']);
          }
          mode = after;
        }
      }),
    );
  });

  it('ends its running totals at the summary, and never lets a counter go down', () => {
    fc.assert(
      fc.property(arbitraryProgram, (program) => {
        const timeline = programTimeline(program);
        const last = timeline.length > 0 ? timeline[timeline.length - 1].totals : EMPTY_PROGRAM_SUMMARY;
        expect(last).toEqual(programSummary(program));
        timeline.forEach((entry, index) => {
          expect(entry.opIndex).toBeGreaterThanOrEqual(index > 0 ? timeline[index - 1].opIndex : 0);
          const previous = index > 0 ? timeline[index - 1].totals : EMPTY_PROGRAM_SUMMARY;
          for (const field of Object.keys(previous) as (keyof ProgramSummary)[]) {
            expect(entry.totals[field]).toBeGreaterThanOrEqual(previous[field]);
          }
        });
      }),
    );
  });

  it('costs the sum of its parts, and more when any count grows', () => {
    fc.assert(
      fc.property(
        arbitrarySummary,
        fc.constantFrom<keyof ProgramSummary>('modeSwitches', 'contextSwitches', 'vdsoCalls', 'userWorkNs'),
        (summary, grown) => {
          const cost = programCost(summary);
          expect(cost.totalNs).toBe(cost.modeSwitchNs + cost.contextSwitchNs + cost.vdsoNs + cost.userWorkNs);
          expect(programCost({...summary, [grown]: summary[grown] + 1}).totalNs).toBeGreaterThan(cost.totalNs);
        },
      ),
    );
  });

  it('uses the hardware parameters it is given', () => {
    const params: HardwareParams = {...DEFAULT_HARDWARE, modeSwitchNs: 114, contextSwitchNs: 3400, vdsoCallNs: 33};
    expect(programCost({syscalls: 1, modeSwitches: 2, contextSwitches: 2, vdsoCalls: 1, userWorkNs: 5}, params)).toEqual({
      modeSwitchNs: 228,
      contextSwitchNs: 6800,
      vdsoNs: 33,
      userWorkNs: 5,
      totalNs: 7066,
    });
  });
});

describe('bad programs and summaries', () => {
  it('names the operation and field that is wrong', () => {
    expect(() => programSummary([{kind: 'syscall', name: 'read'}, {kind: 'sleep'} as unknown as ProgramOp])).toThrow(
      'program[1].kind must be one of "syscall", "vdso", "user-work"; got "sleep"',
    );
    expect(() => programTimeline([{kind: 'syscall', name: 'fork'} as unknown as ProgramOp])).toThrow(
      /program\[0\]\.name must be one of .*; got "fork"/,
    );
    expect(() => programTimeline([{kind: 'vdso', name: 'getppid'} as unknown as ProgramOp])).toThrow(
      'program[0].name must be one of "clock_gettime"; got "getppid"',
    );
    expect(() => programSummary([{kind: 'syscall', name: 'read', blocks: 'yes'} as unknown as ProgramOp])).toThrow(
      'program[0].blocks must be true, false or left out; got "yes"',
    );
    expect(() => programSummary([{kind: 'user-work', ns: -5}])).toThrow(
      'program[0].ns must be a whole number of nanoseconds from 0 to 9,007,199,254,740,991; got -5',
    );
    expect(() => programSummary([null as unknown as ProgramOp])).toThrow(/program\[0\] must be an operation .*; got null/);
    expect(() => programSummary('read' as unknown as ProgramOp[])).toThrow('program must be a list of operations; got "read"');
  });

  it('refuses a negative count or a bad hardware parameter', () => {
    expect(() => programCost({...EMPTY_PROGRAM_SUMMARY, syscalls: -2})).toThrow(
      'summary.syscalls must be a whole number of system calls from 0 to 9,007,199,254,740,991; got -2',
    );
    expect(() => programCost({...EMPTY_PROGRAM_SUMMARY, contextSwitches: 1.5})).toThrow(/summary\.contextSwitches .* got 1.5/);
    expect(() => programCost(EMPTY_PROGRAM_SUMMARY, {...DEFAULT_HARDWARE, contextSwitchNs: 0})).toThrow(
      'contextSwitchNs must be a positive number of nanoseconds; got 0',
    );
    expect(() => programCost(EMPTY_PROGRAM_SUMMARY, {...DEFAULT_HARDWARE, vdsoCallNs: Number.NaN})).toThrow(ModelInputError);
  });
});
