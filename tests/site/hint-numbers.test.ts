// Every count a hint states must be the model's. A hint that says "nine steps" where the model
// makes ten sends a learner the wrong way with the course's authority. Each chapter lists the
// counts its hints state, with the model call that gives each; and any count a hint states
// ("seven steps", "262,144 pairs") must be one of them, so a new number cannot slip in unchecked.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEFAULT_DMA_PARAMS, dmaBreakEvenBytes} from '../../src/model/dma';
import {chunkCount, readWritePairSteps} from '../../src/model/read-write';
import {sendfileCallSteps, sendfileSummary} from '../../src/model/sendfile';
import {programSummary} from '../../src/model/user-kernel';
import {blockVsRingInterrupts, ringInterrupts} from '../../src/model/scatter-gather';
import {GiB, KiB} from '../../src/model/units';
import {ROOT} from './mermaid-source';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "seven" or "262,144" as a number. */
function numberOf(text: string): number {
  const word = WORDS.indexOf(text.toLowerCase());
  return word >= 0 ? word : Number(text.replaceAll(',', ''));
}

const NUMBER = String.raw`(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d,]*)`;
const COUNTED = String.raw`(?:more )?(?:steps?|calls?|pairs?|mode switch(?:es)?|context switch(?:es)?|faults?|interrupts?|descriptors?|words?|transfers?|syscalls?|system calls?|(?:CPU |DMA )?cop(?:y|ies))`;
/** Any count a hint states: a number, then what it counts. */
const ANY_COUNT = new RegExp(String.raw`\b${NUMBER}\s+${COUNTED}\b`, 'gi');

interface Fact {
  /** The words around the number, with the number captured; matched case-insensitively. */
  readonly says: RegExp;
  readonly model: () => number;
}

const pairMiss = () => readWritePairSteps(1, 'miss').length;
const oneSyscall = () => programSummary([{kind: 'syscall', name: 'getppid'}]);
const eightPages = () => blockVsRingInterrupts([10, 11, 12, 40, 41, 77, 90, 91]);
const breakEvenWords = () => Math.ceil(dmaBreakEvenBytes(DEFAULT_DMA_PARAMS) / DEFAULT_DMA_PARAMS.wordBytes);

const FACTS: Record<string, readonly Fact[]> = {
  '01-user-kernel': [
    {says: /always costs (two) mode switches/, model: () => oneSyscall().modeSwitches},
    {says: /Blocking adds (two)\s+context switches/, model: () => programSummary([{kind: 'syscall', name: 'read', blocks: true}]).contextSwitches},
    {says: /a syscall's cost is its\s+(two) mode switches/, model: () => oneSyscall().modeSwitches},
  ],
  '02-dma': [
    {says: /9 bytes with\s+8-byte words is (two) words/, model: () => Math.ceil(9 / 8)},
    {says: /so (751) words are needed/, model: breakEvenWords},
    {says: /(750) words cost/, model: () => breakEvenWords() - 1},
    {says: /\((6,001) with the defaults\)/, model: () => dmaBreakEvenBytes(DEFAULT_DMA_PARAMS)},
  ],
  '03-read-write': [
    {says: /(Ten) steps on a miss/, model: pairMiss},
    {says: /(eight) on a hit/, model: () => readWritePairSteps(1, 'hit').length},
    {says: /has (262,144) pairs/, model: () => chunkCount(GiB, 4 * KiB).count},
  ],
  '04-sendfile': [
    {says: /On a miss: (seven) steps/, model: () => sendfileCallSteps(1, 'miss', {scatterGather: false, checksumOffload: false}).length},
    {says: /or (eight) with the\s+checksum pass/, model: () => sendfileCallSteps(1, 'miss', {scatterGather: true, checksumOffload: false}).length},
    {says: /on a hit: (five), or six/, model: () => sendfileCallSteps(1, 'hit', {scatterGather: false, checksumOffload: false}).length},
    {says: /on a hit: five, or (six)/, model: () => sendfileCallSteps(1, 'hit', {scatterGather: true, checksumOffload: false}).length},
    {says: /\((two) DMA copies on a miss/, model: () => sendfileSummary(1).dmaCopies},
  ],
  '05-scatter-gather': [
    {says: /Zero completions raise (zero) interrupts/, model: () => ringInterrupts(0, 64)},
    {says: /15,421 completions with `tx-frames` 64 raise (241)/, model: () => ringInterrupts(15_421, 64)},
    {says: /91 are (4) blocks/, model: () => eightPages().blocks},
    {says: /but (8) descriptors/, model: () => eightPages().descriptors},
    {says: /8 descriptors, (1) skb/, model: () => eightPages().completions},
    {says: /1 skb and (1) interrupt/, model: () => eightPages().ringInterrupts},
  ],
  '06-mmap-nio': [],
  '07-beyond-sendfile': [],
};

// Counts that are not the model's output but the wording of a hint ("one call", "one more word").
const PHRASES_NOT_COUNTS = /^(one (pair|call|step|syscall|transfer|interrupt|chunk|word|descriptor)|one more word)$/i;

function hints(folder: string): string {
  return readFileSync(path.join(ROOT, 'exercises', folder, 'hints.md'), 'utf8');
}

describe('the numbers in the hints', () => {
  for (const [folder, facts] of Object.entries(FACTS)) {
    describe(folder, () => {
      const text = hints(folder);

      it('states each listed count as the model computes it', () => {
        for (const fact of facts) {
          const match = new RegExp(fact.says.source, 'i').exec(text);
          expect(match, `hints.md no longer says ${fact.says}; update the list in this test`).not.toBeNull();
          expect(numberOf(match![1]), `hints.md: "${match![0]}"`).toBe(fact.model());
        }
      });

      it('states no count that is not listed and checked', () => {
        const unchecked = [...text.matchAll(ANY_COUNT)]
          // "### Hint 3" followed by a line starting "Call ..." is a heading, not a count.
          .filter((match) => !/Hint $/.test(text.slice(Math.max(0, match.index - 5), match.index)))
          .filter((match) => !PHRASES_NOT_COUNTS.test(match[0].replace(/\s+/g, ' ')))
          .filter((match) => !facts.some((fact) => isWithin(text, match.index, fact.says)))
          .map((match) => match[0]);
        expect(unchecked, 'counts in hints.md that no fact in this test checks against the model').toEqual([]);
      });
    });
  }
});

/** True when the fact's phrase covers the text at `index`. */
function isWithin(text: string, index: number, says: RegExp): boolean {
  const match = new RegExp(says.source, 'i').exec(text);
  return match !== null && index >= match.index && index < match.index + match[0].length + 20;
}
