import { describe, expect, it } from 'vitest';
import { cookieScopes } from '../../src/core/storage/cookieScopes';

const render = (scopes: ReturnType<typeof cookieScopes>) => scopes.map((s) => `${s.domain ?? '(host-only)'}${s.path}`).sort();

// Where a cookie the page sees may have been set: the scopes removeItem expires the key under.
describe('cookieScopes', () => {
  it('covers the configured scope, host-only, each path prefix of the page and each parent domain down to the configured one', () => {
    const scopes = cookieScopes({ path: '/', domain: '.example.com' }, { hostname: 'A.app.example.com', pathname: '/account/settings' });

    const paths = ['/', '/account', '/account/', '/account/settings'];
    const domains = ['(host-only)', 'a.app.example.com', 'app.example.com', 'example.com'];
    expect(render(scopes)).toEqual(domains.flatMap((d) => paths.map((p) => `${d}${p}`)).sort());
  });

  it('keeps a configured Path the page is not under, and a host outside the configured domain is only itself', () => {
    const scopes = cookieScopes({ path: '/app', domain: 'example.com' }, { hostname: 'localhost', pathname: '/' });

    expect(render(scopes)).toEqual(['(host-only)/', '(host-only)/app', 'example.com/', 'example.com/app', 'localhost/', 'localhost/app']);
  });

  it('without a location (no page): the configured scope and host-only', () => {
    expect(render(cookieScopes({ path: '/', domain: '.example.com' }, undefined))).toEqual(['(host-only)/', 'example.com/']);
  });
});
