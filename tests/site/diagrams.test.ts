// Diagrams cannot drift from the model: every sequence diagram in a chapter declares the case
// it depicts, and its copies, mode switches and interrupts must be the model's, in order.
// Translated diagrams must keep the English diagram's arrows exactly.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DIAGRAM_MODELS} from './diagram-models';
import {DOCS_DIR, ZH_DOCS_DIR, diagramEvents, mdxFiles, mermaidBlocks, messages, type DiagramBlock} from './mermaid-source';

const chapterFiles = mdxFiles(DOCS_DIR).filter((file) => /[/\\]\d\d-[^/\\]+[/\\]index\.mdx$/.test(file));
const where = (block: DiagramBlock) => `${path.relative(DOCS_DIR, block.file)}:${block.line}`;

describe('chapter diagrams agree with the model', () => {
  it('finds the chapters', () => {
    expect(chapterFiles.length).toBeGreaterThan(0);
  });

  for (const file of chapterFiles) {
    const blocks = mermaidBlocks(file).filter((block) => /^\s*sequenceDiagram/m.test(block.text));
    const chapter = path.relative(DOCS_DIR, path.dirname(file));

    it(`${chapter} has at least two sequence diagrams, each declaring its model case`, () => {
      expect(blocks.length).toBeGreaterThanOrEqual(2);
      for (const block of blocks) expect(block.model, `${where(block)} needs a "%% model: ..." line`).not.toBeNull();
    });

    for (const block of blocks.filter((b) => b.model)) {
      it(`${where(block)} shows exactly the model's events for ${block.model!.name} ${JSON.stringify(block.model!.params)}`, () => {
        const expected = DIAGRAM_MODELS[block.model!.name];
        expect(expected, `no diagram model named ${block.model!.name} in tests/site/diagram-models.ts`).toBeDefined();
        const events = diagramEvents(block);
        expect(events, `${where(block)}: the diagram's CPU/DMA copies, mode switches and interrupts, in order`).toEqual(
          expected(block.model!.params),
        );
        expect(events.filter((e) => e === 'cpu-copy').length).toBe(expected(block.model!.params).filter((e) => e === 'cpu-copy').length);
      });
    }

    const translated = path.join(ZH_DOCS_DIR, path.relative(DOCS_DIR, file));
    if (existsSync(translated)) {
      it(`${chapter}: the zh-Hans diagrams keep the English arrows and model cases`, () => {
        const zhBlocks = mermaidBlocks(translated).filter((block) => /^\s*sequenceDiagram/m.test(block.text));
        expect(zhBlocks.map((b) => b.model)).toEqual(blocks.map((b) => b.model));
        const arrows = (b: DiagramBlock) => messages(b).map((m) => `${m.from}${m.arrow}${m.to}`);
        expect(zhBlocks.map(arrows)).toEqual(blocks.map(arrows));
      });
    }
  }
});
