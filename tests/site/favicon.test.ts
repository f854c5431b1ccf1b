// The favicon pages link to is a PNG drawn from static/img/favicon.svg (tools/site/render-favicon.ts):
// Chromium decodes a favicon in the page's own process, and an SVG one meant a second document
// built there after every load. tests/e2e/bundles.test.ts checks what a page fetches.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const IMG = path.resolve(import.meta.dirname, '..', '..', 'static', 'img');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header chunk, which follows the signature. */
function pngSize(file: string): {width: number; height: number} {
  const bytes = readFileSync(path.join(IMG, file));
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is a PNG`).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1'), `${file}: header chunk`).toBe('IHDR');
  return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)};
}

describe('the favicons', () => {
  it('are PNG files of the sizes browsers ask for: 32 x 32, and 180 x 180 for a home screen', () => {
    expect(pngSize('favicon.png')).toEqual({width: 32, height: 32});
    expect(pngSize('apple-touch-icon.png')).toEqual({width: 180, height: 180});
  });

  it('are linked from the site config, the touch icon through the PWA head tags', () => {
    const config = readFileSync(path.resolve(IMG, '..', '..', 'docusaurus.config.ts'), 'utf8');
    expect(config).toMatch(/favicon: 'img\/favicon\.png'/);
    expect(config).toMatch(/rel: 'apple-touch-icon', href: 'img\/apple-touch-icon\.png'/);
  });
});
