// Course plans for teachers: each step that reads or writes a chapter takes its minutes from
// course.ts, so a plan's times cannot drift from the course map. Only lab, discussion and
// introduction steps state their own minutes.
import {CHAPTERS, type Chapter} from './course';

export type PlanStep =
  | {readonly kind: 'reading' | 'exercise'; readonly chapter: string}
  | {readonly kind: 'lab' | 'discussion' | 'introduction'; readonly minutes: number; readonly topic: string};

export interface PlanSession {
  readonly title: string;
  /** The session's stated length; a test checks that its steps add up to it. */
  readonly minutes: number;
  readonly steps: readonly PlanStep[];
}

export interface CoursePlan {
  readonly id: '90-minutes' | 'one-week' | 'three-weeks';
  readonly title: string;
  readonly sessions: readonly PlanSession[];
}

export function chapterByNumber(number: string): Chapter {
  const chapter = CHAPTERS.find((c) => c.number === number);
  if (chapter === undefined) throw new Error(`course plan: no chapter "${number}" in src/data/course.ts`);
  return chapter;
}

export function stepMinutes(step: PlanStep): number {
  if ('chapter' in step) {
    const chapter = chapterByNumber(step.chapter);
    return step.kind === 'reading' ? chapter.readingMinutes : chapter.exerciseMinutes;
  }
  return step.minutes;
}

export const sessionMinutes = (session: PlanSession): number => session.steps.reduce((sum, step) => sum + stepMinutes(step), 0);

const chapter = (n: string): PlanStep[] => [{kind: 'reading', chapter: n}, {kind: 'exercise', chapter: n}];

export const COURSE_PLANS: readonly CoursePlan[] = [
  {
    id: '90-minutes',
    title: 'One 90-minute lab session',
    sessions: [
      {
        title: 'sendfile() against read() + write()',
        minutes: 90,
        steps: [
          {kind: 'introduction', minutes: 10, topic: 'mode switches and copies of read() + write() (chapter 3, summary)'},
          ...chapter('04'),
          {kind: 'lab', minutes: 20, topic: 'npm run lab: read/write against sendfile'},
          {kind: 'discussion', minutes: 15, topic: 'what sendfile() cannot do'},
        ],
      },
    ],
  },
  {
    id: 'one-week',
    title: 'One week (three sessions)',
    sessions: [
      {title: 'Foundations', minutes: 90, steps: [...chapter('01'), ...chapter('02'), {kind: 'discussion', minutes: 20, topic: 'mode switch against context switch'}]},
      {title: 'From read() + write() to sendfile()', minutes: 90, steps: [...chapter('03'), ...chapter('04')]},
      {title: 'Scatter-gather DMA and mmap', minutes: 120, steps: [...chapter('05'), ...chapter('06'), {kind: 'lab', minutes: 20, topic: 'npm run lab'}]},
    ],
  },
  {
    id: 'three-weeks',
    title: 'Three weeks (two sessions a week)',
    sessions: [
      {title: 'Week 1a: user and kernel space', minutes: 60, steps: [...chapter('01'), {kind: 'discussion', minutes: 25, topic: 'what a system call costs'}]},
      {title: 'Week 1b: DMA', minutes: 60, steps: [...chapter('02'), {kind: 'discussion', minutes: 25, topic: 'what DMA takes off the CPU'}]},
      {title: 'Week 2a: read() + write()', minutes: 60, steps: [...chapter('03'), {kind: 'discussion', minutes: 15, topic: 'counting copies'}]},
      {title: 'Week 2b: sendfile()', minutes: 60, steps: [...chapter('04'), {kind: 'discussion', minutes: 15, topic: 'looping on sendfile()'}]},
      {title: 'Week 3a: scatter-gather DMA', minutes: 60, steps: [...chapter('05'), {kind: 'discussion', minutes: 20, topic: 'NIC features'}]},
      {title: 'Week 3b: mmap and Java NIO, lab', minutes: 90, steps: [...chapter('06'), {kind: 'lab', minutes: 30, topic: 'npm run lab'}]},
    ],
  },
];
