import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthError } from '../../src/core/index';
import type { InterceptResponse } from '../backend/types';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { authErrorOf } from '../support/engineAssertions';
import { tally } from './tally';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// Answers Cognito never gives, from a proxy or a broken gateway in between: the engine must read
// them as the errors they are, not as data.
describe('answers that are not what they claim', () => {
  let answer: ((operation: string) => InterceptResponse | undefined) | undefined;
  const kit = useEngineBackend({ intercept: (operation) => answer?.(operation) });
  const password = strongPassword();

  beforeEach(async () => {
    answer = undefined;
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('hana')) await k.backend.createUser({ username: 'hana', password, attributes: { email: 'hana@example.com' } });
  });

  it('an HTTP 200 carrying __type is that typed error: GetUser does not wipe the signed-in user', async () => {
    tally('attacksTried');
    const k = kit();
    const auth = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await auth.signIn({ username: 'hana', password });
    const before = auth.getState().user;
    answer = (operation) =>
      operation === 'GetUser'
        ? { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: 'InternalErrorException', message: 'gateway' }) }
        : undefined;

    const error = await authErrorOf(auth.currentAuthenticatedUser({ bypassCache: true }));

    expect(error).toMatchObject({ name: 'InternalErrorException', message: 'gateway', statusCode: 200, source: 'currentAuthenticatedUser' });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: before });
    expect(auth.getState().user?.attributes.email).toBe('hana@example.com');

    // Once the gateway answers properly, the same call works.
    answer = undefined;
    await expect(auth.currentAuthenticatedUser({ bypassCache: true })).resolves.toMatchObject({ attributes: { email: 'hana@example.com' } });
    tally('attacksRejected');
  });

  it.each([
    [429, 'Too Many Requests'],
    [408, 'Request Timeout'],
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
  ])('a proxy answering the refresh with HTTP %i (an HTML page, no Cognito error) keeps the session for a later refresh', async (status, text) => {
    tally('attacksTried');
    const k = kit();
    const auth = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await auth.signIn({ username: 'hana', password });
    const stored = k.storage.keys();
    k.clock.advance(3_600_000 + 1_000);
    answer = (operation) => (operation === 'InitiateAuth' ? { status, headers: { 'Content-Type': 'text/html' }, body: `<html><body>${text}</body></html>` } : undefined);

    const error = await authErrorOf(auth.currentSession());

    expect(error).toMatchObject({ name: `HttpError${status}`, statusCode: status, source: 'currentSession' });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
    expect(k.storage.keys()).toEqual(stored);
    // The proxy lets it through again: the same refresh token still works.
    answer = undefined;
    await expect(auth.currentSession()).resolves.toMatchObject({ refreshToken: expect.any(String) });
    tally('attacksRejected');
  });

  it('a refresh answered with tokens already expired is bounded: a handful of requests in 5 s, a typed error, no storm', async () => {
    tally('attacksTried');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const k = kit();
      const auth = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
      await auth.signIn({ username: 'hana', password });
      const sub = auth.getState().user?.userId ?? '';
      const origin = { iss: k.backend.config.issuer, aud: k.backend.config.clientId, client_id: k.backend.config.clientId };
      const jwt = (claims: object) => `${b64({ alg: 'RS256' })}.${b64({ sub, username: 'hana', ...origin, ...claims })}.${b64('sig')}`;
      const nowS = () => Math.floor(k.clock.now() / 1000);
      // The server (or a proxy) keeps minting tokens that expire as they are issued, or carry no exp.
      let issued = 0;
      answer = (operation) => {
        if (operation !== 'InitiateAuth') return undefined;
        issued += 1;
        const times = issued % 2 === 0 ? { iat: nowS() } : { iat: nowS(), exp: nowS() };
        const result = { AccessToken: jwt({ token_use: 'access', ...times }), IdToken: jwt({ token_use: 'id', ...times }) };
        return { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ AuthenticationResult: result }) };
      };
      const stop = auth.subscribe(() => undefined); // started: background refresh timers run
      k.clock.advance(3_600_000 + 1_000);
      const failures: string[] = [];
      // An app that polls for a token every 50 ms, and the engine's own timers, for 5 s.
      for (let elapsed = 0; elapsed < 5_000; elapsed += 50) {
        await auth.currentSession().then(
          () => failures.push('handed out a token'),
          (error: AuthError) => failures.push(error.name),
        );
        await vi.advanceTimersByTimeAsync(50);
      }
      stop();

      expect(issued).toBeGreaterThanOrEqual(1);
      expect(issued).toBeLessThanOrEqual(4);
      expect(new Set(failures)).toEqual(new Set(['TokenExpiredOnArrival']));
      expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
      tally('attacksRejected');
    } finally {
      vi.useRealTimers();
    }
  });

  it('"Invalid Access Token" on a user call refreshes once and retries; refused again, the user is signed out (not signed in forever)', async () => {
    tally('attacksTried');
    const k = kit();
    const invalid = { status: 400, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Invalid Access Token' }) };
    const auth = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await auth.signIn({ username: 'hana', password });
    const seen = k.events(auth);

    // Once: a refresh fixes it, the call succeeds.
    let refusals = 1;
    answer = (operation) => (operation === 'GetUser' && refusals-- > 0 ? invalid : undefined);
    k.backend.resetCounts();
    await expect(auth.currentAuthenticatedUser({ bypassCache: true })).resolves.toMatchObject({ username: 'hana' });
    expect(k.backend.requests().map((r) => r.operation)).toEqual(['GetUser', 'InitiateAuth', 'GetUser']);
    expect(auth.getState().status).toBe('signedIn');

    // Always: the refreshed token is refused too, so the session is over here as well.
    answer = (operation) => (operation === 'GetUser' ? invalid : undefined);
    const error = await authErrorOf(auth.currentAuthenticatedUser({ bypassCache: true }));
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    expect(auth.getState()).toMatchObject({ status: 'signedOut', user: null });
    expect(seen.map((e) => e.event)).toEqual(['tokenRefresh', 'tokenRefresh', 'signOut']);
    expect(k.storage.keys().filter((key) => key.endsWith('.refreshToken'))).toEqual([]);
    tally('attacksRejected');
  });
});
