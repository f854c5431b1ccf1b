import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {GiB, KiB, MAX_EXACT_BYTES, PiB, TiB, formatBytes, formatCount, formatCountOf} from './units';

describe('formatBytes', () => {
  it('uses the largest binary unit that keeps the figure at least 1', () => {
    expect(formatBytes(17)).toBe('17 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(4 * KiB)).toBe('4 KiB');
    expect(formatBytes(1.5 * GiB)).toBe('1.5 GiB');
    expect(formatBytes(999_999 * GiB)).toBe('976.56 TiB');
    expect(formatBytes(2 * PiB)).toBe('2 PiB');
    expect(formatBytes(MAX_EXACT_BYTES)).toBe('8 PiB');
  });

  it('never shows 1024 or more of a unit below a PiB', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: PiB - 1}), (bytes) => {
        expect(Number(formatBytes(bytes).split(' ')[0])).toBeLessThan(1024);
      }),
    );
    expect(formatBytes(TiB - 1)).toBe('1 TiB');
  });
});

describe('formatCountOf', () => {
  it('puts the noun in the right number, whatever the count', () => {
    expect(formatCountOf(1, 'system call', 'system calls')).toBe('1 system call');
    expect(formatCountOf(0, 'system call', 'system calls')).toBe('0 system calls');
    expect(formatCountOf(524_288, 'system call', 'system calls')).toBe('524,288 system calls');
    expect(formatCount(2_147_479_552)).toBe('2,147,479,552');
  });
});
