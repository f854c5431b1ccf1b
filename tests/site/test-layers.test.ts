// `npm test` runs a layer marked `beside` with the layers after it (tools/test-layers.ts): its
// failures must still count, its output must not be lost or mixed into theirs, and a layer marked
// `alone` must not start until it has finished.
import {describe, expect, it} from 'vitest';
import {type Layer, runLayers, type Tally} from '../../tools/test-layers';

const PASS: Tally = {passed: 2, failed: 0, skipped: 0};
const FAIL: Tally = {passed: 0, failed: 1, skipped: 0};

/** A layer that logs when it starts and ends, takes `ms`, prints `text` and returns `tally`. */
function layer(id: string, events: string[], options: {ms?: number; tally?: Tally; text?: string; beside?: boolean; alone?: boolean; throws?: string} = {}): Layer {
  return {
    id,
    title: `Layer ${id}`,
    beside: options.beside,
    alone: options.alone,
    run: async (output) => {
      events.push(`start ${id}`);
      await new Promise((resolve) => setTimeout(resolve, options.ms ?? 0));
      if (options.throws) throw new Error(options.throws);
      const text = options.text ?? `${id} says hello\n`;
      if (output) output.push(text);
      else events.push(`print ${text.trim()}`);
      events.push(`end ${id}`);
      return options.tally ?? PASS;
    },
  };
}

function recorder(events: string[]) {
  return {
    heading: (title: string, note?: string) => events.push(`heading ${title}${note ? ` ${note}` : ''}`),
    write: (text: string) => {
      if (text) events.push(`write ${text.trim()}`);
    },
  };
}

describe('runLayers', () => {
  it('runs layers one after another, totalling them, with a summary line each in order', async () => {
    const events: string[] = [];
    const {total, lines} = await runLayers([layer('a', events), layer('b', events, {tally: FAIL})], recorder(events));
    expect(events).toEqual(['heading Layer a', 'start a', 'print a says hello', 'end a', 'heading Layer b', 'start b', 'print b says hello', 'end b']);
    expect(total).toEqual({passed: 2, failed: 1, skipped: 0});
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^✓ Layer a: 2 passed, 0 failed \(\d+\.\d s\)$/);
    expect(lines[1]).toMatch(/^✗ Layer b: 0 passed, 1 failed/);
  });

  it('starts a `beside` layer with the next ones, holds its output back and counts its failure', async () => {
    const events: string[] = [];
    const {total, lines} = await runLayers(
      [layer('types', events, {beside: true, ms: 60, tally: FAIL, text: 'error TS2322\n'}), layer('graders', events), layer('lab', events)],
      recorder(events),
    );
    // It started before the next layer did, and its output came only after theirs.
    expect(events.indexOf('start types')).toBeLessThan(events.indexOf('start graders'));
    expect(events.indexOf('start graders')).toBeLessThan(events.indexOf('end types'));
    expect(events.slice(-2)).toEqual(['heading Layer types (ran beside the layers above)', 'write error TS2322']);
    expect(total.failed).toBe(1);
    expect(lines.map((line) => line.split(':')[0])).toEqual(['✗ Layer types', '✓ Layer graders', '✓ Layer lab']);
  });

  it('starts an `alone` layer only after a `beside` layer has finished, and reports it first', async () => {
    const events: string[] = [];
    await runLayers([layer('types', events, {beside: true, ms: 80}), layer('graders', events), layer('e2e', events, {alone: true})], recorder(events));
    expect(events.indexOf('end types')).toBeLessThan(events.indexOf('start e2e'));
    expect(events.indexOf('heading Layer types (ran beside the layers above)')).toBeLessThan(events.indexOf('heading Layer e2e'));
  });

  it('counts a layer that throws as one failure, says why, and runs the rest', async () => {
    const events: string[] = [];
    const {total, lines} = await runLayers(
      [layer('types', events, {beside: true, throws: 'tsc not found'}), layer('unit', events, {throws: 'vitest crashed'}), layer('lab', events)],
      recorder(events),
    );
    expect(events).toContain('write Layer unit stopped: vitest crashed');
    expect(events).toContain('write Layer types stopped: tsc not found');
    expect(events).toContain('end lab');
    expect(total).toEqual({passed: 2, failed: 2, skipped: 0});
    expect(lines.filter((line) => line.startsWith('✗'))).toHaveLength(2);
  });
});
