import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { GetCallerIdentityCommand, STSClient, type ServiceInputTypes, type ServiceOutputTypes, type STSClientConfig } from '@aws-sdk/client-sts';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeAwsService, type FakeAwsSecret, type FakeAwsService } from './awsService';
import { registerSecret } from './secrets';
import {
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  sha256Hex,
  signature,
  signingKey,
  stringToSign,
  uriEncode,
  verifySigV4,
  type SigV4Result,
  type WireRequest,
} from './sigv4';
import { signWithSdkSigner } from './sigv4Reference';

// Static test keys (not from Cognito). Their shape follows AWS's: AKIA/ASIA ids, 40-char secrets.
const TEMP = {
  accessKeyId: 'ASIAFAKESERVICETEST1',
  secretAccessKey: 'fakeSecretKey/0123456789+abcdefghijklmnopq',
  sessionToken: 'FakeSessionToken//fwEXAMPLE-temporary-credentials-token-0123456789',
};
const LONG_TERM = { accessKeyId: 'AKIAFAKESERVICETEST2', secretAccessKey: 'fakeLongTermSecret/9876543210+zyxwvutsrqpo' };
const EXPIRED = { accessKeyId: 'ASIAFAKESERVICEEXPRD', secretAccessKey: 'fakeExpiredSecret/1111111111+aaaaaaaaaaaaa', sessionToken: 'FakeExpiredSessionToken-0123456789' };
const WRONG_SECRET = 'wrongSecretKey/0000000000+bbbbbbbbbbbbbbbbb';
const WRONG_TOKEN = 'FakeSessionToken//fwEXAMPLE-someone-elses-token-9876543210';
registerSecret(TEMP.secretAccessKey, TEMP.sessionToken, LONG_TERM.secretAccessKey, EXPIRED.secretAccessKey, EXPIRED.sessionToken, WRONG_SECRET, WRONG_TOKEN);

const IDENTITY = { account: '210987654321', userId: 'AROAFAKEROLEID:CognitoIdentityCredentials', arn: 'arn:aws:sts::210987654321:assumed-role/Cognito_Auth_Role/CognitoIdentityCredentials' };

const keys = new Map<string, FakeAwsSecret>([
  [TEMP.accessKeyId, { secretAccessKey: TEMP.secretAccessKey, sessionToken: TEMP.sessionToken, identity: IDENTITY }],
  [LONG_TERM.accessKeyId, { secretAccessKey: LONG_TERM.secretAccessKey }],
  [EXPIRED.accessKeyId, { secretAccessKey: EXPIRED.secretAccessKey, sessionToken: EXPIRED.sessionToken, expiration: new Date(Date.now() - 60_000) }],
]);

let service: FakeAwsService;

beforeAll(async () => {
  // The SDK warns once per process that Node 20 support ends in 2027; not this suite's concern.
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  service = await startFakeAwsService({ lookupSecret: (id) => keys.get(id) });
});
afterAll(async () => {
  await service.close();
  vi.unstubAllEnvs();
});

const clients: STSClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function sts(config: Partial<STSClientConfig> & Pick<STSClientConfig, 'credentials'>, url = service.url): STSClient {
  const client = new STSClient({ region: 'us-east-1', endpoint: url, maxAttempts: 1, ...config });
  clients.push(client);
  return client;
}

async function callerIdentityError(client: STSClient): Promise<{ name: string; status: number | undefined; message: string }> {
  const error: unknown = await client.send(new GetCallerIdentityCommand({})).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('GetCallerIdentity succeeded, expected a failure');
  const status = (error as Error & { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return { name: error.name, status, message: error.message };
}

function lastRecord() {
  const record = service.requests.at(-1);
  if (!record) throw new Error('the fake service saw no request');
  return record;
}

describe('the fake AWS service with a real STS client', () => {
  it('answers GetCallerIdentity when the request is signed with exactly the issued keys', async () => {
    const before = service.requests.length;
    const out = await sts({ credentials: TEMP }).send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: IDENTITY.account, UserId: IDENTITY.userId, Arn: IDENTITY.arn });
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(service.requests.length).toBe(before + 1);
    expect(lastRecord()).toMatchObject({ ok: true, status: 200, accessKeyId: TEMP.accessKeyId, action: 'GetCallerIdentity', hasSessionToken: true });
    expect(lastRecord().signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token']));
  });

  it('accepts long-term keys (no session token) and reports a default identity', async () => {
    const out = await sts({ credentials: LONG_TERM }).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('123456789012');
    expect(out.UserId).toBe(LONG_TERM.accessKeyId);
    expect(lastRecord()).toMatchObject({ ok: true, accessKeyId: LONG_TERM.accessKeyId, hasSessionToken: false });
  });

  it('works when credentials come from an async provider function', async () => {
    let calls = 0;
    const provider = async () => {
      calls += 1;
      // Resolved on a later turn of the event loop, not at once: the SDK must really await it.
      await new Promise((resolve) => setImmediate(resolve));
      return { ...TEMP, expiration: new Date(Date.now() + 3_600_000) };
    };
    const out = await sts({ credentials: provider }).send(new GetCallerIdentityCommand({}));
    expect(out.Arn).toBe(IDENTITY.arn);
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(lastRecord()).toMatchObject({ ok: true, accessKeyId: TEMP.accessKeyId });
  });

  it('refuses a wrong secret key with SignatureDoesNotMatch', async () => {
    const failure = await callerIdentityError(sts({ credentials: { ...TEMP, secretAccessKey: WRONG_SECRET } }));
    expect(failure).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(lastRecord()).toMatchObject({ ok: false, status: 403, code: 'SignatureDoesNotMatch', accessKeyId: TEMP.accessKeyId });
    expect(lastRecord().reason).toMatch(/signature does not match/);
  });

  it('refuses a wrong session token, and a missing one, with InvalidClientTokenId', async () => {
    expect(await callerIdentityError(sts({ credentials: { ...TEMP, sessionToken: WRONG_TOKEN } }))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    expect(lastRecord()).toMatchObject({ ok: false, code: 'InvalidClientTokenId', reason: expect.stringMatching(/not the session token/) });

    const { sessionToken: _dropped, ...withoutToken } = TEMP;
    expect(await callerIdentityError(sts({ credentials: withoutToken }))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    expect(lastRecord()).toMatchObject({ ok: false, code: 'InvalidClientTokenId', hasSessionToken: false });

    expect(await callerIdentityError(sts({ credentials: { ...LONG_TERM, sessionToken: TEMP.sessionToken } }))).toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('refuses an unknown access key id with InvalidClientTokenId', async () => {
    const failure = await callerIdentityError(sts({ credentials: { ...TEMP, accessKeyId: 'ASIANOSUCHKEY0000000' } }));
    expect(failure).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    expect(lastRecord()).toMatchObject({ ok: false, accessKeyId: 'ASIANOSUCHKEY0000000', reason: 'unknown access key id' });
  });

  it('refuses keys past their expiration with ExpiredToken', async () => {
    expect(await callerIdentityError(sts({ credentials: EXPIRED }))).toMatchObject({ name: 'ExpiredToken', status: 403 });
  });

  it('refuses a signature scoped to another region', async () => {
    expect(await callerIdentityError(sts({ credentials: TEMP, region: 'eu-west-1' }))).toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(lastRecord().reason).toMatch(/region 'us-east-1', not 'eu-west-1'/);
  });

  it('refuses a signature scoped to another service', async () => {
    const other = await startFakeAwsService({ lookupSecret: (id) => keys.get(id), service: 'cognito-identity' });
    try {
      expect(await callerIdentityError(sts({ credentials: TEMP }, other.url))).toMatchObject({ name: 'SignatureDoesNotMatch' });
      expect(other.requests[0]?.reason).toMatch(/service 'cognito-identity', not 'sts'/);
    } finally {
      await other.close();
    }
  });

  it('refuses a request dated more than 15 minutes from the server clock', async () => {
    const late = await startFakeAwsService({ lookupSecret: (id) => keys.get(id), now: () => Date.now() + 16 * 60_000 });
    const early = await startFakeAwsService({ lookupSecret: (id) => keys.get(id), now: () => Date.now() - 16 * 60_000 });
    const near = await startFakeAwsService({ lookupSecret: (id) => keys.get(id), now: () => Date.now() + 14 * 60_000 });
    try {
      expect(await callerIdentityError(sts({ credentials: TEMP }, late.url))).toMatchObject({ name: 'SignatureDoesNotMatch' });
      expect(late.requests[0]?.reason).toMatch(/signature expired/);
      expect(await callerIdentityError(sts({ credentials: TEMP }, early.url))).toMatchObject({ name: 'SignatureDoesNotMatch' });
      await expect(sts({ credentials: TEMP }, near.url).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: IDENTITY.arn });
    } finally {
      await Promise.all([late.close(), early.close(), near.close()]);
    }
  });

  it('puts no secret key or session token in its records or responses', async () => {
    await callerIdentityError(sts({ credentials: { ...TEMP, secretAccessKey: WRONG_SECRET } }));
    const failure = await callerIdentityError(sts({ credentials: { ...TEMP, sessionToken: WRONG_TOKEN } }));
    const everything = JSON.stringify(service.requests) + failure.message;
    for (const secret of [TEMP.secretAccessKey, TEMP.sessionToken, WRONG_SECRET, WRONG_TOKEN, LONG_TERM.secretAccessKey]) {
      expect(everything.includes(secret)).toBe(false);
    }
  });
});

describe('the fake AWS service against replayed and hand-made requests', () => {
  interface Captured {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string;
  }

  /** The exact request the SDK put on the wire, taken just after it was signed. */
  async function captureSignedRequest(): Promise<Captured> {
    const client = sts({ credentials: TEMP });
    let captured: Captured | undefined;
    const capture: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
      const req = args.request as { method?: unknown; path?: unknown; headers?: unknown; body?: unknown };
      if (typeof req.method === 'string' && typeof req.path === 'string' && typeof req.body === 'string' && typeof req.headers === 'object' && req.headers !== null) {
        captured = { method: req.method, path: req.path, headers: { ...(req.headers as Record<string, string>) }, body: req.body };
      }
      return next(args);
    };
    client.middlewareStack.addRelativeTo(capture, { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'captureSignedRequest' });
    await client.send(new GetCallerIdentityCommand({}));
    if (!captured) throw new Error('the signed request was not captured');
    expect(captured.headers.authorization ?? captured.headers.Authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAFAKESERVICETEST1\//);
    return captured;
  }

  function replay(req: Captured, change: { path?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
    const url = new URL(service.url);
    const body = change.body ?? req.body;
    const headers: OutgoingHttpHeaders = { ...req.headers, ...change.headers };
    if (change.body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: change.path ?? req.path, headers, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  const code = (body: string) => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];

  it('accepts an exact replay and refuses every tampered copy of an SDK-signed request', async () => {
    const original = await captureSignedRequest();
    const contentHash = (body: string) => sha256Hex(Buffer.from(body));

    const exact = await replay(original);
    expect(exact.status).toBe(200);
    expect(exact.body).toContain('<GetCallerIdentityResponse');

    // A header the SDK does not sign can change freely...
    expect((await replay(original, { headers: { 'user-agent': 'something-else/1.0' } })).status).toBe(200);

    // ...but no signed part of the request can.
    const tampered: Array<[string, Parameters<typeof replay>[1]]> = [
      ['a signed header changed', { headers: { 'amz-sdk-invocation-id': '00000000-0000-4000-8000-000000000000' } }],
      ['the signed date moved by a second', { headers: { 'x-amz-date': bumpSecond(original.headers['x-amz-date'] ?? '') } }],
      ['the path changed', { path: '/other' }],
      ['a query parameter added', { path: '/?Action=GetCallerIdentity' }],
      ['the body changed with a matching content hash', { body: original.body.replace('2011-06-15', '2011-06-16'), headers: { 'x-amz-content-sha256': contentHash(original.body.replace('2011-06-15', '2011-06-16')) } }],
      ['the body changed, content hash left alone', { body: `${original.body}&Extra=1` }],
      ['the signed header list shortened', { headers: { authorization: (original.headers.authorization ?? '').replace('amz-sdk-invocation-id;', '') } }],
    ];
    for (const [what, change] of tampered) {
      const response = await replay(original, change);
      expect({ what, status: response.status, code: code(response.body) }).toEqual({ what, status: 403, code: 'SignatureDoesNotMatch' });
      expect(lastRecord()).toMatchObject({ ok: false, accessKeyId: TEMP.accessKeyId });
    }

    // The token itself is checked against the key, not only the signature.
    const swapped = await replay(original, { headers: { 'x-amz-security-token': WRONG_TOKEN } });
    expect({ status: swapped.status, code: code(swapped.body) }).toEqual({ status: 403, code: 'InvalidClientTokenId' });
  });

  it('refuses an unsigned request with MissingAuthenticationToken', async () => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(403);
    expect(code(await response.text())).toBe('MissingAuthenticationToken');
    expect(lastRecord()).toMatchObject({ ok: false, code: 'MissingAuthenticationToken' });
  });

  it('answers a correctly signed request for another action with InvalidAction', async () => {
    const url = new URL(service.url);
    const signed = await signWithSdkSigner(
      { method: 'POST', host: url.host, path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('Action=AssumeRole&Version=2011-06-15') },
      TEMP,
      { region: 'us-east-1', service: 'sts', signingDate: new Date() },
    );
    const response = await fetch(`${service.url}${signed.url}`, { method: 'POST', headers: plainHeaders(signed), body: Buffer.from(signed.body) });
    expect(response.status).toBe(400);
    expect(code(await response.text())).toBe('InvalidAction');
    expect(lastRecord()).toMatchObject({ ok: true, status: 400, action: 'AssumeRole', accessKeyId: TEMP.accessKeyId });
  });
});

// -----------------------------------------------------------------------------------------------
// The verifier on its own, held against AWS's published values and against the SDK's signer.

/** AWS's example keys, used by the SigV4 test suite and the signing examples in the docs. */
const EXAMPLE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const EXAMPLE_TIME = Date.UTC(2015, 7, 30, 12, 36, 0);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function suiteRequest(method: string, url: string, signed: string, sig: string, extra: Record<string, string> = {}, body = ''): WireRequest {
  return {
    method,
    url,
    headers: {
      Host: 'example.amazonaws.com',
      'X-Amz-Date': '20150830T123600Z',
      ...extra,
      Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${signed}, Signature=${sig}`,
    },
    body: Buffer.from(body),
  };
}

function verifyExample(req: WireRequest, overrides: { now?: number; region?: string; service?: string; secret?: string } = {}): SigV4Result {
  return verifySigV4(req, {
    lookupSecret: (id) => (id === EXAMPLE.accessKeyId ? { secretAccessKey: overrides.secret ?? EXAMPLE.secretAccessKey } : undefined),
    region: overrides.region ?? 'us-east-1',
    service: overrides.service ?? 'service',
    now: overrides.now ?? EXAMPLE_TIME,
  });
}

describe('the SigV4 verifier against AWS published test vectors', () => {
  it('get-vanilla: canonical request, string to sign and signature', () => {
    const canonical = canonicalRequest({
      method: 'GET',
      uri: canonicalUri('/'),
      query: canonicalQueryString(''),
      headers: 'host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n',
      signedHeaders: ['host', 'x-amz-date'],
      payloadHash: sha256Hex(''),
    });
    expect(canonical).toBe(`GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n${EMPTY_SHA256}`);
    const toSign = stringToSign('20150830T123600Z', '20150830/us-east-1/service/aws4_request', canonical);
    expect(toSign).toBe('AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63');
    expect(signature(signingKey(EXAMPLE.secretAccessKey, '20150830', 'us-east-1', 'service'), toSign)).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('accepts the suite requests with their published signatures', () => {
    const vectors: Array<[string, WireRequest]> = [
      ['get-vanilla', suiteRequest('GET', '/', 'host;x-amz-date', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31')],
      ['get-vanilla-query-order-key-case', suiteRequest('GET', '/?Param2=value2&Param1=value1', 'host;x-amz-date', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500')],
      ['get-utf8', suiteRequest('GET', '/ሴ', 'host;x-amz-date', '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85')],
      ['post-vanilla', suiteRequest('POST', '/', 'host;x-amz-date', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b')],
      [
        'post-x-www-form-urlencoded',
        suiteRequest('POST', '/', 'content-type;host;x-amz-date', 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'Param1=value1'),
      ],
    ];
    for (const [name, req] of vectors) expect({ name, result: verifyExample(req) }).toMatchObject({ name, result: { ok: true, accessKeyId: 'AKIDEXAMPLE' } });
  });

  it('IAM ListUsers example from the signing docs: signing key, canonical request hash, signature', () => {
    expect(signingKey(EXAMPLE.secretAccessKey, '20150830', 'us-east-1', 'iam').toString('hex')).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
    const req: WireRequest = {
      method: 'GET',
      url: '/?Action=ListUsers&Version=2010-05-08',
      headers: {
        host: 'iam.amazonaws.com',
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
      },
      body: new Uint8Array(),
    };
    const canonical = canonicalRequest({
      method: 'GET',
      uri: '/',
      query: canonicalQueryString('Action=ListUsers&Version=2010-05-08'),
      headers: 'content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n',
      signedHeaders: ['content-type', 'host', 'x-amz-date'],
      payloadHash: EMPTY_SHA256,
    });
    expect(sha256Hex(canonical)).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(verifyExample(req, { service: 'iam' })).toMatchObject({ ok: true });
  });

  it('refuses the same vector with the wrong secret, scope, clock or a changed byte', () => {
    const vanilla = suiteRequest('GET', '/', 'host;x-amz-date', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    expect(verifyExample(vanilla, { secret: WRONG_SECRET })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyExample(vanilla, { region: 'us-west-2' })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyExample(vanilla, { service: 'sts' })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyExample(vanilla, { now: EXAMPLE_TIME + 15 * 60_000 })).toMatchObject({ ok: true });
    expect(verifyExample(vanilla, { now: EXAMPLE_TIME + 15 * 60_000 + 1000 })).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
    expect(verifyExample(vanilla, { now: EXAMPLE_TIME - 15 * 60_000 - 1000 })).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
    expect(verifyExample({ ...vanilla, url: '/x' })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyExample({ ...vanilla, method: 'POST' })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyExample({ ...vanilla, body: Buffer.from('x') })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyExample({ ...vanilla, headers: { ...vanilla.headers, Host: 'example.amazonaws.com:443' } })).toMatchObject({ ok: false });
    // Scope date must be the date of x-amz-date.
    const otherDay = { ...vanilla, headers: { ...vanilla.headers, Authorization: String(vanilla.headers.Authorization).replace('/20150830/', '/20150831/') } };
    expect(verifyExample(otherDay)).toMatchObject({ ok: false, reason: expect.stringMatching(/scope date/) });
    // Malformed headers are IncompleteSignature, not a crash.
    for (const authorization of ['AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request', 'AWS4-HMAC-SHA1 x', 'garbage', '']) {
      expect(verifyExample({ ...vanilla, headers: { ...vanilla.headers, Authorization: authorization } })).toMatchObject({ ok: false, code: 'IncompleteSignature' });
    }
  });
});

describe('the SigV4 verifier against the SDK signer (@smithy/signature-v4)', () => {
  const segment = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
    fc.constantFrom('.', '..', 'a b', "it's(*)!", '~_-.', '%', 'ሴ'),
  );
  const headerValue = fc.stringMatching(/^[\x20-\x7e\t]{0,24}$/);
  const requestArb = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    segments: fc.array(segment, { maxLength: 4 }),
    trailingSlash: fc.boolean(),
    query: fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }), fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 4 }), { minLength: 1, maxLength: 3 })), { maxKeys: 4 }),
    headers: fc.dictionary(fc.stringMatching(/^x-test-[a-z0-9-]{1,8}$/), headerValue, { maxKeys: 4 }),
    body: fc.uint8Array({ maxLength: 64 }),
    unsignedPayload: fc.boolean(),
    withToken: fc.boolean(),
    skewSeconds: fc.integer({ min: -14 * 60, max: 14 * 60 }),
  });

  async function signRandom(input: typeof requestArb extends fc.Arbitrary<infer T> ? T : never): Promise<{ wire: WireRequest; now: number }> {
    const path = `/${input.segments.map(uriEncode).join('/')}${input.trailingSlash && input.segments.length > 0 ? '/' : ''}`;
    const now = EXAMPLE_TIME;
    const wire = await signWithSdkSigner(
      {
        method: input.method,
        host: '127.0.0.1:4567',
        path,
        query: input.query,
        // UNSIGNED-PAYLOAD: the declared hash, not the body's, goes into the canonical request.
        headers: { ...input.headers, ...(input.unsignedPayload ? { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } : {}) },
        body: input.body,
      },
      input.withToken ? TEMP : { accessKeyId: TEMP.accessKeyId, secretAccessKey: TEMP.secretAccessKey },
      { region: 'us-east-1', service: 'sts', signingDate: new Date(now + input.skewSeconds * 1000) },
    );
    return { wire, now };
  }

  function verifyTemp(wire: WireRequest, now: number, withToken: boolean): SigV4Result {
    return verifySigV4(wire, {
      lookupSecret: (id) => (id === TEMP.accessKeyId ? { secretAccessKey: TEMP.secretAccessKey, ...(withToken ? { sessionToken: TEMP.sessionToken } : {}) } : undefined),
      region: 'us-east-1',
      service: 'sts',
      now,
    });
  }

  it('accepts every request the SDK signer signs (paths, queries, headers, bodies, tokens)', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (input) => {
        const { wire, now } = await signRandom(input);
        const result = verifyTemp(wire, now, input.withToken);
        expect(result).toMatchObject({ ok: true, accessKeyId: TEMP.accessKeyId, hasSessionToken: input.withToken });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any one change to a request the SDK signer signed', async () => {
    const change = fc.constantFrom('method', 'path', 'query', 'header', 'body', 'secret');
    await fc.assert(
      fc.asyncProperty(requestArb, change, async (input, what) => {
        const { wire, now } = await signRandom(input);
        let changed: WireRequest = wire;
        if (what === 'method') changed = { ...wire, method: wire.method === 'GET' ? 'HEAD' : 'GET' };
        if (what === 'path') changed = { ...wire, url: wire.url.replace(/^([^?]*?)\/?(\?|$)/, '$1/zz$2') };
        if (what === 'query') changed = { ...wire, url: `${wire.url}${wire.url.includes('?') ? '&' : '?'}zz=1` };
        if (what === 'header') {
          const [name, value] = Object.entries(input.headers)[0] ?? ['x-amz-date', bumpSecond(String(wire.headers['x-amz-date']))];
          changed = { ...wire, headers: { ...wire.headers, [name]: name === 'x-amz-date' ? value : `${value}z` } };
        }
        // An unsigned payload may change freely; that is what UNSIGNED-PAYLOAD means.
        if (what === 'body') changed = { ...wire, body: Buffer.concat([Buffer.from(wire.body), Buffer.from([0])]) };
        if (what === 'body' && input.unsignedPayload) {
          expect(verifyTemp(changed, now, input.withToken)).toMatchObject({ ok: true });
          changed = { ...changed, headers: { ...changed.headers, 'x-amz-content-sha256': sha256Hex(Buffer.from(changed.body)) } };
        }
        const result =
          what === 'secret'
            ? verifySigV4(wire, { lookupSecret: () => ({ secretAccessKey: WRONG_SECRET, ...(input.withToken ? { sessionToken: TEMP.sessionToken } : {}) }), region: 'us-east-1', service: 'sts', now })
            : verifyTemp(changed, now, input.withToken);
        expect(result).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
      }),
      { numRuns: 300 },
    );
  });
});

function bumpSecond(amzDate: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) throw new Error('not an x-amz-date');
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]) + 1));
  return next.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

function plainHeaders(req: WireRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.toLowerCase() === 'host') continue;
    out[name] = typeof value === 'string' ? value : value.join(',');
  }
  return out;
}
