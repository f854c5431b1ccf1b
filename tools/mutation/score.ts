// Reading a Stryker JSON report (the mutation-testing-report-schema) into a chapter's score.
// Killed and timed-out mutants count as caught; survivors and mutants no test reached count as
// missed; mutants that do not compile or crash the runner say nothing about the grader.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {sameMutant, type EquivalentMutant, type MutantKey} from './equivalents';
import type {GradedFunction} from './graded-functions';

type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Timeout' | 'Ignored' | 'Pending';

interface ReportMutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: MutantStatus;
  readonly location: {readonly start: {readonly line: number; readonly column: number}; readonly end: {readonly line: number; readonly column: number}};
}

interface StrykerReport {
  readonly files: Record<string, {readonly source: string; readonly mutants: readonly ReportMutant[]}>;
}

/** A mutant the grader did not catch, described so a person can find it and a list can name it. */
export interface Survivor extends Omit<MutantKey, 'before'> {
  readonly function: string;
  readonly line: number;
  readonly status: 'Survived' | 'NoCoverage';
}

export interface ChapterScore {
  readonly chapter: string;
  readonly functions: readonly string[];
  readonly mutants: number;
  readonly killed: number;
  readonly timedOut: number;
  /** Survived or not covered, and not listed as equivalent. */
  readonly survived: number;
  readonly equivalent: number;
  /** Did not compile or crashed the runner: not counted either way. */
  readonly invalid: number;
  /** (killed + timed out) / (all valid mutants - equivalent), as a percentage with one decimal. */
  readonly score: number;
  readonly survivors: readonly Survivor[];
  /** Entries of the equivalents list that matched no surviving mutant: stale, to be removed. */
  readonly staleEquivalents: readonly EquivalentMutant[];
}

/** The text a location covers, lines and columns 1-based, end column exclusive. */
function textAt(source: string, location: ReportMutant['location']): string {
  const lines = source.split('\n');
  const {start, end} = location;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1),
  ].join('\n');
}

function functionAt(functions: readonly GradedFunction[], file: string, line: number): string {
  return functions.find((f) => f.file === file && line >= f.startLine && line <= f.endLine)?.name ?? '?';
}

export function scoreReport(
  chapter: string,
  reportFile: string,
  repoRoot: string,
  functions: readonly GradedFunction[],
  equivalents: readonly EquivalentMutant[],
): ChapterScore {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as StrykerReport;
  let mutants = 0;
  let killed = 0;
  let timedOut = 0;
  let invalid = 0;
  let equivalent = 0;
  const survivors: Survivor[] = [];
  const used = new Set<EquivalentMutant>();
  for (const [name, file] of Object.entries(report.files)) {
    const relative = path.isAbsolute(name) ? path.relative(repoRoot, name) : name;
    for (const mutant of file.mutants) {
      mutants++;
      if (mutant.status === 'Killed') killed++;
      else if (mutant.status === 'Timeout') timedOut++;
      else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        const {start} = mutant.location;
        const key: MutantKey = {
          file: relative,
          mutator: mutant.mutatorName,
          original: textAt(file.source, mutant.location),
          replacement: mutant.replacement ?? '',
          before: file.source.split('\n')[start.line - 1].slice(0, start.column - 1),
        };
        const listed = equivalents.find((entry) => sameMutant(entry, key));
        if (listed) {
          equivalent++;
          used.add(listed);
        } else {
          const {before: _before, ...described} = key;
          survivors.push({
            ...described,
            function: functionAt(functions, relative, mutant.location.start.line),
            line: mutant.location.start.line,
            status: mutant.status,
          });
        }
      } else invalid++;
    }
  }
  const counted = mutants - invalid - equivalent;
  const score = counted === 0 ? 100 : Math.floor(((killed + timedOut) / counted) * 1000) / 10;
  return {
    chapter,
    functions: functions.map((f) => f.name),
    mutants,
    killed,
    timedOut,
    survived: survivors.length,
    equivalent,
    invalid,
    score,
    survivors,
    staleEquivalents: equivalents.filter((entry) => !used.has(entry)),
  };
}
