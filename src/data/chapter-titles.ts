// Chapter titles come from one place: each chapter page's own front matter, in the locale being
// built. A small plugin (docusaurus.config.ts) reads them from the docs plugin's loaded content and
// publishes them as global data; the course map looks a chapter up by its page slug. So the map
// and the page cannot disagree, in English or in Chinese.
import type {Chapter} from './course';

export const CHAPTER_TITLES_PLUGIN = 'chapter-titles';

/** What the plugin publishes: page title by doc slug ("/read-write"). */
export interface ChapterTitlesData {
  readonly titles: Readonly<Record<string, string>>;
}

/** The part of a loaded doc the plugin reads. */
export interface DocTitle {
  readonly slug: string;
  readonly title: string;
}

export function chapterTitlesFromDocs(docs: readonly DocTitle[]): ChapterTitlesData {
  return {titles: Object.fromEntries(docs.map((doc) => [doc.slug, doc.title]))};
}

/**
 * The page's title for a chapter, or course.ts's English title when no page title is known (a
 * planned chapter without a page, or a unit test without the plugin).
 */
export function chapterTitle(chapter: Chapter, data: ChapterTitlesData | undefined): string {
  return data?.titles[`/${chapter.slug}`] ?? chapter.title;
}
