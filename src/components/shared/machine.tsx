// Which machine the model's costs are priced for: the course's defaults, or the reader's own,
// measured by `npm run lab` and loaded on the lab page. One provider (in the theme's Root) keeps
// the choice across pages; every live component that estimates time reads it with useMachine().
import React, {createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode} from 'react';
import {DEFAULT_HARDWARE, type HardwareParams} from '@site/src/model/cost';
import {hardwareFromLabReport, parseLabReport, type LabReport} from '@site/src/model/lab-report';
import {LAB_STORAGE_KEY, browserStorage, forgetReport, loadStoredReport, storeReport} from './labStorage';

export interface Machine {
  /** The parameters every estimate uses. */
  readonly params: HardwareParams;
  /** The reader's report when one is loaded; null means the course's defaults. */
  readonly report: LabReport | null;
  /**
   * Validates a lab.json's text and uses it; throws LabReportError, changing nothing, when it is
   * not one. `kept` is false when the browser would not store it (it then lasts for this visit).
   */
  readonly load: (text: string) => {readonly report: LabReport; readonly kept: boolean};
  readonly forget: () => void;
}

const DEFAULT_MACHINE: Machine = {
  params: DEFAULT_HARDWARE,
  report: null,
  load: (text) => ({report: parseLabReport(text), kept: false}),
  forget: () => undefined,
};

const MachineContext = createContext<Machine>(DEFAULT_MACHINE);

export function MachineProvider({children}: {readonly children: ReactNode}): ReactNode {
  const [report, setReport] = useState<LabReport | null>(null);

  // Read after hydration, so the server's HTML (the defaults) and the first render agree; as a
  // transition, so re-pricing the page's components never blocks input.
  useEffect(() => {
    const stored = loadStoredReport(browserStorage());
    if (stored !== null) startTransition(() => setReport(stored));
    // Another tab loaded or forgot a report.
    const onStorage = (event: StorageEvent) => {
      if (event.key === LAB_STORAGE_KEY || event.key === null) startTransition(() => setReport(loadStoredReport(browserStorage())));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const load = useCallback((text: string) => {
    const parsed = parseLabReport(text);
    const kept = storeReport(browserStorage(), text);
    setReport(parsed);
    return {report: parsed, kept};
  }, []);

  const forget = useCallback(() => {
    forgetReport(browserStorage());
    setReport(null);
  }, []);

  const value = useMemo<Machine>(
    () => ({params: report === null ? DEFAULT_HARDWARE : hardwareFromLabReport(report, DEFAULT_HARDWARE), report, load, forget}),
    [report, load, forget],
  );
  return <MachineContext.Provider value={value}>{children}</MachineContext.Provider>;
}

/** The machine the page prices the model for; the defaults outside a provider (tests, server). */
export function useMachine(): Machine {
  return useContext(MachineContext);
}
