import { createHmac, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth, AuthError } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';
import { completeHostedUi } from '../backend/hostedUi';
import { authorizeUrl, pkcePair } from '../backend/oauthKit';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { authErrorOf } from '../support/engineAssertions';
import { APP, CALLBACK, FakeBrowser, hostedUiKit, SIGNED_OUT } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';
import { rewriteIdToken, type ClaimsRewrite } from '../support/tokenEndpointRewrite';
import { tally } from './tally';

const OAUTH = { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] };
const EVIL = ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(document.cookie)', 'https:evil.example', '%2F%2Fevil.example', `${APP}@evil.example/`];

/** Counts an attack as tried, and as rejected only once `run` (its assertions) passed. */
async function attack(run: () => Promise<void>): Promise<void> {
  tally('attacksTried');
  await run();
  tally('attacksRejected');
}

/** `url` with query parameter `name` set to `value`. */
function withParam(url: string, name: string, value: string): string {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next.toString();
}

// Attacks on the hosted-UI redirect (extending test/core/hostedUi.failures): each must be refused
// with a typed error, store nothing, and never send the page anywhere the app did not configure.
describe('hosted UI attacks', () => {
  const kit = useEngineBackend({ oauth: OAUTH });
  const otherClient = useBackend({ clientId: 'otherclient0123456789abcde', oauth: OAUTH });
  const ui = hostedUiKit(kit);
  const password = strongPassword();
  const victim = { username: 'vic', password };
  const mallory = { username: 'mallory', password };

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    for (const backend of [k.backend, otherClient().backend]) {
      for (const user of [victim, mallory]) if (!backend.getUser(user.username)) await backend.createUser(user);
    }
    k.backend.resetCounts();
  });

  /** Loads `callback` in `browser` with a new engine: refused with `name`, nothing stored, no navigation. */
  async function refused(k: EngineTestKit, browser: FakeBrowser, callback: string, name: string): Promise<{ auth: Auth; error: AuthError }> {
    const keysBefore = k.storage.keys();
    browser.load(callback);
    const auth = ui.engine(browser);
    const seen = k.events(auth);
    const error = await authErrorOf(auth.handleRedirect());
    expect(error.name).toBe(name);
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });
    expect(browser.navigations).toEqual([]);
    expect(browser.replaced.every((url) => new URL(url).origin === APP)).toBe(true);
    expect(seen.map((e) => e.event)).not.toContain('customOAuthState');
    return { auth, error };
  }

  /** Loads `url` in `browser` with a new engine: not our callback, so nothing is exchanged, stored, rewritten or used up. */
  async function ignored(k: EngineTestKit, browser: FakeBrowser, url: string): Promise<void> {
    const keysBefore = k.storage.keys();
    const flowBefore = browser.transientKeys().map((key) => browser.transientStorage.getItem(key));
    browser.load(url);
    const auth = ui.engine(browser);
    const seen = k.events(auth);
    expect(auth.getState().status).toBe('signedOut');
    await expect(auth.handleRedirect()).resolves.toBeNull();
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null, error: null });
    expect(seen).toEqual([]);
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(browser.navigations).toEqual([]);
    expect(browser.replaced).toEqual([]);
    expect(browser.transientKeys().map((key) => browser.transientStorage.getItem(key))).toEqual(flowBefore);
  }

  it.each(EVIL)('customState %j is never followed nor sent: handed back verbatim to the app only', async (evil) => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      await ui.engine(browser).federatedSignIn({ customState: evil });
      const authorize = browser.navigation();
      expect(authorize.origin).toBe(new URL(k.url).origin);
      expect(decodeURIComponent(authorize.toString())).not.toContain(evil);
      const callback = await completeHostedUi(authorize.toString(), victim);

      browser.load(callback);
      const auth = ui.engine(browser);
      const seen = k.events(auth);
      await auth.handleRedirect();
      expect(auth.getState().status).toBe('signedIn');
      expect(browser.navigations).toEqual([]);
      expect(browser.replaced).toEqual([CALLBACK]);
      expect(seen.find((e) => e.event === 'customOAuthState')?.data).toBe(evil);
    });
  });

  it.each(EVIL)('a forged callback carrying %j in state (Amplify v5 encoding) is not ours: ignored before any exchange, the real answer still completes', async (evil) => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const callback = await ui.authorize(browser, victim);
      const state = new URL(callback).searchParams.get('state')!;
      const forged = withParam(callback, 'state', `${state}-${Buffer.from(evil).toString('hex')}`);
      await ignored(k, browser, forged);
      expect(k.backend.count('oauth2/token')).toBe(0);
      // The forged link did not use up the pending flow.
      browser.load(callback);
      await expect(ui.engine(browser).handleRedirect()).resolves.toMatchObject({ isSignedIn: true });
    });
  });

  it('federatedSignIn while signed in is refused (UserAlreadyAuthenticatedException): no navigation, the session stays', async () => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const { auth } = await ui.signIn(browser, victim);
      const seen = k.events(auth);
      browser.load(`${APP}/`);

      const error = await authErrorOf(auth.federatedSignIn({ provider: 'Google' }));

      expect(error).toMatchObject({ name: 'UserAlreadyAuthenticatedException', source: 'federatedSignIn' });
      expect(browser.navigations).toEqual([]);
      expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'vic' } });
      expect(seen.map((e) => e.event)).toEqual(['signIn_failure']);
    });
  });

  it('a fragment cannot override the code flow’s query: `#code=…&state=…` is ignored, the real code signs in', async () => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const callback = await ui.authorize(browser, victim);
      const state = new URL(callback).searchParams.get('state')!;
      browser.load(`${callback}#code=attacker-code&state=${state}`);
      const auth = ui.engine(browser);

      await expect(auth.handleRedirect()).resolves.toMatchObject({ isSignedIn: true });
      expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'vic' } });
      expect(k.backend.count('oauth2/token')).toBe(1);
    });
  });

  it('a code and state only in the fragment are no code-flow callback: nothing is exchanged, the pending flow survives', async () => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const callback = await ui.authorize(browser, victim);
      const query = new URL(callback).search.slice(1);
      browser.load(`${CALLBACK}#${query}`);
      const forged = ui.engine(browser);

      await expect(forged.handleRedirect()).resolves.toBeNull();
      expect(k.backend.count('oauth2/token')).toBe(0);
      // The real callback still completes: the fragment did not consume the flow.
      browser.load(callback);
      await expect(ui.engine(browser).handleRedirect()).resolves.toMatchObject({ isSignedIn: true });
    });
  });

  const DAY = 86_400_000;
  const OTHER_CLIENT = 'otherclient0123456789abcde';
  // An id token the token endpoint answers with (rewritten on the way), on a device clock `deviceAheadMs` ahead of the server.
  const idTokenAttacks: [string, ClaimsRewrite, RegExp, number][] = [
    ['`aud` lists this client but `azp` names another', (claims) => ({ ...claims, aud: [claims['aud'], OTHER_CLIENT], azp: OTHER_CLIENT }), /azp/, 0],
    ['`aud` is this client and `azp` another', (claims) => ({ ...claims, azp: OTHER_CLIENT }), /azp/, 0],
    ['`aud` lists several clients and there is no `azp`', (claims) => ({ ...claims, aud: [OTHER_CLIENT, claims['aud']] }), /azp/, 0],
    // Two days ahead, the device would take "tomorrow" for the past: iat is judged on the server's clock.
    ['`iat` is a day in the future (device clock two days ahead)', (claims) => ({ ...claims, iat: Number(claims['iat']) + DAY / 1000 }), /iat/, 2 * DAY],
  ];
  it.each(idTokenAttacks)('an id token whose %s is refused (OAuthTokenInvalid), nothing stored', async (_, rewrite, reason, deviceAheadMs) => {
    await attack(async () => {
      const k = kit();
      const now = () => k.clock.now() + deviceAheadMs;
      const browser = new FakeBrowser(`${APP}/`);
      const callback = await ui.authorize(browser, victim, {}, { engine: { now } });
      const keysBefore = k.storage.keys();
      browser.load(callback);
      const auth = ui.engine(browser, { engine: { now, fetch: rewriteIdToken(rewrite) } });

      const error = await authErrorOf(auth.handleRedirect());

      expect(error).toMatchObject({ name: 'OAuthTokenInvalid', message: expect.stringMatching(reason) });
      expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null, error });
      expect(k.storage.keys()).toEqual(keysBefore);
      expect(k.backend.count('oauth2/token')).toBe(1);
    });
  });

  // Implicit flow: the tokens arrive in the fragment, so anyone who can send the victim a link (state
  // leaked) can put any token there. Each forged id token carries the genuine claims of this sign-in.
  const implicit = { oauth: { responseType: 'token' as const } };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const forgeries: [string, (idToken: string, jwk: { kid: string; n: string; e: string }) => string][] = [
    ['`alg: none` (no signature)', (idToken) => `${b64({ alg: 'none', kid: kidOf(idToken) })}.${idToken.split('.')[1]}.`],
    [
      'HS256 keyed with the pool’s public key (algorithm confusion)',
      (idToken, jwk) => {
        const input = `${b64({ alg: 'HS256', kid: jwk.kid })}.${idToken.split('.')[1]}`;
        const pem = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
        return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
      },
    ],
    [
      'RS256 signed by the attacker’s own key under the pool’s kid',
      (idToken, jwk) => {
        const input = `${b64({ alg: 'RS256', kid: jwk.kid })}.${idToken.split('.')[1]}`;
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
      },
    ],
  ];
  it.each(forgeries)('implicit flow: an id token with %s in the fragment is refused (OAuthTokenInvalid), nothing stored', async (_, forge) => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const callback = new URL(await ui.authorize(browser, victim, {}, implicit));
      const fragment = new URLSearchParams(callback.hash.slice(1));
      const { keys } = (await k.backend.jwks()) as { keys: { kid: string; n: string; e: string }[] };
      fragment.set('id_token', forge(fragment.get('id_token')!, keys[0]!));
      callback.hash = fragment.toString();

      const { error } = await refusedImplicit(k, browser, callback.toString());
      expect(error.message).toMatch(/RS256|signature/);
    });
  });

  it('implicit flow: the victim’s genuine id token with another access token (at_hash) is refused, nothing stored', async () => {
    await attack(async () => {
      const k = kit();
      const own = new URL(await ui.authorize(new FakeBrowser(`${APP}/`), mallory, {}, implicit));
      const browser = new FakeBrowser(`${APP}/`);
      const callback = new URL(await ui.authorize(browser, victim, {}, implicit));
      const fragment = new URLSearchParams(callback.hash.slice(1));
      fragment.set('access_token', new URLSearchParams(own.hash.slice(1)).get('access_token')!);
      callback.hash = fragment.toString();

      const { error } = await refusedImplicit(k, browser, callback.toString());
      expect(error.message).toMatch(/at_hash/);
    });
  });

  /** Loads the implicit-flow `callback` with a new engine: refused with OAuthTokenInvalid, nothing stored. */
  async function refusedImplicit(k: EngineTestKit, browser: FakeBrowser, callback: string): Promise<{ error: AuthError }> {
    const keysBefore = k.storage.keys();
    browser.load(callback);
    const auth = ui.engine(browser, implicit);
    const error = await authErrorOf(auth.handleRedirect());
    expect(error.name).toBe('OAuthTokenInvalid');
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null, error });
    expect(k.storage.keys()).toEqual(keysBefore);
    expect(browser.url).toBe(CALLBACK);
    return { error };
  }

  it('code injection: the attacker’s own code in the victim’s callback (state leaked) fails PKCE and stores nothing', async () => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const victimCallback = await ui.authorize(browser, victim);
      // Mallory runs her own authorization with her own PKCE pair and keeps the code.
      const { challenge } = await pkcePair();
      const own = await completeHostedUi(
        authorizeUrl(k.url, { response_type: 'code', client_id: k.backend.config.clientId, redirect_uri: CALLBACK, code_challenge: challenge, code_challenge_method: 'S256' }),
        mallory,
      );
      const injected = withParam(victimCallback, 'code', new URL(own).searchParams.get('code')!);
      const { error } = await refused(k, browser, injected, 'OAuthSignInException');
      expect(error.message).toMatch(/^invalid_grant/);
      expect(k.backend.count('oauth2/token')).toBe(1);
    });
  });

  it('code injection: a code issued to another app client is refused at the token endpoint', async () => {
    await attack(async () => {
      const k = kit();
      const other = otherClient();
      const browser = new FakeBrowser(`${APP}/`);
      const victimCallback = await ui.authorize(browser, victim);
      const { challenge } = await pkcePair();
      const foreign = await completeHostedUi(
        authorizeUrl(other.url, { response_type: 'code', client_id: other.backend.config.clientId, redirect_uri: CALLBACK, code_challenge: challenge, code_challenge_method: 'S256' }),
        mallory,
      );
      const injected = withParam(victimCallback, 'code', new URL(foreign).searchParams.get('code')!);
      const { error } = await refused(k, browser, injected, 'OAuthSignInException');
      expect(error.message).toMatch(/^invalid_grant/);
    });
  });

  it('callback replay after sign-out: the same URL again is ignored (flow used up), nothing exchanged or stored', async () => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const { auth, callback } = await ui.signIn(browser, victim);
      expect(auth.getState().status).toBe('signedIn');
      await auth.signOut();
      expect(k.storage.keys().filter((key) => key.startsWith('CognitoIdentityServiceProvider.'))).toEqual([]);
      k.backend.resetCounts();
      // The engine that handled it once does not answer from a cache either.
      await expect(auth.handleRedirect(callback)).resolves.toBeNull();
      expect(auth.getState().status).toBe('signedOut');

      await ignored(k, browser, callback);
      expect(k.backend.count('oauth2/token')).toBe(0);
    });
  });

  it('callback replay after sign-out with a copied flow record: the used code is refused, nothing stored', async () => {
    await attack(async () => {
      const k = kit();
      const browser = new FakeBrowser(`${APP}/`);
      const callback = await ui.authorize(browser, victim);
      const { key } = browser.flowRecord();
      const copied = browser.transientStorage.getItem(key)!;
      browser.load(callback);
      const auth = ui.engine(browser);
      await auth.handleRedirect();
      await auth.signOut();
      k.backend.resetCounts();

      browser.transientStorage.setItem(key, copied);
      const { error } = await refused(k, browser, withParam(callback, 'replay', '1'), 'OAuthSignInException');
      expect(error.message).toMatch(/^invalid_grant/);
      expect(k.backend.count('oauth2/token')).toBe(1);
    });
  });
});

/** The `kid` of a JWT's header. */
function kidOf(token: string): unknown {
  return (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { kid?: unknown }).kid;
}
