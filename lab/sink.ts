// The receiving end of every socket run: lab/c/sink.c in its own process, listening on an
// ephemeral port of 127.0.0.1, reading and discarding. One sink serves the whole lab.
import {startChild} from './process';

export interface Sink {
  readonly port: number;
  readonly stop: () => void;
}

export function startSink(executable: string): Promise<Sink> {
  return new Promise((resolve, reject) => {
    const child = startChild(executable, []);
    let output = '';
    const fail = (why: string): void => {
      child.kill('SIGKILL');
      reject(new Error(`The loopback sink did not start: ${why}`));
    };
    const timer = setTimeout(() => fail('it printed no port within 10 s'), 10_000);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /^(\d+)\n/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({port: Number(match[1]), stop: () => child.kill('SIGTERM')});
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      fail(`it exited (code ${String(code)}): ${output.trim()}`);
    });
  });
}
