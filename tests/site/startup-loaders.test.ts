// The loaders in tools/site/loaders/ rewrite third-party modules so that the page starts with
// less work (tools/site/lean-startup.ts says what each saves). Each is run here on the module it
// rewrites, as installed: the rewrite must happen, and a module whose code has moved on must
// fail loudly (the loader throws, and the build with it) rather than be passed through unchanged.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
type Loader = (source: string) => string;
const loader = (name: string): Loader => require(path.join(ROOT, 'tools/site/loaders', name)) as Loader;
const installed = (file: string): string => readFileSync(path.join(ROOT, 'node_modules', file), 'utf8');

const CASES = [
  {
    loader: 'browser-context.cjs',
    module: '@docusaurus/core/lib/client/browserContext.js',
    expect: ['startTransition(() => setIsBrowser(true));'],
    gone: ['        setIsBrowser(true);'],
  },
  {
    loader: 'window-size.cjs',
    module: '@docusaurus/theme-common/lib/hooks/useWindowSize.js',
    expect: ['startTransition(updateWindowSize);', "window.addEventListener('resize', updateWindowSize);"],
    gone: ['        updateWindowSize();\n'],
  },
  {
    loader: 'link-prefetch.cjs',
    module: '@docusaurus/core/lib/client/exports/Link.js',
    expect: ['if (PREFETCH_IN_VIEW && IOSupported && el && isInternal) {', 'const PREFETCH_IN_VIEW = false;', 'window.docusaurus.preload(targetLink);'],
    gone: ['        if (IOSupported && el && isInternal) {'],
  },
  {
    loader: 'client-entry.cjs',
    module: '@docusaurus/core/lib/client/clientEntry.js',
    expect: ['const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));', '.then(() => preload(window.location.pathname))', '.then(nextTask)', 'startTransition(renderApp);'],
    gone: ['preload(window.location.pathname).then(() => {'],
  },
] as const;

describe('start-up loaders rewrite the modules installed today', () => {
  for (const c of CASES) {
    it(`${c.loader} rewrites ${c.module}`, () => {
      const output = loader(c.loader)(installed(c.module));
      for (const text of c.expect) expect(output).toContain(text);
      for (const text of c.gone) expect(output).not.toContain(text);
    });

    it(`${c.loader} fails the build when ${c.module} has changed`, () => {
      expect(() => loader(c.loader)('export default function Changed() {}')).toThrow(/changed|update tools\/site\/loaders/);
    });
  }
});
