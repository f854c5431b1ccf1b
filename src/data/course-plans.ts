// Course plans for teachers: each step that reads or writes a chapter takes its minutes from
// course.ts, so a plan's times cannot drift from the course map. Only lab, discussion and
// introduction steps state their own minutes.
import {CHAPTERS, type Chapter} from './course';

export type PlanStep =
  | {readonly kind: 'reading' | 'exercise'; readonly chapter: string}
  | {readonly kind: 'lab' | 'discussion' | 'introduction'; readonly minutes: number; readonly topic: string; readonly topicZh: string};

export interface PlanSession {
  readonly title: string;
  readonly titleZh: string;
  /** The session's stated length; a test checks that its steps add up to it. */
  readonly minutes: number;
  readonly steps: readonly PlanStep[];
}

export interface CoursePlan {
  readonly id: '90-minutes' | 'one-week' | 'three-weeks';
  readonly title: string;
  readonly titleZh: string;
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
    title: 'One 90-minute lab session', titleZh: '一次 90 分钟的实验课',
    sessions: [
      {
        title: 'sendfile() against read() + write()', titleZh: 'sendfile() 对比 read() + write()',
        minutes: 90,
        steps: [
          {kind: 'introduction', minutes: 10, topic: 'mode switches and copies of read() + write() (chapter 3, summary)', topicZh: 'read() + write() 的模式切换和拷贝（第 3 章摘要）'},
          ...chapter('04'),
          {kind: 'lab', minutes: 20, topic: 'npm run lab: read/write against sendfile', topicZh: 'npm run lab：read/write 对比 sendfile'},
          {kind: 'discussion', minutes: 15, topic: 'what sendfile() cannot do', topicZh: 'sendfile() 做不到什么'},
        ],
      },
    ],
  },
  {
    id: 'one-week',
    title: 'One week (three sessions)', titleZh: '一周（三次课）',
    sessions: [
      {title: 'Foundations', titleZh: '基础', minutes: 90, steps: [...chapter('01'), ...chapter('02'), {kind: 'discussion', minutes: 20, topic: 'mode switch against context switch', topicZh: '模式切换与上下文切换'}]},
      {title: 'From read() + write() to sendfile()', titleZh: '从 read() + write() 到 sendfile()', minutes: 90, steps: [...chapter('03'), ...chapter('04')]},
      {title: 'Scatter-gather DMA and mmap', titleZh: '分散/聚集 DMA 与 mmap', minutes: 120, steps: [...chapter('05'), ...chapter('06'), {kind: 'lab', minutes: 20, topic: 'npm run lab', topicZh: 'npm run lab'}]},
    ],
  },
  {
    id: 'three-weeks',
    title: 'Three weeks (two sessions a week)', titleZh: '三周（每周两次课）',
    sessions: [
      {title: 'Week 1a: user and kernel space', titleZh: '第 1 周 a：用户空间与内核空间', minutes: 60, steps: [...chapter('01'), {kind: 'discussion', minutes: 25, topic: 'what a system call costs', topicZh: '系统调用的代价'}]},
      {title: 'Week 1b: DMA', titleZh: '第 1 周 b：DMA', minutes: 60, steps: [...chapter('02'), {kind: 'discussion', minutes: 25, topic: 'what DMA takes off the CPU', topicZh: 'DMA 为 CPU 省掉了什么'}]},
      {title: 'Week 2a: read() + write()', titleZh: '第 2 周 a：read() + write()', minutes: 60, steps: [...chapter('03'), {kind: 'discussion', minutes: 15, topic: 'counting copies', topicZh: '数拷贝次数'}]},
      {title: 'Week 2b: sendfile()', titleZh: '第 2 周 b：sendfile()', minutes: 60, steps: [...chapter('04'), {kind: 'discussion', minutes: 15, topic: 'looping on sendfile()', topicZh: '循环调用 sendfile()'}]},
      {title: 'Week 3a: scatter-gather DMA', titleZh: '第 3 周 a：分散/聚集 DMA', minutes: 60, steps: [...chapter('05'), {kind: 'discussion', minutes: 20, topic: 'NIC features', topicZh: '网卡特性'}]},
      {title: 'Week 3b: mmap and Java NIO, lab', titleZh: '第 3 周 b：mmap 与 Java NIO，实验', minutes: 90, steps: [...chapter('06'), {kind: 'lab', minutes: 30, topic: 'npm run lab', topicZh: 'npm run lab'}]},
    ],
  },
];

/** A whole plan's time: the sum of its sessions' steps, never a stated figure. */
export const planMinutes = (plan: CoursePlan): number => plan.sessions.reduce((sum, session) => sum + sessionMinutes(session), 0);
