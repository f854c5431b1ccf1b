import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {render, within} from '@testing-library/react';
import AssignmentCard from './index';
import {chapterAssignment, pointsForChapter} from '@site/src/data/assignments';
import {setLocaleForTests} from '../../../tests/stubs/useDocusaurusContext';

describe('<AssignmentCard>', () => {
  afterEach(() => setLocaleForTests('en'));

  it('shows the grader\'s parts with their tests and points, and the chapter\'s totals', () => {
    const {container} = render(<AssignmentCard of="04" />);
    const points = pointsForChapter('04');
    const rows = [...container.querySelectorAll('tbody tr')].filter((tr) => tr.closest('table')?.querySelector('thead'));
    expect(rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual(
      points.parts.map((p) => [p.name, String(p.tests), String(p.points)]),
    );
    expect([...container.querySelectorAll('tfoot td')].map((td) => td.textContent)).toEqual([String(points.tests), String(points.points)]);
  });

  it('gives reading and exercise time separately, and their sum', () => {
    const {container} = render(<AssignmentCard of="04" />);
    const times = container.querySelector('table') as HTMLElement;
    const cells = (name: string) => within(times).getByRole('rowheader', {name}).nextElementSibling?.textContent;
    expect([cells('Reading'), cells('Exercise'), cells('Total')]).toEqual(['20 min', '25 min', '45 min']);
  });

  it('lists the exact commands for the chapter\'s exercise', () => {
    const {container} = render(<AssignmentCard of="03" />);
    expect(container.querySelector('pre code')?.textContent).toBe('npm run exercise -- 03\nnpm run hint -- 03\nnpm run grade -- 03');
  });

  it('renders the data in the page\'s language, with notes for the teacher under each question', () => {
    setLocaleForTests('zh-Hans');
    const {container} = render(<AssignmentCard of="02" />);
    const card = chapterAssignment('02');
    expect(container.textContent).toContain(card.discussion[0].question.zh);
    expect(container.textContent).not.toContain(card.discussion[0].question.en);
    expect(container.querySelectorAll('ol > li')).toHaveLength(card.discussion.length);
    expect(container.querySelectorAll('ol > li p:nth-child(2)')).toHaveLength(card.discussion.length);
  });

  it('says the lab has no points instead of showing a points table', () => {
    const {container} = render(<AssignmentCard of="lab" />);
    expect(container.textContent).toContain('No points: the lab has no grader.');
    expect(container.querySelector('thead')).toBeNull();
    expect(container.querySelector('pre code')?.textContent).toContain('npm run lab');
  });

  it('renders `backticks` in the data as code', () => {
    const {container} = render(<AssignmentCard of="01" />);
    expect([...container.querySelectorAll('li code')].map((c) => c.textContent)).toContain('npm run grade -- 01');
  });
});

describe('<AssignmentCard> points note', () => {
  it('names the grade command as code, not as backticks', () => {
    const {container} = render(<AssignmentCard of="05" />);
    expect(container.textContent).not.toContain('`');
    expect([...container.querySelectorAll('p code')].map((c) => c.textContent)).toContain('npm run grade');
  });
});
