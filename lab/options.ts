// `npm run lab [-- --quick] [--runs N] [--buffer BYTES]`: what to measure and how often.
import {MiB} from '../src/model/units';

export interface LabCliOptions {
  readonly quick: boolean;
  readonly runs: number;
  readonly fileSizes: readonly number[];
  readonly bufferBytes: number;
  readonly help: boolean;
}

export const USAGE = `npm run lab [-- options]

Measures zero-copy methods on this Linux machine over loopback and writes reports/lab.json.

  --quick          two file sizes (1 and 16 MiB), 3 runs each: under a minute
  --runs N         repetitions per measurement (default 5; 3 with --quick)
  --buffer BYTES   buffer for read()+write(), MSG_ZEROCOPY pieces and the Java heap loop
                   (default 65536; IBM's 2008 experiment used 4096)
  --help           this text`;

export class UsageError extends Error {}

function positiveInteger(flag: string, text: string | undefined, max: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`${flag} needs a whole number from 1 to ${max}; got ${text === undefined ? 'nothing' : `"${text}"`}`);
  }
  return value;
}

export function parseLabArgs(argv: readonly string[]): LabCliOptions {
  let quick = false;
  let help = false;
  let runs: number | null = null;
  let bufferBytes = 64 * 1024;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--runs') runs = positiveInteger('--runs', argv[++i], 100);
    else if (arg === '--buffer') bufferBytes = positiveInteger('--buffer', argv[++i], 64 * MiB);
    else throw new UsageError(`Unknown option "${arg}"\n\n${USAGE}`);
  }
  return {
    quick,
    help,
    runs: runs ?? (quick ? 3 : 5),
    fileSizes: quick ? [1 * MiB, 16 * MiB] : [1 * MiB, 16 * MiB, 128 * MiB],
    bufferBytes,
  };
}
