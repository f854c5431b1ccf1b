import React, {useSyncExternalStore} from 'react';
import {translate} from '@docusaurus/Translate';
import {EMPTY_STATE, VERDICT_ORDER, getStudentState, subscribeStudentState, type FunctionReport} from '@site/src/model-fallback';
import {verdictText} from './labels';
import styles from './styles.module.css';

interface Props {
  /** Chapter modules the component draws on ("read-write"); all modules when omitted. */
  readonly modules?: readonly string[];
}

// The server's snapshot is always empty, so the notice appears once the page runs in the browser
// and hydration stays consistent.
const serverSnapshot = () => EMPTY_STATE;

const rank = (f: FunctionReport) => VERDICT_ORDER.indexOf(f.verdict);

function FunctionLine({report}: {readonly report: FunctionReport}): React.ReactNode {
  return (
    <li data-verdict={report.verdict}>
      <code>{report.functionName}</code> (<code>{report.file}</code>) {verdictText(report, styles.yours)}
    </li>
  );
}

/**
 * Student mode only: whose model drove the live components, function by function. For each of the
 * learner's functions they called: it threw or looped or is missing (the reference stood in), it
 * answered differently from the reference (the first call and field where they part, "your model:
 * 0, the reference: 524,288"), or it agreed.
 */
export default function StudentNotice({modules}: Props): React.ReactNode {
  const state = useSyncExternalStore(subscribeStudentState, getStudentState, serverSnapshot);
  const functions = state.functions
    .filter((f) => modules === undefined || modules.includes(f.module))
    .map((report, order) => ({report, order}))
    .sort((a, b) => rank(a.report) - rank(b.report) || a.order - b.order)
    .map(({report}) => report);
  if (functions.length === 0) return null;
  const standsIn = functions.some((f) => f.verdict === 'threw' || f.verdict === 'looped' || f.verdict === 'missing');
  const differs = functions.some((f) => f.verdict === 'differs');
  const kind = standsIn ? 'fallback' : differs ? 'differs' : 'student';
  const title = standsIn
    ? translate({id: 'modelNotice.fallbackTitle', message: 'Student mode: the reference model stands in for some of your functions'})
    : differs
      ? translate({id: 'modelNotice.differsTitle', message: 'Student mode: your model and the reference disagree'})
      : translate({id: 'modelNotice.agreesTitle', message: 'Student mode: driven by your own model'});
  return (
    <div className={kind === 'student' ? styles.student : styles.fallback} role="status" data-model-notice={kind}>
      <strong>{title}</strong>
      <ul>
        {functions.map((f) => (
          <FunctionLine key={`${f.module}.${f.functionName}`} report={f} />
        ))}
      </ul>
    </div>
  );
}
