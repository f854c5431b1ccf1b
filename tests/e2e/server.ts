// Vitest global setup for the browser tests: serve the production build on loopback.
import {existsSync} from 'node:fs';
import type {TestProject} from 'vitest/node';
import {startStaticServer} from '../support/static-server';
import {BUILD_DIR} from '../support/site-pages';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(BUILD_DIR)) {
    throw new Error('No build/ folder: run `npm run build` (or `npm test`, which builds) before the browser tests.');
  }
  const server = await startStaticServer(BUILD_DIR);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
