// Student mode's words, shared by the notice and the figure markers.
import {translate} from '@docusaurus/Translate';
import type {Verdict} from '@site/src/model-fallback';

export const yourModelLabel = () => translate({id: 'studentMode.yourModel', message: 'your model:', description: 'Before a figure computed by the learner\'s code'});
export const referenceLabel = () => translate({id: 'studentMode.theReference', message: 'the reference:', description: 'Before the same figure computed by the course\'s reference'});

/** What the notice says after a function's name. */
export function verdictText(verdict: Verdict): string {
  switch (verdict) {
    case 'looped':
      return translate({id: 'modelNotice.looped', message: 'looped and was stopped, so the reference answers for it:'});
    case 'threw':
      return translate({id: 'modelNotice.threw', message: 'threw, so the reference answers for it:'});
    case 'missing':
      return translate({id: 'modelNotice.missing', message: 'is missing, so the reference answers for it:'});
    case 'differs':
      return translate({id: 'modelNotice.differs', message: 'answers differently from the reference for'});
    case 'agrees':
      return translate({id: 'modelNotice.agrees', message: 'agrees with the reference on every call so far.'});
  }
}
