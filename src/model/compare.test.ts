import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {CHART_FILE_SIZES, METHOD_VARIANTS, compareMethods, costCurve} from './compare';
import {DEFAULT_HARDWARE, estimateCost} from './cost';
import {readWriteSummary} from './read-write';
import {sendfileSummary} from './sendfile';
import {GiB, KiB} from './units';

describe('comparing every method', () => {
  it('uses each chapter\'s own model for its row', () => {
    const rows = compareMethods({fileSize: GiB, bufferSize: 64 * KiB, pageCache: 'miss'});
    expect(rows.map((r) => r.variant.id)).toEqual(['read-write', 'mmap-write', 'sendfile', 'sendfile-sg']);
    expect(rows[0].summary).toEqual(readWriteSummary(GiB, 64 * KiB, 'miss'));
    expect(rows[3].summary).toEqual(
      sendfileSummary(GiB, {pageCache: 'miss', nic: {scatterGather: true, checksumOffload: true}}),
    );
    expect(rows[0].cost).toEqual(estimateCost(rows[0].summary, DEFAULT_HARDWARE));
  });

  it('orders CPU copies as the chapters say: 2, 1, 1, 0 per chunk', () => {
    const rows = compareMethods({fileSize: 4 * KiB, bufferSize: 4 * KiB, pageCache: 'hit'});
    expect(rows.map((r) => r.summary.cpuCopies)).toEqual([2, 1, 1, 0]);
  });

  it('never makes the CPU copy more bytes with scatter-gather than without, for any input', () => {
    fc.assert(
      fc.property(fc.nat(1 << 30), fc.integer({min: 1, max: 1 << 20}), fc.constantFrom('miss' as const, 'hit' as const), (fileSize, bufferSize, pageCache) => {
        const [readWrite, , sendfile, sendfileSg] = compareMethods({fileSize, bufferSize, pageCache});
        expect(sendfileSg.summary.cpuBytes).toBe(0);
        expect(sendfile.summary.cpuBytes).toBeLessThanOrEqual(readWrite.summary.cpuBytes);
        expect(sendfileSg.cost.cpuNs).toBeLessThanOrEqual(sendfile.cost.cpuNs);
      }),
    );
  });

  it('plots a curve that grows with the file size', () => {
    for (const variant of METHOD_VARIANTS) {
      const curve = costCurve(variant, CHART_FILE_SIZES, {bufferSize: 64 * KiB, pageCache: 'hit'});
      expect(curve).toHaveLength(CHART_FILE_SIZES.length);
      for (let i = 1; i < curve.length; i++) expect(curve[i].cpuNs).toBeGreaterThanOrEqual(curve[i - 1].cpuNs);
    }
  });
});
