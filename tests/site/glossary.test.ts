// The glossary (src/data/glossary.ts) against the chapters it describes: every link lands on a
// heading that still exists and still has the title the glossary shows, every Chinese term is
// the one the zh-Hans chapters use, and no chapter uses a variant the glossary rules out.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CHAPTERS} from '../../src/data/course';
import {GLOSSARY, glossaryAlphabetical, glossaryByChapter, type GlossaryEntry} from '../../src/data/glossary';
import {DOCS_DIR, ROOT, ZH_DOCS_DIR} from './mermaid-source';

type Locale = 'en' | 'zh';
const DIRS: Record<Locale, string> = {en: DOCS_DIR, zh: ZH_DOCS_DIR};
const published = CHAPTERS.filter((chapter) => chapter.status === 'published');

function chapterFile(locale: Locale, slug: string): string | null {
  const chapter = published.find((c) => c.slug === slug);
  return chapter ? path.join(DIRS[locale], `${chapter.number}-${chapter.slug}`, 'index.mdx') : null;
}

/** Removes fenced code blocks, except Mermaid, whose labels readers see as prose. */
function withoutCodeBlocks(source: string): string {
  return source.replace(/^(```|~~~)(\w*)[^\n]*\n[\s\S]*?^\1\s*$/gm, (block, _fence: string, lang: string) =>
    lang === 'mermaid' ? block : '',
  );
}

function withoutInlineCode(text: string): string {
  return text.replace(/`[^`\n]*`/g, '');
}

// Docusaurus's heading ids: an explicit {#id}, else github-slugger's rules (lower case, drop
// punctuation, spaces to hyphens, -1, -2 ... for repeats).
function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Heading id -> heading text (inline code marks removed), for headings outside code fences. */
function headings(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const m of withoutCodeBlocks(source).matchAll(/^#{1,6} (.+?)\s*$/gm)) {
    const explicit = /^(.*?)\s*\\?\{#([\w-]+)\\?\}$/.exec(m[1]);
    const text = (explicit ? explicit[1] : m[1]).replace(/`/g, '').trim();
    let id = explicit ? explicit[2] : slugify(text);
    if (!explicit) {
      const count = seen.get(id) ?? 0;
      seen.set(id, count + 1);
      if (count > 0) id = `${id}-${count}`;
    }
    found.set(id, text);
  }
  return found;
}

/** Where a section link points: the chapter file in each locale and the heading id. */
function resolve(href: string): {slug: string; anchor: string} | null {
  const m = /^\/docs\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(href);
  return m ? {slug: m[1], anchor: m[2]} : null;
}

const zhChapters = published.map((chapter) => {
  const file = chapterFile('zh', chapter.slug) ?? '';
  return {name: path.relative(ROOT, file), text: withoutCodeBlocks(readFileSync(file, 'utf8'))};
});

describe('the glossary data', () => {
  it('has an entry for each of the course’s main terms', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(30);
    for (const id of ['mode-switch', 'context-switch', 'page-cache', 'scatter-gather-dma', 'page-fault', 'zero-copy']) {
      expect(GLOSSARY.map((e) => e.id)).toContain(id);
    }
  });

  it('gives every entry a unique anchor id', () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'ids used twice').toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('states every term and definition in both languages', () => {
    const cjk = /\p{Script=Han}/u;
    for (const entry of GLOSSARY) {
      expect(entry.en.trim(), `${entry.id}: English term`).not.toBe('');
      expect(entry.zh.trim(), `${entry.id}: Chinese term`).not.toBe('');
      expect(entry.definition.en, `${entry.id}: English definition is English`).toMatch(/^[^\p{Script=Han}]{20,}$/u);
      expect(entry.definition.zh, `${entry.id}: Chinese definition is Chinese`).toMatch(cjk);
      for (const section of entry.taughtIn) {
        expect(section.title.en, `${entry.id}: ${section.href} English title`).not.toMatch(cjk);
        expect(section.title.zh.trim(), `${entry.id}: ${section.href} Chinese title`).not.toBe('');
      }
    }
  });

  it('says a system call is a mode switch, not a context switch', () => {
    const byId = new Map(GLOSSARY.map((e) => [e.id, e]));
    expect(byId.get('system-call')?.definition.en).toMatch(/two mode switches/);
    expect(byId.get('system-call')?.definition.en).toMatch(/not a context switch/);
    expect(byId.get('system-call')?.definition.zh).toMatch(/不是上下文切换/);
  });

  it('uses its own Chinese terms in its Chinese definitions', () => {
    const offenders = GLOSSARY.flatMap((entry) =>
      GLOSSARY.flatMap((other) =>
        (other.avoid ?? []).filter((variant) => entry.definition.zh.includes(variant)).map((v) => `${entry.id} says "${v}" (use "${other.zh}")`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('orders the English page alphabetically and the Chinese page by chapter, losing no entry', () => {
    const english = glossaryAlphabetical().map((e) => e.en.toLowerCase());
    expect(english).toHaveLength(GLOSSARY.length);
    expect(english.indexOf('block dma')).toBeLessThan(english.indexOf('canonical address'));
    expect(english.indexOf('user space')).toBeGreaterThan(english.indexOf('trap'));
    const groups = glossaryByChapter();
    expect(groups.flatMap((g) => g.entries)).toHaveLength(GLOSSARY.length);
    expect(groups.map((g) => g.chapter.number)).toEqual([...groups.map((g) => g.chapter.number)].sort());
    expect(groups[0].entries[0].id).toBe('user-space');
  });
});

describe('glossary links to the chapters', () => {
  const sources = new Map<string, Map<string, string>>();
  function headingsOf(locale: Locale, slug: string): Map<string, string> | null {
    const file = chapterFile(locale, slug);
    if (!file || !existsSync(file)) return null;
    const key = `${locale}:${slug}`;
    if (!sources.has(key)) sources.set(key, headings(readFileSync(file, 'utf8')));
    return sources.get(key) ?? null;
  }

  for (const entry of GLOSSARY) {
    it(`${entry.id}: every section it is taught in exists, in both locales, under the title shown`, () => {
      for (const section of entry.taughtIn) {
        const target = resolve(section.href);
        expect(target, `${section.href} has the form /docs/<chapter-slug>/#<heading-id>`).not.toBeNull();
        if (!target) continue;
        for (const locale of ['en', 'zh'] as const) {
          const found = headingsOf(locale, target.slug);
          expect(found, `${section.href}: /docs/${target.slug}/ is a published chapter (${locale})`).not.toBeNull();
          expect(found?.has(target.anchor), `${section.href}: the ${locale} chapter has a heading #${target.anchor}`).toBe(true);
          expect(found?.get(target.anchor), `${section.href}: ${locale} heading title`).toBe(section.title[locale]);
        }
      }
    });
  }
});

describe('the zh-Hans chapters use the glossary’s terms', () => {
  for (const entry of GLOSSARY) {
    it(`${entry.id}: "${entry.zh}" appears in a chapter${entry.avoid ? `, and never ${entry.avoid.map((v) => `"${v}"`).join(', ')}` : ''}`, () => {
      expect(
        zhChapters.some((chapter) => chapter.text.includes(entry.zh)),
        `"${entry.zh}" is used in at least one zh-Hans chapter`,
      ).toBe(true);
      const uses = zhChapters.flatMap((chapter) =>
        (entry.avoid ?? []).filter((variant) => withoutInlineCode(chapter.text).includes(variant)).map(
          (variant) => `${chapter.name} says "${variant}"; the glossary's term is "${entry.zh}"`,
        ),
      );
      expect(uses).toEqual([]);
    });
  }
});

function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((e) => e.id === id);
}

describe('the glossary pages', () => {
  const pages = {
    en: path.join(DOCS_DIR, 'teach', 'glossary.mdx'),
    zh: path.join(ZH_DOCS_DIR, 'teach', 'glossary.mdx'),
  };

  for (const [locale, file] of Object.entries(pages)) {
    it(`exists in ${locale} and renders the glossary in that locale`, () => {
      expect(existsSync(file), path.relative(ROOT, file)).toBe(true);
      const source = readFileSync(file, 'utf8');
      expect(source).toContain(`<Glossary locale="${locale === 'en' ? 'en' : 'zh-Hans'}"`);
      expect(source, 'explains mode switch vs context switch').toMatch(locale === 'en' ? /context switch/ : /上下文切换/);
    });
  }

  it('comes right after "For teachers" in the sidebar', () => {
    const sidebar = readFileSync(path.join(ROOT, 'sidebars.ts'), 'utf8');
    expect(sidebar).toMatch(/'teach\/index',\s*'teach\/glossary',/);
  });

  it('is linked only at anchors it defines', () => {
    const links = [DOCS_DIR, ZH_DOCS_DIR].flatMap((dir) =>
      published.flatMap((chapter) => {
        const text = readFileSync(path.join(dir, `${chapter.number}-${chapter.slug}`, 'index.mdx'), 'utf8');
        return [...text.matchAll(/\/docs\/teach\/glossary\/?#([a-z0-9-]+)/g)].map((m) => m[1]);
      }),
    );
    expect(links.filter((id) => !glossaryEntry(id)), 'glossary anchors linked from chapters but not defined').toEqual([]);
  });
});
