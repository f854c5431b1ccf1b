// tools/site/page-components.ts gives each MDX file an import of each course component it uses,
// so that a page loads only its own components' code. Checked through MDX's own compiler, as
// Docusaurus runs it: the compiled page must import what it uses, from the right export, and
// must no longer look the name up among the MDX provider's components.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {compile} from '@mdx-js/mdx';
import {describe, expect, it} from 'vitest';
import {PAGE_COMPONENTS, remarkPageComponents, usedComponents} from '../../tools/site/page-components';
import type {MdxNode} from '../../tools/site/page-components';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function compiled(mdx: string): Promise<string> {
  return String(await compile(mdx, {remarkPlugins: [remarkPageComponents], providerImportSource: '@mdx-js/react'}));
}

/** The MDX trees of the course's pages, English and Chinese. */
function mdxFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(file) : entry.name.endsWith('.mdx') ? [file] : [];
    });
  return [...walk(path.join(ROOT, 'docs')), ...walk(path.join(ROOT, 'i18n/zh-Hans/docusaurus-plugin-content-docs/current'))];
}

describe('each page imports the course components it uses', () => {
  it('imports a component it uses, default and named exports alike, and no longer asks the provider for it', async () => {
    const code = await compiled(['# Title', '', '<CostChart />', '', '<Quiz id="q">', '  <Question prompt="Why?">', '    <Choice explain="Because." correct>Yes</Choice>', '  </Question>', '</Quiz>'].join('\n'));
    expect(code).toContain('import CostChart from "@site/src/components/CostChart";');
    expect(code).toMatch(/import Quiz, \{Question, Choice\} from "@site\/src\/components\/Quiz";/);
    // The provider is still asked for Markdown's own elements (h1), never for these names.
    expect(code).toMatch(/_components\s*=\s*\{[^}]*h1/);
    for (const name of ['CostChart', 'Quiz', 'Question', 'Choice']) {
      expect(code, name).not.toMatch(new RegExp(`_missingMdxReference\\("${name}"`));
      expect(code, name).not.toMatch(new RegExp(`\\b${name}\\s*:\\s*${name}\\b`));
    }
  });

  it('adds nothing to a page that uses none of them', async () => {
    const code = await compiled('# Exercises\n\nRun `npm run grade -- 04`.\n\n<details><summary>Hint</summary>Read the man page.</details>\n');
    expect(code).not.toContain('@site/src/components/');
  });

  it('leaves a name the page imports itself alone (two imports of one name would not compile)', async () => {
    const code = await compiled('import CostChart from "@site/src/components/CostChart";\n\n<CostChart /> and <DataPath />\n');
    expect(code.match(/import CostChart from/g)).toHaveLength(1);
    expect(code).toContain('import DataPath from "@site/src/components/DataPath";');
  });

  it('leaves a name the page declares itself alone', async () => {
    const code = await compiled('export const Quiz = () => null;\n\n<Quiz />\n');
    expect(code).not.toContain('@site/src/components/Quiz');
  });

  it('finds components anywhere in the tree, inline or nested, each once', async () => {
    const tree: MdxNode = {
      type: 'root',
      children: [
        {type: 'paragraph', children: [{type: 'mdxJsxTextElement', name: 'MethodTable'}]},
        {type: 'mdxJsxFlowElement', name: 'Quiz', children: [{type: 'mdxJsxFlowElement', name: 'Question', children: [{type: 'mdxJsxFlowElement', name: 'Choice'}]}]},
        {type: 'mdxJsxFlowElement', name: 'Quiz'},
        {type: 'mdxJsxFlowElement', name: 'details'},
        {type: 'mdxJsxFlowElement', name: null},
      ],
    };
    expect(usedComponents(tree)).toEqual(['MethodTable', 'Quiz', 'Question', 'Choice']);
  });
});

describe('the registry of components a page may use without importing them', () => {
  it('names modules that exist and exports they have', () => {
    for (const [name, {from, exportName}] of Object.entries(PAGE_COMPONENTS)) {
      const file = path.join(ROOT, from.replace('@site/', ''), 'index.tsx');
      expect(existsSync(file), `${name}: ${file}`).toBe(true);
      const source = readFileSync(file, 'utf8');
      const exported = exportName === 'default' ? /export default\b/ : new RegExp(`export (function|const) ${exportName}\\b`);
      expect(source, `${name}: ${exportName} export of ${from}`).toMatch(exported);
    }
  });

  it('covers every component the course pages use without importing it, in both languages', async () => {
    const html = new Set(['details', 'summary', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'span', 'br', 'kbd', 'abbr', 'sup', 'sub', 'code', 'a', 'p', 'ul', 'li', 'em', 'strong', 'figure', 'figcaption', 'img']);
    const files = mdxFiles();
    expect(files.length).toBeGreaterThanOrEqual(20);
    let pagesWithComponents = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const imported = new Set([...source.matchAll(/^import\s+([^;]+?)\s+from\s/gm)].flatMap((m) => m[1].match(/[A-Za-z_$][\w$]*/g) ?? []));
      // Capitalised JSX outside code fences: the page's components.
      const prose = source.replace(/^```[\s\S]*?^```/gm, '');
      const used = new Set([...prose.matchAll(/<([A-Z][\w]*)[\s/>]/g)].map((m) => m[1]));
      const unresolved = [...used].filter((name) => !imported.has(name) && !Object.hasOwn(PAGE_COMPONENTS, name) && !html.has(name));
      expect(unresolved, path.relative(ROOT, file)).toEqual([]);
      if ([...used].some((name) => Object.hasOwn(PAGE_COMPONENTS, name))) pagesWithComponents++;
    }
    expect(pagesWithComponents).toBeGreaterThanOrEqual(14);
  });
});
