// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/account" }
import type { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { PageCoordinator } from '../../src/core/pageCoordinator';
import { CookieStorage } from '../../src/core/storage/cookieStorage';

const jar = () => (globalThis as unknown as { jsdom: JSDOM }).jsdom.cookieJar;
const KEY = 'CognitoIdentityServiceProvider.client1.vic.idToken';
const OPTIONS = { domain: '.example.com', path: '/', expires: 1, secure: true, sameSite: 'lax' as const };

/**
 * jsdom's document.cookie with the limit browsers apply and jsdom does not: a cookie whose name and
 * value exceed 4096 bytes is dropped without a word (Chromium, Firefox; RFC 6265bis). The real
 * limit is proven in Chromium (test/reliability/cookie.browser.test.ts).
 */
function browserLikeDocument(): { cookie: string } {
  return {
    get cookie() {
      return document.cookie;
    },
    set cookie(text: string) {
      const pair = text.split(';')[0] ?? '';
      if (pair.length - 1 > 4096) return;
      document.cookie = text;
    },
  };
}

/** Live cookies as `name=value`, in document.cookie's order. */
const pairs = () => document.cookie.split('; ').filter((pair) => pair !== '');
const names = () => pairs().map((pair) => decodeURIComponent(pair.slice(0, pair.indexOf('='))));

describe('cookie storage: values over 4 KB (jsdom jar, with the browsers\' 4096-byte limit)', () => {
  let warn: MockInstance<typeof console.warn>;
  let store: CookieStorage;
  const warnings = () => warn.mock.calls.map((call) => String(call[0]));

  beforeEach(() => {
    jar().removeAllCookiesSync();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const coordinator = new PageCoordinator();
    store = new CookieStorage(OPTIONS, { document: browserLikeDocument(), location, now: Date.now, warnOnce: (key, message) => coordinator.warnOnce(key, message) });
  });

  afterEach(() => {
    warn.mockRestore();
  });

  it('stores a value over 4 KB in numbered chunk cookies and reads it back whole; one warning, without the value', () => {
    const token = `eyJ${'a'.repeat(9_000)}.sig`;

    store.setItem(KEY, token);
    store.setItem(KEY, token);

    expect(store.getItem(KEY)).toBe(token);
    expect(names().sort()).toEqual([KEY, `${KEY}.0`, `${KEY}.1`, `${KEY}.2`]);
    for (const pair of pairs()) expect(pair.length - 1).toBeLessThanOrEqual(4096);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain(KEY);
    expect(warnings()[0]).not.toContain('aaaa');
  });

  it('never cuts a chunk inside a %XX escape: a non-ASCII value over 4 KB reads back exactly', () => {
    const value = `ü€${'é'.repeat(3_001)}𝄞${'x'.repeat(7)}`;

    store.setItem(KEY, value);

    expect(store.getItem(KEY)).toBe(value);
    expect(names().length).toBeGreaterThan(3);
  });

  it('a chunk missing or replaced reads as no value, never a truncated one', () => {
    const token = 'b'.repeat(6_000);
    store.setItem(KEY, token);
    expect(store.getItem(KEY)).toBe(token);

    document.cookie = `${encodeURIComponent(`${KEY}.1`)}=short; domain=.example.com; path=/; secure`;
    expect(store.getItem(KEY)).toBeNull();

    document.cookie = `${encodeURIComponent(`${KEY}.1`)}=; expires=${new Date(0).toUTCString()}; domain=.example.com; path=/; secure`;
    expect(store.getItem(KEY)).toBeNull();
  });

  it('shrinking a value leaves no stale chunk; a value that fits is one plain cookie as Amplify writes it, even one that looks like a chunk header; removeItem takes every chunk', () => {
    store.setItem(KEY, 'c'.repeat(11_000));
    expect(store.getItem(KEY)).toBe('c'.repeat(11_000));
    expect(names()).toHaveLength(4);

    store.setItem(KEY, 'd'.repeat(5_000));
    expect(names().sort()).toEqual([KEY, `${KEY}.0`, `${KEY}.1`]);
    expect(store.getItem(KEY)).toBe('d'.repeat(5_000));

    for (const small of ['eyJ.small.token', 'crk-chunks:1:5']) {
      store.setItem(KEY, small);
      expect(pairs()).toEqual([`${encodeURIComponent(KEY)}=${encodeURIComponent(small)}`]);
      expect(store.getItem(KEY)).toBe(small);
    }

    store.setItem(KEY, 'e'.repeat(5_000));
    store.removeItem(KEY);
    expect(pairs()).toEqual([]);
  });
});
