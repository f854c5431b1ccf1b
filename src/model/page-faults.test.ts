import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {DEFAULT_FAULT_AROUND_PAGES, DEFAULT_READAHEAD_PAGES, pageFaultsFor} from './page-faults';
import {leastCommonMultiple} from './mmap-write';

const range = (n: number, from = 0): number[] => Array.from({length: n}, (_, i) => from + i);

describe('page faults for an access pattern', () => {
  it('uses Linux 6.x defaults: 128 KiB readahead, 64 KiB fault-around', () => {
    expect(DEFAULT_READAHEAD_PAGES).toBe(32);
    expect(DEFAULT_FAULT_AROUND_PAGES).toBe(16);
  });

  it('maps a whole aligned 16-page window per fault on a warm cache, whatever the readahead', () => {
    const warm = {readaheadPages: 32, cached: range(64)};
    expect(pageFaultsFor(range(64), warm)).toEqual({faults: 4, major: 0, minor: 4, faultPages: [0, 16, 32, 48]});
    expect(pageFaultsFor(range(64), {...warm, readaheadPages: 1}).faults).toBe(4);
    // The window is aligned: a fault on page 20 maps 16..31, so 17 and 31 hit and 32 faults.
    expect(pageFaultsFor([20, 17, 31, 32], warm).faultPages).toEqual([20, 32]);
  });

  it('reads ahead on a cold cache, so every other fault of a sequential pass is minor', () => {
    expect(pageFaultsFor(range(64), {readaheadPages: 32})).toEqual({faults: 4, major: 2, minor: 2, faultPages: [0, 16, 32, 48]});
  });

  it('faults once per readahead window when readahead is smaller than fault-around', () => {
    expect(pageFaultsFor(range(10), {readaheadPages: 4})).toEqual({faults: 3, major: 3, minor: 0, faultPages: [0, 4, 8]});
  });

  it('maps only pages that are cached: a cold random order faults on most new pages', () => {
    expect(pageFaultsFor([9, 3, 7, 1, 3, 9], {readaheadPages: 4})).toEqual({faults: 4, major: 4, minor: 0, faultPages: [9, 3, 7, 1]});
  });

  it('maps one page per fault with fault-around off, and every new page faults without readahead either', () => {
    expect(pageFaultsFor(range(8), {readaheadPages: 32, faultAroundPages: 1, cached: range(8)}).faults).toBe(8);
    expect(pageFaultsFor(range(8), {readaheadPages: 1, faultAroundPages: 1}).faults).toBe(8);
  });

  it('makes faults on cached pages minor', () => {
    expect(pageFaultsFor([0, 40, 80], {readaheadPages: 1, cached: new Set([40])})).toMatchObject({major: 2, minor: 1});
    expect(pageFaultsFor([0, 40, 80], {readaheadPages: 1, cached: [0, 80]})).toMatchObject({major: 1, minor: 2});
  });

  it('handles a default-sized window over a long file without one object per page', () => {
    const cold = pageFaultsFor(range(200_000), {readaheadPages: DEFAULT_READAHEAD_PAGES});
    expect(cold).toMatchObject({faults: 12_500, major: 6250});
  });

  it('can take one fault more in order than in another order on a cold cache', () => {
    const order = [38, ...range(38), ...range(33, 38)];
    expect(pageFaultsFor(range(71), {readaheadPages: 49, faultAroundPages: 2}).faults).toBe(37);
    expect(pageFaultsFor(order, {readaheadPages: 49, faultAroundPages: 2}).faults).toBe(36);
  });

  it('takes 16,384 faults for a warm sequential pass over 1 GiB', () => {
    const pages = (1 << 30) / 4096;
    expect(pageFaultsFor(range(pages), {readaheadPages: DEFAULT_READAHEAD_PAGES, cached: range(pages)}).faults).toBe(16_384);
  });

  it('faults on the multiples of both windows in order, and on a warm cache never more in order than in any other order', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 200}).chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray(range(n), {minLength: n, maxLength: n}))),
        fc.integer({min: 1, max: 64}),
        fc.constantFrom(1, 2, 4, 8, 16, 32, 64),
        fc.boolean(),
        ([n, shuffled], readaheadPages, faultAroundPages, warm) => {
          const options = {readaheadPages, faultAroundPages, cached: warm ? range(n) : []};
          const sequential = pageFaultsFor(range(n), options);
          const windows = Math.ceil(n / faultAroundPages);
          const expected = warm
            ? windows
            : windows + Math.ceil(n / readaheadPages) - Math.ceil(n / leastCommonMultiple(faultAroundPages, readaheadPages));
          expect(sequential.faults).toBe(expected);
          expect(sequential.major).toBe(warm ? 0 : Math.ceil(n / readaheadPages));
          // On a cold cache in-order reading is not always the minimum: a readahead window that
          // ends off a fault-around boundary costs an extra fault that another order can avoid
          // (71 pages, readaheadPages 49, faultAroundPages 2: 37 in order, 36 starting at page 38).
          if (warm) expect(sequential.faults).toBeLessThanOrEqual(pageFaultsFor(shuffled, options).faults);
          expect(pageFaultsFor(shuffled, {readaheadPages: 1, faultAroundPages: 1}).faults).toBe(n);
        },
      ),
    );
  });

  it('names the bad entry or option', () => {
    expect(() => pageFaultsFor([0, -1], {readaheadPages: 4})).toThrow(/accessPattern\[1\] must be a whole number of pages .* got -1/);
    expect(() => pageFaultsFor([0], {readaheadPages: 0})).toThrow(/readaheadPages/);
    expect(() => pageFaultsFor([0], {readaheadPages: 4, cached: [1.5]})).toThrow(/cached\[0\]/);
    expect(() => pageFaultsFor([0], {readaheadPages: 4, faultAroundPages: 12})).toThrow(
      'faultAroundPages must be a power of two (1, 2, 4 ... 512): the kernel rounds fault_around_bytes down to one; got 12',
    );
    expect(() => pageFaultsFor([0], {readaheadPages: 4, faultAroundPages: 1024})).toThrow(/faultAroundPages .* from 1 to 512; got 1024/);
  });
});
