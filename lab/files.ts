// The files the lab sends: one per size, in the temp directory, filled with random bytes (a
// repeated random block, so nothing along the way can shortcut zeros) and flushed to disk, so
// that a cold run really can evict them.
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, writeSync} from 'node:fs';
import path from 'node:path';
import {MiB} from '../src/model/units';

export function createSourceFile(dir: string, bytes: number): string {
  const file = path.join(dir, `source-${bytes}.bin`);
  const block = randomBytes(Math.min(bytes, MiB) || 1);
  const fd = openSync(file, 'w');
  try {
    for (let written = 0; written < bytes; ) {
      const n = writeSync(fd, block, 0, Math.min(block.length, bytes - written));
      written += n;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return file;
}
