// The model against the real kernel (ARCHITECTURE.md, "The model meets the kernel"). For each
// method the model has, the lab's C program moves a file to a TCP socket on 127.0.0.1 under
// strace, and the system calls of its data path (between its two getppid() markers) must equal,
// name by name, the calls in the model's trace for the same file size and buffer. If they
// differ, the model is wrong (or the program no longer does what the chapter describes).
// Skipped, with the reason printed, where the machine is not Linux or lacks cc or strace.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileC, type Compiled} from '../../lab/compile';
import {findTools, machineFacts, notLinuxMessage} from '../../lab/platform';
import {run} from '../../lab/process';
import {interpretRun} from '../../lab/programs';
import {type Sink, startSink} from '../../lab/sink';
import {straceDataPath, straceUnusableReason} from '../../lab/strace';
import {mmapWriteSummary, mmapWriteTrace} from '../../src/model/mmap-nio';
import {readWriteSummary, readWriteTrace} from '../../src/model/read-write';
import {sendfileSummary, sendfileTrace} from '../../src/model/sendfile';
import {spliceSummary, spliceTrace} from '../../src/model/splice';
import type {Trace} from '../../src/model/types';
import {LOOPBACK_NIC} from '../../src/model/lab-compare';
import {ETHTOOL_FEATURE_NAMES, NIC_FEATURES} from '../../src/model/nic-features';
import {KiB, MiB} from '../../src/model/units';

function skipReason(): string | null {
  const notLinux = notLinuxMessage();
  if (notLinux !== null) return notLinux;
  const tools = findTools();
  if (tools.cc === null) return 'no C compiler (cc); install it with: sudo apt-get install build-essential';
  if (tools.strace === null) return 'no strace; install it with: sudo apt-get install strace';
  return straceUnusableReason();
}

const reason = skipReason();
if (reason !== null) console.warn(`\n[lab] The model-against-kernel tests are skipped: ${reason}\n`);
const title = (text: string): string => (reason === null ? text : `${text} (skipped: ${reason})`);

/** The model's system calls by name: every user-to-kernel mode switch in a fully listed trace. */
function modelCalls(trace: Trace): Record<string, number> {
  if (trace.omitted !== null) throw new Error('The trace must list every chunk to count calls by name; use a smaller case');
  const counts: Record<string, number> = {};
  for (const chunk of trace.chunks) {
    for (const step of chunk.steps) {
      if (step.kind === 'mode-switch' && step.direction === 'user-to-kernel') counts[step.syscall] = (counts[step.syscall] ?? 0) + 1;
    }
  }
  return counts;
}

const ALL_CHUNKS = {listedChunks: 1000};

let dir = '';
let compiled: Compiled = {programs: {}, failures: {}};
let sink: Sink | null = null;

function program(name: keyof Compiled['programs']): string {
  const executable = compiled.programs[name];
  if (executable === undefined) throw new Error(`lab/c/${name}.c did not compile: ${compiled.failures[name] ?? 'unknown reason'}`);
  return executable;
}

/** A file of `bytes` bytes in the temp dir (its content does not matter to the counts). */
function sourceFile(bytes: number): string {
  const file = path.join(dir, `source-${bytes}.bin`);
  writeFileSync(file, Buffer.alloc(bytes, 0x5a));
  return file;
}

async function kernelCalls(name: 'read_write' | 'sendfile' | 'mmap_write' | 'splice', fileBytes: number, extra: readonly string[] = []) {
  const args = [sourceFile(fileBytes), String(sink?.port), 'warm', ...extra];
  const traced = await straceDataPath(program(name), args, path.join(dir, `${name}-${fileBytes}.strace`));
  const outcome = interpretRun(traced.result, name);
  if (outcome.kind !== 'ok') throw new Error(outcome.reason);
  expect(outcome.report.bytes, 'the program sent the whole file').toBe(fileBytes);
  return traced.counts;
}

/** The failure message: which side is which, and where to look. */
const SAYS = "system calls strace saw in the program's data path (received) against the model's trace (expected); if they differ, fix the model or say on the page what the lab measures differently";

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

describe.skipIf(reason !== null)(title('The model against this machine\'s kernel'), () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zero-copy-lab-test-'));
    compiled = await compileC(dir);
    sink = await startSink(program('sink'));
  }, 60_000);

  afterAll(() => {
    sink?.stop();
    if (dir !== '') rmSync(dir, {recursive: true, force: true});
  });

  describe('read()+write(): strace sees the calls the model predicts', () => {
    const cases: readonly [number, number][] = [
      [0, 4 * KiB],
      [1, 4 * KiB],
      [64 * KiB, 4 * KiB],
      [MiB + 1, 64 * KiB],
      [100_000, 3000],
    ];
    for (const [fileBytes, bufferBytes] of cases) {
      it(`${fileBytes} bytes with a ${bufferBytes}-byte buffer`, async () => {
        const kernel = await kernelCalls('read_write', fileBytes, [String(bufferBytes)]);
        expect(kernel, SAYS).toEqual(modelCalls(readWriteTrace(fileBytes, bufferBytes, ALL_CHUNKS)));
        expect(total(kernel), "all data-path calls against the model's summary.syscalls").toBe(readWriteSummary(fileBytes, bufferBytes, 'hit').syscalls);
      });
    }
  });

  describe('sendfile(): one call per file up to 0x7ffff000 bytes', () => {
    for (const fileBytes of [0, 1, 3 * MiB, 16 * MiB]) {
      it(`${fileBytes} bytes`, async () => {
        const kernel = await kernelCalls('sendfile', fileBytes);
        expect(kernel, SAYS).toEqual(modelCalls(sendfileTrace(fileBytes, {pageCache: 'hit', ...ALL_CHUNKS})));
        expect(total(kernel), "all data-path calls against the model's summary.syscalls").toBe(sendfileSummary(fileBytes, {pageCache: 'hit'}).syscalls);
      });
    }
  });

  describe('mmap()+write(): mmap, one write for the whole mapping, munmap', () => {
    for (const fileBytes of [0, 1, 3 * 4096 + 5, 8 * MiB]) {
      it(`${fileBytes} bytes`, async () => {
        const kernel = await kernelCalls('mmap_write', fileBytes);
        expect(kernel, SAYS).toEqual(modelCalls(mmapWriteTrace(fileBytes, {pageCache: 'hit', ...ALL_CHUNKS})));
        expect(total(kernel), "all data-path calls against the model's summary.syscalls").toBe(mmapWriteSummary(fileBytes, {pageCache: 'hit'}).syscalls);
      });
    }
  });

  describe('splice(): file to pipe, pipe to socket, one pipe (64 KiB) per round', () => {
    // A round is two calls; the last round carries the rest. The socket takes all the pipe holds
    // on loopback; a short splice would add calls, and the test would say so.
    for (const fileBytes of [0, 1, 64 * KiB, 64 * KiB + 1, MiB + 5, 3 * MiB]) {
      it(`${fileBytes} bytes`, async () => {
        const kernel = await kernelCalls('splice', fileBytes);
        expect(kernel, SAYS).toEqual(modelCalls(spliceTrace(fileBytes, {pageCache: 'hit', ...ALL_CHUNKS})));
        expect(total(kernel), "all data-path calls against the model's summary.syscalls").toBe(spliceSummary(fileBytes, {pageCache: 'hit'}).syscalls);
      });
    }
  });


  it('loopback has the offloads the model assumes for it (ethtool -k lo)', (context) => {
    const tools = findTools();
    if (tools.ethtool === null) {
      console.warn('[lab] Loopback offload test skipped: no ethtool; install it with: sudo apt-get install ethtool');
      context.skip();
      return;
    }
    const features = machineFacts(tools, dir).loopbackFeatures;
    expect(features, 'ethtool -k lo printed features').not.toBeNull();
    for (const feature of NIC_FEATURES) {
      const state = features?.[ETHTOOL_FEATURE_NAMES[feature]] ?? 'missing';
      expect(state.startsWith('on'), `${ETHTOOL_FEATURE_NAMES[feature]} is "${state}"; the lab page prices loopback with it on`).toBe(LOOPBACK_NIC[feature]);
    }
  });

  describe('send(MSG_ZEROCOPY) on loopback', () => {
    it('gets a completion for every send, each marked "copied", as the chapter says', async (context) => {
      const finished = await run(program('msg_zerocopy'), [sourceFile(MiB), String(sink?.port), 'warm', String(64 * KiB)], {
        timeoutMs: 30_000,
      });
      const outcome = interpretRun(finished, 'msg_zerocopy');
      if (outcome.kind === 'unsupported') {
        console.warn(`[lab] MSG_ZEROCOPY test skipped: ${outcome.reason}`);
        context.skip();
        return;
      }
      if (outcome.kind === 'failed') throw new Error(outcome.reason);
      const zerocopy = outcome.report.zerocopy;
      expect(zerocopy?.sends, '16 sends of 64 KiB for 1 MiB').toBe(16);
      expect(zerocopy?.completed, 'every send completed').toBe(zerocopy?.sends);
      expect(zerocopy?.copied, 'loopback always copies').toBe(zerocopy?.completed);
    });
  });
});
