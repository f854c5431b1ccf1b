// Prism's github and dracula themes with the token colours that fail WCAG AA (4.5:1 on the
// code block's background) darkened or lightened until they pass; axe checks every page.
import type {Plugin} from '@docusaurus/types';
import {themes, type PrismTheme} from 'prism-react-renderer';

function recolour(theme: PrismTheme, colours: Record<string, string>): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((entry) => {
      const replacement = entry.style.color ? colours[entry.style.color] : undefined;
      return replacement ? {...entry, style: {...entry.style, color: replacement}} : entry;
    }),
  };
}

// The github theme fades namespaces (a Java import's package name) to 70% opacity, which fails
// contrast too; they keep the plain text colour instead.
function unfade(theme: PrismTheme): PrismTheme {
  return {...theme, styles: theme.styles.filter((entry) => !(entry.types.includes('namespace') && entry.style.opacity !== undefined))};
}

export const lightCodeTheme = unfade(
  recolour(themes.github, {
    '#999988': '#67675a',
    '#e3116c': '#b00d55',
    '#36acaa': '#1a716f',
    '#00a4db': '#006c92',
    '#d73a49': '#b42334',
  }),
);

export const darkCodeTheme = recolour(themes.dracula, {
  'rgb(98, 114, 164)': '#9aa7d4',
});

/**
 * Every language a code fence in docs/ or i18n/ may name, dependencies first (C and Java extend
 * clike). The bundle registers no others (see lean-startup.ts); tests/site checks the fences.
 */
export const CODE_LANGUAGES = ['clike', 'c', 'java', 'bash', 'json'] as const;

/** Fences that are not highlighted: plain text, and diagrams drawn by the Mermaid theme. */
export const UNHIGHLIGHTED_FENCES = ['', 'text', 'mermaid'] as const;

// Docusaurus gives code blocks the light theme's inline colours on the server and, when the
// reader is in dark mode, remounts every code block after hydration to swap them. On a long
// chapter that remount deletes and rebuilds thousands of token spans in one task (over a second
// of blocking time in Lighthouse's mobile profile). Instead both modes share one theme that sets
// nothing inline: tokens keep only their classes, and each mode's colours live in CSS, with the
// code block's own text and background colours in the custom properties Docusaurus reads
// (--prism-color, --prism-background-color). The server's markup is right in either mode, so
// nothing has to be rebuilt, and no line carries a style attribute of its own.
export const sharedCodeTheme: PrismTheme = {plain: {}, styles: []};

const CSS_PROPERTY: Record<string, string> = {
  color: 'color',
  backgroundColor: 'background-color',
  fontStyle: 'font-style',
  fontWeight: 'font-weight',
  textDecorationLine: 'text-decoration-line',
  opacity: 'opacity',
};

function declarations(style: PrismTheme['plain']): string {
  return Object.entries(style)
    .map(([key, value]) => {
      const property = CSS_PROPERTY[key];
      if (!property) throw new Error(`code-themes: no CSS property for the Prism style key "${key}"`);
      return `${property}:${String(value)}`;
    })
    .join(';');
}

/**
 * One mode's colours as CSS. Rules keep the theme's order, so a type listed again later wins, as
 * it does in prism-react-renderer's own style dictionary (github lists `keyword` twice).
 */
function modeCss(mode: 'light' | 'dark', theme: PrismTheme): string {
  const root = `html[data-theme='${mode}']`;
  const plain = `${root}{--prism-color:${theme.plain.color};--prism-background-color:${theme.plain.backgroundColor}}`;
  const rules = theme.styles.map((entry) => {
    const scopes = entry.languages?.map((language) => `${root} .prism-code.language-${language}`) ?? [`${root} .prism-code`];
    const selectors = scopes.flatMap((scope) => entry.types.map((type) => `${scope} .token.${type}`));
    return `${selectors.join(',')}{${declarations(entry.style)}}`;
  });
  return [plain, ...rules].join('\n');
}

/** The stylesheet that colours code in both modes; injected into every page's <head>. */
export function codeThemeCss(): string {
  return `${modeCss('light', lightCodeTheme)}\n${modeCss('dark', darkCodeTheme)}`;
}

/** Docusaurus plugin: puts codeThemeCss() in a <style> element of every page. */
export function codeThemePlugin(): Plugin {
  return {
    name: 'zc-code-theme',
    injectHtmlTags: () => ({headTags: [{tagName: 'style', attributes: {'data-zc': 'code-theme'}, innerHTML: codeThemeCss()}]}),
  };
}
