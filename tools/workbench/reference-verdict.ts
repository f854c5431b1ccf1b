// What grading does with the reference checks (tools/grading/reference-use.ts and
// reference-match.ts): a graded function that runs the course's reference earns nothing for its
// tests, with a message saying why; one that is the reference's text, renamed, is flagged for
// the teacher and graded as usual.
import path from 'node:path';
import {gradedFunctions, testChecks} from '../grading/graded-functions';
import {matchingReference} from '../grading/reference-match';
import {findReferenceUse, referenceUseMessage, type ReferenceUse} from '../grading/reference-use';
import type {ExerciseChapter} from './chapters';
import type {ReportTest} from './report';

export interface ReferenceVerdict {
  readonly uses: readonly ReferenceUse[];
  /** Graded functions whose normalised text is the reference's. */
  readonly matches: readonly string[];
}

export const NO_REFERENCE_VERDICT: ReferenceVerdict = {uses: [], matches: []};

/** Judges a learner's file by the teacher's starter and reference (never the submission's copies). */
export function referenceVerdict(chapter: ExerciseChapter, learnerFile: string): ReferenceVerdict {
  const graded = gradedFunctions(chapter.pristineFile);
  const uses = findReferenceUse({learnerFile, starterFile: chapter.pristineFile}, graded);
  const delegating = new Set(uses.map((use) => use.name));
  const matches = matchingReference(learnerFile, chapter.modelFile, graded).filter((name) => !delegating.has(name));
  return {uses, matches};
}

/** Takes the points (and the pass) from every test that checks a function running the reference. */
export function withoutReferenceCredit(tests: readonly ReportTest[], verdict: ReferenceVerdict, learnerFile: string): ReportTest[] {
  return tests.map((test) => {
    const use = verdict.uses.find((u) => testChecks(test.name, u));
    if (!use || test.status === 'skipped') return test;
    const why = referenceUseMessage(use, learnerFile);
    return {...test, status: 'failed', points: 0, message: test.status === 'passed' ? why : `${why}\n\n${test.message}`, location: null};
  });
}

/** The flag a teacher reads in grade.json, JUnit and the batch summary. */
export function matchesReferenceFlag(verdict: ReferenceVerdict): string | null {
  return verdict.matches.length > 0 ? `matches the reference: ${verdict.matches.join(', ')}` : null;
}

export function referenceProblems(verdict: ReferenceVerdict, learnerFile: string): string[] {
  return verdict.uses.map((use) => referenceUseMessage(use, path.resolve(learnerFile)));
}
