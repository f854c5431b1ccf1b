// Median and range over repeated runs: a shared machine is noisy, and one run can mislead.
import type {Spread} from '../src/model/lab-report';

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('A median needs at least one value; got none');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {median, min: sorted[0], max: sorted[sorted.length - 1]};
}
