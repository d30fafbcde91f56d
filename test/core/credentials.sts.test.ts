import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import type { IssuedCredentials } from '../backend/types';
import { startFakeAwsService, type FakeAwsSecret, type FakeAwsService, type SignedRequestRecord } from '../support/awsService';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// The seed's example, end to end: credentials from currentCredentials() + essentialCredentials()
// and from credentialsProvider go into a real AWS SDK v3 client (@aws-sdk/client-sts), which signs
// GetCallerIdentity with them; the fake STS on loopback checks the SigV4 signature against what
// the identity pool issued for that access key, and answers with the identity the keys belong to.
describe('identity-pool credentials in a real STSClient', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let service: FakeAwsService;

  /** The fake service's view of issued keys; GetCallerIdentity reports the identity id as UserId. */
  function secretOf(issued: IssuedCredentials | undefined): FakeAwsSecret | undefined {
    if (!issued) return undefined;
    return {
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      expiration: new Date(issued.expiration),
      identity: { userId: issued.identityId, arn: `arn:aws:sts::123456789012:assumed-role/${issued.roleArn.split('/').pop() ?? ''}/CognitoIdentityCredentials` },
    };
  }

  beforeAll(async () => {
    // The SDK warns once per process that Node 20 support ends in 2027; not this suite's concern.
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
    service = await startFakeAwsService({ lookupSecret: (accessKeyId) => secretOf(kit().backend.credentialsFor(accessKeyId)), now: () => kit().clock.now() });
  });
  afterAll(async () => {
    await service.close();
    vi.unstubAllEnvs();
  });

  const clients: STSClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  beforeEach(() => {
    kit().storage = new RecordingStorage();
    kit().backend.resetCounts();
  });

  function sts(credentials: STSClientConfig['credentials']): STSClient {
    const client = new STSClient({ region: 'us-east-1', endpoint: service.url, maxAttempts: 1, credentials });
    clients.push(client);
    return client;
  }

  async function failure(client: STSClient): Promise<{ name: string; status: number | undefined }> {
    const error: unknown = await client.send(new GetCallerIdentityCommand({})).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof Error)) throw new Error('GetCallerIdentity succeeded, expected a failure');
    return { name: error.name, status: (error as Error & { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode };
  }

  function lastRecord(): SignedRequestRecord {
    const record = service.requests.at(-1);
    if (!record) throw new Error('the fake service saw no request');
    return record;
  }

  function engine(): Auth {
    const k = kit();
    return k.auth({
      config: { authenticationFlowType: 'USER_PASSWORD_AUTH', identityPoolId: k.backend.config.identityPool.identityPoolId, identityPoolEndpoint: k.url },
    });
  }

  async function signedIn(username: string): Promise<Auth> {
    const k = kit();
    if (!k.backend.getUser(username)) await k.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    const auth = engine();
    await auth.signIn(username, password);
    return auth;
  }

  it('currentCredentials() + essentialCredentials(): GetCallerIdentity is SigV4-signed with exactly those keys and answers for the user\'s identity', async () => {
    const auth = await signedIn('sam');
    const credentials = await auth.currentCredentials();
    const essential = auth.essentialCredentials(credentials);
    const before = service.requests.length;

    const out = await sts(essential).send(new GetCallerIdentityCommand({}));

    expect(out.UserId).toBe(credentials.identityId);
    expect(out.Arn).toMatch(/assumed-role\/.*Auth.*\/CognitoIdentityCredentials$/);
    expect(out.Arn).not.toMatch(/Unauth/);
    expect(service.requests.length).toBe(before + 1);
    expect(lastRecord()).toMatchObject({ ok: true, status: 200, action: 'GetCallerIdentity', accessKeyId: essential.accessKeyId, hasSessionToken: true });
    expect(lastRecord().signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token']));
  });

  it('the same keys with a tampered secret are refused (SignatureDoesNotMatch), and with a tampered session token (InvalidClientTokenId)', async () => {
    const auth = await signedIn('sam');
    const essential = auth.essentialCredentials(await auth.currentCredentials());
    // Same length, one character changed.
    const tampered = (value: string): string => (value.startsWith('A') ? 'B' : 'A') + value.slice(1);

    expect(await failure(sts({ ...essential, secretAccessKey: tampered(essential.secretAccessKey) }))).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(lastRecord()).toMatchObject({ ok: false, status: 403, code: 'SignatureDoesNotMatch', accessKeyId: essential.accessKeyId });

    expect(await failure(sts({ ...essential, sessionToken: tampered(essential.sessionToken) }))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    expect(lastRecord()).toMatchObject({ ok: false, code: 'InvalidClientTokenId', accessKeyId: essential.accessKeyId });

    // And the untampered keys still work: the refusals were about the tampering.
    expect((await sts(essential).send(new GetCallerIdentityCommand({}))).UserId).toBe(essential.identityId);
  });

  it('credentialsProvider, passed unbound as the client\'s credentials: guest keys when signed out, the user\'s after sign-in', async () => {
    const k = kit();
    await k.backend.createUser({ username: 'pat', password, attributes: { email: 'pat@example.com' } });
    const auth = engine();
    const { credentialsProvider } = auth;

    const asGuest = await sts(credentialsProvider).send(new GetCallerIdentityCommand({}));
    const guest = await auth.currentCredentials();
    expect(guest.authenticated).toBe(false);
    expect(asGuest.UserId).toBe(guest.identityId);
    expect(asGuest.Arn).toMatch(/Unauth/);
    expect(lastRecord()).toMatchObject({ ok: true, accessKeyId: guest.accessKeyId, hasSessionToken: true });

    await auth.signIn('pat', password);
    const asUser = await sts(credentialsProvider).send(new GetCallerIdentityCommand({}));
    const user = await auth.currentCredentials();
    expect(user.authenticated).toBe(true);
    expect(asUser.UserId).toBe(user.identityId);
    expect(asUser.UserId).not.toBe(guest.identityId);
    expect(lastRecord()).toMatchObject({ ok: true, accessKeyId: user.accessKeyId });
    // The provider and currentCredentials() shared each fetch.
    expect(k.backend.count('GetCredentialsForIdentity')).toBe(2);

    // What the provider hands out, with one character of the secret changed, is refused.
    const tamperedProvider = async () => {
      const provided = await credentialsProvider();
      return { ...provided, secretAccessKey: (provided.secretAccessKey.startsWith('A') ? 'B' : 'A') + provided.secretAccessKey.slice(1) };
    };
    expect(await failure(sts(tamperedProvider))).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(lastRecord()).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch', accessKeyId: user.accessKeyId });
  });
});
