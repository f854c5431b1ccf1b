// Each built page names the scripts of its own route, so they download with main.js instead of
// after it. Docusaurus's HTML lists only runtime~main.js and main.js (with the Rspack build, its
// per-page script list comes out empty); main.js then matched the route and appended a <script>
// for each of the route's chunks while it was being evaluated. In one trace of /docs/sendfile/
// (2026-12-05, the course's 2-vCPU VM, not quiet) that was about 40 of main.js's 130 ms evaluation, one long task, plus a second round
// trip before the app could start.
//
// At build time this plugin records, for every named chunk (a registry entry such as
// "17896441" for @theme/DocItem), the files it needs (Rspack's namedChunkGroups); after the
// build it matches each page's path against the site's routes the way the client does
// (first match at each level, exact routes whole), and adds the files of every matched route's
// chunks to the page's boot script (tools/site/ssr-template.ts), between runtime~main.js and
// main.js, which appends them all after the first paint. A chunk that runs before
// main.js only registers its modules; main.js then finds them loaded and appends nothing.
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type {Plugin} from '@docusaurus/types';

const GROUPS_FILE = 'route-scripts-chunk-groups.json';

/** A route as .docusaurus/routes.js declares it, with its chunk-names key ("path-hash"). */
export interface RouteEntry {
  readonly path: string;
  readonly key: string;
  readonly exact: boolean;
  readonly routes: readonly RouteEntry[];
}

/** Reads .docusaurus/routes.js: generated code whose only call is ComponentCreator(path, hash). */
export function parseRoutes(source: string): RouteEntry[] {
  const code = source
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .join('\n')
    .replace('export default', 'result =');
  const sandbox: {result: unknown; ComponentCreator: (p: string, h: string) => string} = {
    result: undefined,
    ComponentCreator: (p, h) => `${p}-${h}`,
  };
  vm.runInNewContext(code, sandbox);
  type Raw = {path: string; component: string; exact?: boolean; routes?: Raw[]};
  const convert = (raw: Raw): RouteEntry => ({
    path: raw.path,
    key: raw.component,
    exact: raw.exact === true,
    routes: (raw.routes ?? []).map(convert),
  });
  return (sandbox.result as Raw[]).map(convert);
}

/** React Router 5's matchPath for Docusaurus's paths: exact routes whole, others by segment prefix. */
function matches(route: RouteEntry, pathname: string): boolean {
  if (route.path === '*') return true;
  if (route.exact) return route.path === pathname || `${route.path}/` === pathname;
  if (pathname === route.path) return true;
  const prefix = route.path.endsWith('/') ? route.path : `${route.path}/`;
  return pathname.startsWith(prefix);
}

/** The chain of routes the client renders for `pathname` (react-router-config's matchRoutes). */
export function matchRouteChain(routes: readonly RouteEntry[], pathname: string): RouteEntry[] {
  const route = routes.find((r) => matches(r, pathname));
  if (!route) return [];
  return [route, ...matchRouteChain(route.routes, pathname)];
}

/** Every chunk name under a route's entry in routesChunkNames.json (nested objects flattened). */
export function chunkNamesOf(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(chunkNamesOf);
  return [];
}

/** The page's route scripts: every file of every chunk of every matched route, in order, once. */
export function routeScripts(
  routes: readonly RouteEntry[],
  chunkNames: Readonly<Record<string, unknown>>,
  chunkGroups: Readonly<Record<string, readonly string[]>>,
  pathname: string,
): string[] {
  const files = matchRouteChain(routes, pathname)
    .flatMap((route) => chunkNamesOf(chunkNames[route.key]))
    .flatMap((name) => chunkGroups[name] ?? [])
    .filter((file) => file.endsWith('.js'));
  return [...new Set(files)];
}

const SCRIPT_LIST = /\sdata-scripts=(["'])(.*?)\1/;

/**
 * Adds `extra` to the boot script's list of a built page, before its last entry (main.js).
 * They are not preloaded from <head>: a download that starts before the first paint competes
 * with it (Lighthouse's estimate of first and largest paint counts every such request), and the
 * boot script starts them right after that paint, together with main.js. Returns the page
 * unchanged when there is nothing to add or it has no boot script.
 */
export function withRouteScripts(html: string, extra: readonly string[]): string {
  const listed = SCRIPT_LIST.exec(html);
  if (!listed || extra.length === 0) return html;
  const quote = listed[1];
  const scripts = JSON.parse(listed[2].replaceAll('&quot;', '"')) as string[];
  const added = extra.filter((file) => !scripts.includes(file));
  if (added.length === 0) return html;
  const list = [...scripts.slice(0, -1), ...added, ...scripts.slice(-1)];
  const encoded = quote === "'" ? JSON.stringify(list) : JSON.stringify(list).replaceAll('"', '&quot;');
  return html.replace(SCRIPT_LIST, () => ` data-scripts=${quote}${encoded}${quote}`);
}

/** The part of Rspack's compiler this plugin uses. */
interface CompilerLike {
  readonly options: {output?: {path?: string}};
  readonly hooks: {done: {tap(name: string, callback: (stats: {toJson(options: object): unknown}) => void): void}};
}

/** Writes, after the client build, each named chunk's files (Rspack's namedChunkGroups). */
const recordChunkGroups = {
  apply(compiler: CompilerLike): void {
    compiler.hooks.done.tap('zc-route-scripts', (stats) => {
      const json = stats.toJson({all: false, chunkGroups: true}) as {namedChunkGroups?: Record<string, {assets?: {name: string}[]}>};
      const groups = Object.fromEntries(
        Object.entries(json.namedChunkGroups ?? {}).map(([name, group]) => [name, (group.assets ?? []).map((asset) => asset.name)]),
      );
      const outDir = compiler.options.output?.path;
      if (outDir) writeFileSync(path.join(outDir, GROUPS_FILE), JSON.stringify(groups));
    });
  },
};

export default function routeScriptsPlugin(): Plugin {
  return {
    name: 'zc-route-scripts',
    configureWebpack(_config, isServer) {
      return isServer ? {} : {plugins: [recordChunkGroups]};
    },
    async postBuild({outDir, routesPaths, siteConfig, generatedFilesDir}) {
      const groupsFile = path.join(outDir, GROUPS_FILE);
      if (!existsSync(groupsFile)) throw new Error(`route-scripts: ${groupsFile} was not written by the client build`);
      const groups = JSON.parse(readFileSync(groupsFile, 'utf8')) as Record<string, string[]>;
      // A static host need not publish the record.
      rmSync(groupsFile);
      const publicGroups = Object.fromEntries(
        Object.entries(groups).map(([name, files]) => [name, files.map((file) => `${siteConfig.baseUrl}${file}`)]),
      );
      const routes = parseRoutes(readFileSync(path.join(generatedFilesDir, 'routes.js'), 'utf8'));
      const chunkNames = JSON.parse(readFileSync(path.join(generatedFilesDir, 'routesChunkNames.json'), 'utf8')) as Record<string, unknown>;
      for (const routePath of routesPaths) {
        if (!routePath.endsWith('/') || !routePath.startsWith(siteConfig.baseUrl)) continue;
        const file = path.join(outDir, routePath.slice(siteConfig.baseUrl.length), 'index.html');
        if (!existsSync(file)) continue;
        const html = readFileSync(file, 'utf8');
        const rewritten = withRouteScripts(html, routeScripts(routes, chunkNames, publicGroups, routePath));
        if (rewritten !== html) writeFileSync(file, rewritten);
      }
    },
  };
}
