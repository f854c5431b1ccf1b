import path from 'node:path';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import mermaidChunksPlugin from './tools/site/mermaid-chunks';
import studentModelPlugin, {studentRemarkPlugins} from './tools/site/student-model';
import leanStartupPlugin from './tools/site/lean-startup';
import routeScriptsPlugin from './tools/site/route-scripts';
import compileHintsPlugin from './tools/site/compile-hints';
import {CODE_LANGUAGES, codeThemePlugin, sharedCodeTheme} from './tools/site/code-themes';
import {ssrTemplate} from './tools/site/ssr-template';
import {siteAddress} from './tools/publish/site-address';
import {chapterTitlesPlugin} from './tools/site/chapter-titles';
import {remarkPageComponents} from './tools/site/page-components';

// Docusaurus loads the config once per locale and says which one in this variable; the
// site title appears in every page's <title>, so it is translated here.
const locale = process.env.DOCUSAURUS_CURRENT_LOCALE === 'zh-Hans' ? 'zh-Hans' : 'en';
const SITE_TEXT = {
  en: {
    title: 'Zero-Copy, Explained and Exercised',
    tagline: 'How Linux moves bytes from a file to a socket, and how to stop copying them twice',
  },
  'zh-Hans': {
    title: '零拷贝：原理讲解与动手练习',
    tagline: 'Linux 如何把字节从文件送到套接字，以及如何不再重复拷贝',
  },
} as const;

const config: Config = {
  title: SITE_TEXT[locale].title,
  tagline: SITE_TEXT[locale].tagline,
  // A PNG drawn from img/favicon.svg (tools/site/render-favicon.ts): Chromium decodes the favicon
  // in the page's process, and an SVG meant building a second document there after every load.
  favicon: 'img/favicon.png',

  future: {
    v4: true,
  },

  // SITE_URL and BASE_URL at build time; https://zero-copy.example.org/ by default.
  ...siteAddress(),
  // Every page is a folder with an index.html: /docs/sendfile/ (hosts must serve it so).
  trailingSlash: true,

  // Paint the server-rendered page before React starts (see the file for why).
  ssrTemplate,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh-Hans'],
    localeConfigs: {
      en: {label: 'English', htmlLang: 'en'},
      'zh-Hans': {label: '简体中文', htmlLang: 'zh-Hans'},
    },
  },

  markdown: {
    mermaid: true,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['en', 'zh'],
        indexBlog: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: false,
      },
    ],
  ],

  plugins: [
    mermaidChunksPlugin,
    leanStartupPlugin,
    routeScriptsPlugin,
    compileHintsPlugin,
    studentModelPlugin,
    codeThemePlugin,
    chapterTitlesPlugin,
    // Offline reading (tools/publish/offline/): every page a reader opens is kept, in either
    // language. The plugin's own "offline mode" stores the whole locale at once; it is left to
    // readers who ask for it with ?offlineMode=true (a class about to lose its network).
    [
      '@docusaurus/plugin-pwa',
      {
        offlineModeActivationStrategies: ['queryString'],
        swCustom: path.join(__dirname, 'tools/publish/offline/service-worker.mjs'),
        pwaHead: [
          {tagName: 'link', rel: 'manifest', href: 'manifest.json'},
          {tagName: 'link', rel: 'apple-touch-icon', href: 'img/apple-touch-icon.png'},
          {tagName: 'meta', name: 'theme-color', content: '#29784c'},
        ],
      },
    ],
  ],
  // After an in-app navigation the new article is shown whole (reveal.ts); pages are kept for
  // offline reading (tools/publish/offline/).
  clientModules: ['./src/theme/Root/reveal-on-navigate.ts', './tools/publish/offline/keep-pages.ts'],

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: false,
          // Each page imports the live components it uses (page-components.ts); in student mode
          // (ZC_MODEL=student) the figures the learner's code computed are marked too.
          beforeDefaultRemarkPlugins: [remarkPageComponents, ...studentRemarkPlugins()],
        },
        blog: false,
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    colorMode: {
      respectPrefersColorScheme: true,
    },
    mermaid: {
      theme: {light: 'neutral', dark: 'dark'},
      // Labels wrap inside narrow actor columns, so a six-participant diagram stays about as
      // wide as the text column instead of being shrunk until it is unreadable.
      options: {
        sequence: {wrap: true, width: 110, actorMargin: 30, mirrorActors: false, messageFontSize: 16, actorFontSize: 16, noteFontSize: 15},
      },
    },
    navbar: {
      title: 'Zero-Copy',
      logo: {
        alt: 'Zero-Copy logo: an arrow passing straight from disk to network',
        src: 'img/logo.svg',
      },
      items: [
        {type: 'docSidebar', sidebarId: 'course', position: 'left', label: 'Course'},
        {to: '/docs/teach/', label: 'For teachers', position: 'left'},
        {type: 'localeDropdown', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Course',
          items: [
            {label: 'Course map', to: '/docs/'},
            {label: 'Exercises', to: '/docs/exercises/'},
            {label: 'For teachers', to: '/docs/teach/'},
          ],
        },
        {
          title: 'Primary sources',
          items: [
            {label: 'sendfile(2)', href: 'https://man7.org/linux/man-pages/man2/sendfile.2.html'},
            {label: 'Kernel DMA API', href: 'https://docs.kernel.org/core-api/dma-api-howto.html'},
            {label: 'MSG_ZEROCOPY', href: 'https://docs.kernel.org/networking/msg_zerocopy.html'},
          ],
        },
      ],
      copyright: 'Zero-Copy, Explained and Exercised. Prose and code under the MIT licence.',
    },
    prism: {
      theme: sharedCodeTheme,
      darkTheme: sharedCodeTheme,
      additionalLanguages: [...CODE_LANGUAGES],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
