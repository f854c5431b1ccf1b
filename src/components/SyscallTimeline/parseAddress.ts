// Reading a 64-bit address a reader types ("0x7ffd_1234_5678", "ffff800000000000") into a
// bigint, or the reason it is not one, so the classifier can say what to fix.
import {MAX_ADDRESS} from '@site/src/model/user-kernel';

export type ParsedAddress =
  | {readonly ok: true; readonly address: bigint}
  | {readonly ok: false; readonly reason: 'empty' | 'negative' | 'not-hex' | 'too-big'; readonly digits?: number};

export function parseAddress(text: string): ParsedAddress {
  const trimmed = text.trim();
  if (trimmed === '') return {ok: false, reason: 'empty'};
  if (trimmed.startsWith('-')) return {ok: false, reason: 'negative'};
  // Address maps group digits with underscores or spaces; both are only for reading.
  const digits = trimmed.replace(/^0x/i, '').replace(/[_\s]/g, '');
  if (!/^[0-9a-f]+$/i.test(digits)) return {ok: false, reason: 'not-hex'};
  const address = BigInt(`0x${digits}`);
  if (address > MAX_ADDRESS) return {ok: false, reason: 'too-big', digits: digits.replace(/^0+/, '').length};
  return {ok: true, address};
}
