import { describe, expect, it } from 'vitest';
import { ConfigError, createAuth, type AuthConfig, type FetchLike } from '../../src/core/index';
import { RecordingStorage } from '../support/recordingStorage';
import { registerSecret } from '../support/secrets';

// Where currentCredentials() sends its requests: the identity pool's region (identityPoolRegion,
// else region, both checked against the pool id) gives the default endpoint; identityPoolEndpoint
// overrides it. No server: a recording fetch answers like Cognito Identity.
describe('identity pool region and endpoint', () => {
  const USER_POOL = { userPoolId: 'us-east-1_AbCdEf123', userPoolWebClientId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3' };
  const EU_POOL = 'eu-west-1:1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
  const AP_POOL = 'ap-southeast-2:1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
  const SECRET = 'regionTestSecretKey/0123456789+abcdefghij';
  const TOKEN = 'RegionTestSessionToken//fwEXAMPLE-0123456789';
  registerSecret(SECRET, TOKEN);

  interface Sent {
    url: string;
    target: string | undefined;
    body: unknown;
  }

  /** A fetch that answers GetId / GetCredentialsForIdentity like Cognito Identity and records where each went. */
  function recordingFetch(identityId: string): { sent: Sent[]; fetch: FetchLike } {
    const sent: Sent[] = [];
    const fetch: FetchLike = async (url, init) => {
      const target = init.headers['X-Amz-Target'];
      sent.push({ url, target, body: JSON.parse(init.body!) as unknown });
      const body =
        target === 'AWSCognitoIdentityService.GetId'
          ? { IdentityId: identityId }
          : { IdentityId: identityId, Credentials: { AccessKeyId: 'ASIAREGIONTEST000000', SecretKey: SECRET, SessionToken: TOKEN, Expiration: Math.floor(Date.now() / 1000) + 3600 } };
      return { ok: true, status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) };
    };
    return { sent, fetch };
  }

  it('an identity pool in another region: its own default endpoint, the user pool keeps its region (via configure())', () => {
    const auth = createAuth({ ...USER_POOL, storage: new RecordingStorage() });
    expect(auth.configure().identityPoolEndpoint).toBeUndefined();

    const resolved = auth.configure({ identityPoolId: EU_POOL });
    expect(resolved).toMatchObject({
      region: 'us-east-1',
      endpoint: 'https://cognito-idp.us-east-1.amazonaws.com/',
      identityPoolId: EU_POOL,
      identityPoolRegion: 'eu-west-1',
      identityPoolEndpoint: 'https://cognito-identity.eu-west-1.amazonaws.com/',
    });

    // identityPoolRegion || region: identityPoolRegion is checked first, so region may differ.
    expect(auth.configure({ region: 'us-east-1', identityPoolRegion: 'ap-southeast-2', identityPoolId: AP_POOL })).toMatchObject({
      region: 'us-east-1',
      identityPoolRegion: 'ap-southeast-2',
      identityPoolEndpoint: 'https://cognito-identity.ap-southeast-2.amazonaws.com/',
    });
  });

  it('identityPoolRegion (or else region) must agree with the identity pool id', () => {
    const fields = (config: AuthConfig): string[] => {
      try {
        createAuth(config);
      } catch (thrown) {
        if (thrown instanceof ConfigError) return thrown.issues.map((issue) => issue.field);
        throw thrown;
      }
      return [];
    };
    expect(fields({ ...USER_POOL, identityPoolId: EU_POOL, identityPoolRegion: 'ap-southeast-2' })).toEqual(['identityPoolId']);
    expect(fields({ ...USER_POOL, region: 'us-east-1', identityPoolId: EU_POOL })).toEqual(['identityPoolId']);
    expect(fields({ ...USER_POOL, region: 'us-east-1', identityPoolRegion: 'eu-west-1', identityPoolId: EU_POOL })).toEqual([]);
  });

  it('requests go to the identity pool\'s regional endpoint as AWSCognitoIdentityService JSON 1.1 calls', async () => {
    const { sent, fetch } = recordingFetch('eu-west-1:0b7e5c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c');
    const auth = createAuth({ ...USER_POOL, identityPoolId: EU_POOL, storage: new RecordingStorage() }, { fetch });

    const credentials = await auth.currentCredentials();

    expect(sent).toEqual([
      { url: 'https://cognito-identity.eu-west-1.amazonaws.com/', target: 'AWSCognitoIdentityService.GetId', body: { IdentityPoolId: EU_POOL } },
      {
        url: 'https://cognito-identity.eu-west-1.amazonaws.com/',
        target: 'AWSCognitoIdentityService.GetCredentialsForIdentity',
        body: { IdentityId: 'eu-west-1:0b7e5c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c' },
      },
    ]);
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAREGIONTEST000000', secretAccessKey: SECRET, sessionToken: TOKEN, authenticated: false });
  });

  it('identityPoolEndpoint overrides the identity pool endpoint only', async () => {
    const override = 'http://127.0.0.1:9229/identity/';
    const { sent, fetch } = recordingFetch('eu-west-1:0b7e5c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c');
    const auth = createAuth({ ...USER_POOL, identityPoolId: EU_POOL, identityPoolEndpoint: override, storage: new RecordingStorage() }, { fetch });

    expect(auth.configure()).toMatchObject({ identityPoolEndpoint: override, endpoint: 'https://cognito-idp.us-east-1.amazonaws.com/' });
    await auth.currentCredentials();
    expect(sent.map((request) => request.url)).toEqual([override, override]);
  });

  it('configure() with another identity pool: the old pool\'s credentials are not returned, the new pool is asked', async () => {
    const { sent, fetch } = recordingFetch('eu-west-1:0b7e5c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c');
    const auth = createAuth({ ...USER_POOL, identityPoolId: EU_POOL, identityPoolRegion: 'eu-west-1', storage: new RecordingStorage() }, { fetch });
    await auth.currentCredentials();

    auth.configure({ identityPoolId: AP_POOL, identityPoolRegion: 'ap-southeast-2' });
    await auth.currentCredentials();

    expect(sent.slice(2).map((request) => [request.url, request.target, request.body])).toEqual([
      ['https://cognito-identity.ap-southeast-2.amazonaws.com/', 'AWSCognitoIdentityService.GetId', { IdentityPoolId: AP_POOL }],
      ['https://cognito-identity.ap-southeast-2.amazonaws.com/', 'AWSCognitoIdentityService.GetCredentialsForIdentity', expect.anything()],
    ]);
  });
});
