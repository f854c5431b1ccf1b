// Rspack loader for @docusaurus/core's browserContext. After the page hydrates, its provider sets
// `isBrowser` to true in an effect, and every component that reads useIsBrowser() re-renders
// (code blocks, links, the navbar's language menu, the docs sidebar). An update from an effect
// gets React's default lane, which renders in one uninterrupted task: 93-100 ms at 4x CPU on a
// plain doc page, the largest blocking task after main.js itself (CPU profile of /docs/exercises/).
// Made a transition, the same re-render is time-sliced: React yields to the browser every few
// milliseconds, and what the reader sees is the same. Throws, failing the build, if the code it
// rewrites is no longer there.
'use strict';

const IMPORT = "import React, { useEffect, useState } from 'react';";
const SET = 'setIsBrowser(true);';

module.exports = function browserContextLoader(source) {
  if (source.split(IMPORT).length !== 2 || source.split(SET).length !== 2) {
    throw new Error('browser-context loader: @docusaurus/core/lib/client/browserContext.js changed; update tools/site/loaders/browser-context.cjs');
  }
  return source
    .replace(IMPORT, "import React, { startTransition, useEffect, useState } from 'react';")
    .replace(SET, 'startTransition(() => setIsBrowser(true));');
};
