// Checking that a function refuses bad input in the course's way: it throws, and the message
// starts with the name of the parameter at fault ("bufferSize must be a whole number of bytes
// from 1 to ..."), as requireInteger and requireOneOf write it. Matching the name anywhere
// would pass a message that only mentions it as a unit ("... of bytes"), so the name leads.
import {expect} from 'vitest';

/** What the failure says when the function did not refuse as it should. */
function described(value: unknown): string {
  if (value instanceof Error) return `${value.name}: "${value.message}"`;
  return `it returned ${JSON.stringify(value) ?? String(value)} instead of throwing`;
}

export function expectRejects(call: () => unknown, parameter: string, where: string): void {
  let outcome: unknown;
  let threw = false;
  try {
    outcome = call();
  } catch (error) {
    threw = true;
    outcome = error;
  }
  const message = outcome instanceof Error ? outcome.message : '';
  const named = threw && message.startsWith(parameter) && !/\w/.test(message.charAt(parameter.length));
  expect(
    named,
    `expected an error whose message starts with the parameter's name, \`${parameter}\`; ${threw ? 'got ' : ''}${described(outcome)}. ${where}`,
  ).toBe(true);
}
