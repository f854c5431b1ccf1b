// Small terminal helpers: colour only when the output is a terminal that wants it.
import path from 'node:path';
import {REPO_ROOT} from '../grading/subject.mts';

const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;

function paint(code: number, reset: number): (text: string) => string {
  return (text) => (useColour ? `\u001b[${code}m${text}\u001b[${reset}m` : text);
}

export const colour = {
  bold: paint(1, 22),
  dim: paint(2, 22),
  red: paint(31, 39),
  green: paint(32, 39),
  yellow: paint(33, 39),
};

/** "[######------] 50%" */
export function bar(done: number, total: number, width = 24): string {
  const ratio = total === 0 ? 0 : done / total;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(ratio * 100)}%`;
}

export function relative(file: string): string {
  return path.relative(REPO_ROOT, file) || '.';
}
