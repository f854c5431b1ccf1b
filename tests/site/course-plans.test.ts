import {describe, expect, it} from 'vitest';
import {CHAPTERS} from '../../src/data/course';
import {COURSE_PLANS, chapterByNumber, planMinutes, sessionMinutes, stepMinutes} from '../../src/data/course-plans';

describe('course plans', () => {
  for (const plan of COURSE_PLANS) {
    for (const session of plan.sessions) {
      it(`${plan.id} / ${session.title}: steps add up to the stated ${session.minutes} min`, () => {
        expect(sessionMinutes(session)).toBe(session.minutes);
      });
    }
  }
  it('every chapter step takes its time from course.ts', () => {
    for (const plan of COURSE_PLANS) for (const s of plan.sessions) for (const step of s.steps) {
      if (step.kind === 'reading' || step.kind === 'exercise') {
        const c = CHAPTERS.find((x) => x.number === step.chapter);
        expect(c?.status).toBe('published');
        expect(stepMinutes(step)).toBe(step.kind === 'reading' ? c?.readingMinutes : c?.exerciseMinutes);
      }
    }
  });
  it('the week and three-week plans cover every published chapter', () => {
    const published = CHAPTERS.filter((c) => c.status === 'published').map((c) => c.number);
    for (const plan of COURSE_PLANS.filter((p) => p.id !== '90-minutes')) {
      const used = new Set(plan.sessions.flatMap((s) => s.steps.flatMap((st) => ('chapter' in st ? [st.chapter] : []))));
      expect([...used].sort()).toEqual(published.filter((n) => n <= '06'));
    }
  });
  it('an unknown chapter gets a clear message', () => {
    expect(() => chapterByNumber('99')).toThrow(/no chapter "99"/);
  });
});

describe('course plans on the guide page', () => {
  it('a plan\'s total is the sum of its sessions\' stated times', () => {
    for (const plan of COURSE_PLANS) expect(planMinutes(plan)).toBe(plan.sessions.reduce((sum, s) => sum + s.minutes, 0));
  });
  it('the 90-minute plan takes 90 minutes', () => {
    expect(planMinutes(COURSE_PLANS.find((p) => p.id === '90-minutes') ?? COURSE_PLANS[0])).toBe(90);
  });
  it('every title and topic is given in Chinese too', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const plan of COURSE_PLANS) {
      expect(plan.titleZh).toMatch(cjk);
      for (const s of plan.sessions) {
        expect(s.titleZh.trim()).not.toBe('');
        for (const step of s.steps) if ('topicZh' in step) expect(step.topicZh.trim(), step.topic).not.toBe('');
      }
    }
  });
});
