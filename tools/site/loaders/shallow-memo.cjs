// Rspack loader for @docusaurus/theme-common's reactUtils. Its useShallowMemoObject sorts prop
// names with localeCompare, and the docs sidebar's phone menu calls it while every doc page
// hydrates: the first localeCompare sets up ICU's collator, 28-34 ms of that task at 4x CPU
// (CPU profile of the mmap chapter). The sort only has to be the same every render, and prop
// names are ASCII identifiers, so comparing code units gives the same order. Throws, failing
// the build, if the line is no longer there.
'use strict';

const LOCALE_SORT = 'deps.sort((a, b) => a[0].localeCompare(b[0]));';
const CODE_UNIT_SORT = 'deps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));';

module.exports = function shallowMemoLoader(source) {
  if (source.split(LOCALE_SORT).length !== 2) {
    throw new Error('shallow-memo loader: @docusaurus/theme-common/lib/utils/reactUtils.js no longer has the expected sort; update tools/site/loaders/shallow-memo.cjs');
  }
  return source.replace(LOCALE_SORT, CODE_UNIT_SORT);
};
