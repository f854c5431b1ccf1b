import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {DEFAULT_HARDWARE, estimateCost} from './cost';
import {javaSpeedups, labCaches, labChartRows, labSizes, modelSummaryFor} from './lab-compare';
import {parseLabReport} from './lab-report';
import {mmapWriteSummary} from './mmap-write';
import {readWriteSummary} from './read-write';
import {sendfileSummary} from './sendfile';
import {spliceSummary} from './splice';

// The sample the site ships: a real run of `npm run lab`, so these tests read the real shape.
const sample = parseLabReport(readFileSync(new URL('../../static/lab/sample-lab.json', import.meta.url), 'utf8'));
const MiB = 1024 * 1024;
const loopback = {scatterGather: true, checksumOffload: true};

describe('the model beside a lab report', () => {
  it('models each lab program as the chapter that teaches it', () => {
    expect(modelSummaryFor('read-write', 16 * MiB, 4096, 'cold')).toEqual(readWriteSummary(16 * MiB, 4096, 'miss'));
    expect(modelSummaryFor('sendfile', 16 * MiB, null, 'warm')).toEqual(sendfileSummary(16 * MiB, {pageCache: 'hit', nic: loopback}));
    expect(modelSummaryFor('java-transfer-to', MiB, null, 'warm')).toEqual(sendfileSummary(MiB, {pageCache: 'hit', nic: loopback}));
    expect(modelSummaryFor('mmap-write', 16 * MiB, 65536, 'warm')).toEqual(mmapWriteSummary(16 * MiB, {pageCache: 'hit', writeChunk: 16 * MiB}));
    expect(modelSummaryFor('splice', MiB, 65536, 'cold')).toEqual(spliceSummary(MiB, {pageCache: 'miss', nic: loopback}));
    // One write() for the whole mapping: two system calls besides mmap and munmap.
    expect(modelSummaryFor('mmap-write', 16 * MiB, 65536, 'warm')?.syscalls).toBe(3);
  });

  it('has no model cost for the methods chapter 7 has not priced', () => {
    for (const method of ['copy-file-range', 'msg-zerocopy', 'java-heap-loop'] as const) {
      expect(modelSummaryFor(method, MiB, 65536, 'warm')).toBeNull();
    }
  });

  it('lists every measured method at a size and cache, with the sender CPU and the model\'s estimate', () => {
    const rows = labChartRows(sample, 16 * MiB, 'warm', DEFAULT_HARDWARE);
    expect(rows.map((r) => r.method)).toEqual(sample.methods.filter((m) => m.status === 'measured').map((m) => m.id));
    const sendfile = rows.find((r) => r.method === 'sendfile')!;
    const result = sample.results.find((r) => r.method === 'sendfile' && r.fileBytes === 16 * MiB && r.cache === 'warm')!;
    expect(sendfile.cpuNs.median).toBe((result.userUs.median + result.sysUs.median) * 1000);
    expect(sendfile.wallNs).toEqual(result.wallNs);
    expect(sendfile.modelCpuNs).toBe(estimateCost(sendfileSummary(16 * MiB, {pageCache: 'hit', nic: loopback})).cpuNs);
    expect(rows.find((r) => r.method === 'msg-zerocopy')?.modelCpuNs).toBeNull();
    expect(labChartRows(sample, 3, 'warm', DEFAULT_HARDWARE)).toEqual([]);
  });

  it('predicts what zero-copy promises: read()+write() costs the CPU more than sendfile(), at every size', () => {
    for (const size of labSizes(sample)) {
      const rows = labChartRows(sample, size, 'warm', DEFAULT_HARDWARE);
      const model = (method: string) => rows.find((r) => r.method === method)!.modelCpuNs!;
      expect(model('read-write')).toBeGreaterThan(model('sendfile'));
    }
  });

  it('reads the sizes, caches and the Java ratio the report holds', () => {
    expect(labSizes(sample)).toEqual([...sample.options.fileSizes].sort((a, b) => a - b));
    expect(labCaches(sample)).toEqual(['warm', 'cold']);
    const ratios = javaSpeedups(sample, 'warm');
    expect(ratios.map((r) => r.fileBytes)).toEqual(labSizes(sample));
    for (const {ratio} of ratios) expect(ratio).toBeGreaterThan(0);
  });
});
