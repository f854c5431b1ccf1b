// The site's bundle registers only the Prism languages listed in CODE_LANGUAGES (the rest of
// prism-react-renderer's thirty are stripped at build time to save start-up work), so a fence
// naming any other language would silently lose its highlighting. This keeps the list honest,
// and checks the stylesheet that colours tokens in both modes covers every theme entry.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {mergeTokens, PLAIN_TOKEN_TYPES} from '../../src/theme/CodeBlock/Line/plainTokens';
import {CODE_LANGUAGES, codeThemeCss, darkCodeTheme, lightCodeTheme, UNHIGHLIGHTED_FENCES} from '../../tools/site/code-themes';
import {ROOT} from './mermaid-source';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every opening fence's language, with where it is: "c" from "```c title=...". */
function fenceLanguages(file: string): {language: string; where: string}[] {
  const found: {language: string; where: string}[] = [];
  let open = false;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const fence = /^\s*```(\S*)/.exec(line);
      if (!fence) return;
      if (!open) found.push({language: fence[1].toLowerCase(), where: `${path.relative(ROOT, file)}:${index + 1}`});
      open = !open;
    });
  return found;
}

describe('code fences and Prism', () => {
  const files = [...markdownFiles(path.join(ROOT, 'docs')), ...markdownFiles(path.join(ROOT, 'i18n'))];
  const fences = files.flatMap(fenceLanguages);

  it('reads the fences of the docs in both locales', () => {
    expect(fences.filter((f) => f.language === 'c').length).toBeGreaterThan(0);
    expect(fences.some((f) => f.where.startsWith('i18n'))).toBe(true);
  });

  it('names only languages the bundle registers', () => {
    const allowed = new Set<string>([...CODE_LANGUAGES, ...UNHIGHLIGHTED_FENCES]);
    const unknown = fences.filter((f) => !allowed.has(f.language)).map((f) => `${f.where}: ${f.language}`);
    expect(unknown, 'add the language to CODE_LANGUAGES in tools/site/code-themes.ts').toEqual([]);
  });

  it('colours every token type of both themes, each in its own mode', () => {
    const css = codeThemeCss();
    for (const [mode, theme] of [
      ['light', lightCodeTheme],
      ['dark', darkCodeTheme],
    ] as const) {
      expect(css).toContain(`html[data-theme='${mode}']{--prism-color:${theme.plain.color};--prism-background-color:${theme.plain.backgroundColor}}`);
      for (const entry of theme.styles) {
        for (const type of entry.types) {
          const colour = entry.style.color;
          if (colour) expect(css, `${mode} ${type}`).toMatch(new RegExp(`html\\[data-theme='${mode}'\\] \\.prism-code \\.token\\.${type}[,{][^}]*?color:${colour.replace(/[()]/g, '\\$&')}`));
        }
      }
    }
  });

  it('writes as bare text only token types both themes draw in the plain colour (src/theme/CodeBlock/Line/plainTokens.ts)', () => {
    // Colours as the browser compares them: "#F8F8F2" and "rgb(248, 248, 242)" are one colour.
    const rgb = (colour: string): string => {
      const hex = /^#([0-9a-f]{6})$/i.exec(colour);
      if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)).join(',');
      return colour.replace(/^rgb\(|\)$|\s/g, '');
    };
    for (const theme of [lightCodeTheme, darkCodeTheme]) {
      for (const type of PLAIN_TOKEN_TYPES) {
        for (const entry of theme.styles.filter((e) => e.types.includes(type))) {
          const {color, ...rest} = entry.style;
          expect(rest, `${type}: a style other than colour`).toEqual({});
          expect(rgb(String(color)), `${type}'s colour against the plain text's`).toBe(rgb(String(theme.plain.color)));
        }
      }
    }
  });

  it('joins neighbouring tokens that look alike, and keeps the text', () => {
    const line = [
      {types: ['keyword'], content: 'int'},
      {types: ['plain'], content: ' '},
      {types: ['function'], content: 'main'},
      {types: ['punctuation'], content: '('},
      {types: ['punctuation'], content: ')'},
      {types: ['plain'], content: ' '},
      {types: ['operator'], content: '*'},
      {types: ['number'], content: '1'},
      {types: ['number'], content: '2'},
    ];
    const merged = mergeTokens(line);
    expect(merged).toEqual([
      {types: ['keyword'], content: 'int'},
      {types: ['plain'], content: ' '},
      {types: ['function'], content: 'main'},
      {types: ['plain'], content: '() *'},
      {types: ['number'], content: '12'},
    ]);
    expect(merged.map((t) => t.content).join('')).toBe(line.map((t) => t.content).join(''));
  });
});
