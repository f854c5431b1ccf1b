// Every built zh-Hans page in headless Chromium (the checks: tests/support/page-checks.ts).
import {describeBuiltPages} from '../support/page-checks';
import {builtPages} from '../support/site-pages';

describeBuiltPages('every zh-Hans page in headless Chromium', builtPages().filter((p) => p.startsWith('/zh-Hans/')));
