// The mutation scores in the benchmark report: bench/mutation.json holds the latest score of
// every chapter (a run of some chapters keeps the others' last scores, with their dates), and
// bench/report.md shows them in a section of its own, which `npm run bench` keeps.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from '../grading/subject.mts';
import type {ChapterScore} from './score';

export const MUTATION_FILE = path.join(REPO_ROOT, 'bench', 'mutation.json');
const REPORT_MD = path.join(REPO_ROOT, 'bench', 'report.md');
const START = '<!-- mutation:start -->';
const END = '<!-- mutation:end -->';

export interface MutationEntry extends Omit<ChapterScore, 'staleEquivalents'> {
  readonly measuredAt: string;
}

export interface MutationReport {
  readonly target: number;
  readonly chapters: readonly MutationEntry[];
}

export function readMutationReport(file: string = MUTATION_FILE): MutationReport | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MutationReport) : null;
}

/** The section of bench/report.md, between markers so a later run can replace it. */
export function renderMutationSection(report: MutationReport): string {
  const lines = [
    START,
    '## Mutation testing of the graders',
    '',
    `\`npm run mutation\` (StrykerJS, Vitest runner, TypeScript checker) mutates the functions each exercise asks for in the reference model and runs that chapter's grader against every mutant. Target: at least ${report.target} % of the mutants that are not equivalent are caught (killed or timed out). Mutants listed as equivalent, with the reason, are in \`exercises/NN-*/equivalent-mutants.json\`.`,
    '',
    '| Chapter | Functions mutated | Mutants | Caught | Survived | Equivalent | Not valid | Score | Measured |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --- |',
    ...report.chapters.map(
      (c) =>
        `| ${c.chapter} | ${c.functions.join(', ')} | ${c.mutants} | ${c.killed + c.timedOut} | ${c.survived} | ${c.equivalent} | ${c.invalid} | ${c.score} % ${c.score >= report.target ? '✓' : '✗'} | ${c.measuredAt.slice(0, 10)} |`,
    ),
    END,
  ];
  return lines.join('\n');
}

/** bench/report.md with the mutation section put in, or replaced. */
export function withMutationSection(markdown: string, report: MutationReport | null): string {
  if (!report) return markdown;
  const section = renderMutationSection(report);
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start >= 0 && end > start) return `${markdown.slice(0, start)}${section}${markdown.slice(end + END.length)}`;
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

export function writeMutationSection(scores: readonly ChapterScore[], target: number, now: Date = new Date()): string {
  const previous = readMutationReport();
  const fresh: MutationEntry[] = scores.map(({staleEquivalents: _stale, ...score}) => ({...score, measuredAt: now.toISOString()}));
  const kept = (previous?.chapters ?? []).filter((entry) => !fresh.some((f) => f.chapter === entry.chapter));
  const report: MutationReport = {
    target,
    chapters: [...kept, ...fresh].sort((a, b) => a.chapter.localeCompare(b.chapter)),
  };
  writeFileSync(MUTATION_FILE, `${JSON.stringify(report, null, 2)}\n`);
  if (existsSync(REPORT_MD)) writeFileSync(REPORT_MD, withMutationSection(readFileSync(REPORT_MD, 'utf8'), report));
  return MUTATION_FILE;
}
