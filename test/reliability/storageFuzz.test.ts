import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError, MemoryStorage, createAuth, type Auth } from '../../src/core/index';
import { strongPassword, useBackend } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { CALLBACK, FakeBrowser, hostedUiKit, SIGNED_OUT } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';
import { tally } from './tally';

// Whatever sits under the kit's keys (corrupted, truncated, foreign, or a plausible but wrong
// session), starting an engine never throws and ends signed in with a usable session or signed out
// cleanly: no NaN, no crash, no unhandled rejection, a dead stored session removed.
const RUNS = 1200;
const NOW_S = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

type Kind = 'broken' | 'plausible';
interface StoredToken {
  kind: Kind;
  value: string;
}

const claim = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map((delta) => NOW_S() + delta), fc.double(), fc.string(), fc.constant(null));
/** A JWT whose payload decodes (its claims may still be nonsense): the engine reads it as it is. */
const plausibleJwt: fc.Arbitrary<StoredToken> = fc
  .record({ exp: claim, iat: claim, sub: fc.string() }, { requiredKeys: [] })
  .map((payload) => ({ kind: 'plausible', value: `${b64({ alg: 'RS256' })}.${b64(payload)}.${b64('sig')}` }));
/** Values no reading makes a token of: the engine must treat them as absent. */
const brokenToken: fc.Arbitrary<StoredToken> = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', 'null', 'undefined', '{}', '[]', 'a.b.c', '..', 'e30.W10.x', 'e30.bnVsbA.x', 'e30.!!!.x'),
    fc.record({ exp: fc.string() }).map((payload) => `e30.${b64(payload)}.x`),
    plausibleJwt.chain((jwt) => fc.integer({ min: 0, max: jwt.value.indexOf('.', jwt.value.indexOf('.') + 1) - 1 }).map((cut) => jwt.value.slice(0, cut))),
  )
  .map((value) => ({ kind: 'broken', value }));
const token = fc.oneof(plausibleJwt, brokenToken);
const junk = fc.oneof(fc.string(), fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '99999999999999', '-0', ' 42 ', '0x10'));
const username = fc.oneof(fc.constantFrom('zoe', 'a.b', 'ünï', ''), fc.string({ maxLength: 8 }));

const storedSession = fc.record(
  {
    lastAuthUser: fc.option(username, { nil: undefined }),
    user: username,
    idToken: fc.option(token, { nil: undefined }),
    accessToken: fc.option(token, { nil: undefined }),
    refreshToken: fc.option(junk, { nil: undefined }),
    clockDrift: fc.option(junk, { nil: undefined }),
    userData: fc.option(junk, { nil: undefined }),
    deviceKey: fc.option(junk, { nil: undefined }),
    hostedUiFlag: fc.option(junk, { nil: undefined }),
    foreign: fc.dictionary(fc.string({ maxLength: 12 }), fc.string(), { maxKeys: 3 }),
  },
  { requiredKeys: ['user', 'foreign'] },
);

describe('corrupted, truncated or foreign values under the kit keys', () => {
  const running = useBackend({ deviceTracking: false });

  it('an id token with a claim nested 10,000 deep starts the engine signed out, without throwing', async () => {
    const { backend } = running();
    const prefix = `CognitoIdentityServiceProvider.${backend.config.clientId}`;
    const storage = new MemoryStorage();
    // Written as text: serialising it would overflow the stack, which is the point.
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const claims = `"sub":"zoe-sub","exp":${NOW_S() + 3600},"iat":${NOW_S()}`;
    const jwt = (payload: string) => `${b64({ alg: 'RS256' })}.${b64(payload)}.${b64('sig')}`;
    storage.setItem(`${prefix}.LastAuthUser`, 'zoe');
    storage.setItem(`${prefix}.zoe.idToken`, jwt(`{${claims},"nested":${deep}}`));
    storage.setItem(`${prefix}.zoe.accessToken`, jwt(`{${claims}}`));
    backend.resetCounts();
    tally('fuzzCases');

    const auth = createAuth({ userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, storage });

    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });
    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
    expect(backend.count()).toBe(0);
  });

  it(`start signed in with a usable session or signed out cleanly (${RUNS} cases)`, async () => {
    const { backend, url } = running();
    const prefix = `CognitoIdentityServiceProvider.${backend.config.clientId}`;
    await fc.assert(
      fc.asyncProperty(storedSession, async (stored) => {
        const storage = new MemoryStorage();
        const user = stored.lastAuthUser ?? stored.user;
        const put = (key: string, value: string | undefined) => value !== undefined && storage.setItem(key, value);
        put(`${prefix}.LastAuthUser`, stored.lastAuthUser);
        put(`${prefix}.${user}.idToken`, stored.idToken?.value);
        put(`${prefix}.${user}.accessToken`, stored.accessToken?.value);
        put(`${prefix}.${user}.refreshToken`, stored.refreshToken);
        put(`${prefix}.${user}.clockDrift`, stored.clockDrift);
        put(`${prefix}.${user}.userData`, stored.userData);
        for (const item of ['deviceKey', 'deviceGroupKey', 'randomPasswordKey']) put(`${prefix}.${user}.${item}`, stored.deviceKey);
        put('amplify-signin-with-hostedUI', stored.hostedUiFlag);
        for (const [key, value] of Object.entries(stored.foreign)) put(`${prefix}.${key}`, value);
        backend.resetCounts();

        let auth: Auth | undefined;
        expect(() => {
          auth = createAuth({ userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, storage }, { autoRefresh: false });
        }).not.toThrow();
        const engine = auth!;
        if (engine.getState().status === 'loading') await engine.currentSession().catch(() => undefined);
        const state = engine.getState();
        expect(['signedIn', 'signedOut']).toContain(state.status);

        // What the engine counts as a stored session: a last user with both tokens non-empty.
        const found = Boolean(stored.lastAuthUser && stored.idToken?.value && stored.accessToken?.value);
        const broken = stored.idToken?.kind === 'broken' || stored.accessToken?.kind === 'broken';
        if (state.status === 'signedIn') {
          expect(found && !broken).toBe(true);
          const requests = backend.count();
          const session = await engine.currentSession();
          expect(backend.count()).toBe(requests);
          expect(Number.isFinite(session.clockDrift)).toBe(true);
          expect(session.isValid(Date.now())).toBe(true);
          expect(state.user).not.toBeNull();
        } else {
          expect(state.user).toBeNull();
          const error = await engine.currentSession().then(() => undefined, (thrown: unknown) => thrown);
          expect(error).toBeInstanceOf(AuthError);
          // A stored session the engine gave up on is gone, not left to fail again on the next load.
          if (found) expect(storage.getItem(`${prefix}.${user}.accessToken`)).toBeNull();
        }
      }),
      { numRuns: RUNS },
    );
    tally('fuzzCases', RUNS);
  }, 120_000);
});

describe('a stored clockDrift that is not a clock', () => {
  const running = useBackend({ deviceTracking: false, tokenValidity: { accessTokenSeconds: 300, idTokenSeconds: 300 } });
  const password = strongPassword();

  it.each(['NaN', 'Infinity', '1e400', '', 'abc', '99999999999', '-99999999999'])('%j: expired tokens are still detected and refreshed', async (drift) => {
    const { backend, url } = running();
    if (!backend.getUser('drift')) await backend.createUser({ username: 'drift', password });
    const storage = new MemoryStorage();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, storage, authenticationFlowType: 'USER_PASSWORD_AUTH' as const };
    await createAuth(config).signIn('drift', password);
    storage.setItem(`CognitoIdentityServiceProvider.${backend.config.clientId}.drift.clockDrift`, drift);
    const later = Date.now() + 3_600_000;
    backend.resetCounts();

    const restored = createAuth(config, { now: () => later });
    const session = await restored.currentSession();

    expect(backend.count('InitiateAuth')).toBe(1);
    expect(session.isValid(later)).toBe(true);
    expect(Number.isFinite(session.clockDrift)).toBe(true);
  });
});

describe('a corrupted hosted-UI flow record (sessionStorage) under a callback URL', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  const ui = hostedUiKit(kit);
  const FLOW_RUNS = 300;
  const STATE = 'state-0123456789-0123456789-0123456789';
  const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(STATE), fc.constant(CALLBACK), fc.object({ maxDepth: 1 }));
  const record = fc.oneof(
    fc.string(),
    fc.constantFrom('', 'null', '[]', '{}', '{"state":', '"x"', '1e999'),
    fc
      .record(
        { state: field, redirectUri: field, responseType: fc.oneof(field, fc.constantFrom('code', 'token')), verifier: field, nonce: field, customState: field, createdAt: fc.oneof(fc.constant(Date.now()), fc.double(), fc.string()) },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
  );

  it(`refuses with a typed error and leaves nothing in progress, or (a record the callback does not answer) ignores it; stores nothing (${FLOW_RUNS} cases)`, async () => {
    const k = kit();
    let run = 0;
    const known = new Set(['OAuthFlowNotFound', 'OAuthStateMismatch', 'OAuthSignInException', 'OAuthRedirectMismatch', 'OAuthTokenInvalid']);
    await fc.assert(
      fc.asyncProperty(record, async (raw) => {
        k.storage = new RecordingStorage();
        // A new URL per case: one page load handles a callback URL once (the engine caches it per page).
        run += 1;
        const browser = new FakeBrowser(`${CALLBACK}?code=not-a-real-code&state=${STATE}&run=${run}`);
        browser.transientStorage.setItem(`CognitoReactKit.${k.backend.config.clientId}.oauthFlow`, raw);
        const auth = ui.engine(browser);
        const outcome = await auth.handleRedirect().then((result) => ({ result }), (thrown: unknown) => ({ thrown }));
        const answered = stateOf(raw) === STATE;
        if (answered) {
          expect(outcome).toMatchObject({ thrown: expect.any(AuthError) });
          expect(known.has((outcome as { thrown: AuthError }).thrown.name)).toBe(true);
          expect(browser.transientKeys(), 'transient').toEqual([]);
        } else {
          expect(outcome).toEqual({ result: null });
          expect(browser.transientStorage.getItem(`CognitoReactKit.${k.backend.config.clientId}.oauthFlow`), 'transient').toBe(raw);
        }
        expect(k.storage.keys(), 'stored').toEqual([]);
        expect(browser.navigations, 'navigations').toEqual([]);
        expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });
      }),
      { numRuns: FLOW_RUNS },
    );
    tally('fuzzCases', FLOW_RUNS);
  }, 60_000);
});

/** The `state` of a raw flow record, if it parses to an object with one. */
function stateOf(raw: string): unknown {
  try {
    return (JSON.parse(raw) as { state?: unknown } | null)?.state;
  } catch {
    return undefined;
  }
}
