// `npx tsx tools/site/render-favicon.ts`: draws static/img/favicon.svg as the PNG favicon pages
// link to (static/img/favicon.png, 32 x 32, and a 180 x 180 touch icon), in headless Chromium.
// Chromium decodes a page's favicon in the page's own process; an SVG favicon meant a separate SVG
// document built there after every load (65 ms at 4x CPU slowdown on a phone, 2-core VM,
// 2026-12-06); a PNG is a plain image decode. Run it when the SVG changes
// (tests/site/favicon.test.ts checks the files and their sizes).
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {launchChromium} from '../../tests/support/browser';

const IMG = path.resolve(import.meta.dirname, '..', '..', 'static', 'img');

/** The PNG files: width and height in pixels, and the background (iOS fills transparency with black). */
const FAVICONS = {
  'favicon.png': {size: 32, background: 'transparent'},
  'apple-touch-icon.png': {size: 180, background: '#ffffff'},
} as const;

async function main(): Promise<void> {
  const svg = readFileSync(path.join(IMG, 'favicon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    for (const [name, {size, background}] of Object.entries(FAVICONS)) {
      const page = await browser.newPage({viewport: {width: size, height: size}, deviceScaleFactor: 1});
      await page.setContent(`<style>html,body{margin:0;background:${background}}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
      writeFileSync(path.join(IMG, name), await page.screenshot({omitBackground: background === 'transparent', type: 'png'}));
      await page.close();
      console.log(`static/img/${name}: ${size} x ${size}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
