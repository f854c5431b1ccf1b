// Which Chromium the browser tests launch (tests/support/browser.ts): the headless shell for what
// a page does, the full browser where its UI takes part, and always the browser a person names.
import {describe, expect, it} from 'vitest';
import {chromiumPath, HEADLESS_SHELL_PATH} from '../support/browser';

const installed = (files: readonly string[]) => (file: string) => files.includes(file);

describe('chromiumPath', () => {
  it("runs page tests on Debian's headless shell when it is installed, and the full browser where its UI is needed", () => {
    const exists = installed([HEADLESS_SHELL_PATH, '/usr/bin/chromium']);
    expect(chromiumPath('shell', {}, exists)).toBe(HEADLESS_SHELL_PATH);
    expect(chromiumPath('browser', {}, exists)).toBe('/usr/bin/chromium');
  });

  it('falls back to the full browser where there is no headless shell', () => {
    expect(chromiumPath('shell', {}, installed(['/usr/bin/chromium']))).toBe('/usr/bin/chromium');
  });

  it('uses the Chromium a person names with CHROMIUM_PATH for every test, unless they name a shell too', () => {
    const exists = installed([HEADLESS_SHELL_PATH]);
    expect(chromiumPath('shell', {CHROMIUM_PATH: '/opt/chrome/chrome'}, exists)).toBe('/opt/chrome/chrome');
    expect(chromiumPath('browser', {CHROMIUM_PATH: '/opt/chrome/chrome'}, exists)).toBe('/opt/chrome/chrome');
    expect(chromiumPath('shell', {CHROMIUM_PATH: '/opt/chrome/chrome', CHROMIUM_HEADLESS_SHELL_PATH: '/opt/shell'}, exists)).toBe('/opt/shell');
    expect(chromiumPath('browser', {CHROMIUM_HEADLESS_SHELL_PATH: '/opt/shell'}, exists)).toBe('/usr/bin/chromium');
  });
});
