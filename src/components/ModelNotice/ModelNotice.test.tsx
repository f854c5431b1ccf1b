import React from 'react';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {act, render, screen} from '@testing-library/react';
import ModelNotice from './index';
import StudentNotice from './StudentNotice';
import {StudentFrame, studentFigure, studentText} from './figures';
import {asReference, resetStudentState, track, withFallback} from '@site/src/model-fallback';
import {LoopStoppedError, loopStart} from '@site/src/model-fallback/loop-guard';

const FILE = 'exercises/03-read-write/read-write.ts';

// Reports are announced after a microtask (never during a render); let it run.
const settle = () => act(async () => await Promise.resolve());

// A chapter-3 learner halfway through: one function wrong, one unwritten, one looping, one right.
const reference = {
  chunkCount: (fileSize: number, bufferSize: number) => ({count: Math.ceil(fileSize / bufferSize), lastChunkBytes: fileSize % bufferSize || bufferSize}),
  readWriteTrace: () => 'reference trace',
  readWriteSummary: (fileSize: number) => ({syscalls: 2 * Math.ceil(fileSize / 4096)}),
  validateTransfer: () => undefined,
};
// Fresh wrappers for each test: a wrapper compares a call's answers once, and each test starts with no reports.
const halfDone = () => ({
  chunkCount: withFallback('read-write', 'chunkCount', FILE, (fileSize: number, bufferSize: number) => ({count: Math.floor(fileSize / bufferSize), lastChunkBytes: fileSize % bufferSize}), reference.chunkCount),
  readWriteTrace: withFallback('read-write', 'readWriteTrace', FILE, () => {
    throw new Error('TODO: readWriteTrace is not written yet\nsecond line');
  }, reference.readWriteTrace),
  readWriteSummary: withFallback('read-write', 'readWriteSummary', FILE, () => {
    throw new LoopStoppedError({...loopStart('readWriteSummary', `${FILE}:57`), iterations: 1}, 1000);
  }, reference.readWriteSummary),
  validateTransfer: withFallback('read-write', 'validateTransfer', FILE, () => undefined, reference.validateTransfer),
});
let learner = halfDone();

beforeEach(() => {
  learner = halfDone();
});

afterEach(async () => {
  resetStudentState();
  await settle();
});

describe('<ModelNotice> in the normal site', () => {
  it('renders nothing: the course\'s reference drives every component', () => {
    const {container} = render(<ModelNotice modules={['read-write']} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('<StudentNotice> (student mode)', () => {
  it('renders nothing before any of the learner\'s functions has run', () => {
    const {container} = render(<StudentNotice />);
    expect(container.innerHTML).toBe('');
  });

  it('lists every function it met, worst first: looped, threw, differs (with both answers), agrees', async () => {
    render(<StudentNotice modules={['read-write']} />);
    learner.validateTransfer();
    expect(learner.chunkCount(10_000, 4096)).toEqual({count: 2, lastChunkBytes: 1808});
    expect(learner.readWriteTrace()).toBe('reference trace');
    expect(learner.readWriteSummary(8192)).toEqual({syscalls: 4});
    await settle();
    const notice = screen.getByRole('status');
    expect(notice.getAttribute('data-model-notice')).toBe('fallback');
    expect(notice.querySelector('strong')?.textContent).toBe('Student mode: the reference model stands in for some of your functions');
    const lines = [...notice.querySelectorAll('li')].map((li) => [li.getAttribute('data-verdict'), li.textContent]);
    expect(lines).toEqual([
      ['looped', `readWriteSummary (${FILE}) looped and was stopped, so the reference answers for it: readWriteSummary was stopped: a loop (${FILE}:57) ran for more than 1 s; is its condition ever false?`],
      ['threw', `readWriteTrace (${FILE}) threw, so the reference answers for it: TODO: readWriteTrace is not written yet`],
      ['differs', `chunkCount (${FILE}) answers differently from the reference for chunkCount(10,000, 4,096), count: your model: 2, the reference: 3`],
      ['agrees', `validateTransfer (${FILE}) agrees with the reference on every call so far.`],
    ]);
  });

  it('says the learner\'s model disagrees when nothing threw but an answer differs, and shows only its modules', async () => {
    render(<StudentNotice modules={['read-write']} />);
    learner.chunkCount(10_000, 4096);
    withFallback('dma', 'pioCpuCycles', 'exercises/02-dma/dma.ts', () => {
      throw new Error('TODO');
    }, () => 1)();
    await settle();
    const notice = screen.getByRole('status');
    expect(notice.getAttribute('data-model-notice')).toBe('differs');
    expect(notice.textContent).toContain('Student mode: your model and the reference disagree');
    expect(notice.textContent).not.toContain('pioCpuCycles');
  });

  it('credits the learner when every function agreed', async () => {
    render(<StudentNotice />);
    learner.validateTransfer();
    withFallback('read-write', 'pairs', FILE, (n: number) => n * 2, (n: number) => n + n)(3);
    await settle();
    const notice = screen.getByRole('status');
    expect(notice.getAttribute('data-model-notice')).toBe('student');
    expect(notice.textContent).toContain('Student mode: driven by your own model');
  });

  it('does not run a function again once it looped: each run would cost the loop guard\'s budget', () => {
    let runs = 0;
    const spin = withFallback('m', 'spin', 'f.ts', () => {
      runs++;
      throw new LoopStoppedError({...loopStart('spin', 'f.ts:1'), iterations: 1}, 1000);
    }, () => 7);
    expect([spin(), spin(), spin()]).toEqual([7, 7, 7]);
    expect(runs).toBe(1);
  });

  it('compares a call\'s answers once, however often a component renders it', () => {
    let references = 0;
    const twice = withFallback('m', 'twice', 'f.ts', (n: number) => 2 * n, (n: number) => {
      references++;
      return 2 * n;
    });
    expect([twice(1), twice(1), twice(2)]).toEqual([2, 2, 4]);
    expect(references).toBe(2);
  });
});

describe('the figures of a chapter\'s text (student mode)', () => {
  // As tools/site/student-figures.ts compiles `export const tenK = chunkCount(10_000, 4 * KiB)`.
  const tenK = () => track(() => learner.chunkCount(10_000, 4096));
  const referenceTenK = () => asReference(() => learner.chunkCount(10_000, 4096));

  it('shows "your model: X, the reference: Y" where the learner\'s figure differs', () => {
    const computed = tenK();
    render(<p>{studentFigure(() => computed.value.count, () => referenceTenK().count, [computed.uses])}</p>);
    const figure = document.querySelector('[data-student-figure]')!;
    expect(figure.getAttribute('data-student-figure')).toBe('differs');
    expect(figure.textContent).toBe('your model: 2, the reference: 3');
  });

  it('marks an agreeing figure as the learner\'s, in words a screen reader reads', () => {
    const computed = tenK();
    render(<p>{studentFigure(() => computed.value.lastChunkBytes, () => referenceTenK().lastChunkBytes, [computed.uses])}</p>);
    const figure = document.querySelector('[data-student-figure]')!;
    expect(figure.getAttribute('data-student-figure')).toBe('agrees');
    expect(figure.textContent).toBe('1808 (from your model, same as the reference)');
  });

  it('says so where the reference stood in for a function that threw or looped', () => {
    render(<p>{studentFigure(() => learner.readWriteSummary(8192).syscalls, () => asReference(() => learner.readWriteSummary(8192).syscalls), [])}</p>);
    const figure = document.querySelector('[data-student-figure]')!;
    expect(figure.getAttribute('data-student-figure')).toBe('reference');
    expect(figure.textContent).toContain('4');
    expect(figure.getAttribute('title')).toBe('(the reference\u2019s: your function did not answer)');
  });

  it('leaves a figure that no learner function computed as it was', () => {
    const {container} = render(<p>{studentFigure(() => '1 GiB', () => '1 GiB', [])}</p>);
    expect(container.innerHTML).toBe('<p>1 GiB</p>');
  });

  it('adds both answers to a string attribute, such as a quiz\'s explanation', () => {
    const computed = tenK();
    const explain = (n: number) => `The loop makes ${n} pairs.`;
    expect(studentText(() => explain(computed.value.count), () => explain(referenceTenK().count), [computed.uses])).toBe(
      'your model: The loop makes 2 pairs. / the reference: The loop makes 3 pairs.',
    );
    expect(studentText(() => explain(computed.value.lastChunkBytes), () => explain(referenceTenK().lastChunkBytes), [computed.uses])).toBe('The loop makes 1808 pairs.');
  });
});

describe('<StudentFrame> around a live component (student mode)', () => {
  it('marks the component as driven by the learner\'s code and puts the notice for its modules above it', async () => {
    render(
      <StudentFrame modules={['read-write']} component="DataPath">
        <div data-live-component="DataPath">steps</div>
      </StudentFrame>,
    );
    learner.chunkCount(10_000, 4096);
    await settle();
    const frame = screen.getByRole('group', {name: 'Live component driven by your exercise code'});
    expect(frame.getAttribute('data-student-frame')).toBe('DataPath');
    expect(frame.firstElementChild?.textContent).toBe('Your model');
    expect(frame.querySelector('[data-model-notice="differs"]')).not.toBeNull();
    expect(frame.querySelector('[data-live-component="DataPath"]')?.textContent).toBe('steps');
  });
});
