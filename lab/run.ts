// `npm run lab`: measures each zero-copy method on this Linux machine, over loopback only, and
// writes reports/lab.json (shape: src/model/lab-report.ts, documented in lab/README.md).
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {LAB_REPORT_VERSION, type LabCache, type LabReport, validateLabReport} from '../src/model/lab-report';
import {MiB, formatBytes} from '../src/model/units';
import {colour} from '../tools/workbench/terminal';
import {LAB_DIR, compileC, compileJava} from './compile';
import {createSourceFile} from './files';
import {measureAll, stepsPerMethod} from './measure';
import {METHODS} from './methods';
import {UsageError, USAGE, parseLabArgs} from './options';
import {PARAM_PROBES, type MeasuredParams, labParameters, measureParams} from './params';
import {findTools, machineFacts, missingTools, notLinuxMessage} from './platform';
import {progressBar} from './progress';
import {type Sink, startSink} from './sink';
import {straceUnusableReason} from './strace';
import {parametersTable, resultsTable} from './table';
import {createLabTempDir} from './tempdir';

const REPORT_FILE = path.join(LAB_DIR, '..', 'reports', 'lab.json');
const CACHES: readonly LabCache[] = ['warm', 'cold'];
const NO_PARAMS: MeasuredParams = {
  syscallRoundTripNs: null,
  contextSwitchNs: null,
  memcpyBytesPerSecond: null,
  minorFaultNs: null,
  pagesPerMinorFault: null,
};

async function main(): Promise<number> {
  const options = parseLabArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const notLinux = notLinuxMessage();
  if (notLinux !== null) {
    console.error(notLinux);
    return 1;
  }

  const tools = findTools();
  for (const missing of missingTools(tools)) {
    console.log(colour.yellow(`Missing ${missing.tool}: ${missing.consequence}. Install it with: ${missing.install}`));
  }

  const temp = createLabTempDir();
  let sink: Sink | null = null;
  try {
    const unavailable = new Map<string, string>();
    const compiled = tools.cc === null ? {programs: {}, failures: {}} : await compileC(temp.dir);
    let javaClassPath: string | null = null;
    if (tools.java !== null && tools.javac !== null) {
      const java = await compileJava(temp.dir);
      if ('classPath' in java) javaClassPath = java.classPath;
      else console.log(colour.yellow(`Lab.java did not compile, so Java is skipped:\n${java.error}`));
    }
    for (const method of METHODS) {
      if (method.runtime === 'java' && javaClassPath === null) {
        unavailable.set(method.id, 'needs a JDK: sudo apt-get install default-jdk-headless');
      } else if (method.runtime === 'java' && compiled.programs.sink === undefined) {
        unavailable.set(method.id, 'needs cc for the loopback sink: sudo apt-get install build-essential');
      } else if (method.program !== null && compiled.programs[method.program] === undefined) {
        const failure = compiled.failures[method.program];
        unavailable.set(method.id, failure === undefined ? 'needs cc: sudo apt-get install build-essential' : `did not compile: ${failure}`);
      }
    }
    if (compiled.programs.sink === undefined) {
      for (const method of METHODS) if (method.target === 'socket') unavailable.set(method.id, unavailable.get(method.id) ?? 'the loopback sink did not compile');
    }

    const files = new Map<number, string>();
    for (const size of options.fileSizes) files.set(size, createSourceFile(temp.dir, size));
    if (compiled.programs.sink !== undefined) sink = await startSink(compiled.programs.sink);

    const machine = machineFacts(tools, temp.dir);
    console.log(
      `${machine.kernel}; ${machine.cpuCount} × ${machine.cpuModel}; page ${machine.pageSize} B; temp files on ${machine.tempFilesystem}`,
    );
    if (machine.tempFilesystem === 'tmpfs') {
      console.log(colour.yellow('The temp directory is in memory (tmpfs): "cold" runs cannot evict it, so they are warm runs too.'));
    }
    const straceProblem = tools.strace === null ? null : straceUnusableReason();
    if (straceProblem !== null) console.log(colour.yellow(`No system-call counts: ${straceProblem}`));
    const strace = tools.strace !== null && straceProblem === null;
    console.log(
      `Sizes ${options.fileSizes.map(formatBytes).join(', ')}; ${options.runs} runs each, warm and cold cache; buffer ${formatBytes(options.bufferBytes)}${strace ? '; strace counts in a separate run' : ''}\n`,
    );

    const params = compiled.programs.params;
    const total = (params ? PARAM_PROBES : 0) + METHODS.length * stepsPerMethod(files.size, CACHES.length, options.runs, strace);
    const progress = progressBar(total);
    // The fault probe wants enough pages to average over, but not the largest file: 16 MiB is 4,096 pages.
    const faultFile = files.get(Math.max(...options.fileSizes.filter((size) => size <= 16 * MiB))) ?? [...files.values()][0];
    const measuredParams = params ? await measureParams({params, faultFile, quick: options.quick, onStep: progress.step}) : NO_PARAMS;
    const measured = await measureAll({
      methods: METHODS,
      context: {programs: compiled.programs, javaClassPath, port: sink?.port ?? 0, tempDir: temp.dir, bufferBytes: options.bufferBytes},
      files,
      caches: CACHES,
      runs: options.runs,
      strace,
      unavailable,
      onStep: progress.step,
    });
    progress.done();

    const report: LabReport = validateLabReport({
      version: LAB_REPORT_VERSION,
      generatedAt: new Date().toISOString(),
      options: {quick: options.quick, runs: options.runs, fileSizes: options.fileSizes, bufferBytes: options.bufferBytes, caches: CACHES},
      machine,
      parameters: labParameters(measuredParams, measured.results, machine.pageSize),
      methods: measured.methods,
      results: measured.results,
    });
    mkdirSync(path.dirname(REPORT_FILE), {recursive: true});
    writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);

    console.log(`\n${resultsTable(report.methods, report.results)}`);
    console.log(`\n${colour.bold("The model's hardware parameters, measured here")}\n${parametersTable(report.parameters)}`);
    console.log(
      colour.dim(
        '\nwall: until the sink has read every byte; CPU, switches and faults: the sender only (getrusage; Java: its sending thread);' +
          '\ncalls: system calls of the transfer itself. On loopback wall time moves little; watch the sender CPU.',
      ),
    );
    console.log(`\nWrote ${path.relative(process.cwd(), REPORT_FILE)}`);
    return 0;
  } finally {
    sink?.stop();
    temp.remove();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error instanceof Error ? `The lab stopped: ${error.message}` : String(error));
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
