// Vitest global setup for the browser tests: serve the production builds on loopback, the site
// at / (build/) and as a fork publishes it under /zero-copy/ (build-subpath/, served only there,
// as GitHub Pages would).
import {existsSync} from 'node:fs';
import type {TestProject} from 'vitest/node';
import {startStaticServer} from '../support/static-server';
import {BUILD_DIR, SUBPATH, SUBPATH_BUILD_DIR} from '../support/site-pages';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The origin serving build-subpath/ under SUBPATH. */
    subpathOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(BUILD_DIR)) {
    throw new Error('No build/ folder: run `npm run build` (or `npm test`, which builds) before the browser tests.');
  }
  if (!existsSync(SUBPATH_BUILD_DIR)) {
    throw new Error(
      `No build-subpath/ folder: \`npm test\` builds it, or run \`BASE_URL=${SUBPATH} npx docusaurus build --out-dir build-subpath\` before the browser tests.`,
    );
  }
  const server = await startStaticServer(BUILD_DIR);
  const subpathServer = await startStaticServer(SUBPATH_BUILD_DIR, 0, SUBPATH);
  project.provide('baseUrl', server.url);
  project.provide('subpathOrigin', subpathServer.url);
  return async () => {
    await server.close();
    await subpathServer.close();
  };
}
