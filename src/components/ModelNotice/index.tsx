import React, {useSyncExternalStore} from 'react';
import {translate} from '@docusaurus/Translate';
import {EMPTY_STATE, getFallbackState, subscribeFallbacks} from '@site/src/model-fallback';
import styles from './styles.module.css';

interface Props {
  /** Chapter modules this component draws on ("read-write"); all modules when omitted. */
  readonly modules?: readonly string[];
}

// The server renders the reference model, so the notice appears only once the page runs in the
// browser (the server snapshot is always empty, which keeps hydration consistent).
const serverSnapshot = () => EMPTY_STATE;

/**
 * Student mode only (`ZC_MODEL=student npm start`): says whose model drives the component. A
 * warning when a learner's function threw and the course's reference stood in for it; a short
 * note when the learner's own functions answered. Renders nothing in the normal site.
 */
export default function ModelNotice({modules}: Props): React.ReactNode {
  const state = useSyncExternalStore(subscribeFallbacks, getFallbackState, serverSnapshot);
  const wanted = (module: string) => modules === undefined || modules.includes(module);
  const fallbacks = state.fallbacks.filter((f) => wanted(f.module));
  const uses = state.uses.filter((u) => wanted(u.module));
  if (fallbacks.length > 0) {
    return (
      <div className={styles.fallback} role="status" data-model-notice="fallback">
        <strong>{translate({id: 'modelNotice.fallbackTitle', message: 'Student mode: the reference model stands in'})}</strong>
        <p>
          {translate({
            id: 'modelNotice.fallbackBody',
            message: 'These functions from your exercise threw, so the live components on this page use the course\u2019s reference for them:',
          })}
        </p>
        <ul>
          {fallbacks.map((f) => (
            <li key={`${f.module}.${f.functionName}`}>
              <code>{f.functionName}</code> (<code>{f.file}</code>): {f.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (uses.length > 0) {
    return (
      <p className={styles.student} role="status" data-model-notice="student">
        {translate(
          {id: 'modelNotice.studentModel', message: 'Student mode: driven by your own {files}.'},
          {files: uses.map((u) => u.file).join(', ')},
        )}
      </p>
    );
  }
  return null;
}
