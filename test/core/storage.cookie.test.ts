// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuth, type AuthConfig, type CookieStorageConfig } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';

// cookieStorage in a browser-like document: one cookie per amazon-cognito-identity-js key, with the
// configured attributes, and sign-out removes our cookies only.
describe('cookie storage (jsdom)', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let written: string[] = [];
  let restoreCookieSetter: () => void = () => undefined;

  const key = (item: string): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.hal.${item}`;
  const lastAuthUser = (): string => `CognitoIdentityServiceProvider.${kit().backend.config.clientId}.LastAuthUser`;

  const cookieConfig = (cookieStorage: CookieStorageConfig): AuthConfig => {
    const { backend, url } = kit();
    return {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
      cookieStorage,
    };
  };

  const cookieNames = (): string[] =>
    document.cookie
      .split(';')
      .map((part) => part.split('=')[0]!.trim())
      .filter((name) => name !== '')
      .sort();

  beforeEach(async () => {
    const k = kit();
    if (!k.backend.getUser('hal')) await k.backend.createUser({ username: 'hal', password });
    k.backend.resetCounts();
    // Record every cookie string the engine writes (jsdom's getter shows names and values only).
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    written = [];
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => descriptor.get!.call(document) as string,
      set: (value: string) => {
        written.push(value);
        descriptor.set!.call(document, value);
      },
    });
    restoreCookieSetter = () => {
      Reflect.deleteProperty(document, 'cookie');
    };
  });

  afterEach(() => {
    for (const name of cookieNames()) document.cookie = `${name}=; expires=${new Date(0).toUTCString()}; path=/`;
    for (const name of cookieNames()) document.cookie = `${name}=; expires=${new Date(0).toUTCString()}; path=/; domain=localhost`;
    restoreCookieSetter();
  });

  it('(precondition) runs under a jsdom document served from http://localhost', () => {
    expect(typeof document).toBe('object');
    expect(location.hostname).toBe('localhost');
  });

  it('stores the session as cookies named with the acij keys, with the configured domain, path and sameSite', async () => {
    const auth = createAuth(cookieConfig({ domain: 'localhost', secure: false, sameSite: 'strict' }));

    await auth.signIn('hal', password);

    expect(cookieNames()).toEqual([lastAuthUser(), key('accessToken'), key('clockDrift'), key('idToken'), key('refreshToken'), key('sessionStamp')].sort());
    const session = await auth.currentSession();
    expect(document.cookie).toContain(`${key('accessToken')}=${session.accessToken}`);
    expect(written).toHaveLength(6);
    for (const cookie of written) {
      expect(cookie).toMatch(/; path=\/(;|$)/);
      expect(cookie).toMatch(/; domain=localhost(;|$)/);
      expect(cookie).toMatch(/; samesite=strict(;|$)/);
      expect(cookie).not.toMatch(/; secure(;|$)/);
      expect(cookie).toMatch(/; expires=/);
    }
  });

  it('restores from the cookies with 0 requests, and that engine can sign out (removing cookies it never wrote)', async () => {
    const config = cookieConfig({ domain: 'localhost', secure: false });
    await createAuth(config).signIn('hal', password);
    kit().backend.resetCounts();

    const restored = createAuth(config);

    expect(restored.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hal' } });
    expect(kit().backend.count()).toBe(0);
    await restored.signOut();
    expect(cookieNames()).toEqual([]);
  });

  it('removes only its own cookies on sign-out, leaving an unrelated cookie', async () => {
    document.cookie = 'unrelated=keep-me; path=/';
    const auth = createAuth(cookieConfig({ domain: 'localhost', secure: false, sameSite: 'lax' }));
    await auth.signIn('hal', password);
    expect(cookieNames()).toHaveLength(7);

    await auth.signOut();

    expect(document.cookie).toBe('unrelated=keep-me');
    expect(auth.getState().status).toBe('signedOut');
    expect(createAuth(cookieConfig({ domain: 'localhost', secure: false })).getState().status).toBe('signedOut');
  });

  it('marks cookies secure unless told otherwise', async () => {
    const auth = createAuth(cookieConfig({ domain: 'localhost' }));

    await auth.signIn('hal', password);

    expect(written).toHaveLength(6);
    for (const cookie of written) expect(cookie).toMatch(/; secure(;|$)/);
    expect(auth.getState().status).toBe('signedIn');
  });
});
