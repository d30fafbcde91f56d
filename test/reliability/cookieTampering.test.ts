// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://app.example.com/account/settings" }
import type { JSDOM } from 'jsdom';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createAuth, type AuthConfig } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';
import { RecordingStorage } from '../support/recordingStorage';
import { tally } from './tally';

const jar = () => (globalThis as unknown as { jsdom: JSDOM }).jsdom.cookieJar;

/** Counts an attack as tried, and as rejected only once `run` (its assertions) passed. */
async function attack(run: () => Promise<void>): Promise<void> {
  tally('attacksTried');
  await run();
  tally('attacksRejected');
}

// cookieStorage shares its cookies with every app on `.example.com`, and any of them can write
// cookies of the same names for a longer Path or another Domain: document.cookie then lists both,
// longer path first, without saying which is which. jsdom's jar (tough-cookie, RFC 6265) keeps
// them apart as a browser does; a cookie planted from this page with Domain=example.com is the
// cookie evil.example.com would plant. test/reliability/cookie.browser.test.ts does it in Chromium.
describe('cookies planted for another Path or Domain (jsdom, https://app.example.com/account/settings)', () => {
  const running = useBackend({ deviceTracking: false });
  const password = strongPassword();
  let malloryTokens: Record<'idToken' | 'accessToken' | 'refreshToken', string>;
  let warn: MockInstance<typeof console.warn>;

  const config = (): AuthConfig => ({
    userPoolId: running().backend.config.userPoolId,
    userPoolWebClientId: running().backend.config.clientId,
    endpoint: running().url,
    authenticationFlowType: 'USER_PASSWORD_AUTH',
    cookieStorage: { domain: '.example.com', path: '/', secure: true, sameSite: 'lax' },
  });
  const prefix = () => `CognitoIdentityServiceProvider.${running().backend.config.clientId}`;
  const plant = (key: string, value: string, scope: string) => {
    document.cookie = `${encodeURIComponent(key)}=${encodeURIComponent(value)}; ${scope}; secure`;
  };
  /** Mallory's real session, planted where this app's cookies would be found first. */
  const plantMallory = (scope = 'domain=example.com; path=/account') => {
    plant(`${prefix()}.LastAuthUser`, 'mallory', scope);
    for (const [item, token] of Object.entries(malloryTokens)) plant(`${prefix()}.mallory.${item}`, token, scope);
  };
  /** Every cookie of the kit in the jar, whatever its Path or Domain, as `<key after the client id>@<domain><path>`. */
  // tough-cookie may keep an expiry it was handed as an already-expired cookie: gone, for a browser.
  const kitCookies = () =>
    jar()
      .serializeSync()!
      .cookies.filter((c) => !(typeof c.expires === 'string' && Date.parse(c.expires) <= Date.now()))
      .map((c) => ({ name: decodeURIComponent(String(c.key)), where: `${String(c.domain)}${String(c.path)}` }))
      .filter((c) => c.name.startsWith(`${prefix()}.`))
      .map((c) => `${c.name.slice(prefix().length + 1)}@${c.where}`)
      .sort();
  const victimCookies = () => kitCookies().filter((c) => c.startsWith('vic.') || c.startsWith('LastAuthUser@'));

  beforeAll(async () => {
    const { backend } = running();
    await backend.createUser({ username: 'vic', password });
    await backend.createUser({ username: 'mallory', password });
    const attacker = createAuth({ ...config(), cookieStorage: undefined, storage: new RecordingStorage() });
    await attacker.signIn('mallory', password);
    const session = await attacker.currentSession();
    malloryTokens = { idToken: session.idToken, accessToken: session.accessToken, refreshToken: session.refreshToken! };
  });

  beforeEach(() => {
    jar().removeAllCookiesSync();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    warn.mockRestore();
  });

  it("a session planted for a longer Path does not replace the victim's: the configured cookie wins, the planted one goes, one warning names the key", async () => {
    await attack(async () => {
      await createAuth(config()).signIn('vic', password);
      plantMallory();

      const restored = createAuth(config());

      expect(restored.getState()).toMatchObject({ status: 'signedIn', user: { username: 'vic' } });
      expect(kitCookies().filter((c) => c.startsWith('LastAuthUser@'))).toEqual(['LastAuthUser@example.com/']);
      const warnings = warn.mock.calls.map((call) => String(call[0]));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`"${prefix()}.LastAuthUser"`);
      expect(warnings[0]).not.toMatch(/mallory|vic\b/);
      // Sign-out then ends the victim's session, refresh token included, everywhere.
      await restored.signOut();
      expect(victimCookies()).toEqual([]);
      expect(createAuth(config()).getState().status).toBe('signedOut');
    });
  });

  it("planted before the victim signs in: the sign-in's own write removes it, so the next page load is the victim's", async () => {
    await attack(async () => {
      const page = createAuth(config());
      plantMallory();

      await page.signIn('vic', password);

      expect(createAuth(config()).getState()).toMatchObject({ status: 'signedIn', user: { username: 'vic' } });
      expect(kitCookies().filter((c) => c.startsWith('LastAuthUser@'))).toEqual(['LastAuthUser@example.com/']);
    });
  });

  it('several cookies of one name, none at the configured Path and Domain: none is trusted, all go, and the session restores signed out', async () => {
    await attack(async () => {
      plantMallory('domain=example.com; path=/account');
      plant(`${prefix()}.LastAuthUser`, 'vic', 'domain=example.com; path=/account/settings');

      const restored = createAuth(config());

      expect(restored.getState().status).toBe('signedOut');
      expect(kitCookies().filter((c) => c.startsWith('LastAuthUser@'))).toEqual([]);
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringContaining('restores signed out')]);
    });
  });

  it("sign-out expires every variant of the victim's cookies: host-only, each path prefix, each parent domain", async () => {
    await attack(async () => {
      const auth = createAuth(config());
      await auth.signIn('vic', password);
      const refreshToken = (await auth.currentSession()).refreshToken!;
      // Copies under other scopes (an older configuration, or an attacker keeping the token alive).
      for (const scope of ['path=/account', 'domain=app.example.com; path=/account/', 'domain=example.com; path=/account/settings']) {
        plant(`${prefix()}.vic.refreshToken`, refreshToken, scope);
        plant(`${prefix()}.LastAuthUser`, 'vic', scope);
      }

      await auth.signOut();

      expect(victimCookies()).toEqual([]);
      expect(createAuth(config()).getState().status).toBe('signedOut');
    });
  });

  /** Mallory's tokens with the payload changed (another user, same issuer and audience) and the old signature kept. */
  const forged = (token: string, claims: Record<string, unknown>) => {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const body = { ...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as object), ...claims };
    return `${header}.${Buffer.from(JSON.stringify(body)).toString('base64url')}.${signature}`;
  };

  it("a whole session planted where ours would be, with the pool's issuer and audience but a forged signature, ends once the pool's keys are read: SessionSignatureInvalid, signOut, no cookie left", async () => {
    await attack(async () => {
      const scope = 'domain=example.com; path=/';
      const boss = { 'cognito:username': 'boss', username: 'boss', 'cognito:groups': ['admins'] };
      plant(`${prefix()}.LastAuthUser`, 'boss', scope);
      plant(`${prefix()}.boss.idToken`, forged(malloryTokens.idToken, boss), scope);
      plant(`${prefix()}.boss.accessToken`, forged(malloryTokens.accessToken, boss), scope);
      plant(`${prefix()}.boss.refreshToken`, malloryTokens.refreshToken, scope);

      const page = createAuth(config());
      const events: string[] = [];
      page.listen('*', (event) => events.push(event.event));
      expect(page.getState()).toMatchObject({ status: 'signedIn', user: { username: 'boss' } }); // no request before start
      const stop = page.subscribe(() => undefined);
      await vi.waitFor(() => expect(page.getState().status).toBe('signedOut'));
      stop();

      expect(page.getState().error).toMatchObject({ name: 'SessionSignatureInvalid' });
      expect(events).toEqual(['signOut']);
      expect(kitCookies().filter((c) => c.startsWith('boss.') || c.startsWith('LastAuthUser@'))).toEqual([]);
    });
  });

  it('the genuine session restored from cookies passes the same check and stays signed in', async () => {
    await createAuth(config()).signIn('vic', password);
    // The check's own verdicts: each token's signature verified against the pool's key.
    const verdicts: Array<Promise<boolean>> = [];
    const verify = crypto.subtle.verify.bind(crypto.subtle);
    const spy = vi.spyOn(crypto.subtle, 'verify').mockImplementation((...args) => {
      const verdict = verify(...args);
      verdicts.push(verdict);
      return verdict;
    });
    try {
      const page = createAuth(config());
      const events: string[] = [];
      page.listen('*', (event) => events.push(event.event));
      const stop = page.subscribe(() => undefined);
      await vi.waitFor(() => expect(verdicts).toHaveLength(2)); // id and access token
      expect(await Promise.all(verdicts)).toEqual([true, true]);
      // The session manager acts on them a few promise steps later, with no timer in between.
      for (let step = 0; step < 20; step++) await Promise.resolve();
      stop();

      expect(page.getState()).toMatchObject({ status: 'signedIn', user: { username: 'vic' } });
      expect(events).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
