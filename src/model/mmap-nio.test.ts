// mmap-nio.ts is the chapter's module as exercise 6 sees it: it only re-exports the topic
// modules. Student mode and the graders swap it for the learner's file, so the two must export
// the same names.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';
import {valueExports} from '../../tools/site/student-model';
import * as chapter from './mmap-nio';
import {pageFaultsFor} from './page-faults';
import {mmapWriteSummary} from './mmap-write';
import {flip} from './byte-buffer';
import {transferToPath} from './transfer-to';

const root = path.resolve(import.meta.dirname, '../..');
const exportsOf = (file: string) => valueExports(ts, readFileSync(path.join(root, file), 'utf8'), file).sort();

describe('chapter 6 module, mmap-nio.ts', () => {
  it('exports exactly the values the exercise file exports', () => {
    expect(exportsOf('src/model/mmap-nio.ts')).toEqual(exportsOf('exercises/06-mmap-nio/mmap-nio.ts'));
    expect(Object.keys(chapter).sort()).toEqual(exportsOf('src/model/mmap-nio.ts'));
  });

  it('re-exports the topic modules\' functions themselves', () => {
    expect(chapter.pageFaultsFor).toBe(pageFaultsFor);
    expect(chapter.mmapWriteSummary).toBe(mmapWriteSummary);
    expect(chapter.flip).toBe(flip);
    expect(chapter.transferToPath).toBe(transferToPath);
  });
});
