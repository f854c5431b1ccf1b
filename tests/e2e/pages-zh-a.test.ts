// Every built zh-Hans page in headless Chromium, first half (the checks: tests/support/page-checks.ts).
import {describeBuiltPages} from '../support/page-checks';
import {half, localePages} from '../support/site-pages';

describeBuiltPages('every zh-Hans page in headless Chromium, first half', half(localePages('zh-Hans'), 0));
