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
//
// Two more leads were measured on 2026-12-07 and not kept (Lighthouse mobile, 6 alternating rounds,
// same 2-core VM). (1) A chapter without its four live components (the mmap chapter's first half,
// without DataPath, PageFaults, MethodTable and CostChart) blocked for 372 ms against 667 ms with
// them, lower in 5 of the 6 rounds: the components are most of what a chapter adds to the plain page.
// (2) But hydrating them only near the viewport did not lower it (mmap chapter 838 vs 634 ms, sendfile
// 873 vs 699 ms): the server HTML was kept by rendering, until then, an empty
// dangerouslySetInnerHTML wrapper, so their hydration was skipped, and the time stayed. What they
// cost is their markup and code, not their hydration. A Suspense boundary that suspends until the
// viewport comes near is not an option here at all: Docusaurus's renderToPipeableStream moves a
// boundary's content larger than React's progressiveChunkSize into a hidden <div> at the end of
// the page, and with that turned off React 19.3 still removed the server HTML of each suspended
// boundary under this transition, with no recoverable error reported.
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
