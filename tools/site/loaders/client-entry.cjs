// Rspack loader for @docusaurus/core's clientEntry. main.js evaluates its modules, then loads
// the current route's modules (preload) and then starts React (hydrateRoot inside a
// transition). Since each page lists its route's scripts (tools/site/route-scripts.ts), their
// chunks are already there when main.js runs, so preload settles at once: the route's modules
// (a chapter's MDX and the model figures it computes) and React's set-up (the root, a listener
// for every event type) would all run in the task that evaluates main.js, one long task made of
// three. Each now starts from a task of its own, so the browser can paint or handle input
// between them. Throws, failing the build, if the code it rewrites is no longer there.
//
// Hydration itself runs inside startTransition (Docusaurus's own code), so React already yields
// to the browser between components. Wrapping each block of prose in a Suspense boundary, which
// React hydrates later at offscreen priority, was measured and not kept: on the mmap chapter, in
// the traces of 4 alternating Lighthouse runs each (2-core VM, 2026-12-06), the tasks led by
// script added 153-233 ms of blocking time (their time at 4x CPU beyond 50 ms) without it and
// 169-272 ms with it.
'use strict';

const START = `    preload(window.location.pathname).then(() => {
        startTransition(renderApp);
    });`;

module.exports = function clientEntryLoader(source) {
  if (source.split(START).length !== 2) {
    throw new Error('client-entry loader: @docusaurus/core/lib/client/clientEntry.js changed; update tools/site/loaders/client-entry.cjs');
  }
  return source.replace(
    START,
    `    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    nextTask()
        .then(() => preload(window.location.pathname))
        .then(nextTask)
        .then(() => {
        startTransition(renderApp);
    });`,
  );
};
