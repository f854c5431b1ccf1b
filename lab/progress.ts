// A progress bar on stderr: redrawn in place on a terminal, one line per tenth otherwise (so a
// CI log shows progress without thousands of lines).
import {bar} from '../tools/workbench/terminal';

export interface Progress {
  readonly step: (label: string) => void;
  readonly done: () => void;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let done = 0;
  let lastTenth = -1;
  const started = Date.now();
  const line = (label: string): string => {
    const seconds = Math.round((Date.now() - started) / 1000);
    return `${bar(done, total)} ${done}/${total} ${seconds} s  ${label}`;
  };
  return {
    step(label) {
      done = Math.min(total, done + 1);
      if (stream.isTTY) {
        const text = line(label);
        stream.write(`\r${text.slice(0, (stream.columns || 100) - 1).padEnd((stream.columns || 100) - 1)}`);
      } else {
        const tenth = Math.floor((done / Math.max(1, total)) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${line(label)}\n`);
        }
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
