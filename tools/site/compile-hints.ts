// Marks every script a page runs as it starts for eager compilation, with V8's explicit compile
// hint (the magic comment `//# allFunctionsCalledOnLoad` on a file's first line, Chrome 136 and
// later; to other engines it is a comment). V8 otherwise compiles a function the first time it is
// called, on the main thread: hydrating a chapter calls hundreds of functions of React, Docusaurus
// and the page's components for the first time, and each call stopped the page to compile. Timed
// inside React (non-minified build), units of work that do almost nothing, such as a navbar link,
// took 2-9 ms each. With the hint V8 compiles the whole file while it streams in, off the main
// thread.
//
// Measured on a 2-core AMD EPYC VM with Chromium 156 (2026-12-08), this build against the same
// build with the hints taken out, alternating, so that the host's load (Lighthouse's benchmarkIndex
// ran from 851 to 1,840 that night) fell on both alike. V8's CPU profiler on the page's main
// thread, from navigation to 3 s after load, 2 loads per page in each of 3 rounds, script time per
// load: /docs/exercises/ 316-383 ms without, 214-278 ms with; /docs/teach/ 385-492 and 300-357; the
// mmap chapter 437-508 and 298-394; its zh-Hans twin 450-617 and 442-449. In Lighthouse's traces of
// /docs/teach/, main.js's evaluation (one task) took 49-55 ms without and 27-30 ms with. Lighthouse
// mobile, 4 alternating rounds of 7 pages: the blocking time it attributes to scripts fell on every
// page (medians, e.g. /docs/exercises/ 130 to 44 ms, mmap 127 to 104, zh-Hans teach 378 to 189).
//
// Only the scripts a page loads as it starts get the hint: the chunks of every named chunk group,
// which are the entry (runtime and main.js) and each route's chunks, the set route-scripts.ts lists
// on each page. Chunks loaded only later (Mermaid and its parsers, for a diagram not yet rendered
// to SVG) stay lazily compiled, since most of their functions never run.
import type {Plugin} from '@docusaurus/types';
// Docusaurus types its bundler configuration with webpack's types; Rspack implements the same API.
import type {Compiler} from 'webpack';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The script with the hint on its first line, once. */
export function withCompileHint(source: string): string {
  return source.startsWith(COMPILE_HINT) ? source : COMPILE_HINT + source;
}

/** The JavaScript files of the named chunk groups: what pages load as they start. */
export function startupScripts(groups: Iterable<{readonly chunks: Iterable<{readonly files: Iterable<string>}>}>): string[] {
  const files = new Set<string>();
  for (const group of groups) for (const chunk of group.chunks) for (const file of chunk.files) if (file.endsWith('.js')) files.add(file);
  return [...files].sort();
}

const NAME = 'zc-compile-hints';

/** Adds the hint after minification (which would drop the comment) and before the final
 * content hashes are computed, so a file's name still changes with its bytes. */
const addCompileHints = {
  apply(compiler: Compiler): void {
    const {Compilation, sources} = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE}, () => {
        for (const file of startupScripts(compilation.namedChunkGroups.values())) {
          compilation.updateAsset(file, (source) => new sources.RawSource(withCompileHint(String(source.source()))));
        }
      });
    });
  },
};

export default function compileHintsPlugin(): Plugin {
  return {
    name: NAME,
    configureWebpack(_config, isServer) {
      return isServer ? {} : {plugins: [addCompileHints]};
    },
  };
}
