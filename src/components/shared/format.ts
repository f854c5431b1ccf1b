// Formatting model numbers for readers, in the site's language. The model's own formatBytes
// is English ("500 bytes"); binary units (KiB, MiB) read the same in every language.
import {translate} from '@docusaurus/Translate';
import type {MethodVariant} from '@site/src/model/compare';
import {KiB, formatBytes} from '@site/src/model/units';

export function formatBytesForReader(bytes: number): string {
  if (Math.abs(bytes) >= KiB) return formatBytes(bytes);
  return bytes === 1
    ? translate({id: 'units.byte', message: '1 byte'})
    : translate({id: 'units.bytes', message: '{count} bytes'}, {count: bytes});
}

/** A method's name for readers: the call names stay as they are, the NIC feature is translated. */
export function methodVariantLabel(variant: MethodVariant): string {
  return variant.id === 'sendfile-sg'
    ? translate({id: 'methodVariant.sendfileSg', message: 'sendfile() + scatter-gather'})
    : variant.label;
}
