// Every built English page in headless Chromium (the checks: tests/support/page-checks.ts).
import {describe, expect, it} from 'vitest';
import {describeBuiltPages} from '../support/page-checks';
import {builtPages} from '../support/site-pages';

const all = builtPages();

describe('the built site', () => {
  it('has pages in both locales, each checked by one of pages-en and pages-zh', () => {
    expect(all).toContain('/');
    expect(all).toContain('/zh-Hans/');
    expect(all.filter((p) => p.startsWith('/docs/')).length).toBeGreaterThanOrEqual(4);
  });
});

describeBuiltPages('every English page in headless Chromium', all.filter((p) => !p.startsWith('/zh-Hans/')));
