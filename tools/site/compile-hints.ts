// Marks every script a page runs as it starts for eager compilation, with V8's explicit compile
// hint (the magic comment `//# allFunctionsCalledOnLoad` on a file's first line, Chrome 136 and
// later; other engines read a comment). V8 otherwise compiles a function the first time it is
// called, on the main thread: hydrating a chapter calls hundreds of functions of React, Docusaurus
// and the page's components for the first time, and each stopped the page to be compiled. With the
// hint V8 compiles the whole file while it streams in, off the main thread.
//
// Measured before adding it (build as it was, and the same build with the comment added to every
// script, alternating; V8's CPU profiler on the page's main thread, from navigation to 3 s after
// load, 2 loads per page in each of 3 rounds, 2-core AMD EPYC VM, Chromium 156, 2026-12-08):
// script time per load on /docs/exercises/ 348-374 ms as built, 223-286 ms hinted; /docs/teach/
// 375-545 and 223-300; the mmap chapter 374-617 and 329-376. main.js's evaluation, one task,
// went from 49-55 ms to 27-30 ms in Lighthouse's own traces of /docs/teach/.
//
// Only the scripts a page loads as it starts get the hint: the chunks of every named chunk group,
// which are the entry (runtime and main.js) and each route's chunks, the set route-scripts.ts lists
// on each page. Chunks only loaded later (Mermaid's, when a diagram scrolls near) stay lazily
// compiled, since most of their functions never run.
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
