// Student mode's words, shared by the notice and the figure markers. Messages keep their {names}
// so each language orders the parts its own way; `fill` puts strings or elements in their place.
import React from 'react';
import {translate} from '@docusaurus/Translate';
import type {Difference, FunctionReport} from '@site/src/model-fallback';

/** A translated message with React nodes in place of its {names} (translate() fills strings only). */
export function fill(message: string, values: Readonly<Record<string, React.ReactNode>>): React.ReactNode {
  return message.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : <React.Fragment key={i}>{values[part]}</React.Fragment>));
}

/** "your model: 2, the reference: 3", with whatever nodes stand for the two figures. */
export function comparison(yours: React.ReactNode, reference: React.ReactNode): React.ReactNode {
  return fill(translate({id: 'studentMode.comparison', message: 'your model: {yours}, the reference: {reference}'}), {yours, reference});
}

/** The same inside a string attribute (a quiz's explanation): both whole texts. */
export function textComparison(yours: string, reference: string): string {
  return translate({id: 'studentMode.textComparison', message: 'your model: {yours} / the reference: {reference}'}, {yours, reference});
}

const code = (text: string) => <code>{text}</code>;

function differenceText(difference: Difference, yours: React.ReactNode): React.ReactNode {
  const values = {call: code(difference.call), path: code(difference.path), comparison: comparison(yours, difference.reference)};
  return difference.path === ''
    ? fill(translate({id: 'modelNotice.differsWhole', message: 'answers differently from the reference for {call}: {comparison}'}), values)
    : fill(translate({id: 'modelNotice.differsAt', message: 'answers differently from the reference for {call}, {path}: {comparison}'}), values);
}

/** What the notice says after a function's name and file. */
export function verdictText(report: FunctionReport, yoursClass?: string): React.ReactNode {
  const message = report.message ?? '';
  switch (report.verdict) {
    case 'looped':
      return translate({id: 'modelNotice.looped', message: 'looped and was stopped, so the reference answers for it: {message}'}, {message});
    case 'threw':
      return translate({id: 'modelNotice.threw', message: 'threw, so the reference answers for it: {message}'}, {message});
    case 'missing':
      return translate({id: 'modelNotice.missing', message: 'is missing, so the reference answers for it: {message}'}, {message});
    case 'differs':
      return report.difference ? differenceText(report.difference, <span className={yoursClass}>{report.difference.yours}</span>) : null;
    case 'agrees':
      return translate({id: 'modelNotice.agrees', message: 'agrees with the reference on every call so far.'});
  }
}
