// Rough rendered height of a Mermaid sequence diagram, from its text alone, so the page
// can reserve the space before Mermaid loads. Tuned against Mermaid 11's default sequence
// layout; the browser tests compare it with the real height.

const ACTOR_BOX = 65;
const MESSAGE = 44;
const NOTE = 50;
const MARGIN = 40;

export function estimateDiagramHeight(text: string): number {
  const lines = text.split('\n').map((line) => line.trim());
  if (!lines.some((line) => line.startsWith('sequenceDiagram'))) {
    return 200;
  }
  const messages = lines.filter((line) => /^[^%].*?-[-x)>]*>>?[+-]?[^:]*:/.test(line)).length;
  const notes = lines.filter((line) => /^note\s/i.test(line)).length;
  const blocks = lines.filter((line) => /^(loop|alt|opt|par|rect|critical|break)\b/.test(line)).length;
  // Actor boxes are drawn at the top and mirrored at the bottom.
  return 2 * ACTOR_BOX + MESSAGE * messages + NOTE * notes + 30 * blocks + MARGIN;
}
