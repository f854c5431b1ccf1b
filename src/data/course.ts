// The course map: one entry per chapter, read by the landing page, the docs index and the
// exercise CLI, so the order, titles and exercise folders are stated once.

export interface Chapter {
  /** Two-digit number, also the exercise folder's prefix: "03". */
  readonly number: string;
  /** URL slug of the chapter page and the exercise folder's suffix. */
  readonly slug: string;
  readonly title: string;
  /** One sentence: what the reader can do after the chapter. */
  readonly teaches: string;
  /** Reading the chapter and trying its live components, without the exercise. */
  readonly readingMinutes: number;
  /** Writing the exercise until it passes, for a reader who has read the chapter. */
  readonly exerciseMinutes: number;
  /** The whole chapter: reading plus exercise (what the course map shows). */
  readonly minutes: number;
  /** Folder under exercises/, and the model module the exercise mirrors. */
  readonly exercise: {readonly folder: string; readonly module: string};
  /** 'planned' chapters are listed on the map but have no page yet. */
  readonly status: 'published' | 'planned';
}

// The total is derived, so the map's one figure can never disagree with its two parts.
const withTotal = (chapter: Omit<Chapter, 'minutes'>): Chapter => ({...chapter, minutes: chapter.readingMinutes + chapter.exerciseMinutes});

export const CHAPTERS: readonly Chapter[] = ([
  {
    number: '01',
    slug: 'user-and-kernel-space',
    title: 'User space and kernel space',
    teaches: 'Why a system call is a mode switch, not a context switch, and what each one costs.',
    readingMinutes: 15,
    exerciseMinutes: 20,
    exercise: {folder: '01-user-kernel', module: 'user-kernel'},
    status: 'published',
  },
  {
    number: '02',
    slug: 'dma',
    title: 'DMA: letting devices move the bytes',
    teaches: 'What a DMA engine takes off the CPU, what it does not, and why contiguous buffers matter.',
    readingMinutes: 15,
    exerciseMinutes: 20,
    exercise: {folder: '02-dma', module: 'dma'},
    status: 'published',
  },
  {
    number: '03',
    slug: 'read-write',
    title: 'The traditional path: read() + write()',
    teaches: 'The four copies and four mode switches of a read/write loop, and how they grow with the buffer count.',
    readingMinutes: 20,
    exerciseMinutes: 25,
    exercise: {folder: '03-read-write', module: 'read-write'},
    status: 'published',
  },
  {
    number: '04',
    slug: 'sendfile',
    title: 'sendfile(): one call, no user buffer',
    teaches: 'How sendfile() removes the user-space copy, its limits, and how to loop on it correctly.',
    readingMinutes: 20,
    exerciseMinutes: 25,
    exercise: {folder: '04-sendfile', module: 'sendfile'},
    status: 'published',
  },
  {
    number: '05',
    slug: 'scatter-gather',
    title: 'Scatter-gather DMA: the last CPU copy goes',
    teaches: 'How the NIC gathers page fragments straight from the page cache, and what each NIC feature spares the CPU.',
    readingMinutes: 15,
    exerciseMinutes: 25,
    exercise: {folder: '05-scatter-gather', module: 'scatter-gather'},
    status: 'published',
  },
  {
    number: '06',
    slug: 'mmap-and-java-nio',
    title: 'mmap() + write() and Java NIO',
    teaches: 'What mapping a file really does, when it pays, and how FileChannel.transferTo picks its path.',
    readingMinutes: 25,
    exerciseMinutes: 35,
    exercise: {folder: '06-mmap-nio', module: 'mmap-nio'},
    status: 'published',
  },
  {
    number: '07',
    slug: 'beyond-sendfile',
    title: 'Beyond sendfile(): splice, copy_file_range, MSG_ZEROCOPY, io_uring, kTLS',
    teaches: 'How splice() moves page references through a pipe, how MSG_ZEROCOPY says when a buffer is free again, and when zero-copy is the wrong tool.',
    readingMinutes: 30,
    exerciseMinutes: 45,
    exercise: {folder: '07-beyond-sendfile', module: 'beyond-sendfile'},
    status: 'published',
  },
] satisfies Omit<Chapter, 'minutes'>[]).map(withTotal);

export function chapterBySlugOrNumber(name: string): Chapter | undefined {
  const wanted = name.trim().toLowerCase();
  return CHAPTERS.find(
    (chapter) =>
      chapter.number === wanted.padStart(2, '0') ||
      chapter.slug === wanted ||
      chapter.exercise.folder === wanted ||
      chapter.exercise.module === wanted,
  );
}

/** The id of the chapter's <Quiz> (where its answers are kept in the browser): its slug, in both
 * locales; tests/site/chapters.test.ts holds both locales' pages to it. */
export function chapterQuizId(chapter: Chapter): string {
  return chapter.slug;
}
