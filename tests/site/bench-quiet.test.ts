// npm run bench waits for a quiet machine before its Lighthouse runs (bench/machine.ts): the load
// average of work that has just ended stays up for a minute or two.
import {describe, expect, it} from 'vitest';
import {quietLimit, waitForQuiet, type QuietOptions} from '../../bench/machine';

/** A fake clock and a load average that follows `loads`, one value per reading (the last repeats). */
function fakeMachine(loads: readonly number[], overrides: Partial<QuietOptions> = {}) {
  let now = 0;
  let reads = 0;
  const waits: string[] = [];
  const options: QuietOptions = {
    cores: 2,
    timeoutMs: 60_000,
    pollMs: 5_000,
    readLoad: () => loads[Math.min(reads++, loads.length - 1)],
    sleep: async (ms) => {
      now += ms;
    },
    now: () => now,
    onWait: (load, limit) => waits.push(`${load} >= ${limit}`),
    ...overrides,
  };
  return {options, waits, reads: () => reads};
}

describe('waitForQuiet', () => {
  it('holds a machine to half its cores', () => {
    expect(quietLimit(2)).toBe(1);
    expect(quietLimit(8)).toBe(4);
  });

  it('starts at once on a quiet machine, without a word', async () => {
    const machine = fakeMachine([0.4]);
    expect(await waitForQuiet(machine.options)).toEqual({waitedSeconds: 0, quiet: true, loadAverage: 0.4, limit: 1});
    expect(machine.waits).toEqual([]);
  });

  it('waits, polling, until the load average falls below the limit, and says so once', async () => {
    const machine = fakeMachine([3.8, 2.6, 1.7, 1.0, 0.93]);
    expect(await waitForQuiet(machine.options)).toEqual({waitedSeconds: 20, quiet: true, loadAverage: 0.93, limit: 1});
    expect(machine.waits).toEqual(['3.8 >= 1']);
    expect(machine.reads()).toBe(5);
  });

  it('gives up at the time limit and reports the machine busy', async () => {
    const machine = fakeMachine([2.4]);
    expect(await waitForQuiet(machine.options)).toEqual({waitedSeconds: 60, quiet: false, loadAverage: 2.4, limit: 1});
  });
});
