import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, fetchHandler, startBackend } from './index';
import { createFaultInjector } from './faults';

const TARGET = 'AWSCognitoIdentityProviderService.';

describe('fault injection', () => {
  const faults = createFaultInjector({ slowMs: 30, hangMs: 2_000 });
  let running: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    running = await startBackend({ intercept: faults.intercept });
  });
  afterAll(async () => {
    faults.release();
    await running.close();
  });

  function post(operation: string, signal?: AbortSignal): Promise<Response> {
    return fetch(running.url, {
      method: 'POST',
      headers: { 'X-Amz-Target': `${TARGET}${operation}`, 'Content-Type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ ClientId: running.backend.config.clientId, Username: 'nobody' }),
      ...(signal ? { signal } : {}),
    });
  }

  it('fires on the nth matching request for `times` requests, then lets requests through', async () => {
    faults.arm({ kind: 'tooManyRequests', operation: 'ForgotPassword', nth: 2, times: 2 });
    const statuses: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) {
      await post('GetUser');
      const res = await post('ForgotPassword');
      statuses.push(res.headers.get('x-amzn-errortype'));
    }
    faults.disarm();
    expect(statuses.map((type) => type?.split(':')[0] ?? null)).toEqual([
      'UserNotFoundException',
      'TooManyRequestsException',
      'TooManyRequestsException',
      'UserNotFoundException',
    ]);
  });

  it('answers 500, 503, malformed JSON and LimitExceeded as a server or proxy would', async () => {
    const seen: Record<string, [number, string]> = {};
    for (const kind of ['http500', 'http503', 'malformedJson', 'limitExceeded'] as const) {
      faults.arm({ kind });
      const res = await post('ForgotPassword');
      seen[kind] = [res.status, (await res.text()).slice(0, 20)];
    }
    faults.disarm();
    expect(seen).toEqual({
      http500: [500, '{"__type":"InternalE'],
      http503: [503, '<html><body>503 Serv'],
      malformedJson: [200, '{"AuthenticationResu'],
      limitExceeded: [400, '{"__type":"LimitExce'],
    });
  });

  it('resets the connection: fetch rejects without a response', async () => {
    faults.arm({ kind: 'reset' });
    await expect(post('ForgotPassword')).rejects.toBeInstanceOf(TypeError);
    faults.disarm();
  });

  it('hangs until released (then resets), and counts what fired', async () => {
    const before = faults.fired().hang;
    faults.arm({ kind: 'hang' });
    const pending = post('ForgotPassword').then(
      () => 'answered',
      () => 'dropped',
    );
    // Not "nothing came back within 100 ms": the hang has fired (the request is held), and a later
    // request to the same server (the rule fires once) has been answered while it is still held.
    await vi.waitFor(() => expect(faults.fired().hang).toBe(before + 1));
    const later = post('ForgotPassword').then(() => 'still waiting');
    const raced = await Promise.race([pending, later]);
    expect(raced).toBe('still waiting');
    faults.release();
    expect(await pending).toBe('dropped');
    expect(faults.fired().hang).toBe(before + 1);
    faults.disarm();
  });

  it('slow answers normally, later', async () => {
    faults.arm({ kind: 'slow' });
    const started = Date.now();
    const res = await post('ForgotPassword');
    faults.disarm();
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('through fetchHandler a reset rejects like fetch does', async () => {
    const local = createFaultInjector();
    const handler = fetchHandler(createBackend({ intercept: local.intercept }));
    local.arm({ kind: 'reset' });
    await expect(
      handler(new Request('https://cognito-idp.us-east-1.amazonaws.com/', { method: 'POST', headers: { 'X-Amz-Target': `${TARGET}GetUser` }, body: '{}' })),
    ).rejects.toBeInstanceOf(TypeError);
  });
});
