// A failing random case names every field that differs, however deep, with bigint addresses in
// hex as the chapters print them.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {describeDifferences, fieldDifferences, showValue} from '../../tools/grading/difference';
import {checkProperty} from '../../tools/grading/property';

describe('fieldDifferences', () => {
  it('finds a differing field at the end of a large object, which Vitest\'s own diff cuts off', () => {
    const expected = {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: {deep: [1, 2, 3]}};
    const received = {...expected, k: {deep: [1, 2, 4]}};
    expect(fieldDifferences(expected, received)).toEqual([{path: 'k.deep[2]', expected: 3, received: 4}]);
  });

  it('reports missing and extra fields and array elements', () => {
    expect(fieldDifferences({a: 1, b: 2}, {a: 1, c: 3})).toEqual([
      {path: 'b', expected: 2, received: '(missing)'},
      {path: 'c', expected: '(no such field)', received: 3},
    ]);
    expect(fieldDifferences([1, 2], [1])).toEqual([{path: '[1]', expected: 2, received: '(missing)'}]);
  });

  it('finds nothing between equal values, and exactly the changed leaves otherwise', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({minLength: 1, maxLength: 4}), fc.integer()), fc.integer(), (record, extra) => {
        expect(fieldDifferences(record, structuredClone(record))).toEqual([]);
        const keys = Object.keys(record);
        if (keys.length === 0) return;
        const changed = {...record, [keys[0]]: record[keys[0]] + 1 + Math.abs(extra)};
        expect(fieldDifferences(record, changed).map((d) => d.path)).toEqual([keys[0]]);
      }),
      {seed: 7},
    );
  });
});

describe('showValue', () => {
  it('prints addresses in hex and numbers grouped', () => {
    expect(showValue(0x7fff_ffff_ffffn)).toBe('0x0000_7fff_ffff_ffff');
    expect(showValue(524_288)).toBe('524,288');
    expect(describeDifferences([{path: 'userEnd', expected: 0x7fff_ffff_ffffn, received: 0n}])).toContain(
      'userEnd: expected 0x0000_7fff_ffff_ffff, received 0x0000_0000_0000_0000',
    );
  });
});

describe('checkProperty', () => {
  it('names the differing fields, the smallest input and the replay command when a case fails', () => {
    let message = '';
    try {
      checkProperty(
        fc.integer({min: 0, max: 1000}),
        (n) => {
          expect({count: n, bytes: n * 2, last: n}).toEqual({count: n, bytes: n * 2, last: n > 10 ? 0 : n});
        },
        {chapter: '03'},
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('A random case failed (the smallest input fast-check found): 11');
    expect(message).toContain('last: expected 0, received 11');
    expect(message).toMatch(/Replay exactly this case with: GRADE_SEED=\d+ npm run grade -- 03/);
  });
});
