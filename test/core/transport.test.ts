import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type Auth, type FetchLike } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import type { Intercept, InterceptResponse } from '../backend/types';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { authErrorOf } from '../support/engineAssertions';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('transport: how Cognito responses become results and AuthErrors', () => {
  // The response the backend gives for ForgotPassword in the current test (undefined: the real one).
  let forgotPasswordResponse: InterceptResponse | undefined;
  let globalSignOutResponse: InterceptResponse | undefined;
  const intercept: Intercept = (operation) =>
    operation === 'ForgotPassword' ? forgotPasswordResponse : operation === 'GlobalSignOut' ? globalSignOutResponse : undefined;
  const kit = useEngineBackend({ intercept });
  const password = strongPassword();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });

  beforeEach(() => {
    forgotPasswordResponse = undefined;
    globalSignOutResponse = undefined;
    kit().storage = new RecordingStorage();
    kit().backend.resetCounts();
  });

  /** What forgotPassword (one ForgotPassword call) throws when the backend answers `response`. */
  function failureFor(response: InterceptResponse): Promise<AuthError> {
    forgotPasswordResponse = response;
    return authErrorOf(engine().forgotPassword('anyone'));
  }

  it('sends POST / with the AWS JSON 1.1 headers and the operation input as the body', async () => {
    const { backend, url, auth } = kit();
    await backend.createUser({ username: 'wire', password, attributes: { email: 'wire@example.com' } });
    const sent: { url: string; init: Parameters<FetchLike>[1] }[] = [];
    const recording: FetchLike = (target, init) => {
      sent.push({ url: target, init });
      return globalThis.fetch(target, init);
    };

    await auth({ engine: { fetch: recording } }).forgotPassword('wire');

    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(url);
    expect(sent[0]!.init.method).toBe('POST');
    expect(sent[0]!.init.headers).toMatchObject({
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.ForgotPassword',
      'Cache-Control': 'no-store',
    });
    expect(JSON.parse(sent[0]!.init.body!)).toEqual({ ClientId: backend.config.clientId, Username: 'wire' });
    expect(backend.requests()).toEqual([{ operation: 'ForgotPassword', input: { ClientId: backend.config.clientId, Username: 'wire' } }]);
  });

  it('takes the name from x-amzn-errortype, dropping the ":<url>" suffix, ahead of the body', async () => {
    const error = await failureFor({
      status: 400,
      headers: { 'x-amzn-errortype': 'LimitExceededException:http://internal.amazon.com/coral/com.amazon.coral.validate/' },
      body: JSON.stringify({ __type: 'SomethingElseException', message: 'Attempt limit exceeded, please try after some time.' }),
    });
    expect(error).toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
      source: 'forgotPassword',
      statusCode: 400,
      recoverySuggestion: expect.any(String),
    });
  });

  it.each([
    ['a namespaced __type "a.b#Name"', { __type: 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException', message: 'User does not exist.' }, 'UserNotFoundException', 'User does not exist.'],
    ['code, ahead of __type', { code: 'TooManyRequestsException', __type: 'Other', message: 'Rate exceeded' }, 'TooManyRequestsException', 'Rate exceeded'],
    ['Message with a capital M', { __type: 'InvalidParameterException', Message: 'Capitalised message' }, 'InvalidParameterException', 'Capitalised message'],
    ['a __type with a comma suffix', { __type: 'CodeMismatchException,extra', message: 'Invalid code' }, 'CodeMismatchException', 'Invalid code'],
    ['no name at all', { message: 'Something odd' }, 'HttpError400', 'Something odd'],
  ])('reads the error from %s', async (_label, body, name, message) => {
    const error = await failureFor({ status: 400, body: JSON.stringify(body) });
    expect(error).toMatchObject({ name, message, source: 'forgotPassword', statusCode: 400 });
  });

  it('a non-JSON error body becomes HttpError<status> with a generic message', async () => {
    const error = await failureFor({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' });
    expect(error).toMatchObject({ name: 'HttpError502', message: 'ForgotPassword failed with HTTP 502', source: 'forgotPassword', statusCode: 502 });
    expect(error.recoverySuggestion).toBeUndefined();
  });

  it('a non-JSON error body with x-amzn-errortype takes the header name', async () => {
    const error = await failureFor({ status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' }, body: 'Too Many Requests' });
    expect(error).toMatchObject({ name: 'TooManyRequestsException', message: 'ForgotPassword failed with HTTP 429', statusCode: 429 });
  });

  it('a 500 with a Cognito body keeps the Cognito name', async () => {
    const error = await failureFor({ status: 500, body: JSON.stringify({ __type: 'InternalErrorException', message: 'Internal error' }) });
    expect(error).toMatchObject({ name: 'InternalErrorException', message: 'Internal error', statusCode: 500 });
  });

  it('a 200 with a body that is not JSON fails with UnknownError', async () => {
    const error = await failureFor({ status: 200, body: 'OK' });
    expect(error).toMatchObject({ name: 'UnknownError', message: 'ForgotPassword: the response was not JSON', source: 'forgotPassword', statusCode: 200 });
  });

  it('a 200 with an empty body is an empty result (GlobalSignOut answers like that)', async () => {
    const { backend } = kit();
    await backend.createUser({ username: 'empty', password });
    const auth = engine();
    await auth.signIn('empty', password);
    globalSignOutResponse = { status: 200, body: '' };

    await expect(auth.signOut({ global: true })).resolves.toBeUndefined();

    expect(backend.count('GlobalSignOut')).toBe(1);
    expect(auth.getState().status).toBe('signedOut');
  });

  it('an empty 200 where a result was expected resolves without delivery details instead of failing', async () => {
    forgotPasswordResponse = { status: 200, body: '' };
    const result = await engine().forgotPassword('anyone');
    expect(result).toEqual({
      CodeDeliveryDetails: undefined,
      codeDeliveryDetails: undefined,
      nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', codeDeliveryDetails: undefined },
    });
  });
});

describe('transport: failures below HTTP', () => {
  const kit = useEngineBackend();
  const servers: Server[] = [];

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  it('fetch rejecting (connection refused) becomes NetworkError with the engine operation as source and the TypeError as cause', async () => {
    const server = createServer();
    const endpoint = await listen(server);
    await close(server);
    const password = strongPassword();
    const auth = kit().auth({ config: { endpoint, authenticationFlowType: 'USER_PASSWORD_AUTH' } });

    const error = await authErrorOf(auth.signIn('nobody', password));

    expect(error).toMatchObject({ name: 'NetworkError', source: 'signIn', recoverySuggestion: expect.any(String) });
    expect(error.message).toBe(`InitiateAuth could not reach ${new URL(endpoint).host}`);
    expect(error.message).not.toContain(password);
    const inner = error.cause;
    expect(inner).toBeInstanceOf(AuthError);
    expect(inner).toMatchObject({ name: 'NetworkError', source: 'InitiateAuth' });
    expect((inner as AuthError).cause).toBeInstanceOf(TypeError);
    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: { name: 'NetworkError' } });
  });

  it('an injected fetch that rejects with TypeError("Failed to fetch") is a NetworkError too', async () => {
    const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await authErrorOf(kit().auth({ engine: { fetch: offline } }).forgotPassword('someone'));
    expect(error).toMatchObject({ name: 'NetworkError', source: 'forgotPassword', message: expect.stringContaining('ForgotPassword could not reach') });
  });

  it('a response cut off mid-body becomes NetworkError', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': '1000' });
        // Cut the connection once the head and half a body have left: the client has a response, then loses it.
        res.write('{"CodeDeliveryDetails":', () => res.socket?.destroy());
      });
    });
    servers.push(server);
    const endpoint = await listen(server);

    const error = await authErrorOf(kit().auth({ config: { endpoint } }).forgotPassword('someone'));

    expect(error).toMatchObject({ name: 'NetworkError', source: 'forgotPassword', message: 'ForgotPassword: the response was cut off' });
  });
});
