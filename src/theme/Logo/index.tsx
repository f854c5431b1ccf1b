// Ejected from @docusaurus/theme-classic 3.10 for one change: the logo is drawn in the page
// (an inline <svg>) instead of an <img> of static/img/logo.svg. The browser builds a separate SVG
// document for every SVG image; on a page with no diagram the logo was the only one, and the
// first such document in a tab cost 38-111 ms at 4x CPU slowdown inside a long task shortly after
// the first paint (Chromium traces of /docs/exercises/, /docs/sendfile/ and the mmap chapter on a
// phone, 2-core VM, 2026-12-06). The mark is the same in both colour modes, so one drawing serves.
import React, {type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useThemeConfig} from '@docusaurus/theme-common';
import type {Props} from '@theme/Logo';
import styles from './styles.module.css';

/** static/img/logo.svg (the favicon's twin): disk, an arrow, the network card. */
function LogoMark({label}: {label: string}): ReactNode {
  const decorative = label === '';
  return (
    <svg
      className={styles.mark}
      viewBox="0 0 64 64"
      {...(decorative ? {'aria-hidden': true} : {role: 'img', 'aria-label': label})}
      focusable="false">
      <rect x="4" y="14" width="16" height="36" rx="3" fill="#29784c" />
      <rect x="44" y="14" width="16" height="36" rx="3" fill="#1f5f8b" />
      <path d="M20 32h20" stroke="#e0a800" strokeWidth="5" strokeLinecap="round" />
      <path d="M34 24l8 8-8 8" fill="none" stroke="#e0a800" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export default function Logo(props: Props): ReactNode {
  const {
    siteConfig: {title},
  } = useDocusaurusContext();
  const {
    navbar: {title: navbarTitle, logo},
  } = useThemeConfig();
  const {imageClassName, titleClassName, ...propsRest} = props;
  const logoLink = useBaseUrl(logo?.href || '/');
  // As in the original: with a visible title the logo's fallback text is empty (decorative).
  const alt = logo?.alt ?? (navbarTitle ? '' : title);
  const mark = logo && <LogoMark label={alt} />;
  return (
    <Link to={logoLink} {...propsRest} {...(logo?.target && {target: logo.target})}>
      {mark && (imageClassName ? <div className={imageClassName}>{mark}</div> : mark)}
      {navbarTitle != null && <b className={titleClassName}>{navbarTitle}</b>}
    </Link>
  );
}
