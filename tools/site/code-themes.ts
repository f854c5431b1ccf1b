// Prism's github and dracula themes with the token colours that fail WCAG AA (4.5:1 on the
// code block's background) darkened or lightened until they pass; axe checks every page.
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
