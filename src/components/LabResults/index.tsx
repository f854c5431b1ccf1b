// The lab page's figures: a lab report's sender CPU and wall time per method beside the model's
// prediction, the machine it came from, and the Java runs beside IBM's 2008 table. It shows the
// sample the course ships until the reader loads their own reports/lab.json (file picker or drop),
// which is validated, kept in this browser, and then prices every estimate on the site.
import React, {useId, useState, type DragEvent} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {SAMPLE_LAB_REPORT} from '@site/src/data/lab-sample';
import {IBM_2008} from '@site/src/data/ibm-2008';
import {useMachine} from '@site/src/components/shared/machine';
import {formatBytesForReader} from '@site/src/components/shared/format';
import {DEFAULT_HARDWARE, formatDuration, type HardwareParams} from '@site/src/model/cost';
import {javaSpeedups, labCaches, labChartRows, labSizes} from '@site/src/model/lab-compare';
import {LabReportError, hardwareFromLabReport, type LabCache, type LabReport} from '@site/src/model/lab-report';
import Bars from './Bars';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

/** Larger than any lab report (the default run writes about 60 KB): refuse before reading it. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Milliseconds to two significant figures, for charts whose figures span 0.2 ms to 200 ms. */
export function formatMs(ns: number): string {
  const ms = ns / 1e6;
  if (ms === 0) return '0 ms';
  return `${ms >= 100 ? Math.round(ms) : Number(ms.toPrecision(2))} ms`;
}

/** A tick's figure in milliseconds; the axis label names the unit. */
function formatTick(ns: number): string {
  return String(Number((ns / 1e6).toPrecision(3)));
}

function legend(runs: number, withModel: boolean): React.ReactNode {
  return (
    <ul className={styles.legend}>
      <li>
        <span className={styles.legendBar} />
        <Translate id="lab.legend.median" values={{runs}}>
          {'median of {runs} runs'}
        </Translate>
      </li>
      <li>
        <span className={styles.legendWhisker} />
        <Translate id="lab.legend.range">fastest to slowest run</Translate>
      </li>
      {withModel && (
        <li>
          <span className={styles.legendMarker} />
          <Translate id="lab.legend.model">the model&apos;s estimate</Translate>
        </li>
      )}
    </ul>
  );
}

function cacheName(cache: LabCache): string {
  return cache === 'warm'
    ? translate({id: 'lab.cache.warm', message: 'warm cache (file read once first)'})
    : translate({id: 'lab.cache.cold', message: 'cold cache (file dropped from the page cache)'});
}

function machineLine(report: LabReport): string {
  const m = report.machine;
  return `${m.cpuModel} × ${m.cpuCount}, ${m.kernel}, ${report.generatedAt.slice(0, 10)}`;
}

interface ParameterRow {
  readonly key: keyof HardwareParams;
  readonly label: () => string;
  /** Where the course's default comes from, shown beside it. */
  readonly source: () => string;
  readonly format: (value: number) => string;
}

const PARAMETER_ROWS: readonly ParameterRow[] = [
  {
    key: 'modeSwitchNs',
    label: () => translate({id: 'lab.params.modeSwitch', message: 'Mode switch'}),
    source: () => translate({id: 'lab.params.modeSwitch.source', message: 'half of a getppid() round trip measured at 170-185 ns'}),
    format: formatDuration,
  },
  {
    key: 'contextSwitchNs',
    label: () => translate({id: 'lab.params.contextSwitch', message: 'Context switch (upper bound)'}),
    source: () => translate({id: 'lab.params.contextSwitch.source', message: 'half of a 6.5-7.1 \u00b5s pipe ping-pong on a VM'}),
    format: formatDuration,
  },
  {
    key: 'memcpyBytesPerSecond',
    label: () => translate({id: 'lab.params.memcpy', message: 'Memory copy bandwidth'}),
    source: () => translate({id: 'lab.params.memcpy.source', message: 'one core copying 512 MiB on a 2-vCPU VM: 11.7-12.4 GB/s'}),
    format: (v) => `${Number((v / 1e9).toPrecision(3))} GB/s`,
  },
  {
    key: 'pageFaultNs',
    label: () => translate({id: 'lab.params.pageFault', message: 'Minor fault on a file (per 16 pages)'}),
    source: () => translate({id: 'lab.params.pageFault.source', message: 'an assumption for a physical machine, not a measurement'}),
    format: formatDuration,
  },
  {
    key: 'perPageKernelNs',
    label: () => translate({id: 'lab.params.perPage', message: 'Kernel work per page sent'}),
    source: () => translate({id: 'lab.params.perPage.source', message: 'sendfile() of 1 GiB over loopback on a 2-vCPU VM, sender CPU per page'}),
    format: formatDuration,
  },
];

function problemsOf(error: unknown): string[] {
  if (error instanceof LabReportError) return [...error.problems];
  return [error instanceof Error ? error.message : String(error)];
}

export default function LabResults(): React.ReactNode {
  const id = useId();
  const machine = useMachine();
  const report = machine.report ?? SAMPLE_LAB_REPORT;
  const mine = machine.report !== null;
  const [wantedSize, setWantedSize] = useState<number | null>(null);
  const [cache, setCache] = useState<LabCache>('warm');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  const sampleUrl = useBaseUrl('/lab/sample-lab.json');

  const sizes = labSizes(report);
  const size = wantedSize !== null && sizes.includes(wantedSize) ? wantedSize : sizes[sizes.length - 1];
  const caches = labCaches(report);
  const shownCache = caches.includes(cache) ? cache : caches[0];
  // The model priced for the machine that measured: the report's own parameters.
  const params = hardwareFromLabReport(report, DEFAULT_HARDWARE);
  const rows = size === undefined || shownCache === undefined ? [] : labChartRows(report, size, shownCache, params);
  const notMeasured = report.methods.filter((m) => m.status !== 'measured');

  const readFile = async (file: File | undefined) => {
    if (file === undefined) return;
    setStatus('');
    if (file.size > MAX_FILE_BYTES) {
      setProblems([translate({id: 'lab.load.tooBig', message: 'the file is {size}; a lab report is well under 5 MB'}, {size: formatBytesForReader(file.size)})]);
      return;
    }
    try {
      const {report: loaded, kept} = machine.load(await file.text());
      setProblems([]);
      setStatus(
        kept
          ? translate({id: 'lab.load.done', message: 'Loaded {name}, measured on {machine}. Every estimate on the site now uses its figures.'}, {name: file.name, machine: machineLine(loaded)})
          : translate({id: 'lab.load.doneNotKept', message: 'Loaded {name}, measured on {machine}, for this visit: this browser would not keep it.'}, {name: file.name, machine: machineLine(loaded)}),
      );
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };

  const forget = () => {
    machine.forget();
    setProblems([]);
    setStatus(translate({id: 'lab.forgotten', message: 'Your report is forgotten; the site uses the course\u2019s defaults again.'}));
  };

  const speedups = shownCache === undefined ? [] : javaSpeedups(report, shownCache);
  const ibmRatios = IBM_2008.map((row) => row.normalMs / row.transferToMs);

  const regionLabel = translate({id: 'lab.label', message: 'Lab results'});
  return (
    <section className={styles.lab} aria-label={regionLabel} data-live-component="LabResults">
      <PresentButton label={regionLabel} />
      <p className={styles.source} data-lab-source={mine ? 'yours' : 'sample'}>
        {mine ? (
          <Translate id="lab.source.yours" values={{machine: <strong>{machineLine(report)}</strong>}}>
            {'Showing your report, measured on {machine}.'}
          </Translate>
        ) : (
          <Translate id="lab.source.sample" values={{machine: <strong>{machineLine(report)}</strong>}}>
            {'Showing the course\u2019s sample, measured on {machine}: a 2-vCPU virtual machine. Load your own to see your machine.'}
          </Translate>
        )}
      </p>

      <div
        className={clsx(styles.drop, dragging && styles.dragging)}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-lab-drop="">
        <label htmlFor={`${id}-file`} className={styles.dropLabel}>
          <Translate id="lab.load.label">Load your reports/lab.json (or drop it here)</Translate>
        </label>
        <input id={`${id}-file`} type="file" accept=".json,application/json" onChange={(event) => void readFile(event.target.files?.[0])} />
        <a href={sampleUrl} download="sample-lab.json">
          <Translate id="lab.sample.download">Download the sample</Translate>
        </a>
        {mine && (
          <button type="button" className="button button--secondary button--sm" onClick={forget}>
            <Translate id="lab.forget">Forget my report</Translate>
          </button>
        )}
      </div>
      <p className={styles.status} role="status">
        {status}
      </p>
      {problems.length > 0 && (
        <div className={styles.error} role="alert" data-lab-error="">
          <p>
            <Translate id="lab.load.rejected">That file was not loaded, and nothing changed:</Translate>
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}

      <div className={styles.controls}>
        <fieldset>
          <legend>
            <Translate id="lab.size">File size</Translate>
          </legend>
          {sizes.map((s, i) => (
            <label key={s} className={styles.choice}>
              <input
                type="radio"
                name={`${id}-size`}
                checked={s === size}
                onChange={() => setWantedSize(s)}
                // The browser tests click the first size, then press the arrow key a radio group answers to.
                {...(i === 0 ? {'data-live-click': '', 'data-live-keys': 'ArrowRight'} : {})}
              />{' '}
              {formatBytesForReader(s)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>
            <Translate id="lab.cache">Page cache</Translate>
          </legend>
          {caches.map((c) => (
            <label key={c} className={styles.choice}>
              <input type="radio" name={`${id}-cache`} checked={c === shownCache} onChange={() => setCache(c)} /> {cacheName(c)}
            </label>
          ))}
        </fieldset>
      </div>

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {rows.length > 0 &&
          translate(
            {id: 'lab.readout', message: '{size}, {cache}. Sender CPU: {figures}.'},
            {
              size: formatBytesForReader(size!),
              cache: cacheName(shownCache!),
              figures: rows.map((r) => `${r.label} ${formatMs(r.cpuNs.median)}`).join('; '),
            },
          )}
      </p>
      {rows.length === 0 ? (
        <p>
          <Translate id="lab.noResults">This report has no measured results.</Translate>
        </p>
      ) : (
        <>
          <Bars
            title={translate(
              {id: 'lab.cpu.title', message: 'Sender CPU time (user + system), {size}, {cache}'},
              {size: formatBytesForReader(size!), cache: cacheName(shownCache!)},
            )}
            axisLabel={translate({id: 'lab.cpu.axis', message: 'milliseconds of the sender\u2019s CPU'})}
            rows={rows.map((r) => ({key: r.method, label: <code>{r.label}</code>, ...r.cpuNs, marker: r.modelCpuNs}))}
            format={formatMs}
            formatTick={formatTick}
            legend={legend(report.options.runs, true)}
            markerLabel={translate({id: 'lab.model', message: 'model:'})}
            noMarkerLabel={translate({id: 'lab.noModel', message: 'model: not priced yet'})}
          />
          <Bars
            title={translate(
              {id: 'lab.wall.title', message: 'Wall time until the receiver has every byte, {size}, {cache}'},
              {size: formatBytesForReader(size!), cache: cacheName(shownCache!)},
            )}
            axisLabel={translate({id: 'lab.wall.axis', message: 'milliseconds, wall clock'})}
            rows={rows.map((r) => ({key: r.method, label: <code>{r.label}</code>, ...r.wallNs, marker: null}))}
            format={formatMs}
            formatTick={formatTick}
            legend={legend(report.options.runs, false)}
            markerLabel=""
            noMarkerLabel=""
          />
        </>
      )}
      {notMeasured.length > 0 && (
        <ul className={styles.notMeasured}>
          {notMeasured.map((m) => (
            <li key={m.id}>
              <code>{m.label}</code>: {m.reason ?? m.status}
            </li>
          ))}
        </ul>
      )}

      <h3 className={styles.heading}>
        <Translate id="lab.java.title">The Java runs beside IBM&apos;s 2008 table</Translate>
      </h3>
      <p>
        <Translate
          id="lab.java.text"
          values={{low: ibmRatios.reduce((a, b) => Math.min(a, b)).toFixed(2), high: ibmRatios.reduce((a, b) => Math.max(a, b)).toFixed(2)}}>
          {'IBM\u2019s heap-buffer client took {low} to {high} times as long as its transferTo client. The same ratio from this report (wall time of the heap ByteBuffer loop over transferTo):'}
        </Translate>
      </p>
      {speedups.length === 0 ? (
        <p data-lab-java="none">
          <Translate id="lab.java.none">No Java runs in this report (the lab needs a JDK for them).</Translate>
        </p>
      ) : (
        <ul className={styles.ratios} data-lab-java="">
          {speedups.map(({fileBytes, ratio}) => (
            <li key={fileBytes}>
              {formatBytesForReader(fileBytes)}: <strong>{ratio.toFixed(2)}×</strong>
            </li>
          ))}
        </ul>
      )}

      <h3 className={styles.heading}>
        <Translate id="lab.machine.title">The machine and the model&apos;s parameters it measured</Translate>
      </h3>
      <dl className={styles.facts}>
        <dt>
          <Translate id="lab.machine.kernel">Kernel</Translate>
        </dt>
        <dd>{report.machine.kernel}</dd>
        <dt>
          <Translate id="lab.machine.cpu">CPU</Translate>
        </dt>
        <dd>
          {report.machine.cpuModel} × {report.machine.cpuCount}
        </dd>
        <dt>
          <Translate id="lab.machine.page">Page size</Translate>
        </dt>
        <dd>{formatBytesForReader(report.machine.pageSize)}</dd>
        <dt>
          <Translate id="lab.machine.fs">Test files on</Translate>
        </dt>
        <dd>{report.machine.tempFilesystem}</dd>
        <dt>
          <Translate id="lab.machine.offload">Loopback offloads</Translate>
        </dt>
        <dd>
          {report.machine.loopbackFeatures === null
            ? translate({id: 'lab.machine.noEthtool', message: 'not recorded (no ethtool)'})
            : `scatter-gather: ${report.machine.loopbackFeatures['scatter-gather'] ?? '?'}; tx-checksumming: ${report.machine.loopbackFeatures['tx-checksumming'] ?? '?'}`}
        </dd>
      </dl>
      <div className={styles.scroll} tabIndex={0} aria-label={translate({id: 'lab.params.label', message: 'Measured parameters beside the course defaults'})}>
        <table>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="lab.params.name">Parameter</Translate>
              </th>
              <th scope="col">
                <Translate id="lab.params.report">This report</Translate>
              </th>
              <th scope="col">
                <Translate id="lab.params.default">Course default</Translate>
              </th>
              <th scope="col">
                <Translate id="lab.params.source">Where the default comes from</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {PARAMETER_ROWS.map(({key, label, source, format}) => (
              <tr key={key}>
                <th scope="row">{label()}</th>
                <td>{format(params[key])}</td>
                <td>{format(DEFAULT_HARDWARE[key])}</td>
                <td className={styles.sourceCell}>{source()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
