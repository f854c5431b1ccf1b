// Chapter 1: user space and kernel space. Where the kernel's half of the address space
// begins, what a system call costs (two mode switches), what a blocking one adds (two
// context switches) and why a vDSO call such as clock_gettime costs neither.
import type {ModeSwitchStep, SyscallName} from './types';
import {DEFAULT_HARDWARE, validateHardware, type HardwareParams} from './cost';
import {ModelInputError, requireInteger, requireOneOf} from './validate';

// Counts and nanoseconds stay exact as JavaScript numbers up to here.
const MAX_EXACT_COUNT = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------------------------------
// The address-space split. Source: the kernel's x86-64 memory map,
// Documentation/arch/x86/x86_64/mm.rst (docs.kernel.org/arch/x86/x86_64/mm.html).

/** x86-64 page tables have 4 levels (48-bit virtual addresses) or 5 (57-bit). */
export type PagingLevels = 4 | 5;

/** Which canonical half an address is in, or neither. */
export type AddressHalf = 'user' | 'kernel' | 'non-canonical';

export const VIRTUAL_ADDRESS_BITS: Readonly<Record<PagingLevels, number>> = {4: 48, 5: 57};

/** The largest 64-bit address, 0xffff_ffff_ffff_ffff. */
export const MAX_ADDRESS = (1n << 64n) - 1n;

export interface AddressLayout {
  readonly pagingLevels: PagingLevels;
  readonly virtualAddressBits: number;
  /** Each canonical half holds 2^(bits-1) bytes: 128 TiB with 4-level paging. */
  readonly halfSizeBytes: bigint;
  readonly userStart: bigint;
  readonly userEnd: bigint;
  readonly kernelStart: bigint;
  readonly kernelEnd: bigint;
}

/** Accepts only 4 or 5, with a message a person can act on. */
export function requirePagingLevels(pagingLevels: unknown): PagingLevels {
  return requireInteger('pagingLevels', pagingLevels, {min: 4, max: 5, unit: 'page-table levels'}) as PagingLevels;
}

/** "0x0000_7fff_ffff_ffff": 16 hex digits in groups of four, as address maps print them. */
export function formatAddress(address: bigint): string {
  const digits = address.toString(16).padStart(16, '0');
  return `0x${digits.replace(/\B(?=([0-9a-f]{4})+$)/g, '_')}`;
}

/** Returns `address` when it is a bigint from 0 to 2^64-1; otherwise a ModelInputError. */
export function requireAddress(parameter: string, address: unknown): bigint {
  if (typeof address === 'bigint' && address >= 0n && address <= MAX_ADDRESS) return address;
  const got =
    typeof address === 'bigint'
      ? address < 0n
        ? address.toString()
        : formatAddress(address)
      : `${String(address)} (a ${typeof address}; write addresses as bigints, such as 0x1000n)`;
  throw new ModelInputError(
    parameter,
    address,
    `${parameter} must be a 64-bit virtual address from ${formatAddress(0n)} to ${formatAddress(MAX_ADDRESS)}; got ${got}`,
  );
}

/**
 * Where the two canonical halves lie. Only `bits` bits of an address are implemented; bits
 * 63 down to the highest implemented one are sign-extended copies of it, so the canonical
 * addresses are the bottom and the top of the 64-bit range with a hole between them. Linux
 * gives the bottom half to user space and the top half to the kernel (mm.rst).
 */
export function addressLayout(pagingLevels: PagingLevels = 4): AddressLayout {
  const levels = requirePagingLevels(pagingLevels);
  const virtualAddressBits = VIRTUAL_ADDRESS_BITS[levels];
  const halfSizeBytes = 1n << BigInt(virtualAddressBits - 1);
  return {
    pagingLevels: levels,
    virtualAddressBits,
    halfSizeBytes,
    userStart: 0n,
    userEnd: halfSizeBytes - 1n,
    kernelStart: MAX_ADDRESS + 1n - halfSizeBytes,
    kernelEnd: MAX_ADDRESS,
  };
}

/** Which half a 64-bit virtual address falls in; the hole between them is non-canonical. */
export function classifyAddress(address: bigint, pagingLevels: PagingLevels = 4): AddressHalf {
  requireAddress('address', address);
  const layout = addressLayout(pagingLevels);
  if (address <= layout.userEnd) return 'user';
  if (address >= layout.kernelStart) return 'kernel';
  return 'non-canonical';
}

// ---------------------------------------------------------------------------------------
// A program as a list of operations

/** Calls the vDSO answers in user space, without entering the kernel (gms.tf, "On the costs of syscalls"). */
export type VdsoCallName = 'clock_gettime';

/** A system call: the task traps into the kernel (`syscall` on x86-64, syscall(2)) and returns. */
export interface SyscallOp {
  readonly kind: 'syscall';
  readonly name: SyscallName;
  /** True when the task has to wait in the kernel (a read that misses the page cache). */
  readonly blocks?: boolean;
}

/** A call through the vDSO: kernel-provided code that runs in user space. */
export interface VdsoOp {
  readonly kind: 'vdso';
  readonly name: VdsoCallName;
}

/** The program's own computation, which never leaves user space. */
export interface UserWorkOp {
  readonly kind: 'user-work';
  readonly ns: number;
}

export type ProgramOp = SyscallOp | VdsoOp | UserWorkOp;

export type ProgramOpKind = ProgramOp['kind'];

export const PROGRAM_OP_KINDS: readonly ProgramOpKind[] = ['syscall', 'vdso', 'user-work'];

// A record rather than a list so that adding a name to SyscallName fails to compile here.
const SYSCALL_NAME_SET: Record<SyscallName, true> = {
  read: true,
  write: true,
  sendfile: true,
  mmap: true,
  munmap: true,
  splice: true,
  open: true,
  close: true,
  fstat: true,
  getppid: true,
  clock_gettime: true,
};

export const SYSCALL_NAMES: readonly SyscallName[] = Object.keys(SYSCALL_NAME_SET) as SyscallName[];

export const VDSO_CALL_NAMES: readonly VdsoCallName[] = ['clock_gettime'];

/**
 * `cat file` with a stopwatch around it: the example the chapter and its live timeline use.
 * The first read() misses the page cache, so the task sleeps until the disk's DMA is done;
 * the second read() returns 0 (end of file).
 */
export const CAT_FILE_PROGRAM: readonly ProgramOp[] = [
  {kind: 'vdso', name: 'clock_gettime'},
  {kind: 'syscall', name: 'open'},
  {kind: 'syscall', name: 'fstat'},
  {kind: 'syscall', name: 'read', blocks: true},
  {kind: 'syscall', name: 'write'},
  {kind: 'syscall', name: 'read'},
  {kind: 'syscall', name: 'close'},
  {kind: 'vdso', name: 'clock_gettime'},
];

// Strings quoted, everything else as JavaScript prints it: "got \"yes\"", "got null".
function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Throws a ModelInputError naming the first operation the model cannot run, e.g. "program[2].name". */
export function validateProgram(program: readonly ProgramOp[]): void {
  if (!Array.isArray(program)) {
    throw new ModelInputError('program', program, `program must be a list of operations; got ${describeValue(program)}`);
  }
  program.forEach((op: unknown, index) => {
    const at = `program[${index}]`;
    if (typeof op !== 'object' || op === null) {
      throw new ModelInputError(at, op, `${at} must be an operation such as {kind: 'syscall', name: 'read'}; got ${describeValue(op)}`);
    }
    const kind = requireOneOf(`${at}.kind`, (op as {kind?: unknown}).kind, PROGRAM_OP_KINDS);
    const checked = op as ProgramOp;
    if (kind === 'syscall') {
      const {name, blocks} = checked as SyscallOp;
      requireOneOf(`${at}.name`, name, SYSCALL_NAMES);
      if (blocks !== undefined && typeof blocks !== 'boolean') {
        throw new ModelInputError(`${at}.blocks`, blocks, `${at}.blocks must be true, false or left out; got ${describeValue(blocks)}`);
      }
    } else if (kind === 'vdso') {
      requireOneOf(`${at}.name`, (checked as VdsoOp).name, VDSO_CALL_NAMES);
    } else {
      requireInteger(`${at}.ns`, (checked as UserWorkOp).ns, {min: 0, max: MAX_EXACT_COUNT, unit: 'nanoseconds'});
    }
  });
}

// ---------------------------------------------------------------------------------------
// Counting and costing

export interface ProgramSummary {
  readonly syscalls: number;
  /** user->kernel plus kernel->user transitions: two per syscall, none per vDSO call. */
  readonly modeSwitches: number;
  /** The scheduler changing tasks: two per blocking syscall (away while it sleeps, back when woken). */
  readonly contextSwitches: number;
  readonly vdsoCalls: number;
  readonly userWorkNs: number;
}

export const EMPTY_PROGRAM_SUMMARY: ProgramSummary = {
  syscalls: 0,
  modeSwitches: 0,
  contextSwitches: 0,
  vdsoCalls: 0,
  userWorkNs: 0,
};

/** The program's counts, by arithmetic over its operations (no timeline is built). */
export function programSummary(program: readonly ProgramOp[]): ProgramSummary {
  validateProgram(program);
  let syscalls = 0;
  let blockingSyscalls = 0;
  let vdsoCalls = 0;
  let userWorkNs = 0;
  for (const op of program) {
    if (op.kind === 'syscall') {
      syscalls += 1;
      if (op.blocks === true) blockingSyscalls += 1;
    } else if (op.kind === 'vdso') {
      vdsoCalls += 1;
    } else {
      userWorkNs += op.ns;
    }
  }
  return {syscalls, modeSwitches: 2 * syscalls, contextSwitches: 2 * blockingSyscalls, vdsoCalls, userWorkNs};
}

export interface ProgramCost {
  readonly modeSwitchNs: number;
  readonly contextSwitchNs: number;
  readonly vdsoNs: number;
  readonly userWorkNs: number;
  readonly totalNs: number;
}

const SUMMARY_UNITS: Readonly<Record<keyof ProgramSummary, string>> = {
  syscalls: 'system calls',
  modeSwitches: 'mode switches',
  contextSwitches: 'context switches',
  vdsoCalls: 'vDSO calls',
  userWorkNs: 'nanoseconds',
};

/**
 * Estimated CPU time of a program's crossings, from the cost model's parameters. It leaves
 * out the work the kernel does inside each call and the time a sleeping task waits for a
 * device: it prices the boundary, not the errand.
 */
export function programCost(summary: ProgramSummary, params: HardwareParams = DEFAULT_HARDWARE): ProgramCost {
  for (const field of Object.keys(SUMMARY_UNITS) as (keyof ProgramSummary)[]) {
    requireInteger(`summary.${field}`, summary[field], {min: 0, max: MAX_EXACT_COUNT, unit: SUMMARY_UNITS[field]});
  }
  validateHardware(params);
  const modeSwitchNs = summary.modeSwitches * params.modeSwitchNs;
  const contextSwitchNs = summary.contextSwitches * params.contextSwitchNs;
  const vdsoNs = summary.vdsoCalls * params.vdsoCallNs;
  const userWorkNs = summary.userWorkNs;
  return {
    modeSwitchNs,
    contextSwitchNs,
    vdsoNs,
    userWorkNs,
    totalNs: modeSwitchNs + contextSwitchNs + vdsoNs + userWorkNs,
  };
}

// ---------------------------------------------------------------------------------------
// The timeline a stepper shows

/** The privilege mode the program's task is in. */
export type CpuMode = 'user' | 'kernel';

/**
 * The scheduler switching tasks during a blocking syscall: to another task while this one
 * sleeps, back to this one once it is woken. The task is inside the syscall throughout.
 */
export interface ContextSwitchStep {
  readonly kind: 'context-switch';
  readonly to: 'other-task' | 'this-task';
  readonly syscall: SyscallName;
}

export interface VdsoCallStep {
  readonly kind: 'vdso-call';
  readonly name: VdsoCallName;
}

export interface UserWorkStep {
  readonly kind: 'user-work';
  readonly ns: number;
}

export type TimelineEvent = ModeSwitchStep | ContextSwitchStep | VdsoCallStep | UserWorkStep;

export interface TimelineEntry {
  /** Which operation of the program this entry belongs to. */
  readonly opIndex: number;
  readonly event: TimelineEvent;
  /** The task's mode once this event has happened. */
  readonly mode: CpuMode;
  /** Running counters including this event: a syscall is counted when it enters the kernel. */
  readonly totals: ProgramSummary;
}

/** What one event adds to the running counters. */
function eventSummary(event: TimelineEvent): ProgramSummary {
  switch (event.kind) {
    case 'mode-switch':
      return {
        ...EMPTY_PROGRAM_SUMMARY,
        modeSwitches: 1,
        syscalls: event.direction === 'user-to-kernel' ? 1 : 0,
      };
    case 'context-switch':
      return {...EMPTY_PROGRAM_SUMMARY, contextSwitches: 1};
    case 'vdso-call':
      return {...EMPTY_PROGRAM_SUMMARY, vdsoCalls: 1};
    case 'user-work':
      return {...EMPTY_PROGRAM_SUMMARY, userWorkNs: event.ns};
  }
}

function addProgramSummaries(a: ProgramSummary, b: ProgramSummary): ProgramSummary {
  return {
    syscalls: a.syscalls + b.syscalls,
    modeSwitches: a.modeSwitches + b.modeSwitches,
    contextSwitches: a.contextSwitches + b.contextSwitches,
    vdsoCalls: a.vdsoCalls + b.vdsoCalls,
    userWorkNs: a.userWorkNs + b.userWorkNs,
  };
}

/** The events one operation produces, with the mode the task is in after each. */
function opEvents(op: ProgramOp): {event: TimelineEvent; mode: CpuMode}[] {
  if (op.kind === 'vdso') return [{event: {kind: 'vdso-call', name: op.name}, mode: 'user'}];
  if (op.kind === 'user-work') return [{event: {kind: 'user-work', ns: op.ns}, mode: 'user'}];
  const syscall = op.name;
  const sleep: {event: TimelineEvent; mode: CpuMode}[] = op.blocks
    ? [
        {event: {kind: 'context-switch', to: 'other-task', syscall}, mode: 'kernel'},
        {event: {kind: 'context-switch', to: 'this-task', syscall}, mode: 'kernel'},
      ]
    : [];
  return [
    {event: {kind: 'mode-switch', direction: 'user-to-kernel', syscall}, mode: 'kernel'},
    ...sleep,
    {event: {kind: 'mode-switch', direction: 'kernel-to-user', syscall}, mode: 'user'},
  ];
}

/** The program event by event, in order, with the running counters a stepper displays. */
export function programTimeline(program: readonly ProgramOp[]): TimelineEntry[] {
  validateProgram(program);
  const entries: TimelineEntry[] = [];
  let totals = EMPTY_PROGRAM_SUMMARY;
  program.forEach((op, opIndex) => {
    for (const {event, mode} of opEvents(op)) {
      totals = addProgramSummaries(totals, eventSummary(event));
      entries.push({opIndex, event, mode, totals});
    }
  });
  return entries;
}
