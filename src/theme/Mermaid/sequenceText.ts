// Reading a Mermaid sequence diagram's text: its participants and its messages. Used for the
// text alternative of a pre-rendered diagram, and by the tests that check diagrams against
// the model.

export interface SequenceMessage {
  readonly from: string;
  readonly arrow: string;
  readonly to: string;
  readonly label: string;
}

const MESSAGE = /^\s*([\w]+)\s*(-{1,2}(?:>>|>|x|\))[+-]?)\s*([\w]+)\s*:\s*(.*)$/;
const PARTICIPANT = /^\s*(?:participant|actor)\s+(\w+)(?:\s+as\s+(.+))?$/;

export function sequenceMessages(text: string): SequenceMessage[] {
  return text
    .split('\n')
    .map((line) => MESSAGE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, from, arrow, to, label]) => ({from, arrow, to, label: label.trim()}));
}

/** Participant ids to the names shown for them. */
export function sequenceParticipants(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = PARTICIPANT.exec(line);
    if (m) names.set(m[1], (m[2] ?? m[1]).trim());
  }
  return names;
}

const plain = (label: string) => label.replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();

/** "Application → Kernel: read(): mode switch to kernel. Disk → Page cache: DMA copy, 4 KiB. …" */
export function describeSequence(text: string): string {
  const names = sequenceParticipants(text);
  const name = (id: string) => plain(names.get(id) ?? id);
  return sequenceMessages(text)
    .map((m) => `${name(m.from)} → ${name(m.to)}: ${plain(m.label)}`)
    .join('. ');
}
