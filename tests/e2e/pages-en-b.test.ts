// Every built English page in headless Chromium, second half (the checks: tests/support/page-checks.ts).
import {describeBuiltPages} from '../support/page-checks';
import {half, localePages} from '../support/site-pages';

describeBuiltPages('every English page in headless Chromium, second half', half(localePages('en'), 1));
