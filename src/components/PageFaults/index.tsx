import React, {useId, useMemo, useState} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import ModelNotice from '@site/src/components/ModelNotice';
import fieldStyles from '@site/src/components/SizeField/styles.module.css';
import StepperControls from '@site/src/components/StepperControls';
import {useStepper} from '@site/src/components/shared/useStepper';
import {usePrefersReducedMotion} from '@site/src/components/shared/usePrefersReducedMotion';
import {formatBytesForReader} from '@site/src/components/shared/format';
import {estimateCost, formatDuration} from '@site/src/model/cost';
import MachineBadge from '@site/src/components/MachineBadge';
import {useMachine} from '@site/src/components/shared/machine';
import {DEFAULT_FAULT_AROUND_PAGES, DEFAULT_READAHEAD_PAGES, MAX_READAHEAD_PAGES} from '@site/src/model/mmap-nio';
import {EMPTY_SUMMARY} from '@site/src/model/summary';
import {PAGE_SIZE, formatCount} from '@site/src/model/units';
import {ACCESS_PATTERNS, accessOrder, finalTotals, pageRuns, touchOutcomes, type AccessPattern, type TouchOutcome} from './touches';
import {parseWhole, type ParsedWhole} from './wholeNumber';
import PresentButton from '@site/src/components/PresentButton';
import styles from './styles.module.css';

/** Which of the file's pages are in the page cache before the program starts. */
export type CacheState = 'cold' | 'half' | 'warm';

const CACHE_STATES: readonly CacheState[] = ['cold', 'half', 'warm'];

/** The most pages the strip draws; more would not fit a column of text. */
export const MAX_STRIP_PAGES = 128;

/** Seeds are 32-bit, as mulberry32 takes them. */
const MAX_SEED = 0xffffffff;

interface Props {
  /** Pages of the mapped file, 1 to MAX_STRIP_PAGES. */
  readonly pages?: number;
  readonly pattern?: AccessPattern;
  /** Readahead window in pages: what a fault that misses the cache reads from disk; 0 turns readahead off. */
  readonly readahead?: number;
  /** Fault-around window in pages: how many pages one fault may map; 1 turns it off. A power of two. */
  readonly faultAround?: number;
  /** The first random pattern's seed. */
  readonly seed?: number;
  readonly stride?: number;
  readonly cache?: CacheState;
}

function patternName(pattern: AccessPattern): string {
  switch (pattern) {
    case 'sequential':
      return translate({id: 'pageFaults.pattern.sequential', message: 'sequential'});
    case 'random':
      return translate({id: 'pageFaults.pattern.random', message: 'random'});
    case 'strided':
      return translate({id: 'pageFaults.pattern.strided', message: 'strided'});
  }
}

function cacheName(cache: CacheState): string {
  switch (cache) {
    case 'cold':
      return translate({id: 'pageFaults.cache.cold', message: 'cold: nothing cached'});
    case 'half':
      return translate({id: 'pageFaults.cache.half', message: 'first half cached'});
    case 'warm':
      return translate({id: 'pageFaults.cache.warm', message: 'warm: whole file cached'});
  }
}

/** Fault-around windows the reader can pick: powers of two, as the kernel rounds fault_around_bytes. */
const FAULT_AROUND_CHOICES: readonly number[] = [1, 2, 4, 8, 16, 32, 64];

function cachedPages(cache: CacheState, pages: number): number[] {
  const count = cache === 'cold' ? 0 : cache === 'half' ? Math.floor(pages / 2) : pages;
  return Array.from({length: count}, (_, page) => page);
}

function wholeError(label: string, text: string, parsed: ParsedWhole, min: number, max: number): string | null {
  if (parsed.ok) return null;
  const values = {label, value: text, min: formatCount(min), max: formatCount(max)};
  switch (parsed.reason) {
    case 'nan':
      return translate({id: 'pageFaults.error.nan', message: '{label} must be a whole number; got "{value}".'}, values);
    case 'fraction':
      return translate({id: 'pageFaults.error.fraction', message: '{label} must be a whole number, not a fraction; got {value}.'}, values);
    case 'too-small':
      return translate({id: 'pageFaults.error.tooSmall', message: '{label} must be at least {min}; got {value}.'}, values);
    case 'too-big':
      return translate({id: 'pageFaults.error.tooBig', message: '{label} can be at most {max}; got {value}.'}, values);
  }
}

interface NumberFieldProps {
  readonly label: string;
  readonly value: string;
  readonly error: string | null;
  readonly onChange: (value: string) => void;
}

/** A labelled whole-number field whose error is announced, styled like SizeField. */
function NumberField({label, value, error, onChange}: NumberFieldProps): React.ReactNode {
  const id = useId();
  return (
    <div className={fieldStyles.field}>
      <label htmlFor={`${id}-value`} className={fieldStyles.label}>
        {label}
      </label>
      <input
        id={`${id}-value`}
        className={clsx(fieldStyles.value, styles.number)}
        type="text"
        inputMode="numeric"
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className={fieldStyles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "page 5", or "pages 0–7 (8 pages)", or "pages 0–3, 5–7 (7 pages)". */
function mappedText(pages: readonly number[]): string {
  if (pages.length === 1) return translate({id: 'pageFaults.mapped.one', message: 'page {page}'}, {page: pages[0]});
  const runs = pageRuns(pages)
    .map(([first, last]) => (first === last ? String(first) : `${first}–${last}`))
    .join(', ');
  return translate({id: 'pageFaults.mapped.many', message: 'pages {runs} ({count} pages)'}, {runs, count: pages.length});
}

function describeTouch(outcome: TouchOutcome, n: number, total: number): string {
  const values = {n, total, page: outcome.page};
  if (!outcome.fault) {
    return translate(
      {id: 'pageFaults.readout.hit', message: 'Touch {n} of {total}: page {page} is already mapped. A hit: no fault, the access is an ordinary memory read.'},
      values,
    );
  }
  const mapped = mappedText(outcome.fault.mapped);
  return outcome.fault.major
    ? translate(
        {
          id: 'pageFaults.readout.major',
          message: 'Touch {n} of {total}: page {page} is not mapped. Major page fault: the kernel reads it from disk into the page cache, then maps {mapped}.',
        },
        {...values, mapped},
      )
    : translate(
        {
          id: 'pageFaults.readout.minor',
          message: 'Touch {n} of {total}: page {page} is not mapped but is already in the page cache. Minor page fault: no disk read, the kernel only fills in the page table; it maps {mapped}.',
        },
        {...values, mapped},
      );
}

type CellState = 'unmapped' | 'mapped' | 'newMajor' | 'newMinor';

/** Step through a program touching a mapped file's pages: which touches fault, and what each fault maps. */
export default function PageFaults({
  pages: requestedPages = 64,
  pattern: initialPattern = 'sequential',
  readahead = DEFAULT_READAHEAD_PAGES,
  faultAround: initialFaultAround = DEFAULT_FAULT_AROUND_PAGES,
  seed = 1,
  stride = 16,
  cache: initialCache = 'cold',
}: Props): React.ReactNode {
  const pages = Math.min(Math.max(1, Math.round(requestedPages)), MAX_STRIP_PAGES);
  const {params} = useMachine();
  const [pattern, setPattern] = useState<AccessPattern>(initialPattern);
  const [cache, setCache] = useState<CacheState>(initialCache);
  const [faultAround, setFaultAround] = useState(
    FAULT_AROUND_CHOICES.includes(initialFaultAround) ? initialFaultAround : DEFAULT_FAULT_AROUND_PAGES,
  );
  const [readaheadText, setReadaheadText] = useState(String(readahead));
  const [seedText, setSeedText] = useState(String(seed));
  const [strideText, setStrideText] = useState(String(stride));
  const [lastValid, setLastValid] = useState({readahead, seed, stride});
  const reducedMotion = usePrefersReducedMotion();
  const radioName = useId();

  const readaheadLabel = translate({id: 'pageFaults.readahead', message: 'Readahead window (pages, 0 = off)'});
  const faultAroundLabel = translate({id: 'pageFaults.faultAround', message: 'Fault-around window (pages, 1 = off)'});
  const seedLabel = translate({id: 'pageFaults.seed', message: 'Seed'});
  const strideLabel = translate({id: 'pageFaults.stride', message: 'Stride (pages)'});
  const readaheadParsed = parseWhole(readaheadText, {min: 0, max: MAX_READAHEAD_PAGES});
  const seedParsed = parseWhole(seedText, {min: 0, max: MAX_SEED});
  const strideParsed = parseWhole(strideText, {min: 1, max: pages});
  const readaheadError = wholeError(readaheadLabel, readaheadText, readaheadParsed, 0, MAX_READAHEAD_PAGES);
  const seedError = wholeError(seedLabel, seedText, seedParsed, 0, MAX_SEED);
  const strideError = wholeError(strideLabel, strideText, strideParsed, 1, pages);

  // While a field is invalid the component keeps showing the last valid pattern.
  const current = {
    readahead: readaheadParsed.ok ? readaheadParsed.value : lastValid.readahead,
    seed: seedParsed.ok ? seedParsed.value : lastValid.seed,
    stride: strideParsed.ok ? strideParsed.value : lastValid.stride,
  };
  if (current.readahead !== lastValid.readahead || current.seed !== lastValid.seed || current.stride !== lastValid.stride) {
    setLastValid(current);
  }

  const order = useMemo(
    () => accessOrder(pattern, pages, {seed: current.seed, stride: current.stride}),
    [pattern, pages, current.seed, current.stride],
  );
  // The model's window counts the faulting page itself, so "off" is a window of one page.
  const windowPages = Math.max(1, current.readahead);
  const options = useMemo(
    () => ({readaheadPages: windowPages, faultAroundPages: faultAround, cached: cachedPages(cache, pages)}),
    [pages, windowPages, faultAround, cache],
  );
  const last = useMemo(() => finalTotals(order, pages, options), [order, pages, options]);
  const stepper = useStepper(order.length);
  // Each step's outcome is worked out only once the reader steps (finalTotals says why).
  const stepping = stepper.index >= 0;
  const outcomes = useMemo(() => (stepping ? touchOutcomes(order, pages, options) : []), [stepping, order, pages, options]);
  const active = stepping ? outcomes[stepper.index] : null;
  // Before the first step every touch is pending: its page is all the list shows.
  const listed: readonly Pick<TouchOutcome, 'page' | 'fault'>[] = stepping ? outcomes : order.map((page) => ({page, fault: null}));
  const animate = !reducedMotion && !stepper.atStart;

  // Which pages are mapped at this step, and which this step's fault mapped.
  const cells = useMemo((): CellState[] => {
    const state: CellState[] = Array.from({length: pages}, () => 'unmapped');
    outcomes.slice(0, stepper.index + 1).forEach((outcome, i) => {
      const fresh = i === stepper.index ? (outcome.fault?.major ? 'newMajor' : 'newMinor') : 'mapped';
      for (const page of outcome.fault?.mapped ?? []) state[page] = fresh;
    });
    return state;
  }, [outcomes, pages, stepper.index]);

  const change = (apply: () => void) => {
    apply();
    stepper.restart();
  };

  const readout = active
    ? describeTouch(active, stepper.index + 1, order.length)
    : translate(
        {
          id: 'pageFaults.readout.ready',
          message: 'Ready: {touches} {pattern} touches of a mapped file of {pages} pages ({bytes}), nothing mapped yet. Press Next or the right arrow key.',
        },
        {touches: order.length, pattern: patternName(pattern), pages, bytes: formatBytesForReader(pages * PAGE_SIZE)},
      );

  const faultCost = (faults: number) => formatDuration(estimateCost({...EMPTY_SUMMARY, pageFaults: faults}, params).pageFaultNs);
  const counters: readonly {key: string; label: string; soFar: string; total: string}[] = [
    {
      key: 'touches',
      label: translate({id: 'pageFaults.counter.touches', message: 'Touches'}),
      soFar: formatCount(stepper.index + 1),
      total: formatCount(order.length),
    },
    {
      key: 'faults',
      label: translate({id: 'pageFaults.counter.faults', message: 'Page faults'}),
      soFar: formatCount(active?.faults ?? 0),
      total: formatCount(last?.faults ?? 0),
    },
    {
      key: 'major',
      label: translate({id: 'pageFaults.counter.major', message: 'major (read from disk)'}),
      soFar: formatCount(active?.major ?? 0),
      total: formatCount(last?.major ?? 0),
    },
    {
      key: 'minor',
      label: translate({id: 'pageFaults.counter.minor', message: 'minor (already cached)'}),
      soFar: formatCount(active?.minor ?? 0),
      total: formatCount(last?.minor ?? 0),
    },
    {
      key: 'hits',
      label: translate({id: 'pageFaults.counter.hits', message: 'Hits (no fault)'}),
      soFar: formatCount(active?.hits ?? 0),
      total: formatCount(last?.hits ?? 0),
    },
    {
      key: 'mapped',
      label: translate({id: 'pageFaults.counter.mapped', message: 'Pages mapped'}),
      soFar: formatCount(active?.mappedPages ?? 0),
      total: formatCount(last?.mappedPages ?? 0),
    },
    {
      key: 'cost',
      label: translate({id: 'pageFaults.counter.cost', message: 'CPU time in fault handling (estimate)'}),
      soFar: faultCost(active?.faults ?? 0),
      total: faultCost(last?.faults ?? 0),
    },
  ];

  const regionLabel = translate({id: 'pageFaults.label', message: 'Page faults of a mapped file'});
  return (
    <section
      className={clsx(styles.pageFaults, animate && styles.animate)}
      aria-label={regionLabel}
      data-live-component="PageFaults"
      data-live-keys="ArrowRight"
      tabIndex={0}
      onKeyDown={stepper.onKeyDown}>
      <PresentButton label={regionLabel} />
      <ModelNotice modules={['mmap-nio']} />
      <div className={styles.controls}>
        <fieldset className={styles.choices}>
          <legend>
            <Translate id="pageFaults.patternLegend">Access pattern</Translate>
          </legend>
          {ACCESS_PATTERNS.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`${radioName}-pattern`}
                value={option}
                checked={pattern === option}
                onChange={() => change(() => setPattern(option))}
              />{' '}
              {patternName(option)}
            </label>
          ))}
        </fieldset>
        {pattern === 'random' && (
          <NumberField label={seedLabel} value={seedText} error={seedError} onChange={(text) => change(() => setSeedText(text))} />
        )}
        {pattern === 'strided' && (
          <NumberField label={strideLabel} value={strideText} error={strideError} onChange={(text) => change(() => setStrideText(text))} />
        )}
        <NumberField
          label={readaheadLabel}
          value={readaheadText}
          error={readaheadError}
          onChange={(text) => change(() => setReadaheadText(text))}
        />
        <div className={fieldStyles.field}>
          <label htmlFor={`${radioName}-fault-around`} className={fieldStyles.label}>
            {faultAroundLabel}
          </label>
          <select
            id={`${radioName}-fault-around`}
            className={clsx(fieldStyles.value, styles.number)}
            value={faultAround}
            onChange={(event) => change(() => setFaultAround(Number(event.target.value)))}>
            {FAULT_AROUND_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
        <fieldset className={styles.choices}>
          <legend>
            <Translate id="pageFaults.cacheLegend">Page cache before the first touch</Translate>
          </legend>
          {CACHE_STATES.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`${radioName}-cache`}
                value={option}
                checked={cache === option}
                onChange={() => change(() => setCache(option))}
              />{' '}
              {cacheName(option)}
            </label>
          ))}
        </fieldset>
      </div>

      <p className={styles.setting}>
        {current.readahead === 0 ? (
          <Translate id="pageFaults.settingOff" values={{pages, bytes: formatBytesForReader(pages * PAGE_SIZE)}}>
            {'{pages} pages ({bytes}) mapped with mmap(). Readahead off: a fault on a page that is not cached reads that page alone from disk.'}
          </Translate>
        ) : (
          <Translate
            id="pageFaults.setting"
            values={{pages, bytes: formatBytesForReader(pages * PAGE_SIZE), window: formatCount(current.readahead), windowBytes: formatBytesForReader(current.readahead * PAGE_SIZE)}}>
            {'{pages} pages ({bytes}) mapped with mmap(). A fault on a page that is not cached reads it and the pages after it from disk, {window} pages ({windowBytes}) in all.'}
          </Translate>
        )}{' '}
        {faultAround === 1 ? (
          <Translate id="pageFaults.faultAroundOff">Fault-around off: every fault maps one page.</Translate>
        ) : (
          <Translate
            id="pageFaults.faultAroundSetting"
            values={{around: formatCount(faultAround), aroundBytes: formatBytesForReader(faultAround * PAGE_SIZE)}}>
            {'Each fault maps the cached pages of its aligned window of {around} pages ({aroundBytes}).'}
          </Translate>
        )}
      </p>

      <div className={styles.rowTitle} id={`${radioName}-strip`}>
        <Translate id="pageFaults.stripTitle">The mapped file, one square per 4 KiB page</Translate>
      </div>
      <ol className={styles.strip} aria-labelledby={`${radioName}-strip`}>
        {cells.map((state, page) => (
          <li
            key={page}
            className={clsx(
              styles.cell,
              state === 'unmapped' && styles.unmapped,
              state === 'mapped' && styles.mapped,
              state === 'newMajor' && styles.newMajor,
              state === 'newMinor' && styles.newMinor,
              active?.page === page && styles.touched,
            )}
            aria-current={active?.page === page ? 'true' : undefined}>
            {page}
            <span className={styles.visuallyHidden}>
              {state === 'unmapped'
                ? translate({id: 'pageFaults.cell.unmapped', message: ': not mapped'})
                : state === 'mapped'
                  ? translate({id: 'pageFaults.cell.mapped', message: ': mapped'})
                  : state === 'newMajor'
                    ? translate({id: 'pageFaults.cell.newMajor', message: ': just mapped by a major fault'})
                    : translate({id: 'pageFaults.cell.newMinor', message: ': just mapped by a minor fault'})}
            </span>
          </li>
        ))}
      </ol>
      <ul className={styles.legend}>
        <li>
          <span className={clsx(styles.swatch, styles.unmapped)} /> <Translate id="pageFaults.legend.unmapped">not mapped</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.mapped)} /> <Translate id="pageFaults.legend.mapped">mapped</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.newMajor)} />{' '}
          <Translate id="pageFaults.legend.major">major fault (disk read)</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.newMinor)} />{' '}
          <Translate id="pageFaults.legend.minor">minor fault (page cache)</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.hitSwatch)} /> <Translate id="pageFaults.legend.hit">hit</Translate>
        </li>
        <li>
          <span className={clsx(styles.swatch, styles.touchedSwatch)} />{' '}
          <Translate id="pageFaults.legend.touched">page touched now</Translate>
        </li>
      </ul>

      <p className={styles.readout} aria-live="polite" data-live-readout="">
        {readout}
      </p>

      <StepperControls stepper={stepper} empty={order.length === 0} />

      <div className={styles.columns}>
        <div>
          <div className={styles.rowTitle} id={`${radioName}-order`}>
            <Translate id="pageFaults.orderTitle">Access order: the page of each touch</Translate>
          </div>
          <ol className={styles.order} aria-labelledby={`${radioName}-order`}>
            {listed.map((outcome, i) => (
              <li
                key={i}
                className={clsx(
                  styles.touch,
                  i > stepper.index && styles.pending,
                  i <= stepper.index && !outcome.fault && styles.hit,
                  i <= stepper.index && outcome.fault?.major === true && styles.newMajor,
                  i <= stepper.index && outcome.fault?.major === false && styles.newMinor,
                  i === stepper.index && styles.touched,
                )}
                aria-current={i === stepper.index ? 'step' : undefined}>
                {outcome.page}
                {i <= stepper.index && (
                  <span className={styles.visuallyHidden}>
                    {!outcome.fault
                      ? translate({id: 'pageFaults.touch.hit', message: ': hit'})
                      : outcome.fault.major
                        ? translate({id: 'pageFaults.touch.major', message: ': major fault'})
                        : translate({id: 'pageFaults.touch.minor', message: ': minor fault'})}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
        <div className={styles.counters}>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <Translate id="pageFaults.counter.what">Counter</Translate>
                </th>
                <th scope="col">
                  <Translate id="pageFaults.counter.soFar">So far</Translate>
                </th>
                <th scope="col">
                  <Translate id="pageFaults.counter.total">Whole pattern</Translate>
                </th>
              </tr>
            </thead>
            <tbody>
              {counters.map((row) => (
                <tr key={row.key} data-counter={row.key} className={clsx((row.key === 'major' || row.key === 'minor') && styles.subRow)}>
                  <th scope="row">{row.label}</th>
                  <td>{row.soFar}</td>
                  <td>{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.note}>
            <Translate id="pageFaults.costNote" values={{perFault: formatDuration(params.pageFaultNs)}}>
              {"Estimated at {perFault} per fault: the model's assumption for a minor fault on a cached file page, which maps up to 16 pages. An anonymous first-touch fault costs more: it also allocates and zeroes a page. A major fault also waits for the disk, which this does not count."}
            </Translate>
          </p>
          <MachineBadge />
        </div>
      </div>
    </section>
  );
}
