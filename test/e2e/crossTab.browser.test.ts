import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { useChromiumSite } from './chromiumSite';
import { untilRefreshIsDue } from './refreshDue';

interface CrossTabApi {
  start(config: object): string;
  signIn(username: string, password: string): Promise<boolean>;
  accessToken(): Promise<string>;
  signOut(): Promise<void>;
  status(): string;
}
const api = (page: Page) => ({
  start: (config: object) => page.evaluate((c) => (window as unknown as { crossTab: CrossTabApi }).crossTab.start(c), config),
  signIn: (u: string, p: string) => page.evaluate(([a, b]) => (window as unknown as { crossTab: CrossTabApi }).crossTab.signIn(a, b), [u, p] as const),
  accessToken: () => page.evaluate(() => (window as unknown as { crossTab: CrossTabApi }).crossTab.accessToken()),
  signOut: () => page.evaluate(() => (window as unknown as { crossTab: CrossTabApi }).crossTab.signOut()),
  status: () => page.evaluate(() => (window as unknown as { crossTab: CrossTabApi }).crossTab.status()),
});

// Two tabs of one origin share localStorage: one refresh for both (Web Locks + re-read), and a
// sign-in or sign-out in one shows in the other (storage events).
describe('two tabs of one origin (Chromium)', () => {
  // 4 s tokens: the test waits for them to near expiry in real time, once.
  const running = useBackend({ deviceTracking: false, tokenValidity: { accessTokenSeconds: 4, idTokenSeconds: 4 } });
  const password = strongPassword();
  registerSecret(password);
  const chromium = useChromiumSite(resolve(__dirname, 'coreBrowser'));

  beforeAll(async () => {
    await running().backend.createUser({ username: 'tab', password });
  });

  it('refreshes once for two tabs that need it at the same moment, and signs out everywhere', async () => {
    const { backend, url } = running();
    const config = {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
    };
    const [one, two] = [await chromium().context.newPage(), await chromium().context.newPage()];
    for (const page of [one, two]) {
      await page.goto(chromium().url);
      await page.waitForFunction(() => 'crossTab' in window);
    }
    expect(await api(one).start(config)).toBe('signedOut');
    expect(await api(two).start(config)).toBe('signedOut');

    await api(one).signIn('tab', password);
    await expect.poll(() => api(two).status(), { timeout: 2000 }).toBe('signedIn');

    // Until both tabs are past the refresh point (refreshMarginSeconds: 1 in coreBrowser/main.js).
    await untilRefreshIsDue([one, two], backend.config.clientId, 1);
    backend.resetCounts();
    const [a, b] = await Promise.all([api(one).accessToken(), api(two).accessToken()]);
    expect(backend.count('InitiateAuth')).toBe(1);
    expect(a).toBe(b);

    await api(two).signOut();
    await expect.poll(() => api(one).status(), { timeout: 2000 }).toBe('signedOut');
  });
});
