import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {EMPTY_SUMMARY, addSummaries, scaleSummary, subtractSummaries, summarizeSteps, SUMMARY_FIELDS} from './summary';
import type {Step, Summary} from './types';

const arbitrarySummary: fc.Arbitrary<Summary> = fc.record({
  cpuCopies: fc.nat(1000),
  dmaCopies: fc.nat(1000),
  cpuBytes: fc.nat(1e9),
  dmaBytes: fc.nat(1e9),
  cpuPasses: fc.nat(1000),
  cpuPassBytes: fc.nat(1e9),
  sentBytes: fc.nat(1e9),
  modeSwitches: fc.nat(1000),
  syscalls: fc.nat(1000),
  interrupts: fc.nat(1000),
  pageFaults: fc.nat(1000),
});

const arbitraryStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('mode-switch' as const),
    direction: fc.constantFrom('user-to-kernel' as const, 'kernel-to-user' as const),
    syscall: fc.constantFrom('read' as const, 'write' as const),
  }),
  fc.record({
    kind: fc.constant('copy' as const),
    engine: fc.constantFrom('cpu' as const, 'dma' as const),
    from: fc.constantFrom('disk' as const, 'page-cache' as const),
    to: fc.constantFrom('user-buffer' as const, 'nic' as const),
    bytes: fc.nat(1 << 20),
    syscall: fc.constant(null),
    async: fc.boolean(),
  }),
  fc.record({kind: fc.constant('interrupt' as const), source: fc.constant('nic' as const), syscall: fc.constant(null)}),
  fc.record({
    kind: fc.constant('page-fault' as const),
    pages: fc.integer({min: 1, max: 8}),
    major: fc.boolean(),
    syscall: fc.constant(null),
  }),
);

describe('summaries', () => {
  it('adds field by field, with the empty summary as identity', () => {
    fc.assert(
      fc.property(arbitrarySummary, arbitrarySummary, (a, b) => {
        const sum = addSummaries(a, b);
        for (const field of SUMMARY_FIELDS) expect(sum[field]).toBe(a[field] + b[field]);
        expect(addSummaries(a, EMPTY_SUMMARY)).toEqual(a);
      }),
    );
  });

  it('scales and subtracts consistently', () => {
    fc.assert(
      fc.property(arbitrarySummary, fc.nat(50), (a, times) => {
        expect(subtractSummaries(scaleSummary(a, times + 1), a)).toEqual(scaleSummary(a, times));
      }),
    );
  });

  it('counts copies and bytes per engine, never negative, summing over steps', () => {
    fc.assert(
      fc.property(fc.array(arbitraryStep, {maxLength: 40}), (steps) => {
        const summary = summarizeSteps(steps);
        const copies = steps.filter((s) => s.kind === 'copy');
        expect(summary.cpuBytes).toBe(copies.filter((s) => s.engine === 'cpu').reduce((n, s) => n + s.bytes, 0));
        expect(summary.dmaBytes).toBe(copies.filter((s) => s.engine === 'dma').reduce((n, s) => n + s.bytes, 0));
        expect(summary.cpuCopies + summary.dmaCopies).toBe(copies.length);
        expect(summary.modeSwitches).toBe(steps.filter((s) => s.kind === 'mode-switch').length);
        for (const field of SUMMARY_FIELDS) expect(summary[field]).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('counts a syscall once, on entering the kernel', () => {
    const steps: Step[] = [
      {kind: 'mode-switch', direction: 'user-to-kernel', syscall: 'read'},
      {kind: 'mode-switch', direction: 'kernel-to-user', syscall: 'read'},
    ];
    expect(summarizeSteps(steps)).toMatchObject({syscalls: 1, modeSwitches: 2});
  });
});
