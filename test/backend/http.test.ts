import { describe, expect, it } from 'vitest';
import { createBackend } from './backend';
import { fetchHandler } from './fetchHandler';
import { strongPassword, useBackend } from './harness';
import { startBackend } from './index';

const TARGET = 'AWSCognitoIdentityProviderService.';

describe('HTTP surface over a real loopback socket', () => {
  const server = useBackend();

  const post = (operation: string, body: string) =>
    fetch(server().url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}${operation}` },
      body,
    });

  it('answers CORS preflight with 204 and the headers browsers need', async () => {
    const res = await fetch(server().url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-amz-target' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('POST, GET, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'content-type, x-amz-target, x-amz-user-agent, cache-control, authorization, amz-sdk-request, amz-sdk-invocation-id',
    );
  });

  it('sends Cognito errors as 400 + __type + x-amzn-errortype, with CORS headers', async () => {
    const res = await post('InitiateAuth', JSON.stringify({
      ClientId: server().backend.config.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'nobody', PASSWORD: strongPassword() },
    }));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('UserNotFoundException');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await res.json()).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('rejects unknown operations, malformed JSON and bad client ids', async () => {
    const unknown = await post('DescribeUserPool', '{}');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { __type: string }).__type).toBe('UnknownOperationException');

    const malformed = await post('SignUp', '{"ClientId":');
    expect(((await malformed.json()) as { __type: string }).__type).toBe('SerializationException');

    const wrongClient = await post('SignUp', JSON.stringify({ ClientId: 'nope', Username: 'x', Password: 'y' }));
    expect(await wrongClient.json()).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool client nope does not exist.' });

    const missing = await post('ForgotPassword', JSON.stringify({ Username: 'x' }));
    expect(await missing.json()).toMatchObject({ __type: 'InvalidParameterException' });
  });

  it('serves OIDC discovery next to the JWKS', async () => {
    const { backend, url } = server();
    const res = await fetch(`${url}${backend.config.userPoolId}/.well-known/openid-configuration`);
    expect(await res.json()).toMatchObject({ issuer: backend.config.issuer, jwks_uri: `${backend.config.issuer}/.well-known/jwks.json` });
  });
});

describe('test-only API', () => {
  it('counts requests per operation and keeps their parsed input in order', async () => {
    const backend = createBackend();
    const clientId = backend.config.clientId;
    await backend.call('SignUp', { ClientId: clientId, Username: 'uma', Password: strongPassword() });
    await backend.call('ResendConfirmationCode', { ClientId: clientId, Username: 'uma' }).catch(() => undefined);
    await backend.call('ResendConfirmationCode', { ClientId: clientId, Username: 'uma' }).catch(() => undefined);

    expect(backend.count()).toBe(3);
    expect(backend.count('ResendConfirmationCode')).toBe(2);
    expect(backend.requests()[0]).toEqual({
      operation: 'SignUp',
      input: { ClientId: clientId, Username: 'uma', Password: expect.any(String) },
    });
    backend.resetCounts();
    expect(backend.count()).toBe(0);
  });

  it('lets intercept short-circuit an operation before it runs', async () => {
    const { backend, url, close } = await startBackend({
      intercept: (operation) =>
        operation === 'GetUser'
          ? { status: 400, body: JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }) }
          : undefined,
    });
    try {
      await expect(backend.call('GetUser', { AccessToken: 'x' })).rejects.toMatchObject({
        name: 'TooManyRequestsException',
        message: 'Rate exceeded',
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'X-Amz-Target': `${TARGET}GetUser`, 'Content-Type': 'application/x-amz-json-1.1' },
        body: '{}',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(backend.count('GetUser')).toBe(2);
    } finally {
      await close();
    }
  });

  it('lists every secret it saw or issued', async () => {
    const backend = createBackend();
    const password = strongPassword();
    await backend.createUser({ username: 'vera', password, attributes: { email: 'vera@example.com' } });
    const signedIn = await backend.call('InitiateAuth', {
      ClientId: backend.config.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'vera', PASSWORD: password },
    });
    const result = signedIn.AuthenticationResult as Record<string, string>;
    await backend.call('ForgotPassword', { ClientId: backend.config.clientId, Username: 'vera' });
    const association = await backend.call('AssociateSoftwareToken', { AccessToken: result.AccessToken });

    const secrets = backend.secrets();
    for (const value of [password, result.AccessToken, result.IdToken, result.RefreshToken, association.SecretCode]) {
      expect(secrets).toContain(value);
    }
    expect(secrets).toContain(backend.lastCode('vera', 'FORGOT_PASSWORD'));
  });

  it('works behind a fetch-style handler (service workers, MSW)', async () => {
    const handler = fetchHandler(createBackend());
    const res = await handler(new Request('https://cognito-idp.us-east-1.amazonaws.com/', { method: 'OPTIONS' }));
    expect(res.status).toBe(204);
    const jwks = await handler(new Request('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool01/.well-known/jwks.json'));
    expect(((await jwks.json()) as { keys: unknown[] }).keys).toHaveLength(1);
  });
});
