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
  cyan: paint(36, 39),
};

/** "[######------] 50%" */
export function bar(done: number, total: number, width = 24): string {
  const ratio = total === 0 ? 0 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(ratio * 100)}%`;
}

/** A path as the learner types it: relative to the repository when inside it. */
export function relative(file: string): string {
  const result = path.relative(REPO_ROOT, file);
  if (result === '') return '.';
  return result.startsWith('..') || path.isAbsolute(result) ? file : result;
}

export function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : ' '.repeat(spaces) + line))
    .join('\n');
}

/** The first `count` lines of a text, with an ellipsis when some were left out. */
export function firstLines(text: string, count: number): string {
  const lines = text.split('\n');
  return lines.slice(0, count).join('\n') + (lines.length > count ? `\n… (${lines.length - count} more lines)` : '');
}

/** Pads to a width, counting characters a terminal shows (colour codes take no room). */
export function pad(text: string, width: number): string {
  const visible = text.replace(/\u001b\[[0-9;]*m/g, '').length;
  return text + ' '.repeat(Math.max(0, width - visible));
}

/** "3 min ago", "2 days ago": how long since an ISO date. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
