/**
 * The engine as an app bundles it (dist/core.js), in Chromium, under faults injected into the test
 * backend: a hang ends with the browser's fetch aborted by the timeout, a reset is a NetworkError,
 * `auth.abort()` cancels a real in-flight browser request, an idempotent read is retried.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultInjector } from '../backend/faults';
import { strongPassword, useBackend } from '../backend/harness';
import { launchChromium } from '../e2e/chromium';
import { servePage } from '../e2e/pageServer';
import { registerSecret } from '../support/secrets';
import { tally } from './tally';

interface Outcome {
  ok?: true;
  error?: { name: string; message: string; source: string; isAuthError: boolean };
  status: string;
}
interface PageApi {
  faults: {
    start(config: object): string;
    call(method: string, args: unknown[]): null;
    outcome(): Promise<Outcome>;
    abort(): void;
  };
}

describe('faults against the engine in a real browser', () => {
  const faults = createFaultInjector({ hangMs: 10_000 });
  const running = useBackend({ deviceTracking: false, intercept: faults.intercept });
  const password = strongPassword();
  registerSecret(password);
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let tab: Page;
  let injected = 0;
  let handled = 0;

  beforeAll(async () => {
    site = await servePage(resolve(__dirname, 'faultsBrowser'));
    browser = await launchChromium();
    await running().backend.createUser({ username: 'bea', password, attributes: { email: 'bea@example.com' } });
    tab = await browser.newPage();
    await tab.goto(site.url);
    await tab.waitForFunction(() => typeof (window as unknown as PageApi).faults === 'object');
    const { backend, url } = running();
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, authenticationFlowType: 'USER_PASSWORD_AUTH' };
    await tab.evaluate((c) => (window as unknown as PageApi).faults.start(c), config);
  }, 120_000);

  afterAll(async () => {
    faults.release();
    tally('faultsInjected', injected);
    tally('faultsHandled', handled);
    await browser?.close();
    await site?.close();
  });

  async function run(method: string, args: unknown[], during?: () => Promise<void>): Promise<Outcome> {
    await tab.evaluate(([m, a]) => (window as unknown as PageApi).faults.call(m, a), [method, args] as const);
    await during?.();
    return tab.evaluate(() => (window as unknown as PageApi).faults.outcome());
  }

  it('a hang times out as NetworkError; a reset is a NetworkError; neither is retried for ForgotPassword', async () => {
    const { backend } = running();
    backend.resetCounts();
    injected += 2;
    faults.arm({ kind: 'hang', operation: 'ForgotPassword' });
    const hung = await run('forgotPassword', ['bea']);
    faults.arm({ kind: 'reset', operation: 'ForgotPassword' });
    const reset = await run('forgotPassword', ['bea']);
    faults.disarm();

    expect(hung.error).toMatchObject({ name: 'NetworkError', message: 'ForgotPassword timed out after 1000 ms', source: 'forgotPassword' });
    expect(reset.error).toMatchObject({ name: 'NetworkError', source: 'forgotPassword' });
    expect(backend.count('ForgotPassword')).toBe(2);
    handled += 2;
  });

  it('auth.abort() cancels an in-flight sign-in in the browser; the next one signs in', async () => {
    const { backend } = running();
    backend.resetCounts();
    injected += 1;
    faults.arm({ kind: 'hang', operation: 'InitiateAuth' });
    const aborted = await run('signIn', ['bea', password], async () => {
      await expect.poll(() => backend.count('InitiateAuth')).toBe(1);
      await tab.evaluate(() => (window as unknown as PageApi).faults.abort());
    });
    faults.disarm();

    expect(aborted).toMatchObject({ error: { name: 'AbortError', source: 'signIn', isAuthError: true }, status: 'signedOut' });
    expect(aborted.error?.message).not.toContain(password);
    expect(await run('signIn', ['bea', password])).toMatchObject({ ok: true, status: 'signedIn' });
    handled += 1;
  });

  it('an idempotent read (GetUser) that hangs once is retried and succeeds', async () => {
    const { backend } = running();
    backend.resetCounts();
    injected += 1;
    faults.arm({ kind: 'hang', operation: 'GetUser' });
    const outcome = await run('currentUserInfo', []);
    faults.disarm();

    expect(outcome).toMatchObject({ ok: true, status: 'signedIn' });
    expect(backend.count('GetUser')).toBe(2);
    handled += 1;
  });
});
