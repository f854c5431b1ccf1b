// The lab harness's pure parts: flags, platform messages, and reading a program's JSON line.
// No compiler needed.
import {describe, expect, it} from 'vitest';
import {parseLabArgs, UsageError} from '../../lab/options';
import {missingTools, notLinuxMessage, parseEthtoolFeatures} from '../../lab/platform';
import type {Finished} from '../../lab/process';
import {EXIT_UNSUPPORTED, interpretRun} from '../../lab/programs';
import {spread} from '../../lab/stats';

const finished = (code: number, stdout: string, stderr = ''): Finished => ({code, signal: null, stdout, stderr, timedOut: false});

const LINE =
  '{"method":"sendfile","bytes":10,"wallNs":5,"userUs":0,"sysUs":1,"voluntarySwitches":0,"involuntarySwitches":0,"minorFaults":2,"majorFaults":0,"residentBefore":1.0,"calls":1}';

describe('a lab program\'s last line', () => {
  it('is its measurement when it exits 0', () => {
    const outcome = interpretRun(finished(0, `${LINE}\n`), 'sendfile');
    expect(outcome).toMatchObject({kind: 'ok', report: {method: 'sendfile', bytes: 10, calls: 1}});
  });

  it('says "not supported on this kernel" when the program exits 3, instead of failing', () => {
    const outcome = interpretRun(
      finished(EXIT_UNSUPPORTED, '{"method":"msg-zerocopy","unsupported":"setsockopt(SO_ZEROCOPY): Protocol not available"}\n'),
      'send(MSG_ZEROCOPY)',
    );
    expect(outcome).toEqual({kind: 'unsupported', reason: 'not supported on this kernel: setsockopt(SO_ZEROCOPY): Protocol not available'});
  });

  it('is a failure with the program\'s own message when it crashes or prints half a line', () => {
    expect(interpretRun(finished(1, '', 'splice: splice (file to pipe) failed: Bad file descriptor\n'), 'splice()')).toEqual({
      kind: 'failed',
      reason: 'splice(): splice: splice (file to pipe) failed: Bad file descriptor',
    });
    expect(interpretRun(finished(0, '{"method":"sendfile","bytes":10}\n'), 'sendfile()')).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/without wallNs, userUs/),
    });
  });
});

describe('npm run lab flags', () => {
  it('defaults to three sizes and five runs; --quick to two sizes and three runs', () => {
    expect(parseLabArgs([])).toMatchObject({quick: false, runs: 5, fileSizes: [1 << 20, 16 << 20, 128 << 20], bufferBytes: 65_536});
    expect(parseLabArgs(['--quick'])).toMatchObject({quick: true, runs: 3, fileSizes: [1 << 20, 16 << 20]});
    expect(parseLabArgs(['--quick', '--runs', '7', '--buffer', '4096'])).toMatchObject({runs: 7, bufferBytes: 4096});
  });

  it('explains a bad flag', () => {
    expect(() => parseLabArgs(['--runs', 'many'])).toThrow(new UsageError('--runs needs a whole number from 1 to 100; got "many"'));
    expect(() => parseLabArgs(['--fast'])).toThrow(/Unknown option "--fast"/);
  });
});

describe('the platform check', () => {
  it('refuses anything but Linux with a sentence that says why and what to do', () => {
    expect(notLinuxMessage('linux')).toBeNull();
    expect(notLinuxMessage('darwin')).toMatch(/this is darwin\. Run it on a Linux machine, a Linux VM, or WSL 2/);
  });

  it('names each missing tool with what it costs and the Debian/Ubuntu command', () => {
    const missing = missingTools({cc: null, strace: null, java: 'openjdk 17', javac: null, ethtool: 'ethtool 6.1'});
    expect(missing.map((m) => m.install)).toEqual([
      'sudo apt-get install build-essential',
      'sudo apt-get install strace',
      'sudo apt-get install default-jdk-headless',
    ]);
  });

  it('reads `ethtool -k lo`', () => {
    const text = 'Features for lo:\nrx-checksumming: on [fixed]\nscatter-gather: on\n\ttx-scatter-gather: on [fixed]\n';
    expect(parseEthtoolFeatures(text)).toEqual({'rx-checksumming': 'on [fixed]', 'scatter-gather': 'on', 'tx-scatter-gather': 'on [fixed]'});
  });
});

describe('median and range', () => {
  it('takes the middle run, or the mean of the two middle ones', () => {
    expect(spread([5, 1, 9])).toEqual({median: 5, min: 1, max: 9});
    expect(spread([4, 1, 2, 10])).toEqual({median: 3, min: 1, max: 10});
  });
});
