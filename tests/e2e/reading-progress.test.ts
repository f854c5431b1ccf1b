// Reading progress, end to end in both locales: answers given on a chapter page show on the
// course map (after hydration, from this browser's storage), the map clears them after asking,
// and corrupt stored data leaves the map working, with no error in the console.
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {appStarted, launchChromium} from '../support/browser';
import {axeFindings} from '../support/page-checks';
import {CHAPTERS} from '../../src/data/course';

const baseUrl = inject('baseUrl');

interface Locale {
  readonly prefix: '' | '/zh-Hans';
  readonly notStarted: string;
  readonly done: (correct: number, total: number) => string;
  readonly partial: (answered: number, total: number, correct: number) => string;
  readonly clear: string;
  readonly confirm: string;
  readonly cleared: string;
}

const LOCALES: readonly Locale[] = [
  {
    prefix: '',
    notStarted: 'Quiz not started',
    done: (correct, total) => `Quiz: ${correct} of ${total} right`,
    partial: (answered, total, correct) => `Quiz: ${answered} of ${total} answered, ${correct} right`,
    clear: 'Clear my progress',
    confirm: 'Yes, clear it',
    cleared: 'Your progress is cleared.',
  },
  {
    prefix: '/zh-Hans',
    notStarted: '小测验：尚未开始',
    done: (correct, total) => `小测验：${total} 题答对 ${correct} 题`,
    partial: (answered, total, correct) => `小测验：已答 ${answered} 题（共 ${total} 题），答对 ${correct} 题`,
    clear: '清除我的进度',
    confirm: '是的，清除',
    cleared: '你的进度已清除。',
  },
];

const CHAPTER = 'dma';
const OTHER_CHAPTER = 'sendfile';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium('shell');
});

afterAll(async () => {
  await browser?.close();
});

async function open(context: BrowserContext, errors: string[], urlPath: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${urlPath}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${urlPath}: page error: ${error.message}`));
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  return page;
}

/** Answers the first `count` questions of the page's quiz with their first choice; returns the
 * quiz's own score as [answered, questions, correct] (the numbers, in either locale's wording). */
async function answerQuiz(page: Page, count: number): Promise<[number, number, number]> {
  const quiz = page.locator('[data-live-component="Quiz"]');
  const questions = quiz.locator(':scope > ol > li');
  for (let q = 0; q < count; q++) {
    await questions.nth(q).locator('button[aria-pressed]').first().click();
  }
  const score = (await quiz.locator('[data-live-readout]').textContent()) ?? '';
  const numbers = (score.match(/\d+/g) ?? []).map(Number);
  expect(numbers, `the quiz's score: ${score}`).toHaveLength(3);
  expect(numbers[0]).toBe(count);
  return [numbers[0], numbers[1], numbers[2]];
}

const status = (page: Page, quizId: string) => page.locator(`[data-quiz-progress="${quizId}"]`);

describe('reading progress on the course map', () => {
  for (const locale of LOCALES) {
    const mapPath = `${locale.prefix}/docs/`;

    it(`${mapPath}: shows the quiz answered on a chapter page, then clears it after asking`, async () => {
      const context = await browser.newContext();
      const errors: string[] = [];
      try {
        const chapter = await open(context, errors, `${locale.prefix}/docs/${CHAPTER}/`);
        const [, total, correct] = await answerQuiz(chapter, 1);
        await chapter.close();
        const other = await open(context, errors, `${locale.prefix}/docs/${OTHER_CHAPTER}/`);
        const questionCount = await other.locator('[data-live-component="Quiz"] > ol > li').count();
        expect(questionCount).toBeGreaterThan(1);
        const [, otherTotal, otherCorrect] = await answerQuiz(other, questionCount);
        await other.close();

        const map = await open(context, errors, mapPath);
        await expect.poll(() => status(map, CHAPTER).textContent()).toBe(locale.partial(1, total, correct));
        expect(await status(map, OTHER_CHAPTER).textContent()).toBe(locale.done(otherCorrect, otherTotal));
        expect(await status(map, 'read-write').textContent()).toBe(locale.notStarted);

        // Another of the site's keys (the lab report keeps one) must outlive the clear.
        await map.evaluate(() => localStorage.setItem('zero-copy:not-a-quiz', 'kept'));
        await map.getByRole('button', {name: locale.clear}).click();
        // Nothing is lost until the reader confirms.
        expect(await status(map, CHAPTER).textContent()).toBe(locale.partial(1, total, correct));
        await map.getByRole('button', {name: locale.confirm}).click();
        await expect.poll(() => status(map, CHAPTER).textContent()).toBe(locale.notStarted);
        expect(await status(map, OTHER_CHAPTER).textContent()).toBe(locale.notStarted);
        expect(await map.getByRole('status').textContent()).toBe(locale.cleared);
        const left = await map.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('zero-copy:')));
        expect(left, 'quiz answers and summaries are gone, nothing else').toEqual(['zero-copy:not-a-quiz']);

        await map.reload({waitUntil: 'load'});
        await appStarted(map);
        await expect.poll(() => status(map, CHAPTER).textContent()).toBe(locale.notStarted);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`${mapPath}: corrupt stored progress is ignored, with no console error`, async () => {
      const context = await browser.newContext();
      const errors: string[] = [];
      try {
        const map = await open(context, errors, mapPath);
        await map.evaluate(
          ([chapter, other]) => {
            localStorage.setItem(`zero-copy:progress:${chapter}`, '{not json');
            localStorage.setItem(`zero-copy:quiz:${chapter}`, '{"version":');
            localStorage.setItem(`zero-copy:progress:${other}`, JSON.stringify({format: 1, locale: 'en', version: 'x', answered: 9, correct: 12, total: 3}));
          },
          [CHAPTER, OTHER_CHAPTER],
        );
        await map.reload({waitUntil: 'load'});
        await appStarted(map);
        await expect.poll(() => status(map, CHAPTER).textContent()).toBe(locale.notStarted);
        expect(await status(map, OTHER_CHAPTER).textContent()).toBe(locale.notStarted);
        expect(await map.locator('[data-quiz-progress]').count()).toBe(CHAPTERS.filter((c) => c.status === 'published').length);

        // The chapter's quiz starts afresh over the same corrupt data, and the map then shows it.
        const chapter = await open(context, errors, `${locale.prefix}/docs/${CHAPTER}/`);
        const [, total, correct] = await answerQuiz(chapter, 1);
        await chapter.close();
        await map.reload({waitUntil: 'load'});
        await appStarted(map);
        await expect.poll(() => status(map, CHAPTER).textContent()).toBe(locale.partial(1, total, correct));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  // The statuses are in the server's HTML, hidden until the browser has read the progress: before
  // that nothing claims "not started" to a reader who has answers, and showing them inserts no node
  // (src/components/CourseMap/index.tsx says why that matters).
  it('shows no status before the progress is read, and inserts none to show it', async () => {
    const published = CHAPTERS.filter((c) => c.status === 'published').length;
    const noScript = await browser.newContext({javaScriptEnabled: false});
    try {
      const page = await noScript.newPage();
      await page.goto(`${baseUrl}/docs/`, {waitUntil: 'load'});
      expect(await page.locator('[data-quiz-progress]').count()).toBe(published);
      expect(await page.locator('[data-quiz-progress]:visible').count(), 'statuses shown without the progress').toBe(0);
    } finally {
      await noScript.close();
    }

    const context = await browser.newContext();
    const errors: string[] = [];
    try {
      await context.addInitScript({
        content: `window.__mapInserts = [];
          document.addEventListener('DOMContentLoaded', function () {
            var map = document.querySelector('[data-quiz-progress]').closest('ol');
            new MutationObserver(function (records) {
              records.forEach(function (r) { r.addedNodes.forEach(function (n) { window.__mapInserts.push(n.nodeName); }); });
            }).observe(map, {childList: true, subtree: true});
          });`,
      });
      const map = await open(context, errors, '/docs/');
      await expect.poll(() => map.locator('[data-quiz-progress]:visible').count()).toBe(published);
      expect(await status(map, CHAPTER).textContent()).toBe(LOCALES[0].notStarted);
      expect(await map.evaluate(() => (window as unknown as {__mapInserts: string[]}).__mapInserts), 'nodes inserted into the map').toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps each locale to the answers its own quiz shows', async () => {
    const context = await browser.newContext();
    const errors: string[] = [];
    try {
      const chapter = await open(context, errors, `/docs/${CHAPTER}/`);
      await answerQuiz(chapter, 1);
      await chapter.close();
      const zhMap = await open(context, errors, '/zh-Hans/docs/');
      await expect.poll(() => status(zhMap, CHAPTER).count()).toBe(1);
      expect(await status(zhMap, CHAPTER).textContent()).toBe(LOCALES[1].notStarted);
      const enMap = await open(context, errors, '/docs/');
      await expect.poll(() => status(enMap, CHAPTER).textContent()).not.toBe(LOCALES[0].notStarted);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the progress and the clear step pass axe in ${colorScheme} mode`, async () => {
      const context = await browser.newContext({colorScheme});
      const errors: string[] = [];
      try {
        const chapter = await open(context, errors, `/docs/${CHAPTER}/`);
        await answerQuiz(chapter, 1);
        await chapter.close();
        const map = await open(context, errors, '/docs/');
        await map.getByRole('button', {name: LOCALES[0].clear}).click();
        await map.getByRole('button', {name: LOCALES[0].confirm}).waitFor();
        // As the page checks do: every rule, in either colour mode.
        expect(await axeFindings(map, {include: 'article'})).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
