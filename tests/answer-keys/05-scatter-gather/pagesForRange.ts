// Answer-key fixture (src/data/answer-keys.ts): the model with one function wrong, as a learner
// might write it. tests/workbench/answer-keys.test.ts checks that the grader catches it.
import {type PageRange} from '@site/src/model/scatter-gather';
import {PAGE_SIZE} from '@site/src/model/units';
import {pagesForRange as modelPages} from '@site/src/model/scatter-gather';

export * from '@site/src/model/scatter-gather';

// Wrong: the last page's length is taken as "where the range ends, modulo the page size", which
// is 0 (not a whole page) for a range that ends exactly on a page boundary.
export function pagesForRange(offset: number, length: number, pageSize: number = PAGE_SIZE): PageRange {
  modelPages(offset, length, pageSize); // the model's input checks
  const firstPage = Math.floor(offset / pageSize);
  if (length === 0) return {firstPage, pageCount: 0, firstOffset: 0, lastLength: 0};
  const end = offset + length;
  const lastPage = Math.floor((end - 1) / pageSize);
  return {firstPage, pageCount: lastPage - firstPage + 1, firstOffset: offset % pageSize, lastLength: end % pageSize};
}
