// Reading Mermaid sequence diagrams out of chapter sources, and classifying their messages
// by the words their labels start with, so a test can compare a diagram with the model.
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import path from 'node:path';
import {sequenceMessages, type SequenceMessage} from '../../src/theme/Mermaid/sequenceText';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DOCS_DIR = path.join(ROOT, 'docs');
export const ZH_DOCS_DIR = path.join(ROOT, 'i18n', 'zh-Hans', 'docusaurus-plugin-content-docs', 'current');

/** What a message in a diagram stands for; messages with other labels are narration. */
export type DiagramEvent =
  | 'enter-kernel'
  | 'leave-kernel'
  | 'cpu-copy'
  | 'dma-copy'
  | 'interrupt'
  | 'descriptor'
  | 'cpu-pass'
  | 'page-fault'
  | 'context-switch';

export interface DiagramBlock {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  /** From a `%% model: <name> key=value ...` line, if the diagram declares one. */
  readonly model: {readonly name: string; readonly params: Readonly<Record<string, string>>} | null;
}

export type DiagramMessage = SequenceMessage;

export function mdxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function mermaidBlocks(file: string): DiagramBlock[] {
  const source = readFileSync(file, 'utf8');
  const blocks: DiagramBlock[] = [];
  const fence = /^```mermaid\s*\n([\s\S]*?)^```/gm;
  for (let match = fence.exec(source); match; match = fence.exec(source)) {
    const text = match[1];
    const line = source.slice(0, match.index).split('\n').length;
    const declared = /^\s*%%\s*model:\s*(\S+)(.*)$/m.exec(text);
    const params: Record<string, string> = {};
    for (const [, key, value] of declared?.[2].matchAll(/(\w+)=(\S+)/g) ?? []) params[key] = value;
    blocks.push({file, line, text, model: declared ? {name: declared[1], params} : null});
  }
  return blocks;
}

export function messages(block: DiagramBlock): DiagramMessage[] {
  return sequenceMessages(block.text);
}

/** English labels name what a message stands for in their first words. */
export function classify(message: DiagramMessage): DiagramEvent | null {
  const label = message.label.toLowerCase();
  if (label.includes('mode switch to kernel')) return 'enter-kernel';
  if (label.includes('mode switch to user')) return 'leave-kernel';
  if (label.startsWith('cpu copy')) return 'cpu-copy';
  if (label.startsWith('dma copy')) return 'dma-copy';
  if (label.startsWith('interrupt')) return 'interrupt';
  if (label.startsWith('descriptor')) return 'descriptor';
  if (label.startsWith('cpu pass')) return 'cpu-pass';
  if (label.startsWith('page fault')) return 'page-fault';
  if (label.startsWith('context switch')) return 'context-switch';
  return null;
}

export function diagramEvents(block: DiagramBlock): DiagramEvent[] {
  return messages(block)
    .map(classify)
    .filter((event): event is DiagramEvent => event !== null);
}
