import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthSession, type Auth, type FetchLike } from '../../src/core/index';
import { clockDriftFrom } from '../../src/core/session/authSession';
import { strongPassword } from '../backend/harness';
import { FakeBrowser, APP, hostedUiKit, CALLBACK, SIGNED_OUT } from '../support/fakeBrowser';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { tally } from './tally';

// A device clock 12 hours off the server's (backend and engine share a TestClock; the engine adds
// the skew). Sessions must stay usable and expiry must still be detected: the engine judges tokens
// on the server's clock through the drift measured from `iat`, and stamps the SRP TIMESTAMP with the
// server time read from Cognito's `Date` header.
const HOUR = 3_600_000;
const SKEWS = [12 * HOUR, -12 * HOUR];

/** A fetch that hides the `Date` header, like a proxy that does not expose it through CORS. */
const withoutDate: FetchLike = async (url, init) => {
  const response = await fetch(url, init);
  return { ok: response.ok, status: response.status, text: () => response.text(), headers: { get: (name) => (name.toLowerCase() === 'date' ? null : response.headers.get(name)) } };
};

describe.each(SKEWS)('device clock %i ms off the server', (skewMs) => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  const password = strongPassword();
  const deviceNow = (k: EngineTestKit) => () => k.clock.now() + skewMs;
  const skewed = (k: EngineTestKit, extra: { fetch?: FetchLike; srp?: boolean } = {}): Auth =>
    k.auth({
      config: extra.srp === false ? { authenticationFlowType: 'USER_PASSWORD_AUTH' } : {},
      engine: { now: deviceNow(k), ...(extra.fetch ? { fetch: extra.fetch } : {}) },
    });

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('skew')) await k.backend.createUser({ username: 'skew', password, attributes: { email: 'skew@example.com' } });
    k.backend.resetCounts();
  });

  it('signs in with SRP (TIMESTAMP on the server clock) and measures the drift from iat', async () => {
    const k = kit();
    const auth = skewed(k);
    await expect(auth.signIn('skew', password)).resolves.toMatchObject({ isSignedIn: true });
    const session = await auth.currentSession();
    expect(Math.abs(session.clockDrift - skewMs / 1000)).toBeLessThanOrEqual(2);
    expect(session.isValid(deviceNow(k)())).toBe(true);
    const timestamp = (k.backend.requests().find((r) => r.operation === 'RespondToAuthChallenge')?.input as { ChallengeResponses: { TIMESTAMP: string } })
      .ChallengeResponses.TIMESTAMP;
    expect(Math.abs(Date.parse(timestamp.replace(/^\w+ (\w+) (\d+) ([\d:]+) UTC (\d+)$/, '$1 $2 $4 $3 UTC')) - k.backend.now())).toBeLessThan(60_000);
  });

  it('restores with 0 requests, stays valid 59 minutes, then detects expiry and refreshes once', async () => {
    const k = kit();
    await skewed(k).signIn('skew', password);
    k.backend.resetCounts();

    const restored = skewed(k);
    expect(restored.getState().status).toBe('signedIn');
    const first = await restored.currentSession();
    k.clock.advance(58 * 60_000);
    await expect(restored.currentSession()).resolves.toBe(first);
    expect(k.backend.count()).toBe(0);

    k.clock.advance(2 * 60_000);
    const next = await restored.currentSession();
    expect(next).not.toBe(first);
    expect(k.backend.count('InitiateAuth')).toBe(1);
    expect(next.isValid(deviceNow(k)())).toBe(true);
    expect(Number.isFinite(next.clockDrift)).toBe(true);
  });

  it('detects expiry on a restored session whose tokens expired while the page was closed', async () => {
    const k = kit();
    await skewed(k).signIn('skew', password);
    k.clock.advance(2 * HOUR);
    k.backend.resetCounts();

    const restored = skewed(k);
    expect(restored.getState().status).toBe('loading'); // expired tokens + refresh token: refreshing
    await expect(restored.currentSession()).resolves.toMatchObject({ refreshToken: expect.any(String) });
    expect(restored.getState().status).toBe('signedIn');
    expect(k.backend.count('InitiateAuth')).toBe(1);
  });

  it('signs in through the hosted UI (the id token exp is judged on the server clock)', async () => {
    const k = kit();
    const ui = hostedUiKit(kit);
    const browser = new FakeBrowser(`${APP}/`);
    const { auth } = await ui.signIn(browser, { username: 'skew', password }, {}, { engine: { now: deviceNow(k) } });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'skew' } });
    expect((await auth.currentSession()).isValid(deviceNow(k)())).toBe(true);
  });

  it('without a readable Date header: USER_PASSWORD_AUTH still signs in, SRP is refused by the server (documented)', async () => {
    const k = kit();
    await expect(skewed(k, { fetch: withoutDate, srp: false }).signIn('skew', password)).resolves.toMatchObject({ isSignedIn: true });
    k.storage = new RecordingStorage(); // another device, not signed in yet
    const srp = skewed(k, { fetch: withoutDate });
    await expect(srp.signIn('skew', password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(srp.getState().status).toBe('signedOut');
  });
});

describe('clock drift is never NaN', () => {
  it('clockDriftFrom is a finite integer for any tokens and any finite clock', () => {
    const claim = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null), fc.constant(undefined), fc.constant(Number.NaN));
    const token = fc.oneof(
      fc.string(),
      fc.record({ iat: claim, exp: claim }).map((payload) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`),
    );
    const runs = 2000;
    fc.assert(
      fc.property(token, token, fc.double({ min: -1e15, max: 1e15, noNaN: true }), (idToken, accessToken, nowMs) => {
        const drift = clockDriftFrom({ idToken, accessToken }, nowMs);
        expect(Number.isFinite(drift)).toBe(true);
        const session = new AuthSession({ idToken, accessToken, clockDrift: drift });
        expect(typeof session.isValid(nowMs)).toBe('boolean');
        expect(Number.isNaN(session.expiresAt)).toBe(false);
      }),
      { numRuns: runs },
    );
    tally('fuzzCases', runs);
  });
});

// The hosted-UI outcome and the state must agree: handleRedirect resolves exactly when the state
// says signed in with the callback's tokens. A device clock 40 days ahead (a drift storage does not
// keep) and an id token accepted within the expiry leeway once made it reject while the state
// then went on to signedIn.
describe('hosted-UI callback: handleRedirect and the state agree', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  const ui = hostedUiKit(kit);
  const password = strongPassword();
  const DAY = 24 * HOUR;

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('agree')) await k.backend.createUser({ username: 'agree', password });
    k.backend.resetCounts();
  });

  /** The token endpoint's answer with both tokens' `exp` set to `exp(serverNowSeconds)`. */
  const expiring =
    (k: EngineTestKit, exp: (nowSeconds: number) => number): FetchLike =>
    async (url, init) => {
      const response = await fetch(url, init);
      if (new URL(url).pathname !== '/oauth2/token') return response;
      const tokens = JSON.parse(await response.text()) as Record<string, string>;
      const rewrite = (token: string) => {
        const [header, payload, signature] = token.split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
        const rewritten = Buffer.from(JSON.stringify({ ...claims, exp: exp(Math.floor(k.clock.now() / 1000)) })).toString('base64url');
        return `${header}.${rewritten}.${signature}`;
      };
      return new Response(JSON.stringify({ ...tokens, id_token: rewrite(tokens['id_token']!), access_token: rewrite(tokens['access_token']!) }), {
        status: response.status,
        headers: response.headers,
      });
    };

  const cases: [string, (k: EngineTestKit) => { now?: () => number; fetch?: FetchLike }, 'code' | 'token'][] = [
    ['a device clock 40 days ahead', (k) => ({ now: () => k.clock.now() + 40 * DAY }), 'code'],
    ['an id token that expired a minute ago (within the leeway)', (k) => ({ fetch: expiring(k, (now) => now - 60) }), 'code'],
    // No token request to learn the server's clock from: the pool's keys (JWKS) answer with a Date.
    ['the implicit flow, a device clock 40 days ahead', (k) => ({ now: () => k.clock.now() + 40 * DAY }), 'token'],
  ];
  it.each(cases)('%s: resolves signed in, and the state says signedIn as it settles', async (_, engineOptions, responseType) => {
    const k = kit();
    const engine = engineOptions(k);
    const browser = new FakeBrowser(`${APP}/`);
    const callback = await ui.authorize(browser, { username: 'agree', password }, {}, { engine, oauth: { responseType } });
    browser.load(callback);
    const auth = ui.engine(browser, { engine, oauth: { responseType } });
    const after: string[] = [];
    const outcome = auth.handleRedirect().then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    void outcome.then(() => after.push(auth.getState().status));

    await expect(outcome).resolves.toEqual({ result: { isSignedIn: true, nextStep: { signInStep: 'DONE' } } });
    expect(after).toEqual(['signedIn']);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', error: null, user: { username: 'agree' } });
  });
});
