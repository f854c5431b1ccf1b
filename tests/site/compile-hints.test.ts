// tools/site/compile-hints.ts: which files get V8's compile hint, and how it is written. The
// built site's own check (every script a page starts with has it, no other has) is in
// tests/e2e/bundles.test.ts.
import {describe, expect, it} from 'vitest';
import {COMPILE_HINT, startupScripts, withCompileHint} from '../../tools/site/compile-hints';

describe('compile hints', () => {
  it('puts the magic comment alone on the first line, once', () => {
    const source = '(self.webpackChunk=self.webpackChunk||[]).push([[1],{}]);';
    const hinted = withCompileHint(source);
    expect(hinted.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(hinted.slice(COMPILE_HINT.length)).toBe(source);
    expect(withCompileHint(hinted)).toBe(hinted);
  });

  it("takes the script files of every named chunk group, each once, and no style sheets", () => {
    const groups = [
      {chunks: [{files: ['assets/js/runtime~main.1.js']}, {files: ['assets/js/main.2.js', 'assets/css/styles.3.css']}]},
      {chunks: [{files: ['assets/js/17896441.4.js']}, {files: ['assets/js/2030.5.js']}]},
      {chunks: [{files: ['assets/js/2030.5.js']}, {files: ['assets/js/7830f09b.6.js', 'assets/css/7830f09b.7.css']}]},
    ];
    expect(startupScripts(groups)).toEqual([
      'assets/js/17896441.4.js',
      'assets/js/2030.5.js',
      'assets/js/7830f09b.6.js',
      'assets/js/main.2.js',
      'assets/js/runtime~main.1.js',
    ]);
    expect(startupScripts([])).toEqual([]);
  });
});
