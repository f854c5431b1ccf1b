import type {Plugin} from '@docusaurus/types';

// Mermaid and the parser libraries its diagrams pull in. Left alone, the bundler's
// "common" cache group folds them into a chunk that every page loads (about 183 KB gzip,
// see the toolchain notes); we keep them in the lazily loaded Mermaid chunks instead.
const MERMAID_MODULES =
  /[\\/]node_modules[\\/](mermaid|@mermaid-js|langium|chevrotain|chevrotain-allstar|vscode-jsonrpc|vscode-languageserver[^\\/]*|cytoscape[^\\/]*|d3[^\\/]*|dagre-d3-es|katex|khroma|roughjs|@braintree|@iconify|@upsetjs|marked|stylis|dayjs|lodash-es|dompurify|ts-dedent|uuid)[\\/]/;

type ModuleLike = {resource?: string; nameForCondition?: () => string | null};

function moduleResource(module: ModuleLike): string {
  return module.nameForCondition?.() ?? module.resource ?? '';
}

export default function mermaidChunksPlugin(): Plugin {
  return {
    name: 'zero-copy-mermaid-chunks',
    configureWebpack(config, isServer) {
      const splitChunks = config.optimization?.splitChunks;
      if (isServer || !splitChunks || !splitChunks.cacheGroups) {
        return {};
      }
      const common = splitChunks.cacheGroups.common;
      if (common && typeof common === 'object' && !(common instanceof RegExp)) {
        common.test = (module: ModuleLike) => !MERMAID_MODULES.test(moduleResource(module));
      }
      return {};
    },
  };
}
