// A count the model computes can be 1 or not, and in student mode it can be anything: English
// prose must not write "{n} system call" and hope. Counts followed by a noun go through
// formatCountOf(n, singular, plural). (Chinese has no plural; the zh-Hans pages are not checked.)
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DOCS_DIR, mdxFiles} from './mermaid-source';

// Singular nouns only: "{n} system call" is wrong for every n but 1. A plural after a count
// that can be 1 ("{n} calls") is the same mistake, less often; formatCountOf covers both.
const NOUN = String.raw`(?:CPU |DMA |mode |system |context |page )?(?:copy|call|switch|interrupt|descriptor|fault|pass|pair|transfer|block|chunk)`;
/** A JSX expression that ends just before a noun: `{oneCall.syscalls} system call`. */
const COUNT_THEN_NOUN = new RegExp(String.raw`\{[^{}\n]*\}\)?\}?[ \n]${NOUN}\b`, 'g');

// Code blocks and diagrams are not prose.
function prose(source: string): string {
  return source.replace(/^```[\s\S]*?^```/gm, '');
}

describe('English chapters', () => {
  for (const file of mdxFiles(DOCS_DIR)) {
    it(`${path.relative(DOCS_DIR, file)} writes model counts with formatCountOf`, () => {
      const found = [...prose(readFileSync(file, 'utf8')).matchAll(COUNT_THEN_NOUN)].map((m) => m[0].replace(/\s+/g, ' '));
      expect(found, 'a model count followed by a noun: write {formatCountOf(n, singular, plural)}').toEqual([]);
    });
  }
});
