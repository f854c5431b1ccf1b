// The course map shows each chapter under the title its page gives itself, in the locale being
// built (src/data/chapter-titles.ts says why): this plugin reads the docs plugin's loaded titles
// and publishes them as global data for the CourseMap component.
import type {Plugin} from '@docusaurus/types';
import type {LoadedContent as DocsContent} from '@docusaurus/plugin-content-docs';
import {CHAPTER_TITLES_PLUGIN, chapterTitlesFromDocs} from '../../src/data/chapter-titles';

export function chapterTitlesPlugin(): Plugin {
  return {
    name: CHAPTER_TITLES_PLUGIN,
    allContentLoaded({allContent, actions}) {
      const docs = allContent['docusaurus-plugin-content-docs']?.default as DocsContent | undefined;
      const current = docs?.loadedVersions.find((version) => version.versionName === 'current');
      actions.setGlobalData(chapterTitlesFromDocs(current?.docs ?? []));
    },
  };
}
