import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';
import {CHAPTERS} from './src/data/course';

// The course in reading order, taken from the same course map the landing page shows.
// Chapter folders are docs/NN-slug/; Docusaurus drops the number prefix from doc ids.
const sidebars: SidebarsConfig = {
  course: [
    'index',
    {
      type: 'category',
      label: 'Core chapters',
      collapsed: false,
      items: CHAPTERS.filter((chapter) => chapter.status === 'published').map(
        (chapter) => `${chapter.slug}/index`,
      ),
    },
    'lab/index',
    'exercises/index',
    'teach/index',
    'teach/glossary',
    'teach/guide',
    {
      type: 'category',
      label: 'Assignment cards',
      items: [
        ...CHAPTERS.filter((chapter) => chapter.status === 'published').map((chapter) => `teach/cards/${chapter.slug}`),
        'teach/cards/lab',
      ],
    },
    'teach/publish',
    {
      type: 'category',
      label: 'Answer keys',
      link: {type: 'doc', id: 'teach/answers/index'},
      items: ['user-kernel', 'dma', 'read-write', 'sendfile', 'scatter-gather', 'mmap-nio', 'beyond-sendfile'].map((id) => `teach/answers/${id}`),
    },
  ],
};

export default sidebars;
