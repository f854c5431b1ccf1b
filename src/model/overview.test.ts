import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {copyFileRangeSummary, ktlsSendfileSummary, methodOverview, msgZerocopySummary} from './overview';
import {sendfileSummary} from './sendfile';
import {GiB, KiB, MAX_RW_COUNT, MiB} from './units';

const row = (method: string, fileBytes = GiB, bufferBytes = 64 * KiB, pageCache: 'hit' | 'miss' = 'hit') =>
  methodOverview({fileBytes, bufferBytes, pageCache}).find((r) => r.method === method)!;

describe('every method of chapters 3-7 side by side', () => {
  it('lists each method once, in teaching order, with the version that brought it', () => {
    const rows = methodOverview({fileBytes: MiB, bufferBytes: 4 * KiB, pageCache: 'miss'});
    expect(new Set(rows.map((r) => r.method)).size).toBe(rows.length);
    expect(rows.map((r) => r.since)).toEqual([null, null, '2.2', '2.4', '2.6.17', '4.5', '4.5', '4.14', '6.0', '4.13', '4.18']);
    for (const r of rows) expect(r.chapter).toBeGreaterThanOrEqual(3);
  });

  it('has the CPU copy nothing on the zero-copy paths, and once or twice on the others (1 GiB, warm cache)', () => {
    expect(row('read-write').summary!.cpuBytes).toBe(2 * GiB);
    expect(row('mmap-write').summary!.cpuBytes).toBe(GiB);
    expect(row('sendfile').summary!.cpuBytes).toBe(GiB);
    for (const zero of ['sendfile-sg', 'splice', 'copy-file-range-reflink', 'msg-zerocopy', 'ktls-offload']) {
      expect(row(zero).summary!.cpuBytes, zero).toBe(0);
    }
    // Software kTLS encrypts every byte into new pages: the copy zero-copy had removed is back.
    expect(row('ktls-sendfile').summary!.cpuBytes).toBe(GiB);
    expect(row('send-zc').summary).toBeNull();
  });

  it('counts copy_file_range() one call per MAX_RW_COUNT bytes, as Linux 6.18 returns', () => {
    expect(copyFileRangeSummary(MAX_RW_COUNT, 'copy', 'hit').syscalls).toBe(1);
    expect(copyFileRangeSummary(MAX_RW_COUNT + 1, 'copy', 'hit').syscalls).toBe(2);
    expect(copyFileRangeSummary(0, 'copy', 'miss')).toEqual(copyFileRangeSummary(0, 'reflink', 'hit'));
    const miss = copyFileRangeSummary(3 * GiB, 'copy', 'miss');
    expect(miss).toMatchObject({syscalls: 2, modeSwitches: 4, cpuCopies: 2, cpuBytes: 3 * GiB, dmaCopies: 4, dmaBytes: 6 * GiB, sentBytes: 0});
    expect(copyFileRangeSummary(3 * GiB, 'reflink', 'miss')).toMatchObject({cpuBytes: 0, dmaBytes: 0, syscalls: 2});
  });

  it('counts MSG_ZEROCOPY sends and the completion reads a program may need', () => {
    expect(msgZerocopySummary(MiB, 64 * KiB)).toMatchObject({syscalls: 32, modeSwitches: 64, dmaCopies: 16, cpuCopies: 0, sentBytes: MiB});
    // One notification may cover every send: one read.
    expect(msgZerocopySummary(MiB, 64 * KiB, 1).syscalls).toBe(17);
    expect(() => msgZerocopySummary(MiB, 64 * KiB, 0)).toThrow(/completionReads/);
    expect(() => msgZerocopySummary(MiB, 64 * KiB, 17)).toThrow(/completionReads/);
  });

  it('gives kTLS with NIC offload the counts of sendfile() with scatter-gather', () => {
    expect(ktlsSendfileSummary(GiB, true, 'miss')).toEqual(sendfileSummary(GiB, {pageCache: 'miss', nic: {scatterGather: true, checksumOffload: true}}));
  });

  it('keeps invariants for any transfer: mode switches are two per call, bytes add up', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 64 * MiB}),
        fc.integer({min: 512, max: 4 * MiB}),
        fc.constantFrom('hit' as const, 'miss' as const),
        (fileBytes, bufferBytes, pageCache) => {
          for (const r of methodOverview({fileBytes, bufferBytes, pageCache})) {
            if (r.summary === null) continue;
            expect(r.summary.modeSwitches, r.method).toBe(2 * r.summary.syscalls);
            if (r.to === 'socket') expect(r.summary.sentBytes, r.method).toBe(fileBytes);
            else expect(r.summary.sentBytes, r.method).toBe(0);
            if (fileBytes === 0) expect(r.summary.syscalls, r.method).toBe(0);
          }
        },
      ),
      {seed: 7, numRuns: 60},
    );
  });
});
