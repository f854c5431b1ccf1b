import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {render} from '@testing-library/react';
import CoursePlans from './index';
import {COURSE_PLANS, planMinutes} from '@site/src/data/course-plans';
import {setLocaleForTests} from '../../../tests/stubs/useDocusaurusContext';

const minutes = (text: string | null | undefined): number => Number(/(\d+) min/.exec(text ?? '')?.[1]);

describe('<CoursePlans>', () => {
  afterEach(() => setLocaleForTests('en'));

  it('shows every plan, one table per session, whose rows add up to the session total it prints', () => {
    const {container} = render(<CoursePlans />);
    const tables = [...container.querySelectorAll('table')];
    expect(tables).toHaveLength(COURSE_PLANS.reduce((n, p) => n + p.sessions.length, 0));
    for (const table of tables) {
      const rows = [...table.querySelectorAll('tbody tr td:last-child')].map((td) => minutes(td.textContent));
      const total = minutes(table.querySelector('tfoot td')?.textContent);
      expect(rows.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('prints each plan\'s total, and the session totals match the plans\' stated lengths', () => {
    const {container} = render(<CoursePlans />);
    const sessionTotals = [...container.querySelectorAll('tfoot td')].map((td) => minutes(td.textContent));
    expect(sessionTotals).toEqual(COURSE_PLANS.flatMap((p) => p.sessions.map((s) => s.minutes)));
    for (const plan of COURSE_PLANS) {
      expect(container.querySelector(`#plan-${plan.id}`)?.parentElement?.textContent).toContain(`In all: ${planMinutes(plan)} min.`);
    }
  });

  it('links each exercise step to its assignment card and each reading step to its chapter', () => {
    const {container} = render(<CoursePlans />);
    const hrefs = [...container.querySelectorAll('#plan-90-minutes ~ table a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/docs/sendfile/', '/docs/teach/cards/sendfile/', '/docs/teach/cards/lab/']);
  });

  it('uses the Chinese titles and topics on the Chinese page', () => {
    setLocaleForTests('zh-Hans');
    const {container} = render(<CoursePlans />);
    expect(container.querySelector('#plan-three-weeks')?.textContent).toBe(COURSE_PLANS[2].titleZh);
    expect(container.textContent).toContain('循环调用 sendfile()');
  });
});
