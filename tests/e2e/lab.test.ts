// The lab page in a real browser: the shipped sample is charted, a reader's reports/lab.json is
// loaded (file picker and drag and drop), kept across pages and reloads, and prices the other
// chapters' components; a bad file is refused with its reason and changes nothing; corrupt
// stored data is ignored. Both languages.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {appStarted, launchChromium, pageRevealed} from '../support/browser';

const baseUrl = inject('baseUrl');
const SAMPLE = readFileSync(path.join(import.meta.dirname, '..', '..', 'static', 'lab', 'sample-lab.json'), 'utf8');
const parsed = JSON.parse(SAMPLE) as {version: number; machine: Record<string, unknown>; parameters: Record<string, unknown>; methods: {status: string}[]};
const MEASURED = parsed.methods.filter((m) => m.status === 'measured').length;
/** The sample as another reader's report: a CPU name no other page shows, and a 250 ns mode switch. */
const THEIRS = JSON.stringify({...parsed, machine: {...parsed.machine, cpuModel: 'Lab Test CPU 9000'}, parameters: {...parsed.parameters, modeSwitchNs: 250}});

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium('shell');
});

afterAll(async () => {
  await browser?.close();
});

async function open(urlPath: string, errors: string[]): Promise<Page> {
  context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${baseUrl}${urlPath}`, {waitUntil: 'load'});
  await appStarted(page);
  // Until the reveal reaches a block (src/theme/Root/reveal.ts), content-visibility skips it and
  // its innerText is empty; these tests read the component's text.
  await pageRevealed(page);
  return page;
}

const source = (page: Page) => page.locator('[data-lab-source]');

async function chooseFile(page: Page, content: string): Promise<void> {
  await page.locator('[data-live-component="LabResults"] input[type="file"]').setInputFiles({name: 'lab.json', mimeType: 'application/json', buffer: Buffer.from(content)});
}

describe('the lab page', () => {
  it('charts the shipped sample, with the model beside the methods it prices', async () => {
    const errors: string[] = [];
    const page = await open('/docs/lab/', errors);
    await expect.poll(() => source(page).getAttribute('data-lab-source')).toBe('sample');
    expect(await page.locator('[data-lab-row]').count()).toBe(2 * MEASURED);
    expect(await page.locator('[data-lab-row="sendfile"]').first().innerText()).toMatch(/model: \d/);
    // IBM's table is on the page, every row of it.
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(8);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads a report, keeps it across a reload, and prices another chapter\'s components with it', async () => {
    const errors: string[] = [];
    const page = await open('/docs/lab/', errors);
    await chooseFile(page, THEIRS);
    await expect.poll(() => source(page).getAttribute('data-lab-source')).toBe('yours');
    expect(await source(page).innerText()).toContain('Lab Test CPU 9000');
    await page.reload({waitUntil: 'load'});
    await appStarted(page);
    await expect.poll(() => source(page).getAttribute('data-lab-source')).toBe('yours');

    // Chapter 4's comparison now uses the measured mode switch, and says whose machine it is.
    await page.goto(`${baseUrl}/docs/sendfile/`, {waitUntil: 'load'});
    await appStarted(page);
    const compare = page.locator('[data-live-component="MethodCompare"]').first();
    await compare.scrollIntoViewIfNeeded();
    await expect.poll(() => compare.locator('[data-machine-badge]').innerText()).toContain('Lab Test CPU 9000');
    expect(await compare.innerText()).toContain('250 ns per mode switch');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a dropped file, and forgets it on request', async () => {
    const errors: string[] = [];
    const page = await open('/docs/lab/', errors);
    const drop = page.locator('[data-lab-drop]');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'lab.json', {type: 'application/json'}));
      return transfer;
    }, THEIRS);
    await drop.dispatchEvent('dragover', {dataTransfer});
    await drop.dispatchEvent('drop', {dataTransfer});
    await expect.poll(() => source(page).getAttribute('data-lab-source')).toBe('yours');
    await page.getByRole('button', {name: 'Forget my report'}).click();
    await expect.poll(() => source(page).getAttribute('data-lab-source')).toBe('sample');
    expect(await page.evaluate(() => window.localStorage.getItem('zero-copy:lab-report'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [name, content, reason] of [
    ['not JSON', '{"version": 1,', /not JSON/],
    ['another version', JSON.stringify({...parsed, version: 99}), /version must be 1; got 99/],
    ['a missing field', JSON.stringify({...parsed, machine: undefined}), /machine must be an object/],
  ] as const) {
    it(`refuses ${name} with the reason, and changes nothing`, async () => {
      const errors: string[] = [];
      const page = await open('/docs/lab/', errors);
      const before = await page.locator('[data-live-readout]').first().textContent();
      expect(before).toMatch(/Sender CPU: read\(\)\+write\(\)/);
      await chooseFile(page, content);
      const alert = page.locator('[data-lab-error]');
      await expect.poll(() => alert.innerText()).toMatch(reason);
      expect(await alert.innerText()).toContain('nothing changed');
      expect(await source(page).getAttribute('data-lab-source')).toBe('sample');
      expect(await page.locator('[data-live-readout]').first().textContent()).toBe(before);
      expect(await page.evaluate(() => window.localStorage.getItem('zero-copy:lab-report'))).toBeNull();
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('ignores corrupt stored data: the page shows the sample, without errors', async () => {
    const errors: string[] = [];
    const page = await open('/docs/lab/', errors);
    await page.evaluate(() => window.localStorage.setItem('zero-copy:lab-report', '{"version": 1, "machine": 3'));
    await page.reload({waitUntil: 'load'});
    await appStarted(page);
    expect(await source(page).getAttribute('data-lab-source')).toBe('sample');
    expect(await page.locator('[data-lab-row]').count()).toBe(2 * MEASURED);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does the same in Chinese', async () => {
    const errors: string[] = [];
    const page = await open('/zh-Hans/docs/lab/', errors);
    expect(await source(page).innerText()).toContain('课程自带的样例');
    await chooseFile(page, THEIRS);
    await expect.poll(() => source(page).innerText()).toContain('显示的是你的报告');
    await chooseFile(page, '[]');
    await expect.poll(() => page.locator('[data-lab-error]').innerText()).toContain('这个文件没有加载');
    expect(await source(page).innerText()).toContain('Lab Test CPU 9000');
    expect(errors).toEqual([]);
    await context.close();
  });
});
