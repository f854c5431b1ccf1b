// Grader for exercise 4. It checks the functions in sendfile.ts (yours, by default) against
// fixed cases from the chapter and against seeded random cases.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {sendAll, sendfileCallSteps, sendfileSummary, zeroCopyCapable, type NicFeatures, type SendAllResult} from '@subject/sendfile';
// The simulated kernel is a fixture, not the subject: always the course's own, so the rules a
// loop is graded by cannot change with the file being graded.
import {createSimulatedKernel, type KernelCall, type KernelPattern, type SimulatedKernel} from '@site/src/model/sendfile-kernel';
import type {PageCacheState, Step, Summary} from '@site/src/model/types';
import {chapterSection, checkProperty} from '../../tools/grading/property';
import {expectRejects} from '../../tools/grading/rejects';

const CHAPTER = '04';
const see = (anchor: string) => `see ${chapterSection('sendfile', anchor)}`;
const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
/** The most one sendfile() call moves: 0x7ffff000 bytes. */
const CALL_CAP = 2_147_479_552;
const PAGE = 4096;
/** 5368709120 as "5,368,709,120", for messages. */
const n = (value: number): string => value.toLocaleString('en-US');

const NO_OFFLOAD: NicFeatures = {scatterGather: false, checksumOffload: false};
const SG_ONLY: NicFeatures = {scatterGather: true, checksumOffload: false};
const CHECKSUM_ONLY: NicFeatures = {scatterGather: false, checksumOffload: true};
const BOTH: NicFeatures = {scatterGather: true, checksumOffload: true};

// ---------------------------------------------------------------------------------------
// The grader's own statement of the rules, independent of any implementation.

function expectedCall(bytes: number, pageCache: PageCacheState, nic: NicFeatures): Step[] {
  const gathers = nic.scatterGather;
  const disk: Step[] =
    pageCache === 'miss'
      ? [
          {kind: 'copy', engine: 'dma', from: 'disk', to: 'page-cache', bytes, syscall: 'sendfile', async: false},
          {kind: 'interrupt', source: 'disk', syscall: 'sendfile'},
        ]
      : [];
  const checksum: Step[] = nic.checksumOffload
    ? []
    : [{kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes, syscall: 'sendfile'}];
  const intoSocket: Step[] = gathers
    ? [{kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes, descriptors: Math.ceil(bytes / PAGE), syscall: 'sendfile'}, ...checksum]
    : [{kind: 'copy', engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes, syscall: 'sendfile', async: false}];
  return [
    {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
    ...disk,
    ...intoSocket,
    {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
    {kind: 'copy', engine: 'dma', from: gathers ? 'page-cache' : 'socket-buffer', to: 'nic', bytes, syscall: 'sendfile', async: true},
    {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
  ];
}

function expectedSummary(fileSize: number, pageCache: PageCacheState, nic: NicFeatures): Summary {
  const calls = Math.ceil(fileSize / CALL_CAP);
  const gathers = nic.scatterGather;
  const checksumOnCpu = gathers && !nic.checksumOffload;
  const dma = pageCache === 'miss' ? 2 : 1;
  return {
    cpuCopies: gathers ? 0 : calls,
    dmaCopies: dma * calls,
    cpuBytes: gathers ? 0 : fileSize,
    dmaBytes: dma * fileSize,
    cpuPasses: checksumOnCpu ? calls : 0,
    cpuPassBytes: checksumOnCpu ? fileSize : 0,
    sentBytes: fileSize,
    modeSwitches: 2 * calls,
    syscalls: calls,
    interrupts: dma * calls,
    pageFaults: 0,
  };
}

interface BrokenRule {
  readonly rule: string;
  readonly message: string;
  readonly anchor: string;
}

/**
 * The first rule a sending loop broke, from the kernel's record of its calls: every byte
 * sent exactly once and in order, ask for all that is left, wait after EAGAIN (and only
 * then), fall back after EINVAL or ENOSYS (and only then), and stop at the end.
 */
function firstBrokenRule(calls: readonly KernelCall[], fileSize: number): BrokenRule | null {
  let sent = 0;
  let waitingForRoom = false;
  let refused: string | null = null;
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    const name = call.kind === 'wait-writable' ? 'waitWritable' : call.kind === 'sendfile' ? 'sendfile' : 'readWrite';
    const args = call.kind === 'wait-writable' ? '' : `offset ${n(call.offset)}, count ${n(call.count)}`;
    const where = `call #${i + 1}, ${name}(${args})`;
    const broken = (rule: string, why: string, anchor: string): BrokenRule => ({rule, message: `${where}: ${why}`, anchor});
    if (sent === fileSize) {
      return broken(
        'stop at the end',
        `every one of the ${n(fileSize)} bytes had already been sent; the loop should have stopped.`,
        'short-returns',
      );
    }
    if (call.kind === 'wait-writable') {
      if (!waitingForRoom) {
        return broken(
          'wait only after EAGAIN',
          'the previous sendfile() did not return EAGAIN, so there was nothing to wait for.',
          'non-blocking-sockets',
        );
      }
      waitingForRoom = false;
      continue;
    }
    if (call.kind === 'sendfile') {
      if (refused !== null) {
        return broken(
          'do not retry after EINVAL/ENOSYS',
          `sendfile() had returned ${refused}; retrying will not help: send the rest with readWrite().`,
          'falling-back',
        );
      }
      if (waitingForRoom) {
        return broken(
          'no spinning',
          'sendfile() returned EAGAIN and the loop called it again without waitWritable() in between: it spins on a full socket buffer.',
          'non-blocking-sockets',
        );
      }
    } else if (refused === null) {
      return broken(
        'fall back only after EINVAL/ENOSYS',
        'readWrite() was used although sendfile() had not returned EINVAL or ENOSYS.',
        'falling-back',
      );
    }
    if (call.offset < sent) {
      return broken(
        'each byte once',
        `bytes ${n(call.offset)} to ${n(sent - 1)} were already sent and would go out twice. Advance the offset by what each call returned.`,
        'short-returns',
      );
    }
    if (call.offset > sent) {
      return broken(
        'each byte once',
        `only ${n(sent)} bytes had been sent, so bytes ${n(sent)} to ${n(call.offset - 1)} would never be sent. Advance the offset by what each call returned.`,
        'short-returns',
      );
    }
    if (call.count < Math.min(fileSize - sent, CALL_CAP)) {
      return broken(
        'ask for all that is left',
        `${n(fileSize - sent)} bytes were left but the call asked for ${n(call.count)}; ask for all of them (the kernel caps one call at ${n(CALL_CAP)}).`,
        'the-per-call-cap',
      );
    }
    if (typeof call.result === 'number') sent += call.result;
    else if (call.result.error === 'EAGAIN') waitingForRoom = true;
    else refused = call.result.error;
  }
  if (sent < fileSize) {
    return {rule: 'send every byte', message: `the loop returned after sending ${n(sent)} of ${n(fileSize)} bytes.`, anchor: 'short-returns'};
  }
  return null;
}

interface Scenario {
  readonly seed: number;
  readonly fileSize: number;
  readonly pattern: Partial<KernelPattern>;
}

/**
 * Runs the learner's sendAll against a fresh simulated kernel and fails with the first rule
 * it broke, or with what it threw, or if its result does not match its calls. A loop that
 * never ends is stopped by the kernel's call budget.
 */
function gradeSendAll(scenario: Scenario, what: string): {result: SendAllResult; calls: readonly KernelCall[]} {
  const context = `${what} [seed ${scenario.seed}, fileSize ${scenario.fileSize}, pattern ${JSON.stringify(scenario.pattern)}]`;
  const kernel = createSimulatedKernel(scenario);
  let result: SendAllResult | undefined;
  let thrown: unknown = undefined;
  try {
    result = sendAll(kernel, scenario.fileSize);
  } catch (error) {
    thrown = error;
  }
  const calls = kernel.calls();
  const broken = firstBrokenRule(calls, scenario.fileSize);
  if (broken !== null && broken.rule !== 'send every byte') {
    throw new Error(`${context}\nRule broken (${broken.rule}): ${broken.message}\n${see(broken.anchor)}`);
  }
  if (thrown !== undefined) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    throw new Error(`${context}\nsendAll threw: ${message}`);
  }
  if (broken !== null) {
    throw new Error(`${context}\nRule broken (${broken.rule}): ${broken.message}\n${see(broken.anchor)}`);
  }
  const refusal = calls.some((c) => c.kind === 'sendfile' && typeof c.result !== 'number' && c.result.error !== 'EAGAIN');
  expect(result, `${context}: what sendAll returned must describe the calls it made; ${see('short-returns')}`).toEqual({
    bytesSent: scenario.fileSize,
    sendfileCalls: calls.filter((c) => c.kind === 'sendfile').length,
    eagainWaits: calls.filter((c) => c.kind === 'wait-writable').length,
    fellBack: refusal,
  });
  return {result: result as SendAllResult, calls};
}

// ---------------------------------------------------------------------------------------

describe('Part 1: zeroCopyCapable, which NICs let sendfile() send without the CPU touching a byte', () => {
  it('is true with scatter-gather and checksum offload together', () => {
    expect(zeroCopyCapable(BOTH), see('checksum-offload')).toBe(true);
  });

  it('is false with scatter-gather alone: the CPU copies nothing but still reads every byte for the checksum', () => {
    expect(zeroCopyCapable(SG_ONLY), see('checksum-offload')).toBe(false);
  });

  it('is false with checksum offload alone, and with neither feature', () => {
    expect(zeroCopyCapable(CHECKSUM_ONLY), see('scatter-gather')).toBe(false);
    expect(zeroCopyCapable(NO_OFFLOAD), see('scatter-gather')).toBe(false);
  });

  it('rejects a feature that is not true or false, naming it', () => {
    expectRejects(() => zeroCopyCapable({scatterGather: true, checksumOffload: 'yes'} as unknown as NicFeatures), 'nic.checksumOffload', see('scatter-gather'));
    expectRejects(() => zeroCopyCapable({checksumOffload: true} as unknown as NicFeatures), 'nic.scatterGather', see('scatter-gather'));
  });
});

describe('Part 2: one sendfile() call', () => {
  it('makes two mode switches, one CPU copy and two DMA copies, in order, on a cache miss without offloads', () => {
    expect(sendfileCallSteps(64 * KiB, 'miss', NO_OFFLOAD), see('one-call')).toEqual(expectedCall(64 * KiB, 'miss', NO_OFFLOAD));
  });

  it('needs no disk DMA (and no disk interrupt) when the file is already cached', () => {
    expect(sendfileCallSteps(64 * KiB, 'hit', NO_OFFLOAD), see('page-cache-hits')).toEqual(expectedCall(64 * KiB, 'hit', NO_OFFLOAD));
  });

  it('defaults to a cache miss on a NIC without offloads', () => {
    expect(sendfileCallSteps(512), see('one-call')).toEqual(expectedCall(512, 'miss', NO_OFFLOAD));
  });

  it('on a NIC with scatter-gather but no checksum offload, appends descriptors and adds one CPU pass for the checksum, no copy', () => {
    expect(sendfileCallSteps(8 * KiB, 'miss', SG_ONLY), see('checksum-offload')).toEqual(expectedCall(8 * KiB, 'miss', SG_ONLY));
  });

  it('copies with the CPU on a NIC that cannot gather, even with checksum offload (the copy checksums on the way)', () => {
    expect(sendfileCallSteps(8 * KiB, 'hit', CHECKSUM_ONLY), see('scatter-gather')).toEqual(expectedCall(8 * KiB, 'hit', CHECKSUM_ONLY));
  });

  it('with both offloads, appends one descriptor per 4 KiB page instead of copying, and the NIC gathers from the page cache', () => {
    expect(sendfileCallSteps(10_000, 'miss', BOTH), see('scatter-gather')).toEqual(expectedCall(10_000, 'miss', BOTH));
  });

  it('lets the NIC send after sendfile() has returned (the last DMA is async)', () => {
    const steps = sendfileCallSteps(4 * KiB, 'miss', NO_OFFLOAD);
    const nicCopy = steps.find((step) => step.kind === 'copy' && step.to === 'nic');
    expect(nicCopy, see('when-sendfile-returns')).toMatchObject({engine: 'dma', async: true});
    expect(steps.indexOf(nicCopy as Step), see('when-sendfile-returns')).toBeGreaterThan(
      steps.findIndex((step) => step.kind === 'mode-switch' && step.direction === 'kernel-to-user'),
    );
  });

  it('matches the rules for random sizes, cache states and NICs', () => {
    checkProperty(
      fc.record({
        bytes: fc.oneof(fc.integer({min: 1, max: 1 << 24}), fc.constantFrom(1, PAGE, PAGE + 1, CALL_CAP)),
        pageCache: fc.constantFrom<PageCacheState>('miss', 'hit'),
        nic: fc.record({scatterGather: fc.boolean(), checksumOffload: fc.boolean()}),
      }),
      ({bytes, pageCache, nic}) => {
        expect(
          sendfileCallSteps(bytes, pageCache, nic),
          `one call of ${bytes} bytes (${pageCache}, nic ${JSON.stringify(nic)}); ${see('one-call')}`,
        ).toEqual(expectedCall(bytes, pageCache, nic));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects 0 bytes and more than one call can move, naming `bytes`', () => {
    expectRejects(() => sendfileCallSteps(0), 'bytes', see('one-call'));
    expectRejects(() => sendfileCallSteps(CALL_CAP + 1), 'bytes', see('the-per-call-cap'));
  });

  it('moves 1 to 0x7ffff000 bytes and checks every parameter, naming it first', () => {
    const where = see('one-call');
    expect(sendfileCallSteps(CALL_CAP, 'hit', BOTH), where).toEqual(expectedCall(CALL_CAP, 'hit', BOTH));
    for (const bytes of [0, -1, 1.5, Number.NaN, CALL_CAP + 1]) expectRejects(() => sendfileCallSteps(bytes, 'miss', BOTH), 'bytes', where);
    expectRejects(() => sendfileCallSteps(4096, 'warm' as PageCacheState, BOTH), 'pageCache', see('page-cache-hits'));
    expectRejects(() => sendfileCallSteps(4096, 'hit', {scatterGather: 1, checksumOffload: true} as unknown as NicFeatures), 'nic.scatterGather', where);
    expectRejects(() => sendfileCallSteps(4096, 'hit', null as unknown as NicFeatures), 'nic', where);
  });
});

describe('Part 3: sendfileSummary, a whole file by arithmetic', () => {
  it('sends 1 GiB in one call: 2 mode switches, 1 CPU copy, 2 DMA copies (cache miss, no offloads)', () => {
    expect(sendfileSummary(GiB), see('one-call')).toEqual(expectedSummary(GiB, 'miss', NO_OFFLOAD));
  });

  it('needs three calls for 5 GiB, because one call moves at most 2,147,479,552 bytes', () => {
    expect(sendfileSummary(5 * GiB, {pageCache: 'miss', nic: NO_OFFLOAD}), see('the-per-call-cap')).toEqual(
      expectedSummary(5 * GiB, 'miss', NO_OFFLOAD),
    );
  });

  it('needs two calls for exactly twice the cap, and three for one byte more', () => {
    expect(sendfileSummary(2 * CALL_CAP).syscalls, see('the-per-call-cap')).toBe(2);
    expect(sendfileSummary(2 * CALL_CAP + 1).syscalls, see('the-per-call-cap')).toBe(3);
  });

  it('makes no CPU copy at all with scatter-gather and checksum offload', () => {
    expect(sendfileSummary(10 * MiB, {pageCache: 'hit', nic: BOTH}), see('scatter-gather')).toEqual(expectedSummary(10 * MiB, 'hit', BOTH));
  });

  it('with scatter-gather alone copies nothing but reads all 10 MiB once for the checksum', () => {
    expect(sendfileSummary(10 * MiB, {pageCache: 'hit', nic: SG_ONLY}), see('checksum-offload')).toEqual(
      expectedSummary(10 * MiB, 'hit', SG_ONLY),
    );
  });

  it('counts every byte of a 5 GiB file as sent (sentBytes), once, across its three calls', () => {
    expect(sendfileSummary(5 * GiB, {pageCache: 'hit', nic: SG_ONLY}), see('the-per-call-cap')).toEqual(
      expectedSummary(5 * GiB, 'hit', SG_ONLY),
    );
  });

  it('costs nothing for an empty file', () => {
    expect(sendfileSummary(0, {nic: BOTH}), see('one-call')).toEqual(expectedSummary(0, 'miss', BOTH));
  });

  it('matches the rules on random files, cache states and NICs', () => {
    checkProperty(
      fc.record({
        fileSize: fc.oneof(fc.nat(1 << 26), fc.nat(Number.MAX_SAFE_INTEGER)),
        pageCache: fc.constantFrom<PageCacheState>('miss', 'hit'),
        nic: fc.record({scatterGather: fc.boolean(), checksumOffload: fc.boolean()}),
      }),
      ({fileSize, pageCache, nic}) => {
        expect(
          sendfileSummary(fileSize, {pageCache, nic}),
          `fileSize=${fileSize}, pageCache=${pageCache}, nic=${JSON.stringify(nic)}; ${see('the-per-call-cap')}`,
        ).toEqual(expectedSummary(fileSize, pageCache, nic));
      },
      {chapter: CHAPTER},
    );
  });

  it('rejects a file size that is not a whole number of bytes, naming `fileSize`', () => {
    expectRejects(() => sendfileSummary(Number.NaN), 'fileSize', see('the-per-call-cap'));
    expectRejects(() => sendfileSummary(-1), 'fileSize', see('the-per-call-cap'));
  });

  it('checks the options even for an empty file, naming them first', () => {
    const where = see('the-per-call-cap');
    for (const fileSize of [-1, 0.5, Number.NaN]) expectRejects(() => sendfileSummary(fileSize), 'fileSize', where);
    for (const fileSize of [0, GiB]) {
      expectRejects(() => sendfileSummary(fileSize, {pageCache: 'warm' as PageCacheState}), 'pageCache', where);
      expectRejects(() => sendfileSummary(fileSize, {nic: {scatterGather: true} as NicFeatures}), 'nic.checksumOffload', where);
    }
  });

  it('needs exactly one call for a file of exactly 0x7ffff000 bytes, and two for one byte more', () => {
    expect(sendfileSummary(CALL_CAP, {pageCache: 'hit', nic: BOTH}), see('the-per-call-cap')).toEqual(expectedSummary(CALL_CAP, 'hit', BOTH));
    expect(sendfileSummary(CALL_CAP + 1, {pageCache: 'hit', nic: BOTH}), see('the-per-call-cap')).toEqual(
      expectedSummary(CALL_CAP + 1, 'hit', BOTH),
    );
  });
});

describe('Part 4: sendAll, the loop that sends a whole file', () => {
  it('sends a 10 MiB file in one call when nothing goes wrong', () => {
    const {result} = gradeSendAll({seed: 1, fileSize: 10 * MiB, pattern: {}}, 'a calm kernel');
    expect(result, see('short-returns')).toEqual({bytesSent: 10 * MiB, sendfileCalls: 1, eagainWaits: 0, fellBack: false});
  });

  it('loops past the per-call cap: a 5 GiB file takes three calls', () => {
    const {calls} = gradeSendAll({seed: 1, fileSize: 5 * GiB, pattern: {}}, 'a 5 GiB file');
    expect(
      calls.map((call) => (call.kind === 'sendfile' ? call.offset : null)),
      see('the-per-call-cap'),
    ).toEqual([0, CALL_CAP, 2 * CALL_CAP]);
  });

  it('advances the offset by what each short return gave', () => {
    const {calls} = gradeSendAll({seed: 11, fileSize: MiB, pattern: {shortChance: 1}}, 'every call returns short');
    expect(calls.length, see('short-returns')).toBeGreaterThan(1);
  });

  it('waits for room after every EAGAIN and never spins on a full socket buffer', () => {
    const {result} = gradeSendAll({seed: 12, fileSize: 256 * KiB, pattern: {shortChance: 0.5, eagainChance: 1}}, 'EAGAIN bursts');
    expect(result.eagainWaits, see('non-blocking-sockets')).toBeGreaterThan(0);
  });

  it('falls back to read()+write() from offset 0 when the first sendfile() returns EINVAL', () => {
    const {result, calls} = gradeSendAll(
      {seed: 13, fileSize: MiB, pattern: {refusal: {error: 'EINVAL', afterSends: 0}}},
      'EINVAL on the first call (say, out_fd opened with O_APPEND)',
    );
    expect(result, see('falling-back')).toEqual({bytesSent: MiB, sendfileCalls: 1, eagainWaits: 0, fellBack: true});
    expect(calls[1], see('falling-back')).toMatchObject({kind: 'read-write', offset: 0});
  });

  it('on ENOSYS midway, sends the rest with read()+write() from where sendfile() stopped', () => {
    const {result} = gradeSendAll(
      {seed: 14, fileSize: 3 * MiB, pattern: {shortChance: 1, refusal: {error: 'ENOSYS', afterSends: 2}}},
      'ENOSYS after two short sends',
    );
    expect(result.fellBack, see('falling-back')).toBe(true);
  });

  it('copes with short returns, EAGAIN and a refusal in the same transfer', () => {
    gradeSendAll(
      {seed: 15, fileSize: 5 * GiB, pattern: {shortChance: 0.7, eagainChance: 0.5, refusal: {error: 'EINVAL', afterSends: 3}}},
      'everything at once',
    );
  });

  it('makes no call at all for an empty file', () => {
    const {result, calls} = gradeSendAll({seed: 16, fileSize: 0, pattern: {refusal: {error: 'EINVAL', afterSends: 0}}}, 'an empty file');
    expect(calls, see('short-returns')).toEqual([]);
    expect(result, see('short-returns')).toEqual({bytesSent: 0, sendfileCalls: 0, eagainWaits: 0, fellBack: false});
  });

  it('sends every byte exactly once, in order, for random seeds and kernel patterns', () => {
    checkProperty(
      fc.record({
        seed: fc.integer(),
        fileSize: fc.oneof(fc.nat(1 << 20), fc.constantFrom(0, 1, PAGE, CALL_CAP, CALL_CAP + 1, 5 * GiB)),
        pattern: fc.record({
          shortChance: fc.double({min: 0, max: 1, noNaN: true}),
          eagainChance: fc.double({min: 0, max: 1, noNaN: true}),
          refusal: fc.option(fc.record({error: fc.constantFrom('EINVAL' as const, 'ENOSYS' as const), afterSends: fc.nat(4)}), {
            nil: null,
          }),
        }),
      }),
      (scenario) => {
        gradeSendAll(scenario, 'a random kernel');
      },
      {chapter: CHAPTER, runs: 200},
    );
  });

  it('stops with an error when sendfile() returns 0 before the end (the file got shorter), instead of spinning', () => {
    // A kernel for a file that shrank after 100 bytes: sendfile() moves 100, then returns 0.
    let sendfileCalls = 0;
    const shrinking: SimulatedKernel = {
      fileSize: 1000,
      callBudget: 3,
      sendfile: () => {
        sendfileCalls++;
        if (sendfileCalls > 3) throw new Error('the loop kept calling sendfile() after it returned 0');
        return sendfileCalls === 1 ? 100 : 0;
      },
      waitWritable: () => undefined,
      readWrite: () => 0,
      calls: () => [],
    };
    let thrown: unknown = null;
    try {
      sendAll(shrinking, 1000);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, `sendAll returned normally; ${see('short-returns')}`).toBeInstanceOf(Error);
    expect((thrown as Error).message.trim(), `the error must say what happened (the file got shorter); ${see('short-returns')}`).not.toBe('');
    expect(sendfileCalls, `sendfile() calls after the 0: stop at the first one; ${see('short-returns')}`).toBe(2);
  });

  it('rejects a file size that is not a whole number of bytes, naming `fileSize` first', () => {
    for (const fileSize of [-1, 0.5, Number.NaN]) {
      expectRejects(() => sendAll(createSimulatedKernel({seed: 1, fileSize: 10}), fileSize), 'fileSize', see('short-returns'));
    }
  });
});
