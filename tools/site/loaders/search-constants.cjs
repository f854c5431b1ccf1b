// Rspack loader for the search plugin's constants module as the search bar imports it. The
// generated module runs lunr, its stemmer and its Chinese and multi-language extensions when it
// loads, which only the search worker needs; the search bar, on every page, reads one number
// from it. For the search bar this serves the same constants without that start-up work; the
// worker's import is left alone (the rule matches on the importing file).
'use strict';

const {readFileSync} = require('node:fs');

module.exports = function searchConstantsLoader() {
  const {generatedFile} = this.getOptions();
  this.addDependency(generatedFile);
  const source = readFileSync(generatedFile, 'utf8');
  const constants = source.split('\n').filter((line) => /^export const \w+ = .*;?$/.test(line));
  if (!constants.some((line) => line.startsWith('export const searchResultLimits ')) || !/\blunr\b/.test(source)) {
    throw new Error(`search-constants loader: ${generatedFile} no longer has the expected layout; update tools/site/loaders/search-constants.cjs`);
  }
  return `${constants.join('\n')}\n`;
};
