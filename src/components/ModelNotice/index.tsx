import type React from 'react';

interface Props {
  /** Chapter modules the component draws on ("read-write"); all modules when omitted. */
  readonly modules?: readonly string[];
}

/**
 * Where a live component says whose model drives it. The normal site runs the course's reference,
 * so this renders nothing and ships no student-mode code. In student mode
 * (`ZC_MODEL=student npm start`), tools/site/student-figures.ts wraps every live component that
 * uses the learner's code in a <StudentFrame> (./figures.tsx), which shows the full notice
 * (./StudentNotice.tsx) above it.
 */
export default function ModelNotice(_props: Props): React.ReactNode {
  return null;
}
