import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {DEFAULT_HARDWARE, estimateCost, formatDuration, validateHardware, type HardwareParams} from './cost';
import {readWriteSummary} from './read-write';
import {sendfileSummary} from './sendfile';
import {EMPTY_SUMMARY} from './summary';
import {GiB, KiB, PAGE_SIZE} from './units';

const FULL_OFFLOAD = {scatterGather: true, checksumOffload: true};
const SG_ONLY = {scatterGather: true, checksumOffload: false};

describe('what a transfer costs the CPU', () => {
  it('prices a zero-copy sendfile() of 1 GiB at the kernel\'s per-page work, not at two mode switches', () => {
    const cost = estimateCost(sendfileSummary(GiB, {pageCache: 'hit', nic: FULL_OFFLOAD}));
    expect(cost.copyNs).toBe(0);
    expect(cost.passNs).toBe(0);
    expect(cost.modeSwitchNs).toBe(2 * DEFAULT_HARDWARE.modeSwitchNs);
    expect(cost.kernelNs).toBe((GiB / PAGE_SIZE) * DEFAULT_HARDWARE.perPageKernelNs);
    // The fact sheet's loopback measurement: 0.12-0.15 s of sender CPU for 1 GiB.
    expect(cost.cpuNs).toBeGreaterThan(0.1e9);
    expect(cost.cpuNs).toBeLessThan(0.15e9);
  });

  it('charges a software checksum as a read pass over every byte, priced like a copy of the same bytes', () => {
    const sgOnly = estimateCost(sendfileSummary(GiB, {pageCache: 'hit', nic: SG_ONLY}));
    const copying = estimateCost(sendfileSummary(GiB, {pageCache: 'hit'}));
    expect(sgOnly.copyNs).toBe(0);
    expect(sgOnly.passNs).toBe(copying.copyNs);
    expect(sgOnly.cpuNs).toBe(copying.cpuNs);
  });

  it('charges every method the same per-page kernel work for the same bytes sent', () => {
    fc.assert(
      fc.property(fc.nat(4 * GiB), fc.integer({min: 1, max: 1 << 20}), (fileSize, bufferSize) => {
        const readWrite = estimateCost(readWriteSummary(fileSize, bufferSize, 'hit'));
        const zeroCopy = estimateCost(sendfileSummary(fileSize, {pageCache: 'hit', nic: FULL_OFFLOAD}));
        expect(readWrite.kernelNs).toBeCloseTo(zeroCopy.kernelNs, 3);
        expect(readWrite.cpuNs).toBeGreaterThan(zeroCopy.cpuNs - 1e-6);
      }),
    );
  });

  it('adds up its parts', () => {
    const cost = estimateCost(readWriteSummary(10 * GiB, 4 * KiB, 'miss'));
    expect(cost.cpuNs).toBeCloseTo(cost.copyNs + cost.passNs + cost.kernelNs + cost.modeSwitchNs + cost.pageFaultNs, 3);
  });

  it('costs nothing for nothing', () => {
    expect(estimateCost(EMPTY_SUMMARY).cpuNs).toBe(0);
  });

  it('refuses a parameter that is not a positive number, naming it', () => {
    const bad: HardwareParams = {...DEFAULT_HARDWARE, perPageKernelNs: -1};
    expect(() => validateHardware(bad)).toThrow(/perPageKernelNs/);
    expect(() => estimateCost(EMPTY_SUMMARY, {...DEFAULT_HARDWARE, perPageKernelNs: Number.NaN})).toThrow(/perPageKernelNs/);
  });
});

describe('formatDuration', () => {
  it('reads as a person would say it', () => {
    expect(formatDuration(850)).toBe('850 ns');
    expect(formatDuration(12_300)).toBe('12.3 µs');
    expect(formatDuration(0.12e9)).toBe('120 ms');
    expect(formatDuration(42.5e9)).toBe('42.5 s');
    expect(formatDuration(7.5 * 60e9)).toBe('7.5 min');
    expect(formatDuration(3.2 * 3600e9)).toBe('3.2 h');
    expect(formatDuration(4.1 * 86_400e9)).toBe('4.1 d');
    expect(formatDuration(429_675_256.89e9)).toBe('13.6 years');
    expect(formatDuration(1e9 * 3600 * 24 * 365.25 * 12_345)).toBe('12,345 years');
  });

  it('moves to the next unit when rounding reaches it, and never prints 1000 of anything below a century', () => {
    expect(formatDuration(999.96e6)).toBe('1 s');
    expect(formatDuration(59.999e9)).toBe('1 min');
    expect(formatDuration(999.95)).toBe('1 µs');
    const near = (edge: number) => fc.double({min: edge * 0.999, max: edge * 1.001, noNaN: true});
    fc.assert(
      fc.property(
        fc.oneof(fc.double({min: 0, max: 100 * 365.25 * 86_400e9, noNaN: true}), near(1e3), near(1e6), near(1e9), near(60e9), near(3600e9)),
        (ns) => {
          const [figure] = formatDuration(ns).split(' ');
          expect(Number(figure.replaceAll(',', ''))).toBeLessThan(1000);
        },
      ),
    );
  });
});
