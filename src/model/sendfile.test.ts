import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  CALM_PATTERN,
  DEFAULT_NIC,
  EAGAIN_BURST_LIMIT,
  auditSendLoop,
  createSimulatedKernel,
  sendAll,
  sendfileCallSteps,
  sendfileSummary,
  sendfileTrace,
  zeroCopyCapable,
  type KernelPattern,
  type NicFeatures,
  type SimulatedKernel,
} from './sendfile';
import {transferSummary, transferTrace} from './methods';
import {summarizeSteps, summarizeTrace} from './summary';
import type {PageCacheState} from './types';
import {GiB, KiB, MAX_RW_COUNT, MiB} from './units';
import {ModelInputError} from './validate';

const FULL_OFFLOAD: NicFeatures = {scatterGather: true, checksumOffload: true};
const SG_ONLY: NicFeatures = {scatterGather: true, checksumOffload: false};

const nics = fc.record({scatterGather: fc.boolean(), checksumOffload: fc.boolean()});
const cacheStates = fc.constantFrom<PageCacheState>('miss', 'hit');
const patterns: fc.Arbitrary<KernelPattern> = fc.record({
  shortChance: fc.double({min: 0, max: 1, noNaN: true}),
  eagainChance: fc.double({min: 0, max: 1, noNaN: true}),
  refusal: fc.option(
    fc.record({error: fc.constantFrom('EINVAL' as const, 'ENOSYS' as const), afterSends: fc.nat(4)}),
    {nil: null},
  ),
});
const fileSizes = fc.oneof(fc.nat(1 << 20), fc.constantFrom(0, 1, MAX_RW_COUNT, MAX_RW_COUNT + 1, 5 * GiB));

describe('zeroCopyCapable: the NIC needs scatter-gather and checksum offload', () => {
  it('is true only with both features', () => {
    expect(zeroCopyCapable(FULL_OFFLOAD)).toBe(true);
    expect(zeroCopyCapable(SG_ONLY)).toBe(false);
    expect(zeroCopyCapable({scatterGather: false, checksumOffload: true})).toBe(false);
    expect(zeroCopyCapable(DEFAULT_NIC)).toBe(false);
  });

  it('names the field that is not a boolean', () => {
    expect(() => zeroCopyCapable({scatterGather: 'yes', checksumOffload: true} as unknown as NicFeatures)).toThrow(
      'nic.scatterGather must be true or false; got "yes"',
    );
    expect(() => zeroCopyCapable(null as unknown as NicFeatures)).toThrow(/nic must be an object/);
  });
});

describe('one sendfile() call', () => {
  it('makes two mode switches, one CPU copy and two DMA copies on a cache miss without offloads', () => {
    expect(summarizeSteps(sendfileCallSteps(64 * KiB))).toEqual({
      cpuCopies: 1,
      dmaCopies: 2,
      cpuBytes: 64 * KiB,
      dmaBytes: 128 * KiB,
      cpuPasses: 0,
      cpuPassBytes: 0,
      sentBytes: 64 * KiB,
      modeSwitches: 2,
      syscalls: 1,
      interrupts: 2,
      pageFaults: 0,
    });
  });

  // Since 4.17 TCP always queues page references (sk_setup_caps() gives every socket SG and
  // HW_CSUM for GSO); a NIC that gathers but cannot checksum costs a software checksum at transmit.
  it('copies nothing but reads every byte once for the checksum when the NIC gathers without checksum offload', () => {
    const steps = sendfileCallSteps(10_000, 'hit', SG_ONLY);
    expect(steps).toEqual([
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
      {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes: 10_000, descriptors: 3, syscall: 'sendfile'},
      {kind: 'cpu-pass', purpose: 'checksum', region: 'page-cache', bytes: 10_000, syscall: 'sendfile'},
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
      {kind: 'copy', engine: 'dma', from: 'page-cache', to: 'nic', bytes: 10_000, syscall: 'sendfile', async: true},
      {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
    ]);
    expect(summarizeSteps(steps)).toMatchObject({cpuCopies: 0, cpuBytes: 0, cpuPasses: 1, cpuPassBytes: 10_000});
  });

  it('makes one CPU copy, and no separate pass, when the NIC cannot gather, with or without checksum offload', () => {
    for (const nic of [DEFAULT_NIC, {scatterGather: false, checksumOffload: true}]) {
      expect(summarizeSteps(sendfileCallSteps(4 * KiB, 'hit', nic))).toMatchObject({cpuCopies: 1, cpuBytes: 4 * KiB, cpuPasses: 0});
    }
  });

  it('appends one descriptor per page instead of copying, and lets the NIC gather from the page cache', () => {
    const steps = sendfileCallSteps(10_000, 'hit', FULL_OFFLOAD);
    expect(steps).toEqual([
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'sendfile'},
      {kind: 'descriptor', from: 'page-cache', to: 'socket-buffer', bytes: 10_000, descriptors: 3, syscall: 'sendfile'},
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'sendfile'},
      {kind: 'copy', engine: 'dma', from: 'page-cache', to: 'nic', bytes: 10_000, syscall: 'sendfile', async: true},
      {kind: 'interrupt', source: 'nic', syscall: 'sendfile'},
    ]);
    expect(summarizeSteps(steps)).toMatchObject({cpuCopies: 0, cpuBytes: 0, dmaCopies: 1});
  });

  it('sends the NIC DMA after the call has returned', () => {
    const steps = sendfileCallSteps(100);
    const lastReturn = steps.findLastIndex((s) => s.kind === 'mode-switch');
    const nic = steps.findIndex((s) => s.kind === 'copy' && s.to === 'nic');
    expect(nic).toBeGreaterThan(lastReturn);
    expect(steps[nic]).toMatchObject({async: true});
  });

  it('never puts bytes in a user buffer', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: MAX_RW_COUNT}), cacheStates, nics, (bytes, pageCache, nic) => {
        const steps = sendfileCallSteps(bytes, pageCache, nic);
        const touchesUser = (s: (typeof steps)[number]) =>
          (s.kind === 'copy' || s.kind === 'descriptor') && (s.from === 'user-buffer' || s.to === 'user-buffer');
        expect(steps.some(touchesUser)).toBe(false);
      }),
    );
  });
});

describe('sendfile() over a whole file', () => {
  it('needs one call for 1 GiB and three for 5 GiB (a call moves at most 2,147,479,552 bytes)', () => {
    expect(sendfileSummary(GiB).syscalls).toBe(1);
    expect(sendfileSummary(5 * GiB)).toMatchObject({syscalls: 3, modeSwitches: 6, cpuCopies: 3, cpuBytes: 5 * GiB});
    expect(sendfileSummary(2 * MAX_RW_COUNT).syscalls).toBe(2);
    expect(sendfileSummary(2 * MAX_RW_COUNT + 1).syscalls).toBe(3);
  });

  it('costs nothing for an empty file', () => {
    expect(sendfileSummary(0)).toEqual(summarizeTrace(sendfileTrace(0)));
    expect(sendfileSummary(0).syscalls).toBe(0);
  });

  it('aggregates the trace of a big file (10 GiB is six calls: 4 KiB short of 2 GiB each)', () => {
    const trace = sendfileTrace(10 * GiB, {listedChunks: 2});
    expect(trace.chunks.map((c) => c.bytes)).toEqual([MAX_RW_COUNT, MAX_RW_COUNT]);
    expect(trace.omitted).toMatchObject({chunks: 4, bytes: 10 * GiB - 2 * MAX_RW_COUNT});
  });

  it('agrees with its own trace, conserves bytes and counts ceil(size / MAX_RW_COUNT) calls', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(1 << 24), fc.nat(Number.MAX_SAFE_INTEGER)), cacheStates, nics, fc.nat(6), (fileSize, pageCache, nic, listed) => {
        const summary = sendfileSummary(fileSize, {pageCache, nic});
        const trace = sendfileTrace(fileSize, {pageCache, nic, listedChunks: listed});
        expect(summarizeTrace(trace)).toEqual(summary);
        const listedBytes = trace.chunks.reduce((n, c) => n + c.bytes, 0);
        expect(listedBytes + (trace.omitted?.bytes ?? 0)).toBe(fileSize);
        const calls = Math.ceil(fileSize / MAX_RW_COUNT);
        expect(summary.syscalls).toBe(calls);
        expect(summary.modeSwitches).toBe(2 * calls);
        expect(summary.cpuBytes).toBe(nic.scatterGather ? 0 : fileSize);
        expect(summary.cpuPassBytes).toBe(nic.scatterGather && !nic.checksumOffload ? fileSize : 0);
        expect(summary.sentBytes).toBe(fileSize);
        expect(summary.dmaBytes).toBe((pageCache === 'miss' ? 2 : 1) * fileSize);
        expect(summary.cpuCopies === 0).toBe(fileSize === 0 || nic.scatterGather);
        expect(summary.cpuCopies + summary.cpuPasses === 0).toBe(fileSize === 0 || zeroCopyCapable(nic));
      }),
    );
  });

  it('is offered to components through the method registry', () => {
    const input = {fileSize: 10 * MiB, bufferSize: 4 * KiB, pageCache: 'hit' as const, nic: FULL_OFFLOAD};
    expect(transferSummary('sendfile', input)).toEqual(sendfileSummary(10 * MiB, {pageCache: 'hit', nic: FULL_OFFLOAD}));
    expect(transferTrace('sendfile', {...input, nic: undefined}).chunks[0].steps).toEqual(sendfileCallSteps(10 * MiB, 'hit'));
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => sendfileSummary(-5)).toThrow('fileSize must be a whole number of bytes from 0 to 9,007,199,254,740,991; got -5');
    expect(() => sendfileCallSteps(0)).toThrow(/bytes must be a whole number of bytes from 1 to 2,147,479,552; got 0/);
    expect(() => sendfileCallSteps(MAX_RW_COUNT + 1)).toThrow(ModelInputError);
    expect(() => sendfileSummary(10, {pageCache: 'warm' as PageCacheState})).toThrow(/pageCache must be one of "miss", "hit"; got "warm"/);
    expect(() => sendfileSummary(0, {nic: {scatterGather: true} as NicFeatures})).toThrow(/nic.checksumOffload/);
    expect(() => sendfileTrace(10, {listedChunks: -1})).toThrow(/listedChunks/);
  });
});

describe('the simulated kernel', () => {
  it('sends everything it may at once when calm, capped at MAX_RW_COUNT', () => {
    const kernel = createSimulatedKernel({seed: 1, fileSize: 5 * GiB});
    expect(kernel.sendfile(0, 5 * GiB)).toBe(MAX_RW_COUNT);
    expect(kernel.sendfile(5 * GiB - 10, 100)).toBe(10);
    expect(kernel.sendfile(5 * GiB, 100)).toBe(0);
  });

  it('never returns more than min(count, MAX_RW_COUNT, bytes left), and gives the same answers for the same seed', () => {
    const requestLists = fc.array(fc.tuple(fc.nat(6 * GiB), fc.nat(6 * GiB)), {maxLength: 20});
    fc.assert(
      fc.property(fc.integer(), fileSizes, patterns, requestLists, (seed, fileSize, pattern, requests) => {
        const run = () => {
          const kernel = createSimulatedKernel({seed, fileSize, pattern});
          return requests.map(([offset, count]) => {
            const result = kernel.sendfile(offset, count);
            if (typeof result === 'number') {
              expect(result).toBeGreaterThanOrEqual(0);
              expect(result).toBeLessThanOrEqual(Math.max(0, Math.min(count, MAX_RW_COUNT, fileSize - offset)));
            } else if (result.error === 'EAGAIN') {
              kernel.waitWritable();
            }
            return result;
          });
        };
        expect(run()).toEqual(run());
      }),
    );
  });

  it('returns EAGAIN again to a loop that does not wait, and at most a few EAGAINs in a row to one that does', () => {
    const kernel = createSimulatedKernel({seed: 7, fileSize: MiB, pattern: {eagainChance: 1}});
    expect(kernel.sendfile(0, MiB)).toEqual({error: 'EAGAIN'});
    expect(kernel.sendfile(0, MiB)).toEqual({error: 'EAGAIN'});
    kernel.waitWritable();
    for (let i = 1; i < EAGAIN_BURST_LIMIT; i++) {
      expect(kernel.sendfile(0, MiB)).toEqual({error: 'EAGAIN'});
      kernel.waitWritable();
    }
    expect(kernel.sendfile(0, MiB)).toBe(MiB);
  });

  it('refuses with EINVAL or ENOSYS after the given number of sends, and keeps refusing', () => {
    const kernel = createSimulatedKernel({seed: 3, fileSize: 100, pattern: {refusal: {error: 'ENOSYS', afterSends: 1}}});
    expect(kernel.sendfile(0, 40)).toBe(40);
    expect(kernel.sendfile(40, 60)).toEqual({error: 'ENOSYS'});
    expect(kernel.sendfile(40, 60)).toEqual({error: 'ENOSYS'});
    expect(kernel.readWrite(40, 60)).toBe(60);
  });

  it('stops a spinning loop with a message naming the rule it broke', () => {
    const kernel = createSimulatedKernel({seed: 7, fileSize: MiB, pattern: {eagainChance: 1}, callBudget: 50});
    const spin = () => {
      for (;;) kernel.sendfile(0, MiB);
    };
    expect(spin).toThrow(/stopped the loop at call #51.*call #2, sendfile\(offset 0, count 1,048,576\): .*spinning/);
  });

  it('rejects a bad seed, pattern or call', () => {
    expect(() => createSimulatedKernel({seed: 1.5, fileSize: 1})).toThrow('seed must be a whole number; got 1.5');
    expect(() => createSimulatedKernel({seed: 1, fileSize: 1, pattern: {shortChance: 2}})).toThrow(
      'pattern.shortChance must be a chance from 0 to 1; got 2',
    );
    expect(() => createSimulatedKernel({seed: 1, fileSize: 1, pattern: {refusal: {error: 'EPIPE' as 'EINVAL', afterSends: 0}}})).toThrow(
      /pattern.refusal.error/,
    );
    expect(() => createSimulatedKernel({seed: 1, fileSize: 1}).sendfile(-1, 1)).toThrow(/offset .* got -1/);
    expect(() => createSimulatedKernel({seed: 1, fileSize: 1}).readWrite(0, Number.NaN)).toThrow(/count .* got NaN/);
  });
});

describe('sendAll: the sending loop', () => {
  it('makes one call for a 10 MiB file on a calm kernel, and three for 5 GiB', () => {
    expect(sendAll(createSimulatedKernel({seed: 1, fileSize: 10 * MiB}), 10 * MiB)).toEqual({
      bytesSent: 10 * MiB,
      sendfileCalls: 1,
      eagainWaits: 0,
      fellBack: false,
    });
    expect(sendAll(createSimulatedKernel({seed: 1, fileSize: 5 * GiB}), 5 * GiB).sendfileCalls).toBe(3);
  });

  it('makes no call for an empty file', () => {
    const kernel = createSimulatedKernel({seed: 1, fileSize: 0, pattern: {refusal: {error: 'EINVAL', afterSends: 0}}});
    expect(sendAll(kernel, 0)).toEqual({bytesSent: 0, sendfileCalls: 0, eagainWaits: 0, fellBack: false});
    expect(kernel.calls()).toEqual([]);
  });

  it('falls back to read()+write() from offset 0 when the first call says EINVAL', () => {
    const kernel = createSimulatedKernel({seed: 1, fileSize: MiB, pattern: {refusal: {error: 'EINVAL', afterSends: 0}}});
    expect(sendAll(kernel, MiB)).toEqual({bytesSent: MiB, sendfileCalls: 1, eagainWaits: 0, fellBack: true});
    expect(kernel.calls()[1]).toEqual({kind: 'read-write', offset: 0, count: MiB, result: MiB});
  });

  it('sends every byte exactly once, in order, for random seeds and patterns', () => {
    fc.assert(
      fc.property(fc.integer(), fileSizes, patterns, (seed, fileSize, pattern) => {
        const kernel = createSimulatedKernel({seed, fileSize, pattern});
        const result = sendAll(kernel, fileSize);
        const calls = kernel.calls();
        expect(auditSendLoop(calls, fileSize)).toBeNull();
        expect(result).toEqual({
          bytesSent: fileSize,
          sendfileCalls: calls.filter((c) => c.kind === 'sendfile').length,
          eagainWaits: calls.filter((c) => c.kind === 'wait-writable').length,
          fellBack: calls.some((c) => c.kind === 'read-write'),
        });
        if (pattern.shortChance === 0 && pattern.eagainChance === 0 && pattern.refusal === null) {
          expect(result.sendfileCalls).toBe(Math.ceil(fileSize / MAX_RW_COUNT));
        }
      }),
      {numRuns: 200},
    );
  });
});

describe('auditSendLoop: the rules a sending loop is judged by', () => {
  // Loops with one mistake each, run until they finish or the kernel stops them.
  function runLoop(kernel: SimulatedKernel, loop: (kernel: SimulatedKernel) => void) {
    try {
      loop(kernel);
    } catch {
      // The call budget stopped it; the record is what matters.
    }
    return auditSendLoop(kernel.calls(), kernel.fileSize);
  }

  it('catches a loop that ignores the count sendfile() returned', () => {
    const kernel = createSimulatedKernel({seed: 5, fileSize: MiB, pattern: {shortChance: 1}, callBudget: 100});
    const mistake = runLoop(kernel, (k) => {
      for (let offset = 0; offset < MiB; offset += 64 * KiB) k.sendfile(offset, MiB - offset);
    });
    expect(mistake).toMatchObject({rule: 'wrong-offset', call: 2});
    expect(mistake?.message).toMatch(/sent twice|skipped/);
  });

  it('catches a loop that restarts from 0 after falling back', () => {
    const kernel = createSimulatedKernel({seed: 5, fileSize: MiB, pattern: {shortChance: 1, refusal: {error: 'ENOSYS', afterSends: 2}}});
    const mistake = runLoop(kernel, (k) => {
      let offset = 0;
      for (;;) {
        const result = k.sendfile(offset, MiB - offset);
        if (typeof result !== 'number') break;
        offset += result;
      }
      for (offset = 0; offset < MiB; ) offset += k.readWrite(offset, MiB - offset);
    });
    expect(mistake).toMatchObject({rule: 'wrong-offset', call: 4});
    expect(mistake?.message).toMatch(/sent twice/);
  });

  it('catches spinning, waiting without EAGAIN, retrying after EINVAL, early fallback, small counts, extra calls and stopping early', () => {
    const ruleBroken = (fileSize: number, pattern: Partial<KernelPattern>, loop: (k: SimulatedKernel) => void) =>
      runLoop(createSimulatedKernel({seed: 9, fileSize, pattern, callBudget: 20}), loop)?.rule;
    expect(ruleBroken(100, {eagainChance: 1}, (k) => [k.sendfile(0, 100), k.sendfile(0, 100)])).toBe('spinning-on-eagain');
    expect(ruleBroken(100, CALM_PATTERN, (k) => [k.waitWritable()])).toBe('wait-without-eagain');
    expect(ruleBroken(100, {refusal: {error: 'EINVAL', afterSends: 0}}, (k) => [k.sendfile(0, 100), k.sendfile(0, 100)])).toBe(
      'sendfile-after-refusal',
    );
    expect(ruleBroken(100, CALM_PATTERN, (k) => [k.readWrite(0, 100)])).toBe('fallback-without-refusal');
    expect(ruleBroken(100, CALM_PATTERN, (k) => [k.sendfile(0, 10)])).toBe('count-too-small');
    expect(ruleBroken(100, CALM_PATTERN, (k) => [k.sendfile(0, 100), k.sendfile(100, 0)])).toBe('call-after-completion');
    expect(ruleBroken(100, {shortChance: 1}, (k) => [k.sendfile(0, 100)])).toBe('incomplete');
    expect(ruleBroken(100, CALM_PATTERN, (k) => [k.sendfile(0, MAX_RW_COUNT)])).toBeUndefined();
  });
});
