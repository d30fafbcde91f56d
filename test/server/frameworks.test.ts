// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/" }
// The framework-shaped helpers with what each framework hands them: a React Router / Remix loader
// gets a Web `Request`; Next.js middleware a `NextRequest` (a `Request`); server components, route
// handlers and server actions `await cookies()`, a store of decoded values by raw name.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authMiddleware, requireSession, requireUser, type CookieStore } from '../../src/server/index';
import { strongPassword, useBackend } from '../backend/harness';
import { b64url, clearCookies, cookieValue, parts, serverFor, signInCookies, tokenKey, withCookie } from './support';

/**
 * Next.js's request cookie store as `cookies()` and `request.cookies` build it
 * (@edge-runtime/cookies `parseCookie`): names as sent, values URI-decoded, the last of a name wins.
 */
class NextRequestCookies implements CookieStore {
  readonly #map = new Map<string, string>();
  constructor(header: string) {
    for (const pair of header.split(/; */)) {
      const at = pair.indexOf('=');
      if (!pair || at === -1) continue;
      try {
        this.#map.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
      } catch {
        /* skipped, as Next does */
      }
    }
  }
  get(name: string): { name: string; value: string } | undefined {
    const value = this.#map.get(name);
    return value === undefined ? undefined : { name, value };
  }
  getAll(): { name: string; value: string }[] {
    return [...this.#map].map(([name, value]) => ({ name, value }));
  }
}

describe('cognito-react-kit/server in the shape of each framework', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  let cookies = '';
  let forged = '';

  beforeAll(async () => {
    await running().backend.createUser({ username: 'ada@example.com', password, attributes: { email: 'ada@example.com' } });
    cookies = await signInCookies(running(), 'ada@example.com', password);
    const key = tokenKey(running(), 'ada@example.com', 'idToken');
    const { header, payload } = parts(cookieValue(cookies, key)!);
    forged = withCookie(cookies, key, `${b64url({ ...header, alg: 'none' })}.${b64url({ ...payload, email: 'root@example.com' })}.`);
  });

  afterEach(() => clearCookies());

  const request = (path: string, cookie?: string) => new Request(`https://app.example.com${path}`, cookie ? { headers: { cookie } } : {});

  describe('React Router / Remix loader', () => {
    const server = () => serverFor(running());
    /** A loader as an app writes it. */
    const loader = async ({ request: req }: { request: Request }) => {
      const user = await requireUser(server(), req, { signInUrl: '/sign-in' });
      return { email: user.attributes['email'] };
    };

    it('returns the signed-in user’s data', async () => {
      expect(await loader({ request: request('/account', cookies) })).toEqual({ email: 'ada@example.com' });
      const session = await requireSession(server(), request('/account', cookies), { signInUrl: '/sign-in' });
      expect(session.accessTokenClaims.username).toBe('ada@example.com');
    });

    it('throws a 302 to the sign-in page, with the page asked for, when signed out or forged', async () => {
      for (const cookie of [undefined, forged]) {
        const thrown = await loader({ request: request('/account/orders?page=2', cookie) }).catch((error: unknown) => error);
        expect(thrown).toBeInstanceOf(Response);
        expect((thrown as Response).status).toBe(302);
        expect((thrown as Response).headers.get('location')).toBe('https://app.example.com/sign-in?returnTo=%2Faccount%2Forders%3Fpage%3D2');
      }
      const thrown = (await requireUser(server(), request('/x'), { signInUrl: 'https://auth.example.com/login', returnToParam: null }).catch((e: unknown) => e)) as Response;
      expect(thrown.headers.get('location')).toBe('https://auth.example.com/login');
    });
  });

  describe('Next.js App Router', () => {
    it('server components, route handlers and server actions: the user from `await cookies()`', async () => {
      const server = serverFor(running());
      expect(await server.getUser(new NextRequestCookies(cookies))).toMatchObject({ username: 'ada@example.com', attributes: { email: 'ada@example.com' } });
      expect(await server.authenticate(new NextRequestCookies(forged))).toEqual({ status: 'signedOut', reason: 'algorithm' });
      expect(await server.getUser(new NextRequestCookies(''))).toBeNull();
    });

    it('middleware: lets a signed-in visitor through, redirects a signed-out or forged one, never the sign-in page itself', async () => {
      const middleware = authMiddleware(serverFor(running()), { signInUrl: '/sign-in', isPublic: (url) => url.pathname.startsWith('/public/') });

      expect(await middleware(request('/account', cookies))).toBeUndefined();
      for (const cookie of [undefined, forged]) {
        const response = await middleware(request('/account', cookie));
        expect(response?.status).toBe(302);
        expect(response?.headers.get('location')).toBe('https://app.example.com/sign-in?returnTo=%2Faccount');
      }
      expect(await middleware(request('/sign-in?returnTo=%2Faccount'))).toBeUndefined();
      expect(await middleware(request('/public/pricing'))).toBeUndefined();
    });
  });
});
