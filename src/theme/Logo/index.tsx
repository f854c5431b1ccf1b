// Ejected from @docusaurus/theme-classic 3.10 for one change: the logo is drawn in the page
// (an inline <svg>) instead of an <img> of static/img/logo.svg. The browser builds a separate SVG
// document for every SVG image; on a page with no diagram the logo and the favicon were the only
// ones, and the first such document in a tab cost 38-111 ms at 4x CPU slowdown inside a long task
// shortly after the first paint (Chromium traces of /docs/exercises/, /docs/sendfile/ and the mmap
// chapter on a phone, 2-core VM, 2026-12-06). The mark is the same in both colour modes, so one
// drawing serves.
import React, {type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useThemeConfig} from '@docusaurus/theme-common';
import type {Props} from '@theme/Logo';
import LogoSvg from '@site/static/img/logo.svg';
import styles from './styles.module.css';

/** static/img/logo.svg, compiled into the page (Docusaurus's SVGR plugin): disk, an arrow, the network card. */
function LogoMark({label}: {label: string}): ReactNode {
  // The file names itself "Zero-Copy"; the page gives the translated text, or hides a decorative mark.
  const name = label === '' ? {'aria-hidden': true, role: undefined, 'aria-label': undefined} : {role: 'img', 'aria-label': label};
  return <LogoSvg className={styles.mark} focusable="false" {...name} />;
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
