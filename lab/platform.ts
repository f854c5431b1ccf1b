// What this machine is and what it has: the lab runs only on Linux, and needs a C compiler;
// strace and a JDK add figures but are optional. Missing tools are named with the Debian/Ubuntu
// command that installs them.
import {spawnSync} from 'node:child_process';
import os from 'node:os';
import type {LabMachine} from '../src/model/lab-report';

export interface Tools {
  readonly cc: string | null;
  readonly strace: string | null;
  readonly java: string | null;
  readonly javac: string | null;
  readonly ethtool: string | null;
}

/** The first line a tool prints about its version, or null when the tool is not there. */
function versionLine(command: string, args: readonly string[]): string | null {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 15_000});
  if (result.error !== undefined || result.status !== 0) return null;
  // java and javac print their version on stderr.
  const text = `${result.stdout}\n${result.stderr}`.trim();
  return text.split('\n')[0]?.trim() || command;
}

export function findTools(): Tools {
  return {
    cc: versionLine('cc', ['--version']),
    strace: versionLine('strace', ['-V']),
    java: versionLine('java', ['-version']),
    javac: versionLine('javac', ['-version']),
    ethtool: versionLine('ethtool', ['--version']),
  };
}

/** Null on Linux; otherwise the sentence to print before refusing to run. */
export function notLinuxMessage(platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'linux') return null;
  return (
    `The lab measures Linux system calls (sendfile, splice, MSG_ZEROCOPY...), and this is ${platform}. ` +
    'Run it on a Linux machine, a Linux VM, or WSL 2 on Windows.'
  );
}

export interface MissingTool {
  readonly tool: string;
  readonly consequence: string;
  readonly install: string;
}

/** What is missing, what the lab cannot do without it, and how to install it on Debian/Ubuntu. */
export function missingTools(tools: Tools): MissingTool[] {
  const missing: MissingTool[] = [];
  if (tools.cc === null) {
    missing.push({tool: 'cc (a C compiler)', consequence: 'no method can be measured', install: 'sudo apt-get install build-essential'});
  }
  if (tools.strace === null) {
    missing.push({tool: 'strace', consequence: 'no system-call counts', install: 'sudo apt-get install strace'});
  }
  if (tools.java === null || tools.javac === null) {
    missing.push({tool: 'a JDK (java and javac)', consequence: 'no Java transferTo / heap-buffer runs', install: 'sudo apt-get install default-jdk-headless'});
  }
  if (tools.ethtool === null) {
    missing.push({tool: 'ethtool', consequence: "no loopback offload features in the report", install: 'sudo apt-get install ethtool'});
  }
  return missing;
}

/** `ethtool -k lo` as feature -> state ("on", "off [fixed]"); null when ethtool fails. */
export function parseEthtoolFeatures(text: string): Record<string, string> | null {
  const features: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([a-z0-9-]+):\s*(\S.*)$/.exec(line);
    if (match) features[match[1]] = match[2].trim();
  }
  return Object.keys(features).length > 0 ? features : null;
}

function commandOutput(command: string, args: readonly string[]): string | null {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 15_000});
  return result.error === undefined && result.status === 0 ? result.stdout.trim() : null;
}

export function machineFacts(tools: Tools, tempDir: string): LabMachine {
  const cpus = os.cpus();
  const pageSize = Number(commandOutput('getconf', ['PAGESIZE']) ?? '4096');
  const ethtool = tools.ethtool === null ? null : commandOutput('ethtool', ['-k', 'lo']);
  return {
    kernel: `${os.type()} ${os.release()} (${os.arch()})`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: Math.max(1, cpus.length),
    pageSize: Number.isInteger(pageSize) && pageSize > 0 ? pageSize : 4096,
    tempFilesystem: commandOutput('stat', ['-f', '-c', '%T', tempDir]) ?? 'unknown',
    loopbackFeatures: ethtool === null ? null : parseEthtoolFeatures(ethtool),
    tools: {cc: tools.cc, strace: tools.strace, java: tools.java, ethtool: tools.ethtool},
  };
}
