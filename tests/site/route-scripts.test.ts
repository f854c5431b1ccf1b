// tools/site/route-scripts.ts: which scripts a built page lists for its route. The route
// matching must be the client's (first match at each level, exact routes whole), or a page would
// list another page's chunks, or miss its own and load them after main.js as before.
import {describe, expect, it} from 'vitest';
import {chunkNamesOf, matchRouteChain, parseRoutes, routeScripts, withRouteScripts} from '../../tools/site/route-scripts';

// The shape of .docusaurus/routes.js as Docusaurus 3.10 writes it.
const ROUTES_JS = `import React from 'react';
import ComponentCreator from '@docusaurus/ComponentCreator';

export default [
  {
    path: '/search/',
    component: ComponentCreator('/search/', '822'),
    exact: true
  },
  {
    path: '/docs/',
    component: ComponentCreator('/docs/', 'aaa'),
    routes: [
      {
        path: '/docs/',
        component: ComponentCreator('/docs/', 'bbb'),
        routes: [
          {
            path: '/docs/',
            component: ComponentCreator('/docs/', 'ccc'),
            exact: true,
            sidebar: "course"
          },
          {
            path: '/docs/teach/',
            component: ComponentCreator('/docs/teach/', 'ddd'),
            exact: true,
            sidebar: "course"
          },
          {
            path: '/docs/teach/cards/sendfile/',
            component: ComponentCreator('/docs/teach/cards/sendfile/', 'eee'),
            exact: true,
            sidebar: "course"
          }
        ]
      }
    ]
  },
  {
    path: '/',
    component: ComponentCreator('/', 'fff'),
    exact: true
  },
  {
    path: '*',
    component: ComponentCreator('*')
  }
];
`;

const routes = parseRoutes(ROUTES_JS);

describe('matching a page to its routes', () => {
  it('reads the generated routes file, keys included', () => {
    expect(routes.map((r) => r.key)).toEqual(['/search/-822', '/docs/-aaa', '/-fff', '*-undefined']);
    expect(routes[1].routes[0].routes.map((r) => [r.path, r.exact])).toEqual([
      ['/docs/', true],
      ['/docs/teach/', true],
      ['/docs/teach/cards/sendfile/', true],
    ]);
  });

  it('follows the nested docs routes down to the page', () => {
    expect(matchRouteChain(routes, '/docs/teach/cards/sendfile/').map((r) => r.key)).toEqual([
      '/docs/-aaa',
      '/docs/-bbb',
      '/docs/teach/cards/sendfile/-eee',
    ]);
  });

  it('matches an exact route only whole: /docs/teach/ is not a parent of a card', () => {
    expect(matchRouteChain(routes, '/docs/teach/').at(-1)?.key).toBe('/docs/teach/-ddd');
    expect(matchRouteChain(routes, '/docs/teach/cards/sendfile/').some((r) => r.key === '/docs/teach/-ddd')).toBe(false);
  });

  it('takes the first match at each level, as the router does', () => {
    expect(matchRouteChain(routes, '/').map((r) => r.key)).toEqual(['/-fff']);
    expect(matchRouteChain(routes, '/nowhere/').map((r) => r.key)).toEqual(['*-undefined']);
  });
});

describe('the scripts a page lists', () => {
  const chunkNames = {
    '/docs/-aaa': {__comp: 'root', __context: {plugin: 'plugin-data'}},
    '/docs/-bbb': {__comp: 'docroot'},
    '/docs/teach/cards/sendfile/-eee': {__comp: 'docitem', content: 'card'},
  };
  const groups = {
    root: ['/assets/js/root.1.js'],
    'plugin-data': ['/assets/js/plugin.2.js'],
    docroot: ['/assets/js/vendor.3.js', '/assets/js/docroot.4.js'],
    docitem: ['/assets/js/vendor.3.js', '/assets/js/docitem.5.js', '/assets/css/docitem.css'],
    card: ['/assets/js/card.6.js'],
  };

  it('flattens nested chunk names', () => {
    expect(chunkNamesOf(chunkNames['/docs/-aaa'])).toEqual(['root', 'plugin-data']);
  });

  it('lists every matched route chunk file once, scripts only, in route order', () => {
    expect(routeScripts(routes, chunkNames, groups, '/docs/teach/cards/sendfile/')).toEqual([
      '/assets/js/root.1.js',
      '/assets/js/plugin.2.js',
      '/assets/js/vendor.3.js',
      '/assets/js/docroot.4.js',
      '/assets/js/docitem.5.js',
      '/assets/js/card.6.js',
    ]);
  });

  it('lists nothing for a route without chunks', () => {
    expect(routeScripts(routes, chunkNames, groups, '/search/')).toEqual([]);
  });
});

describe('writing them into the page', () => {
  const page = (quote: string, list: string) =>
    `<head><link rel=preload as=script href=/assets/js/main.js></head><body><script data-scripts=${quote}${list}${quote}>boot()</script></body>`;

  it('puts the route scripts between the runtime and main.js, in the boot list only', () => {
    const html = withRouteScripts(page("'", '["/assets/js/runtime.js","/assets/js/main.js"]'), ['/assets/js/a.js', '/assets/js/b.js']);
    expect(html).toContain(`data-scripts='["/assets/js/runtime.js","/assets/js/a.js","/assets/js/b.js","/assets/js/main.js"]'`);
    expect(html.match(/rel=preload/g)).toHaveLength(1);
  });

  it('keeps an attribute written with double quotes valid', () => {
    const html = withRouteScripts(page('"', '[&quot;/r.js&quot;,&quot;/m.js&quot;]'), ['/a.js']);
    expect(html).toContain('data-scripts="[&quot;/r.js&quot;,&quot;/a.js&quot;,&quot;/m.js&quot;]"');
  });

  it('adds nothing twice and leaves a page without a boot script alone', () => {
    const once = withRouteScripts(page("'", '["/r.js","/m.js"]'), ['/a.js']);
    expect(withRouteScripts(once, ['/a.js'])).toBe(once);
    expect(withRouteScripts('<html><body>404</body></html>', ['/a.js'])).toBe('<html><body>404</body></html>');
  });
});
