// Rspack loader for @docusaurus/core's Link. Each internal link prefetches its page's scripts
// when it scrolls into view; right after hydration every link on the first screen does so in
// one intersection callback, which matched routes and added <link rel=prefetch> tags for 81 ms
// at 4x CPU on a chapter (trace of 2026-12-05), a blocking task. Each prefetch now waits for
// an idle moment of its own (requestIdleCallback, within two seconds), so the work is spread
// over short tasks. Hovering or tapping a link still preloads at once. Throws, failing the
// build, if the code it rewrites is no longer there.
'use strict';

const IN_VIEW = `                            if (targetLink != null) {
                                window.docusaurus.prefetch(targetLink);
                            }`;
const WHEN_IDLE = `const whenIdle = (callback) => typeof window.requestIdleCallback === 'function'
    ? window.requestIdleCallback(callback, { timeout: 2000 })
    : window.setTimeout(callback, 1);
`;

module.exports = function linkPrefetchLoader(source) {
  if (source.split(IN_VIEW).length !== 2 || !source.includes('export default ')) {
    throw new Error('link-prefetch loader: @docusaurus/core/lib/client/exports/Link.js changed; update tools/site/loaders/link-prefetch.cjs');
  }
  return source
    .replace(IN_VIEW, `                            if (targetLink != null) {
                                whenIdle(() => window.docusaurus.prefetch(targetLink));
                            }`)
    .replace('export default ', `${WHEN_IDLE}export default `);
};
