// Formatting model numbers for readers, in the site's language. The model's own formatBytes
// is English ("500 bytes"); binary units (KiB, MiB) read the same in every language.
import {translate} from '@docusaurus/Translate';
import {KiB, formatBytes} from '@site/src/model/units';

export function formatBytesForReader(bytes: number): string {
  if (Math.abs(bytes) >= KiB) return formatBytes(bytes);
  return bytes === 1
    ? translate({id: 'units.byte', message: '1 byte'})
    : translate({id: 'units.bytes', message: '{count} bytes'}, {count: bytes});
}
