import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth, AuthConfig, AuthError, FetchLike } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import type { Intercept, InterceptResponse } from '../backend/types';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { knownSecrets, leakedSecrets, registerSecret } from '../support/secrets';

// How currentCredentials() fails: typed AuthErrors named by the service, source
// 'currentCredentials', no secret in them, no retry loop, nothing cached from a failure.
const fast = { authenticationFlowType: 'USER_PASSWORD_AUTH' as const };
const IDENTITY_OPERATIONS = new Set(['GetId', 'GetCredentialsForIdentity']);

function identityOps(k: EngineTestKit): string[] {
  return operations(k.backend).filter((operation) => IDENTITY_OPERATIONS.has(operation));
}

/** No password, code, token or AWS secret the file knows of occurs anywhere in the error. */
function expectNoSecretIn(error: AuthError): void {
  const text = [error.message, JSON.stringify(error), String(error.stack)].join('\n');
  expect(leakedSecrets(text, knownSecrets())).toEqual([]);
}

function engineFor(k: EngineTestKit, config: Partial<AuthConfig> = {}): Auth {
  return k.auth({ config: { ...fast, identityPoolId: k.backend.config.identityPool.identityPoolId, identityPoolEndpoint: k.url, ...config } });
}

async function newUser(k: EngineTestKit, password: string): Promise<string> {
  const username = uniqueName('err');
  await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
  return username;
}

describe('currentCredentials() errors from the identity pool', () => {
  describe('a pool without unauthenticated access', () => {
    const kit = useEngineBackend({ identityPool: { allowUnauthenticated: false } });
    const password = strongPassword();

    beforeEach(() => {
      kit().storage = new RecordingStorage();
      kit().backend.resetCounts();
    });

    it('guest: a typed NotAuthorizedException from GetId (the service\'s name and message, source currentCredentials)', async () => {
      const k = kit();
      const auth = engineFor(k);

      const error = await authErrorOf(auth.currentCredentials());

      expect(error).toMatchObject({
        name: 'NotAuthorizedException',
        code: 'NotAuthorizedException',
        source: 'currentCredentials',
        message: 'Unauthenticated access is not supported for this identity pool.',
        statusCode: 400,
      });
      expect(identityOps(k)).toEqual(['GetId']);
      expect(await authErrorOf(auth.credentialsProvider())).toMatchObject({ name: 'NotAuthorizedException', source: 'currentCredentials' });
      expectNoSecretIn(error);
    });

    it('10 concurrent guest callers share the one failing GetId; the failure is not cached, the next call asks again', async () => {
      const k = kit();
      const auth = engineFor(k);

      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => auth.currentCredentials()));

      expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
      expect(k.backend.count('GetId')).toBe(1);
      await authErrorOf(auth.currentCredentials());
      expect(k.backend.count('GetId')).toBe(2);
    });

    it('signed in, the same pool still gives the user credentials', async () => {
      const k = kit();
      const username = await newUser(k, password);
      const auth = engineFor(k);
      await auth.signIn(username, password);

      expect((await auth.currentCredentials()).authenticated).toBe(true);
    });
  });

  describe('a pool without a role for guests', () => {
    const kit = useEngineBackend({ identityPool: { roles: { unauthenticated: null } } });

    it('fails at GetCredentialsForIdentity with InvalidIdentityPoolConfigurationException, and a fresh id is not retried', async () => {
      const k = kit();
      k.storage = new RecordingStorage();
      const error = await authErrorOf(engineFor(k).currentCredentials());

      expect(error).toMatchObject({ name: 'InvalidIdentityPoolConfigurationException', source: 'currentCredentials' });
      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
      expectNoSecretIn(error);
    });
  });

  describe('a pool that trusts another app client', () => {
    const kit = useEngineBackend({ identityPool: { clientId: 'anotherappclient0000000000' } });
    const password = strongPassword();

    it('signed in: NotAuthorizedException from GetId, without the id token in the error', async () => {
      const k = kit();
      k.storage = new RecordingStorage();
      const username = await newUser(k, password);
      const auth = engineFor(k);
      await auth.signIn(username, password);
      const { idToken } = await auth.currentSession();
      k.backend.resetCounts();

      const error = await authErrorOf(auth.currentCredentials());

      expect(error).toMatchObject({
        name: 'NotAuthorizedException',
        source: 'currentCredentials',
        message: 'Token is not from a supported provider of this identity pool.',
      });
      expect(inputOf(k.backend, 'GetId').Logins).toEqual({ [k.backend.config.identityPool.providerName]: idToken });
      expect(leakedSecrets(JSON.stringify(error) + error.message, [idToken])).toEqual([]);
      expectNoSecretIn(error);
      // A credentials failure is not a session failure: still signed in.
      expect(auth.getState().status).toBe('signedIn');
    });
  });

  describe('faulty answers', () => {
    // What GetCredentialsForIdentity answers in the current test (undefined: the real answer).
    let credentialsAnswer: (() => InterceptResponse | undefined) | undefined;
    const intercept: Intercept = (operation) => (operation === 'GetCredentialsForIdentity' ? credentialsAnswer?.() : undefined);
    const kit = useEngineBackend({ intercept });

    const PARTIAL_SECRET = 'partialSecretKey/0123456789+abcdefghijklmno';
    const PARTIAL_TOKEN = 'PartialSessionToken//fwEXAMPLE-never-complete-0123456789';
    registerSecret(PARTIAL_SECRET, PARTIAL_TOKEN);

    const notFound = (): InterceptResponse => ({
      status: 400,
      headers: { 'x-amzn-errortype': 'ResourceNotFoundException' },
      body: JSON.stringify({ __type: 'ResourceNotFoundException', message: 'Identity not found.' }),
    });

    beforeEach(() => {
      credentialsAnswer = undefined;
      kit().storage = new RecordingStorage();
      kit().backend.resetCounts();
    });

    it('a stored id that stays unknown: one new GetId and one retry, then the typed error (no loop)', async () => {
      const k = kit();
      const poolId = k.backend.config.identityPool.identityPoolId;
      k.storage.setItem(`CognitoIdentityId-${poolId}`, 'us-east-1:deadbeef-2222-4000-8000-000000000000');
      credentialsAnswer = notFound;

      const error = await authErrorOf(engineFor(k).currentCredentials());

      expect(error).toMatchObject({ name: 'ResourceNotFoundException', source: 'currentCredentials' });
      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity', 'GetId', 'GetCredentialsForIdentity']);
    });

    it('an id just obtained from GetId that the pool then does not find: no second GetId', async () => {
      const k = kit();
      credentialsAnswer = notFound;

      const error = await authErrorOf(engineFor(k).currentCredentials());

      expect(error).toMatchObject({ name: 'ResourceNotFoundException', source: 'currentCredentials' });
      expect(identityOps(k)).toEqual(['GetId', 'GetCredentialsForIdentity']);
    });

    it('an incomplete credentials answer is a typed error that does not echo the partial keys', async () => {
      const k = kit();
      credentialsAnswer = () => ({
        status: 200,
        body: JSON.stringify({ IdentityId: 'us-east-1:deadbeef-3333-4000-8000-000000000000', Credentials: { AccessKeyId: 'ASIAPARTIAL000000000', SecretKey: PARTIAL_SECRET, SessionToken: PARTIAL_TOKEN } }),
      });

      const error = await authErrorOf(engineFor(k).currentCredentials());

      expect(error).toMatchObject({ name: 'UnknownError', source: 'currentCredentials' });
      expect(leakedSecrets(`${error.message}\n${JSON.stringify(error)}`, [PARTIAL_SECRET, PARTIAL_TOKEN])).toEqual([]);
      expectNoSecretIn(error);
    });

    it('after a failed GetCredentialsForIdentity the next call succeeds with the stored id (nothing cached from the failure)', async () => {
      const k = kit();
      const auth = engineFor(k);
      // Failing until told otherwise: a single 500 would be retried away (the call is idempotent).
      let failing = true;
      credentialsAnswer = () => (failing ? { status: 500, headers: { 'x-amzn-errortype': 'InternalErrorException' }, body: '{"__type":"InternalErrorException","message":"Internal error"}' } : undefined);

      const error = await authErrorOf(auth.currentCredentials());
      expect(error).toMatchObject({ name: 'InternalErrorException', source: 'currentCredentials', statusCode: 500 });
      failing = false;
      k.backend.resetCounts();

      const credentials = await auth.currentCredentials();
      expect(identityOps(k)).toEqual(['GetCredentialsForIdentity']);
      expect(k.backend.credentialsFor(credentials.accessKeyId)?.identityId).toBe(credentials.identityId);
    });

    it('the identity pool unreachable: NetworkError from currentCredentials, naming only the host', async () => {
      const k = kit();
      const fetch: FetchLike = (url, init) => (url === k.url ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(url, init));
      const auth = k.auth({ config: { ...fast, identityPoolId: k.backend.config.identityPool.identityPoolId, identityPoolEndpoint: k.url }, engine: { fetch } });

      const error = await authErrorOf(auth.currentCredentials());

      expect(error).toMatchObject({ name: 'NetworkError', source: 'currentCredentials' });
      expect(error.message).toContain(new URL(k.url).host);
    });
  });
});
