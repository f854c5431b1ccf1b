// Student mode only: the markers tools/site/student-figures.ts puts into the chapters. A figure in
// the text computed by the learner's code is marked, and shows the reference's figure beside it
// where the two differ; a live component that draws on the learner's code is framed, badged, and
// preceded by the notice of what each of their functions did.
import React from 'react';
import {translate} from '@docusaurus/Translate';
import {asReference, firstDifference, track, type Use} from '@site/src/model-fallback';
import StudentNotice from './StudentNotice';
import {comparison, textComparison} from './labels';
import styles from './styles.module.css';

type Computed = 'agrees' | 'differs' | 'reference';

/** Whether a figure is the learner's and agrees, the learner's and differs, or the reference's (their function threw). */
export function figureVerdict(uses: readonly Use[], yours: unknown, reference: unknown, referenceThrew: boolean): Computed | undefined {
  if (uses.length === 0) return undefined;
  if (referenceThrew || firstDifference(yours, reference) !== undefined) return 'differs';
  return uses.every((use) => use.verdict !== 'agrees' && use.verdict !== 'differs') ? 'reference' : 'agrees';
}

function compute<T>(mine: () => T, theirs: () => T, inherits: readonly (readonly Use[])[]) {
  const {value, uses} = track(mine, inherits);
  let reference: T | undefined;
  let referenceThrew = false;
  if (uses.length > 0) {
    try {
      reference = asReference(theirs);
    } catch {
      referenceThrew = true;
    }
  }
  return {value, reference, verdict: figureVerdict(uses, value, reference, referenceThrew)};
}

const srOnly = (text: string) => <span className={styles.srOnly}>{text}</span>;

/** A figure of the chapter's text: `{expr}` in MDX. */
export function studentFigure(mine: () => React.ReactNode, theirs: () => React.ReactNode, inherits: readonly (readonly Use[])[]): React.ReactNode {
  const {value, reference, verdict} = compute(mine, theirs, inherits);
  if (verdict === undefined) return value;
  if (verdict === 'differs') {
    return (
      <span className={styles.figureDiffers} data-student-figure="differs">
        {comparison(<span className={styles.yours}>{value}</span>, reference)}
      </span>
    );
  }
  const note =
    verdict === 'agrees'
      ? translate({id: 'studentMode.figureAgrees', message: '(from your model, same as the reference)'})
      : translate({id: 'studentMode.figureReference', message: '(the reference\u2019s: your function did not answer)'});
  return (
    <span className={verdict === 'agrees' ? styles.figureAgrees : styles.figureReference} data-student-figure={verdict} title={note}>
      {value}
      {srOnly(` ${note}`)}
    </span>
  );
}

/** A figure inside a string attribute (a quiz's explanation): text in, text out. */
export function studentText<T>(mine: () => T, theirs: () => T, inherits: readonly (readonly Use[])[]): T | string {
  const {value, reference, verdict} = compute(mine, theirs, inherits);
  if (verdict !== 'differs' || typeof value !== 'string' || typeof reference !== 'string') return value;
  return textComparison(value, reference);
}

interface FrameProps {
  /** The learner's modules the component draws on. */
  readonly modules: readonly string[];
  /** The component's name, "DataPath". */
  readonly component: string;
  readonly inline?: boolean;
  readonly children: React.ReactNode;
}

/** Marks a live component driven by the learner's code, with the notice for its modules above it. */
export function StudentFrame({modules, component, inline = false, children}: FrameProps): React.ReactNode {
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag
      className={inline ? styles.frameInline : styles.frame}
      data-student-frame={component}
      role="group"
      aria-label={translate({id: 'studentMode.frameLabel', message: 'Live component driven by your exercise code'})}>
      <span className={styles.badge}>{translate({id: 'studentMode.badge', message: 'Your model'})}</span>
      {!inline && <StudentNotice modules={modules} />}
      {children}
    </Tag>
  );
}
