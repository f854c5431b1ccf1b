// Rspack loader for @docusaurus/core's clientEntry. main.js loads the current route's chunks
// (preload) and then starts React (hydrateRoot inside a transition). Since each page lists its
// route's scripts (tools/site/route-scripts.ts) those chunks are already loaded when main.js
// runs, so the promise settles at once and React's set-up (the root, an event listener for
// every event type) would run in the same task as main.js's evaluation, making one long task
// out of two. Starting React from a new task lets the browser paint or handle input between
// them. Throws, failing the build, if the code it rewrites is no longer there.
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
    `    preload(window.location.pathname)
        .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
        .then(() => {
        startTransition(renderApp);
    });`,
  );
};
