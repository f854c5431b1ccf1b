// A small static file server for the built site: directory URLs serve index.html, missing
// files the site's 404 page, and text assets are gzipped when the browser accepts it (as a
// CDN would), so page weight measured against it is realistic. Like a CDN it compresses a file
// once and keeps the result: compressing on every request put the server's work on the same
// two cores as the page Lighthouse was timing.
import {createReadStream, existsSync, readFileSync, statSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml']);

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

function resolveFile(root: string, urlPath: string): string | null {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(root, clean);
  if (!file.startsWith(root)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serves `root` at `basePath` ("/" or "/zero-copy/"): a site built for a sub-path is tested
 * the way a host such as GitHub Pages serves it, with nothing answered outside that path.
 */
export function startStaticServer(root: string, port = 0, basePath = '/'): Promise<StaticServer> {
  const compressed = new Map<string, {version: string; body: Buffer}>();
  const gzipped = (file: string): Buffer => {
    const stat = statSync(file);
    const version = `${stat.mtimeMs}:${stat.size}`;
    const cached = compressed.get(file);
    if (cached?.version === version) return cached.body;
    const body = gzipSync(readFileSync(file));
    compressed.set(file, {version, body});
    return body;
  };
  const server = http.createServer((request, response) => {
    const requested = request.url ?? '/';
    const inside = requested.startsWith(basePath) || `${requested}/` === basePath;
    const found = inside ? resolveFile(root, `/${requested.slice(basePath.length)}`) : null;
    const file = found ?? path.join(root, '404.html');
    const extension = path.extname(file);
    response.statusCode = found ? 200 : 404;
    response.setHeader('Content-Type', TYPES[extension] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', extension === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
    const gzip = COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) {
      response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Vary', 'Accept-Encoding');
      response.end(gzipped(file));
    } else {
      createReadStream(file).pipe(response);
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const {port: actual} = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        // Open keep-alive connections are closed too: a test that takes the site offline
        // (tests/e2e/offline.test.ts) must not wait for the browser to let them go.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
