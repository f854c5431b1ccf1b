// Rspack loader for prism-react-renderer's bundle, which registers about thirty Prism languages
// (Swift, Rust, Python, ...) on every page as soon as main.js runs; Prism's insertBefore walks
// every registered grammar each time, so that start-up work was half of main.js's evaluation
// in Lighthouse's mobile profile. This keeps Prism's core and drops those registrations; the
// languages the course uses are listed in docusaurus.config.ts (prism.additionalLanguages) and
// registered from prismjs's own components. Throws, failing the build, if the bundle's layout
// changes, so an upgrade cannot silently bring the languages back or lose Prism itself.
'use strict';

const START = 'var Prism = __toESM(require_prism());\n';
const END = '// src/themes/index.ts';

module.exports = function prismLanguagesLoader(source) {
  const start = source.indexOf(START);
  const end = source.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error('prism-languages loader: prism-react-renderer/dist/index.mjs no longer has the expected layout; update tools/site/loaders/prism-languages.cjs');
  }
  return `${source.slice(0, start + START.length)}\n${source.slice(end)}`;
};
