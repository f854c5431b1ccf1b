// Rspack loader for @docusaurus/core's Link. Docusaurus gives every internal link its own
// IntersectionObserver and prefetches the link's page scripts once it scrolls into view. A trace
// of /docs/exercises/ (2026-12-05, 2-vCPU VM with other work running, after these prefetches had
// been moved to idle callbacks) showed fifteen to twenty idle tasks of 13-42 ms each, almost all
// of it appending <link rel=prefetch>
// to <head>: at Lighthouse's 4x CPU each one is a long task, and together they were most of a
// plain page's blocking time. The handler also builds a new observer each time React calls the
// link's ref, which it does on every re-render.
// A link now prefetches nothing on its own; hovering or touching it still preloads its page
// (Docusaurus's onMouseEnter/onTouchStart), which is the moment a reader shows intent. Throws,
// failing the build, if the code it rewrites is no longer there.
'use strict';

const OBSERVE = '        if (IOSupported && el && isInternal) {';

module.exports = function linkPrefetchLoader(source) {
  if (source.split(OBSERVE).length !== 2 || !source.includes('const onInteractionEnter = ')) {
    throw new Error('link-prefetch loader: @docusaurus/core/lib/client/exports/Link.js changed; update tools/site/loaders/link-prefetch.cjs');
  }
  return source.replace(OBSERVE, '        if (PREFETCH_IN_VIEW && IOSupported && el && isInternal) {').replace(
    'const onInteractionEnter = ',
    '// tools/site/loaders/link-prefetch.cjs: no prefetch when a link scrolls into view.\n    const PREFETCH_IN_VIEW = false;\n    const onInteractionEnter = ',
  );
};
