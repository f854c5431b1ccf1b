// SITE_URL and BASE_URL decide where the built site lives; bad values stop the build with a
// message that says what to write instead.
import {describe, expect, it} from 'vitest';
import {DEFAULT_BASE_URL, DEFAULT_SITE_URL, siteAddress} from '../../tools/publish/site-address';

describe('the site\'s address', () => {
  it('defaults to the placeholder host at the root', () => {
    expect(siteAddress({})).toEqual({url: DEFAULT_SITE_URL, baseUrl: DEFAULT_BASE_URL});
  });

  it('takes a fork\'s GitHub Pages address, with or without slashes around the path', () => {
    for (const base of ['/zero-copy/', '/zero-copy', 'zero-copy/', 'zero-copy', ' /zero-copy/ ']) {
      expect(siteAddress({SITE_URL: 'https://me.github.io', BASE_URL: base})).toEqual({url: 'https://me.github.io', baseUrl: '/zero-copy/'});
    }
    expect(siteAddress({SITE_URL: 'https://me.github.io/', BASE_URL: '/'})).toEqual({url: 'https://me.github.io', baseUrl: '/'});
    expect(siteAddress({BASE_URL: '/courses/zero-copy/'}).baseUrl).toBe('/courses/zero-copy/');
  });

  it('refuses a URL with a path, a non-web scheme, or a base path with odd characters', () => {
    expect(() => siteAddress({SITE_URL: 'https://me.github.io/zero-copy'})).toThrow(/put the path in BASE_URL/);
    expect(() => siteAddress({SITE_URL: 'me.github.io'})).toThrow(/absolute URL/);
    expect(() => siteAddress({SITE_URL: 'ftp://me.example'})).toThrow(/scheme and a host/);
    expect(() => siteAddress({BASE_URL: '/zero copy/'})).toThrow(/BASE_URL must be a path/);
    expect(() => siteAddress({BASE_URL: '/a/../b/'})).toThrow(/BASE_URL must be a path/);
  });
});
