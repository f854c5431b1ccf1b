// The nginx configuration the README offers for "any other host" (tools/publish/nginx/), run by
// a real nginx over the real build: hashed assets cached for a year, HTML revalidated, text
// compressed, the trailing-slash rule kept, and the site's own 404 page.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BUILD_DIR} from '../support/site-pages';

const CONF = path.resolve(import.meta.dirname, '..', '..', 'tools', 'publish', 'nginx', 'zero-copy.conf');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

let nginx: ChildProcess;
let base: string;
const scratch = mkdtempSync(path.join(tmpdir(), 'zc-nginx-'));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const {port} = probe.address() as {port: number};
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  if (spawnSync(NGINX, ['-v']).error) {
    throw new Error(`nginx is not installed at ${NGINX}: \`apt-get install nginx\` (or set NGINX_PATH). .ci/run installs it.`);
  }
  const port = await freePort();
  const server = readFileSync(CONF, 'utf8')
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('root /usr/share/nginx/html;', `root ${BUILD_DIR};`);
  const temp = (name: string) => `${name}_temp_path ${path.join(scratch, name)};`;
  writeFileSync(
    path.join(scratch, 'nginx.conf'),
    [
      'daemon off;',
      `pid ${path.join(scratch, 'nginx.pid')};`,
      `error_log ${path.join(scratch, 'error.log')};`,
      'events {}',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
      server,
      '}',
    ].join('\n'),
  );
  nginx = spawn(NGINX, ['-p', scratch, '-c', path.join(scratch, 'nginx.conf')], {stdio: 'ignore'});
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${base}/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not start: ${readFileSync(path.join(scratch, 'error.log'), 'utf8')}`);
}, 30_000);

afterAll(() => {
  nginx?.kill();
  rmSync(scratch, {recursive: true, force: true});
});

const get = (urlPath: string, headers: Record<string, string> = {}) => fetch(`${base}${urlPath}`, {headers, redirect: 'manual'});

describe('serving build/ with the README\'s nginx configuration', () => {
  it('serves a chapter as HTML that browsers revalidate', async () => {
    const response = await get('/docs/sendfile/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('sendfile()');
  });

  it('caches hashed assets for a year and serves them compressed', async () => {
    const script = readdirSync(path.join(BUILD_DIR, 'assets', 'js')).find((name) => /^main\.[0-9a-f]+\.js$/.test(name));
    expect(script).toBeDefined();
    const response = await get(`/assets/js/${script}`, {'Accept-Encoding': 'gzip'});
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch() undoes the compression itself; the header says it was sent compressed.
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('keeps the trailing-slash rule: a page asked for without its slash is redirected', async () => {
    const response = await get('/docs/sendfile');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/docs/sendfile/');
  });

  it('answers a missing page with the site\'s own 404 page', async () => {
    const response = await get('/docs/no-such-chapter/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page Not Found');
  });
});
