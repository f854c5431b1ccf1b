// Less work when main.js starts, on every page. Two third-party modules in the shared bundle ran
// code at load that the page never uses: prism-react-renderer registering about thirty Prism
// languages (the course highlights five), and the search plugin's constants module building
// lunr and its language support (only the search worker searches). Measured in Lighthouse's
// mobile profile, main.js's evaluation was about half Prism's registrations. A third loader
// keeps Docusaurus from setting up ICU's collator during hydration (loaders/shallow-memo.cjs).
// Three more cut or spread the work that follows hydration: the re-renders for
// useIsBrowser() and useWindowSize() become transitions (loaders/browser-context.cjs,
// loaders/window-size.cjs), and links no longer prefetch their pages as they scroll into view
// (loaders/link-prefetch.cjs; hovering or touching a link still does). React starts in a task
// of its own after main.js (loaders/client-entry.cjs), now that a page's route scripts are
// loaded before main.js runs (route-scripts.ts).
// Each loader fails the build if its module's layout changes, rather than quietly doing nothing.
import {readdirSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

function loaderFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cjs'))
    .map((name) => path.join(dir, name));
}

function hasPersistentCache(config: object): boolean {
  const cache = (config as {experiments?: {cache?: unknown}}).experiments?.cache;
  return typeof cache === 'object' && cache !== null;
}

export default function leanStartupPlugin(context: LoadContext): Plugin {
  const loaders = path.join(context.siteDir, 'tools', 'site', 'loaders');
  const searchConstants = path.join(context.generatedFilesDir, '@easyops-cn', 'docusaurus-search-local', 'default', 'generated-constants.js');
  return {
    name: 'zc-lean-startup',
    configureWebpack: (config) => ({
      // Rspack's persistent cache keys on the modules, not on the loaders that rewrote them: an
      // edited loader would leave yesterday's output in the build. Listing the loaders as build
      // dependencies makes a change to any of them start the cache afresh.
      ...(hasPersistentCache(config) ? {experiments: {cache: {buildDependencies: loaderFiles(loaders)}}} : {}),
      module: {
        rules: [
          {
            test: /[\\/]prism-react-renderer[\\/]dist[\\/]index\.m?js$/,
            use: [{loader: path.join(loaders, 'prism-languages.cjs')}],
          },
          {
            test: /[\\/]docusaurus-search-local[\\/]dist[\\/]client[\\/]client[\\/]utils[\\/]proxiedGeneratedConstants\.js$/,
            issuer: /[\\/]theme[\\/]SearchBar[\\/]SearchBar\.jsx$/,
            use: [{loader: path.join(loaders, 'search-constants.cjs'), options: {generatedFile: searchConstants}}],
          },
          {
            test: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize\.js$/,
            use: [{loader: path.join(loaders, 'window-size.cjs')}],
          },
          {
            test: /[\\/]@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]exports[\\/]Link\.js$/,
            use: [{loader: path.join(loaders, 'link-prefetch.cjs')}],
          },
          {
            test: /[\\/]@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]clientEntry\.js$/,
            use: [{loader: path.join(loaders, 'client-entry.cjs')}],
          },
          {
            test: /[\\/]@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]browserContext\.js$/,
            use: [{loader: path.join(loaders, 'browser-context.cjs')}],
          },
          {
            test: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]reactUtils\.js$/,
            use: [{loader: path.join(loaders, 'shallow-memo.cjs')}],
          },
        ],
      },
    }),
  };
}
