// Child processes a few at a time: a grader run is one Vitest process, which leaves part of a core
// idle on its own, while too many at once only queue for the CPU.

/** Runs `work` over `items`, `limit` at a time, and gives the results in the order of `items`. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
  return results;
}
