// Stand-in for @docusaurus/useDocusaurusContext in unit tests: only the current locale, which
// a test can set ("en" by default).
let currentLocale = 'en';

export function setLocaleForTests(locale: string): void {
  currentLocale = locale;
}

export default function useDocusaurusContext(): {i18n: {currentLocale: string}} {
  return {i18n: {currentLocale}};
}
