// The lab's readers of strace output: plain text in, counts out. No strace needed.
import {describe, expect, it} from 'vitest';
import {parseMarkedWindow, parseStraceSummary} from '../../lab/strace';

const SUMMARY = `% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 70.42    0.003747          72        52           read
 21.89    0.001165          24        47           write
  0.15    0.000008           8         1         1 ioctl
------ ----------- ----------- --------- --------- ----------------
100.00    0.005321          36       100         1 total
`;

const LOG = `2129  execve("./read_write", ["./read_write"], 0x7ffd /* 20 vars */) = 0
2129  read(3, "\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0"..., 832) = 832
2129  getppid()                         = 2126
2129  read(3, "abc"..., 65536) = 65536
2129  write(4, "abc"..., 65536 <unfinished ...>
2130  +++ exited with 0 +++
2129  <... write resumed>)              = 65536
2129  --- SIGCHLD {si_signo=SIGCHLD} ---
2129  read(3, "abc"..., 10) = 10
2129  write(4, "abc"..., 10) = 10
2129  getppid()                         = 2126
2129  write(1, "{\\"method\\":\\"read-write\\"}\\n", 25) = 25
`;

describe('strace -c output', () => {
  it('counts calls by name, with or without an errors column, and leaves out the total', () => {
    expect(parseStraceSummary(SUMMARY)).toEqual({read: 52, write: 47, ioctl: 1});
  });
});

describe('a strace -f log cut at the getppid() markers', () => {
  it('counts only the calls of the data path, a resumed call once', () => {
    expect(parseMarkedWindow(LOG)).toEqual({read: 2, write: 2});
  });

  it('refuses a log without both markers instead of guessing', () => {
    expect(() => parseMarkedWindow(LOG.replace(/^.*getppid.*$/m, ''))).toThrow(/exactly two getppid\(\) calls; strace saw 1/);
  });
});
