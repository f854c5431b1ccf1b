// How `npm test` (tools/test-all.ts) runs its layers: one after another, except a layer marked
// `beside`, which starts with the layers after it and reports when they are done.

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export interface Layer {
  readonly id: string;
  readonly title: string;
  /** `output`, when given, collects what the layer prints instead of printing it. */
  readonly run: (output?: string[]) => Promise<Tally>;
  /**
   * Runs beside the layers that follow it, up to the next one marked `alone`, its output held
   * back and printed when they are done: for a layer that keeps one core busy while they leave
   * part of the other idle.
   */
  readonly beside?: boolean;
  /** Starts only when every layer started before it has finished: one that fills the cores alone. */
  readonly alone?: boolean;
}

export interface LayerOutput {
  heading(title: string, note?: string): void;
  write(text: string): void;
}

/** Runs `layers` in order and returns the totals and one summary line per layer, in the same order. */
export async function runLayers(layers: readonly Layer[], out: LayerOutput, now: () => number = Date.now): Promise<{total: Tally; lines: string[]}> {
  const total: Tally = {passed: 0, failed: 0, skipped: 0};
  const lines = new Map<string, string>();
  const finish = (layer: Layer, tally: Tally, started: number): void => {
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.skipped += tally.skipped;
    const seconds = ((now() - started) / 1000).toFixed(1);
    lines.set(layer.id, `${tally.failed === 0 ? '✓' : '✗'} ${layer.title}: ${tally.passed} passed, ${tally.failed} failed (${seconds} s)`);
  };
  let besides: {layer: Layer; started: number; output: string[]; run: Promise<Tally>}[] = [];
  const reportBesides = async (): Promise<void> => {
    for (const {layer, started, output, run} of besides) {
      const tally = await run;
      out.heading(layer.title, '(ran beside the layers above)');
      out.write(output.join(''));
      finish(layer, tally, started);
    }
    besides = [];
  };
  for (const layer of layers) {
    if (layer.alone) await reportBesides();
    const started = now();
    if (layer.beside) {
      const output: string[] = [];
      besides.push({layer, started, output, run: settled(layer, output, out)});
      continue;
    }
    out.heading(layer.title);
    finish(layer, await settled(layer, undefined, out), started);
  }
  await reportBesides();
  return {total, lines: layers.map((layer) => lines.get(layer.id) ?? '')};
}

/** A layer that throws counts as one failure, with the reason, and the layers after it still run. */
async function settled(layer: Layer, output: string[] | undefined, out: LayerOutput): Promise<Tally> {
  try {
    return await layer.run(output);
  } catch (error) {
    const reason = `${layer.title} stopped: ${error instanceof Error ? error.message : String(error)}\n`;
    if (output) output.push(reason);
    else out.write(reason);
    return {passed: 0, failed: 1, skipped: 0};
  }
}
