import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {JAVA_INT_MAX, MAPPED_TRANSFER_SIZE, TRANSFER_LOOP_BUFFER, transferAll, transferToPath} from './transfer-to';
import {createSimulatedChannel, type TransferToChannel} from './java-nio-sim';
import {GiB, KiB, MAX_RW_COUNT} from './units';

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
    expect(() => channel.transferTo(-1, 5)).toThrow(expect.objectContaining({name: 'IllegalArgumentException'}));
  });
});
