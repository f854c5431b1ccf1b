import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_READAHEAD_PAGES,
  JAVA_INT_MAX,
  MAPPED_TRANSFER_SIZE,
  TRANSFER_LOOP_BUFFER,
  clear,
  compact,
  createByteBuffer,
  createSimulatedChannel,
  flip,
  get,
  mark,
  mmapWriteSteps,
  mmapWriteSummary,
  mmapWriteTrace,
  pageFaultsFor,
  put,
  remaining,
  reset,
  rewind,
  setLimit,
  setPosition,
  transferAll,
  transferToPath,
  type ByteBufferState,
  type TransferToChannel,
} from './mmap-nio';
import {transferSummary, transferTrace} from './methods';
import {summarizeSteps, summarizeTrace} from './summary';
import {GiB, KiB, MAX_RW_COUNT, MiB, PAGE_SIZE} from './units';
import {ModelInputError} from './validate';

function nameOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
  return 'no error';
}

const range = (n: number): number[] => Array.from({length: n}, (_, i) => i);

describe('mmap() + write() of a 10 MiB file in one write()', () => {
  it('makes three copies, one of them by the CPU, and four mode switches plus two for munmap()', () => {
    expect(mmapWriteSummary(10 * MiB)).toEqual({
      cpuCopies: 1,
      dmaCopies: 2,
      cpuBytes: 10 * MiB,
      dmaBytes: 20 * MiB,
      modeSwitches: 6,
      syscalls: 3,
      interrupts: 2,
      pageFaults: 80,
    });
  });

  it('maps first, faults inside write(), copies once, unmaps, then lets the NIC send', () => {
    const steps = mmapWriteSteps(10 * MiB, 0);
    expect(steps.map((s) => (s.kind === 'mode-switch' ? `${s.syscall}:${s.direction}` : s.kind))).toEqual([
      'mmap:user-to-kernel',
      'mmap:kernel-to-user',
      'write:user-to-kernel',
      'page-fault',
      'copy',
      'interrupt',
      'copy',
      'write:kernel-to-user',
      'munmap:user-to-kernel',
      'munmap:kernel-to-user',
      'copy',
      'interrupt',
    ]);
    expect(steps[3]).toEqual({kind: 'page-fault', pages: 80, major: true, syscall: 'write'});
    expect(steps[6]).toMatchObject({engine: 'cpu', from: 'page-cache', to: 'socket-buffer', bytes: 10 * MiB});
    expect(steps[10]).toMatchObject({engine: 'dma', to: 'nic', async: true});
  });

  it('takes minor faults and no disk DMA on a warm cache', () => {
    expect(mmapWriteSummary(10 * MiB, {pageCache: 'hit'})).toMatchObject({dmaCopies: 1, dmaBytes: 10 * MiB, interrupts: 1, pageFaults: 80});
    const fault = mmapWriteSteps(10 * MiB, 0, {pageCache: 'hit'}).find((s) => s.kind === 'page-fault');
    expect(fault).toEqual({kind: 'page-fault', pages: 80, major: false, syscall: 'write'});
  });

  it('takes one fault per page without readahead', () => {
    expect(mmapWriteSummary(10 * MiB, {readaheadPages: 1}).pageFaults).toBe((10 * MiB) / PAGE_SIZE);
  });

  it('reads a whole readahead window on the fault, even past the end of a short write()', () => {
    const steps = mmapWriteSteps(300_000, 0, {writeChunk: 100_000});
    expect(steps.find((s) => s.kind === 'copy' && s.from === 'disk')).toMatchObject({bytes: 128 * KiB});
    // The second write() starts at byte 100,000: its pages came with the first window, except
    // the window that starts at 131,072.
    expect(summarizeSteps(mmapWriteSteps(300_000, 1, {writeChunk: 100_000}))).toMatchObject({pageFaults: 1, dmaBytes: 100_000 + (262_144 - 131_072)});
  });

  it('clips the last window at the end of the file (the tail of the last page is zero-filled, not read)', () => {
    const steps = mmapWriteSteps(5000, 0);
    expect(steps.find((s) => s.kind === 'copy' && s.from === 'disk')).toMatchObject({bytes: 5000});
  });

  it('counts 1 GiB sent 64 KiB at a time by arithmetic, and aggregates its trace', () => {
    const options = {writeChunk: 64 * KiB};
    const summary = mmapWriteSummary(GiB, options);
    expect(summary).toMatchObject({cpuCopies: 16_384, syscalls: 16_386, pageFaults: 8192, dmaCopies: 16_384 + 8192});
    const trace = mmapWriteTrace(GiB, options);
    expect(trace.chunks).toHaveLength(3);
    expect(trace.omitted?.chunks).toBe(16_381);
    expect(summarizeTrace(trace)).toEqual(summary);
  });

  it('does nothing for an empty file', () => {
    expect(mmapWriteSummary(0).syscalls).toBe(0);
    expect(mmapWriteTrace(0)).toEqual({chunks: [], omitted: null});
    expect(() => mmapWriteSteps(0, 0)).toThrow(/empty file/);
  });

  it('agrees with its own fully listed trace, with one CPU copy per write() chunk', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1 << 24}),
        fc.integer({min: 1, max: 1 << 20}),
        fc.integer({min: 1, max: 64}),
        fc.constantFrom('miss' as const, 'hit' as const),
        (fileSize, writeChunk, readaheadPages, pageCache) => {
          fc.pre(Math.ceil(fileSize / writeChunk) <= 1000);
          const options = {writeChunk, readaheadPages, pageCache};
          const trace = mmapWriteTrace(fileSize, {...options, listedChunks: 1000});
          expect(trace.omitted).toBeNull();
          expect(summarizeTrace(trace)).toEqual(mmapWriteSummary(fileSize, options));
          for (const chunk of trace.chunks) {
            const cpu = chunk.steps.filter((s) => s.kind === 'copy' && s.engine === 'cpu');
            expect(cpu).toEqual([expect.objectContaining({bytes: chunk.bytes, from: 'page-cache', to: 'socket-buffer'})]);
          }
        },
      ),
    );
  });

  it('agrees with an aggregated trace for any listing', () => {
    fc.assert(
      fc.property(fc.nat(1 << 26), fc.integer({min: 1, max: 1 << 16}), fc.nat(5), (fileSize, writeChunk, listedChunks) => {
        const trace = mmapWriteTrace(fileSize, {writeChunk, listedChunks});
        expect(summarizeTrace(trace)).toEqual(mmapWriteSummary(fileSize, {writeChunk}));
        expect(trace.chunks.reduce((n, c) => n + c.bytes, 0) + (trace.omitted?.bytes ?? 0)).toBe(fileSize);
      }),
    );
  });

  it('takes as many faults as pageFaultsFor counts for the same sequential touches', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 300 * PAGE_SIZE}), fc.integer({min: 1, max: 40}), (fileSize, readaheadPages) => {
        const pages = Math.ceil(fileSize / PAGE_SIZE);
        expect(mmapWriteSummary(fileSize, {readaheadPages}).pageFaults).toBe(pageFaultsFor(range(pages), {readaheadPages}).faults);
      }),
    );
  });

  it('is listed in the method registry', () => {
    const input = {fileSize: 10 * MiB, bufferSize: 64 * KiB, pageCache: 'miss' as const};
    expect(transferSummary('mmap-write', input)).toEqual(mmapWriteSummary(10 * MiB, {writeChunk: 64 * KiB}));
    expect(transferTrace('mmap-write', input).chunks).toHaveLength(3);
  });

  it('names the parameter, the value and the range when input is bad', () => {
    expect(() => mmapWriteSummary(-5)).toThrow('fileSize must be a whole number of bytes from 0 to 9,007,199,254,740,991; got -5');
    expect(() => mmapWriteSummary(10, {readaheadPages: 0})).toThrow(/readaheadPages .* from 1 to 65,536; got 0/);
    expect(() => mmapWriteSummary(10, {writeChunk: MAX_RW_COUNT + 1})).toThrow(/writeChunk .*2,147,479,552/);
    expect(() => mmapWriteSteps(10_000, 3, {writeChunk: 4096})).toThrow('chunkIndex must be a whole number of chunks from 0 to 2; got 3');
    expect(() => mmapWriteSummary(10, {pageCache: 'warm' as 'hit'})).toThrow(ModelInputError);
  });
});

describe('page faults for an access pattern', () => {
  it('faults once per readahead window when pages are touched in order', () => {
    expect(pageFaultsFor(range(10), {readaheadPages: 4})).toEqual({faults: 3, major: 3, minor: 0, faultPages: [0, 4, 8]});
  });

  it('faults on every new page when they are touched at random', () => {
    expect(pageFaultsFor([9, 3, 7, 1, 3, 9], {readaheadPages: 4})).toEqual({faults: 4, major: 4, minor: 0, faultPages: [9, 3, 7, 1]});
  });

  it('recognises a stream that starts mid-file on its second fault', () => {
    expect(pageFaultsFor(range(9).map((i) => 100 + i), {readaheadPages: 4}).faultPages).toEqual([100, 101, 105]);
  });

  it('makes faults on cached pages minor', () => {
    expect(pageFaultsFor([0, 4, 8], {readaheadPages: 1, cached: new Set([4])})).toMatchObject({major: 2, minor: 1});
    expect(pageFaultsFor([0, 4, 8], {readaheadPages: 1, cached: [0, 8]})).toMatchObject({major: 1, minor: 2});
  });

  it('handles a default-sized window over a long file without one object per page', () => {
    const result = pageFaultsFor(range(200_000), {readaheadPages: DEFAULT_READAHEAD_PAGES});
    expect(result.faults).toBe(6250);
  });

  it('never faults more in order than in any other order of the same pages', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 200}).chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray(range(n), {minLength: n, maxLength: n}))),
        fc.integer({min: 1, max: 64}),
        ([n, shuffled], readaheadPages) => {
          const sequential = pageFaultsFor(range(n), {readaheadPages});
          const random = pageFaultsFor(shuffled, {readaheadPages});
          expect(sequential.faults).toBe(Math.ceil(n / readaheadPages));
          expect(sequential.faults).toBeLessThanOrEqual(random.faults);
          expect(pageFaultsFor(shuffled, {readaheadPages: 1}).faults).toBe(n);
        },
      ),
    );
  });

  it('names the bad entry', () => {
    expect(() => pageFaultsFor([0, -1], {readaheadPages: 4})).toThrow(/accessPattern\[1\] must be a whole number of pages .* got -1/);
    expect(() => pageFaultsFor([0], {readaheadPages: 0})).toThrow(/readaheadPages/);
    expect(() => pageFaultsFor([0], {readaheadPages: 4, cached: [1.5]})).toThrow(/cached\[0\]/);
  });
});

describe('java.nio.ByteBuffer', () => {
  it('starts empty and writable: position 0, limit = capacity, no mark, zero bytes', () => {
    expect(createByteBuffer(4)).toEqual({capacity: 4, limit: 4, position: 0, mark: null, bytes: [0, 0, 0, 0]});
  });

  it('flips from filling to draining: limit = position, position = 0', () => {
    const filled = put(put(put(createByteBuffer(8), 10), 20), 30);
    const flipped = flip(mark(filled));
    expect(flipped).toMatchObject({position: 0, limit: 3, mark: null});
    const first = get(flipped);
    expect(first.value).toBe(10);
    expect(remaining(first.buffer)).toBe(2);
  });

  it('compacts what is left to the front and gets ready to fill after it', () => {
    let buffer = flip(put(put(put(createByteBuffer(5), 1), 2), 3));
    buffer = get(buffer).buffer;
    expect(compact(buffer)).toEqual({capacity: 5, limit: 5, position: 2, mark: null, bytes: [2, 3, 3, 0, 0]});
  });

  it('throws Java\'s exceptions by name at the bounds', () => {
    const full = put(createByteBuffer(1), 7);
    expect(nameOf(() => put(full, 8))).toBe('BufferOverflowException');
    expect(nameOf(() => get(full))).toBe('BufferUnderflowException');
    expect(nameOf(() => setPosition(full, 2))).toBe('IllegalArgumentException');
    expect(nameOf(() => setLimit(full, -1))).toBe('IllegalArgumentException');
    expect(nameOf(() => reset(full))).toBe('InvalidMarkException');
    expect(nameOf(() => createByteBuffer(-1))).toBe('IllegalArgumentException');
    expect(() => setPosition(full, 2)).toThrow('newPosition must be from 0 to the limit, 1; got 2 (Java: newPosition > limit: (2 > 1))');
  });

  it('discards a mark above a new position or limit, and pulls the position back to a lower limit', () => {
    const marked = mark(setPosition(createByteBuffer(10), 6));
    expect(setPosition(marked, 5).mark).toBeNull();
    expect(setPosition(marked, 6).mark).toBe(6);
    expect(setLimit(marked, 4)).toMatchObject({limit: 4, position: 4, mark: null});
    expect(setLimit(marked, 6)).toMatchObject({limit: 6, position: 6, mark: 6});
  });

  it('keeps 0 <= mark <= position <= limit <= capacity through any sequence of operations', () => {
    type Op = {op: string; n: number};
    const ops = fc.array(
      fc.record({op: fc.constantFrom('put', 'get', 'flip', 'clear', 'rewind', 'compact', 'mark', 'reset', 'position', 'limit'), n: fc.integer({min: -3, max: 20})}),
      {maxLength: 60},
    );
    const apply = (b: ByteBufferState, {op, n}: Op): ByteBufferState => {
      switch (op) {
        case 'put':
          return put(b, n);
        case 'get':
          return get(b).buffer;
        case 'flip':
          return flip(b);
        case 'clear':
          return clear(b);
        case 'rewind':
          return rewind(b);
        case 'compact':
          return compact(b);
        case 'mark':
          return mark(b);
        case 'reset':
          return reset(b);
        case 'position':
          return setPosition(b, n);
        default:
          return setLimit(b, n);
      }
    };
    fc.assert(
      fc.property(fc.integer({min: 0, max: 16}), ops, (capacity, sequence) => {
        let buffer = createByteBuffer(capacity);
        for (const step of sequence) {
          try {
            buffer = apply(buffer, step);
          } catch (error) {
            expect(['BufferOverflowException', 'BufferUnderflowException', 'IllegalArgumentException', 'InvalidMarkException']).toContain(
              (error as Error).name,
            );
          }
          const {mark: m, position, limit} = buffer;
          expect(0 <= position && position <= limit && limit <= capacity).toBe(true);
          if (m !== null) expect(0 <= m && m <= position).toBe(true);
          expect(buffer.bytes).toHaveLength(capacity);
        }
      }),
    );
  });

  it('flip then compact gives back a buffer positioned after the unread bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: -128, max: 127}), {maxLength: 16}), fc.nat(16), (values, reads) => {
        let buffer = createByteBuffer(16);
        for (const v of values) buffer = put(buffer, v);
        buffer = flip(buffer);
        expect(buffer.limit).toBe(values.length);
        const taken = Math.min(reads, values.length);
        for (let i = 0; i < taken; i++) buffer = get(buffer).buffer;
        const compacted = compact(buffer);
        expect(compacted.position).toBe(values.length - taken);
        expect(compacted.limit).toBe(16);
        expect(compacted.bytes.slice(0, values.length - taken)).toEqual(values.slice(taken));
      }),
    );
  });

  it('rejects a value that is not a Java byte, and a broken state, as bad input', () => {
    expect(() => put(createByteBuffer(2), 128)).toThrow('value must be a Java byte, a whole number from -128 to 127; got 128');
    expect(() => flip({capacity: 2, limit: 3, position: 0, mark: null, bytes: [0, 0]})).toThrow(/buffer.limit .* from 0 to 2; got 3/);
    expect(() => setPosition(createByteBuffer(2), 0.5)).toThrow(ModelInputError);
  });
});

describe('FileChannel.transferTo on Linux', () => {
  it('uses sendfile to a socket on every JDK, after a declined copy_file_range on JDK 21', () => {
    expect(transferToPath({source: 'file', target: 'socket', jdk: 8, count: GiB})).toEqual({
      path: 'sendfile',
      attempts: ['sendfile'],
      perCallCapBytes: JAVA_INT_MAX,
      chunkBytes: null,
    });
    expect(transferToPath({source: 'file', target: 'socket', jdk: 17, count: GiB}).perCallCapBytes).toBe(MAX_RW_COUNT);
    expect(transferToPath({source: 'file', target: 'socket', jdk: 21, count: GiB}).attempts).toEqual(['copy_file_range', 'sendfile']);
  });

  it('copies file to file with copy_file_range on JDK 21 and sendfile before', () => {
    expect(transferToPath({source: 'file', target: 'file', jdk: 21, count: GiB}).path).toBe('copy_file_range');
    expect(transferToPath({source: 'file', target: 'file', jdk: 11, count: GiB}).path).toBe('sendfile');
  });

  it('falls back to 8 MiB mappings for a target opened for append, and to the loop below 16 KiB on JDK 21', () => {
    expect(transferToPath({source: 'file', target: 'file', jdk: 17, count: GiB, targetAppend: true})).toEqual({
      path: 'mmap-chunks',
      attempts: ['sendfile', 'mmap-chunks'],
      perCallCapBytes: null,
      chunkBytes: MAPPED_TRANSFER_SIZE,
    });
    expect(transferToPath({source: 'file', target: 'file', jdk: 21, count: 4 * KiB, targetAppend: true}).path).toBe('buffer-loop');
  });

  it('uses an 8 KiB read/write loop for any other channel', () => {
    expect(transferToPath({source: 'file', target: 'other', jdk: 21, count: GiB})).toEqual({
      path: 'buffer-loop',
      attempts: ['buffer-loop'],
      perCallCapBytes: null,
      chunkBytes: TRANSFER_LOOP_BUFFER,
    });
  });

  it('rejects what transferTo cannot be', () => {
    expect(() => transferToPath({source: 'socket' as 'file', target: 'file', jdk: 17, count: 1})).toThrow('source must be one of "file"; got "socket"');
    expect(() => transferToPath({source: 'file', target: 'file', jdk: 9 as 8, count: 1})).toThrow('jdk must be one of 8, 11, 17, 21; got 9');
    expect(() => transferToPath({source: 'file', target: 'socket', jdk: 17, count: 1, targetAppend: true})).toThrow(/targetAppend applies only/);
  });

  it('moves every byte through short returns and full buffers, one position after another', () => {
    fc.assert(
      fc.property(
        fc.nat(1 << 22),
        fc.nat(1 << 22),
        fc.nat(1 << 20),
        fc.integer({min: 0, max: 2 ** 31}),
        fc.constantFrom(0, 0.3),
        (fileSize, count, position, seed, fullChance) => {
          const channel = createSimulatedChannel({fileSize, seed, perCallCapBytes: 64 * KiB, fullChance});
          const result = transferAll(channel, count, position);
          const expected = Math.max(0, Math.min(count, fileSize - position));
          expect(result.bytes).toBe(expected);
          let at = position;
          let afterZero = false;
          for (const call of channel.calls()) {
            if (call.kind === 'await-writable') {
              expect(afterZero).toBe(true);
              afterZero = false;
              continue;
            }
            expect(afterZero).toBe(false);
            expect(call.position).toBe(at);
            expect(call.position + call.count).toBeLessThanOrEqual(position + count);
            at += call.returned;
            afterZero = call.returned === 0;
          }
          expect(at).toBe(position + expected);
          expect(result.calls + result.waits).toBe(channel.calls().length);
        },
      ),
    );
  });

  it('stops at the end of the file instead of waiting for ever', () => {
    const channel = createSimulatedChannel({fileSize: 1000, seed: 1, shortChance: 0});
    expect(transferAll(channel, 1_000_000)).toEqual({bytes: 1000, calls: 1, waits: 0});
  });

  it('refuses a channel that returns more than it was asked for', () => {
    const liar: TransferToChannel = {fileSize: 100, transferTo: (_, count) => count + 1, awaitWritable: () => undefined};
    expect(() => transferAll(liar, 100)).toThrow(/returned 101/);
  });

  it('throws IllegalArgumentException for a negative position, as Java does', () => {
    const channel = createSimulatedChannel({fileSize: 10, seed: 1});
    expect(nameOf(() => channel.transferTo(-1, 5))).toBe('IllegalArgumentException');
  });
});
