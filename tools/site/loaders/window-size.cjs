// Rspack loader for @docusaurus/theme-common's useWindowSize. The hook renders "ssr" first (as
// the server did) and sets the real size in an effect right after hydration; the docs layout
// then swaps the desktop table of contents for the phone's, a synchronous re-render of 70-120 ms
// at 4x CPU on a chapter (trace of 2026-12-05), because an update from an effect gets React's
// default lane. That first update is made a transition, so React renders it in slices and
// yields to the browser; a resize later stays urgent. Throws, failing the build, if the code it
// rewrites is no longer there.
'use strict';

const IMPORT = "import { useEffect, useState } from 'react';";
const FIRST_CALL = `        updateWindowSize();
        window.addEventListener('resize', updateWindowSize);`;

module.exports = function windowSizeLoader(source) {
  if (source.split(IMPORT).length !== 2 || source.split(FIRST_CALL).length !== 2) {
    throw new Error('window-size loader: @docusaurus/theme-common/lib/hooks/useWindowSize.js changed; update tools/site/loaders/window-size.cjs');
  }
  return source
    .replace(IMPORT, "import { startTransition, useEffect, useState } from 'react';")
    .replace(FIRST_CALL, `        startTransition(updateWindowSize);
        window.addEventListener('resize', updateWindowSize);`);
};
