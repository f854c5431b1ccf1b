// Every built English page in headless Chromium, first half (the checks: tests/support/page-checks.ts).
import {describe, expect, it} from 'vitest';
import {describeBuiltPages} from '../support/page-checks';
import {builtPages, half, localePages} from '../support/site-pages';

const all = builtPages();

describe('the built site', () => {
  it('has pages in both locales, each checked by exactly one of the four pages-* files', () => {
    expect(all).toContain('/');
    expect(all).toContain('/zh-Hans/');
    expect(all.filter((p) => p.startsWith('/docs/')).length).toBeGreaterThanOrEqual(4);
    const checked = (['en', 'zh-Hans'] as const).flatMap((locale) => [half(localePages(locale), 0), half(localePages(locale), 1)]).flat();
    expect(checked.sort()).toEqual(all);
  });
});

describeBuiltPages('every English page in headless Chromium, first half', half(localePages('en', all), 0));
