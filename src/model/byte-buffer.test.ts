import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  clear,
  compact,
  createByteBuffer,
  flip,
  get,
  javaLoopCopiesPerChunk,
  javaLoopSummary,
  mark,
  put,
  remaining,
  reset,
  rewind,
  setLimit,
  setPosition,
  type ByteBufferState,
} from './byte-buffer';
import {readWriteSummary} from './read-write';
import {GiB, KiB} from './units';
import {ModelInputError} from './validate';

function nameOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
  return 'no error';
}

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

describe('a read/write loop through a ByteBuffer', () => {
  it('makes four CPU copies per chunk through a heap buffer and two through a direct one', () => {
    expect(javaLoopCopiesPerChunk('heap')).toBe(4);
    expect(javaLoopCopiesPerChunk('direct')).toBe(2);
    const heap = javaLoopSummary(GiB, 8 * KiB, {buffer: 'heap'});
    const direct = javaLoopSummary(GiB, 8 * KiB, {buffer: 'direct'});
    expect(heap).toMatchObject({cpuCopies: 4 * 131_072, cpuBytes: 4 * GiB, syscalls: 2 * 131_072, sentBytes: GiB});
    expect(direct).toEqual(readWriteSummary(GiB, 8 * KiB));
  });

  it('differs from the kernel loop only in the copies, for any size', () => {
    fc.assert(
      fc.property(fc.nat(1 << 30), fc.integer({min: 1, max: 1 << 20}), fc.constantFrom('miss' as const, 'hit' as const), (fileSize, bufferSize, pageCache) => {
        const kernel = readWriteSummary(fileSize, bufferSize, pageCache);
        const heap = javaLoopSummary(fileSize, bufferSize, {buffer: 'heap', pageCache});
        expect({...heap, cpuCopies: kernel.cpuCopies, cpuBytes: kernel.cpuBytes}).toEqual(kernel);
        expect(heap.cpuBytes).toBe(2 * kernel.cpuBytes);
      }),
    );
  });

  it('names the buffer kind it does not know', () => {
    expect(() => javaLoopCopiesPerChunk('mapped' as 'heap')).toThrow('buffer must be one of "heap", "direct"; got "mapped"');
  });
});
