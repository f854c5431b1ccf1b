// Exercise 1: user space and kernel space.
// Task and rules: README.md in this folder. Hints: hints.md (or `npm run hint -- 01`).
// Grade your work: `npm run grade -- 01` (or `npm test -w exercises/01-user-kernel`).
//
// These are the same exports and types as the course's model (src/model/user-kernel.ts).
// The types, constants and checks marked "Given" are yours to use; the five numbered
// functions are what you write.
import type {ModeSwitchStep, SyscallName} from '@site/src/model/types';
import {DEFAULT_HARDWARE, validateHardware, type HardwareParams} from '@site/src/model/cost';
import {ModelInputError, requireInteger, requireOneOf} from '@site/src/model/validate';

// Counts and nanoseconds stay exact as JavaScript numbers up to here.
const MAX_EXACT_COUNT = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------------------------------
// The address-space split

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

/** Given: accepts only 4 or 5, with a message a person can act on. */
export function requirePagingLevels(pagingLevels: unknown): PagingLevels {
  return requireInteger('pagingLevels', pagingLevels, {min: 4, max: 5, unit: 'page-table levels'}) as PagingLevels;
}

/** Given: "0x0000_7fff_ffff_ffff": 16 hex digits in groups of four, as address maps print them. */
export function formatAddress(address: bigint): string {
  const digits = address.toString(16).padStart(16, '0');
  return `0x${digits.replace(/\B(?=([0-9a-f]{4})+$)/g, '_')}`;
}

/** Given: returns `address` when it is a bigint from 0 to 2^64-1; otherwise a ModelInputError. */
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
 * 1. Where the two canonical halves lie for 4- or 5-level paging. With `bits` virtual-address
 * bits, each half holds 2^(bits-1) bytes: user space from 0 up, the kernel down from the top
 * of the 64-bit range (MAX_ADDRESS).
 */
export function addressLayout(pagingLevels: PagingLevels = 4): AddressLayout {
  // TODO: check pagingLevels (requirePagingLevels), look up the number of bits, then work out
  // the size of a half and the four boundaries, all as bigints.
  throw new Error('TODO: addressLayout is not written yet (exercises/01-user-kernel/README.md, part 1)');
}

/** 2. Which half a 64-bit virtual address falls in; everything between the halves is non-canonical. */
export function classifyAddress(address: bigint, pagingLevels: PagingLevels = 4): AddressHalf {
  // TODO: check the address (requireAddress) and the paging levels, then compare the address
  // with the layout's boundaries.
  throw new Error('TODO: classifyAddress is not written yet (exercises/01-user-kernel/README.md, part 2)');
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

/** Given: throws a ModelInputError naming the first operation the model cannot run, e.g. "program[2].name". */
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

/** 3. The program's counts, by arithmetic over its operations (no timeline needed). */
export function programSummary(program: readonly ProgramOp[]): ProgramSummary {
  // TODO: validate the program (validateProgram), then go through its operations once and
  // count syscalls, blocking syscalls, vDSO calls and nanoseconds of user work.
  throw new Error('TODO: programSummary is not written yet (exercises/01-user-kernel/README.md, part 3)');
}

export interface ProgramCost {
  readonly modeSwitchNs: number;
  readonly contextSwitchNs: number;
  readonly vdsoNs: number;
  readonly userWorkNs: number;
  readonly totalNs: number;
}

/**
 * 4. Estimated CPU time of a program's crossings, from the cost model's parameters
 * (modeSwitchNs, contextSwitchNs, vdsoCallNs), plus its user work. It leaves out the work
 * the kernel does inside each call and the time a sleeping task waits for a device.
 */
export function programCost(summary: ProgramSummary, params: HardwareParams = DEFAULT_HARDWARE): ProgramCost {
  // TODO: check every count in the summary (requireInteger, named "summary.<field>") and the
  // parameters (validateHardware), then price each kind of event and add them up.
  throw new Error('TODO: programCost is not written yet (exercises/01-user-kernel/README.md, part 4)');
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

/**
 * 5. The program event by event, in order, with the mode after each event and the running
 * counters a stepper displays.
 */
export function programTimeline(program: readonly ProgramOp[]): TimelineEntry[] {
  // TODO: validate the program, then turn each operation into its events (a syscall into two
  // or four, a vDSO call or user work into one) and keep a running total as you go.
  throw new Error('TODO: programTimeline is not written yet (exercises/01-user-kernel/README.md, part 5)');
}
