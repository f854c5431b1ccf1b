// The methods the lab measures, and the command line that runs each one. The C programs are in
// lab/c (one per method), the Java ones in lab/java/Lab.java.
import path from 'node:path';
import type {LabCache, LabMethodId} from '../src/model/lab-report';
import type {CProgram} from './compile';

export interface RunContext {
  readonly programs: Partial<Record<CProgram, string>>;
  /** Where Lab.class is, or null without a JDK. */
  readonly javaClassPath: string | null;
  readonly port: number;
  readonly tempDir: string;
  readonly bufferBytes: number;
}

export interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

export interface MethodSpec {
  readonly id: LabMethodId;
  readonly label: string;
  readonly target: 'socket' | 'file';
  readonly runtime: 'c' | 'java';
  /** The C program it needs (Java methods also use `evict` for cold runs). */
  readonly program: CProgram | null;
  /** True when the figures depend on the buffer size (--buffer). */
  readonly usesBuffer: boolean;
  readonly command: (context: RunContext, file: string, cache: LabCache) => Command | null;
}

/** Where copy_file_range writes: removed after each run so the disk does not fill up. */
export function copyDestination(tempDir: string): string {
  return path.join(tempDir, 'copy-destination.bin');
}

function cProgram(
  program: CProgram,
  extra: (context: RunContext) => readonly string[],
  target: (context: RunContext) => string = (context) => String(context.port),
): MethodSpec['command'] {
  return (context, file, cache) => {
    const executable = context.programs[program];
    return executable === undefined ? null : {command: executable, args: [file, target(context), cache, ...extra(context)]};
  };
}

function javaProgram(mode: 'transfer-to' | 'heap-loop'): MethodSpec['command'] {
  return (context, file, cache) => {
    if (context.javaClassPath === null) return null;
    const buffer = mode === 'heap-loop' ? [String(context.bufferBytes)] : [];
    // A small heap and one GC thread: the JVM's start-up should disturb the machine as little as it can.
    return {
      command: 'java',
      args: ['-Xms64m', '-Xmx256m', '-XX:+UseSerialGC', '-cp', context.javaClassPath, 'Lab', mode, file, String(context.port), cache, ...buffer],
    };
  };
}

const none = (): readonly string[] => [];
const buffer = (context: RunContext): readonly string[] => [String(context.bufferBytes)];

export const METHODS: readonly MethodSpec[] = [
  {id: 'read-write', label: 'read()+write()', target: 'socket', runtime: 'c', program: 'read_write', usesBuffer: true, command: cProgram('read_write', buffer)},
  {id: 'sendfile', label: 'sendfile()', target: 'socket', runtime: 'c', program: 'sendfile', usesBuffer: false, command: cProgram('sendfile', none)},
  {id: 'mmap-write', label: 'mmap()+write()', target: 'socket', runtime: 'c', program: 'mmap_write', usesBuffer: false, command: cProgram('mmap_write', none)},
  {id: 'splice', label: 'splice() via a pipe', target: 'socket', runtime: 'c', program: 'splice', usesBuffer: false, command: cProgram('splice', none)},
  {
    id: 'copy-file-range',
    label: 'copy_file_range() to a file',
    target: 'file',
    runtime: 'c',
    program: 'copy_file_range',
    usesBuffer: false,
    command: cProgram('copy_file_range', none, (context) => copyDestination(context.tempDir)),
  },
  {id: 'msg-zerocopy', label: 'send(MSG_ZEROCOPY)', target: 'socket', runtime: 'c', program: 'msg_zerocopy', usesBuffer: true, command: cProgram('msg_zerocopy', buffer)},
  {id: 'java-transfer-to', label: 'Java transferTo()', target: 'socket', runtime: 'java', program: null, usesBuffer: false, command: javaProgram('transfer-to')},
  {id: 'java-heap-loop', label: 'Java heap ByteBuffer loop', target: 'socket', runtime: 'java', program: null, usesBuffer: true, command: javaProgram('heap-loop')},
];
