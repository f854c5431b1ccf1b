// A Docusaurus client module (docusaurus.config.ts, clientModules): after a navigation inside the
// app, the new article's blocks are shown at once. The first page load reveals progressively
// (Root, reveal.ts); this covers the pages that come after it.
import type {ClientModule} from '@docusaurus/types';
import {showAll} from './reveal';

const module: ClientModule = {
  onRouteDidUpdate({previousLocation}) {
    if (previousLocation !== null) showAll(document);
  },
};

export default module;
