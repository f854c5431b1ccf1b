// Prism token types that both code themes draw in the plain text colour, with no other style
// (tools/site/code-themes.ts; tests/site/code-fences.test.ts checks it against the themes). A
// token whose types are all among them needs no <span> of its own.
import type {Token} from 'prism-react-renderer';

export const PLAIN_TOKEN_TYPES: ReadonlySet<string> = new Set(['plain', 'punctuation', 'operator']);

export function isPlainToken(types: readonly string[]): boolean {
  return types.every((type) => PLAIN_TOKEN_TYPES.has(type));
}

/** Joins neighbouring tokens drawn alike: both plain, or of the same types. */
export function mergeTokens(line: readonly Token[]): Token[] {
  const merged: Token[] = [];
  for (const token of line) {
    const previous = merged[merged.length - 1];
    const alike =
      previous !== undefined &&
      ((isPlainToken(previous.types) && isPlainToken(token.types)) || previous.types.join(' ') === token.types.join(' '));
    if (alike) merged[merged.length - 1] = {types: isPlainToken(token.types) ? ['plain'] : token.types, content: previous.content + token.content};
    else merged.push(isPlainToken(token.types) ? {types: ['plain'], content: token.content} : token);
  }
  return merged;
}
