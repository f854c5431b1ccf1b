// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {DEFAULT_FAULT_AROUND_PAGES, pageFaultsFor as modelFaults, type PageFaultCount, type PageFaultOptions} from '@site/src/model/mmap-nio';

export * from '@site/src/model/mmap-nio';

// Wrong: the fault-around window starts at the faulting page instead of the aligned boundary
// below it, so a fault on page 20 maps 20..35 instead of 16..31.
export function pageFaultsFor(accessPattern: readonly number[], options: PageFaultOptions): PageFaultCount {
  modelFaults(accessPattern, options); // the model's input checks
  const around = options.faultAroundPages ?? DEFAULT_FAULT_AROUND_PAGES;
  const cached = new Set(options.cached ?? []);
  const readUpTo: [number, number][] = [];
  const isCached = (page: number) => cached.has(page) || readUpTo.some(([from, to]) => page >= from && page < to);
  const mapped = new Set<number>();
  const faultPages: number[] = [];
  let major = 0;
  for (const page of accessPattern) {
    if (mapped.has(page)) continue;
    faultPages.push(page);
    if (!isCached(page)) {
      major++;
      readUpTo.push([page, page + options.readaheadPages]);
    }
    for (let candidate = page; candidate < page + around; candidate++) if (isCached(candidate)) mapped.add(candidate);
  }
  return {faults: faultPages.length, major, minor: faultPages.length - major, faultPages};
}
