import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strongPassword, useBackend } from '../backend/harness';
import { registerSecret } from '../support/secrets';
import { useChromiumSite } from '../e2e/chromiumSite';
import { TestClock } from '../support/engine';

type CallerResult = { token: string } | { error: string };
interface RotationApi {
  hasWebLocks(): boolean;
  start(config: object): string;
  signIn(username: string, password: string): Promise<boolean>;
  status(): string;
  skip(ms: number): void;
  callers(n: number): Promise<CallerResult[]>;
  failures(): string[];
}
type Win = { rotation: RotationApi };
const api = (page: Page) => ({
  hasWebLocks: () => page.evaluate(() => (window as unknown as Win).rotation.hasWebLocks()),
  start: (config: object) => page.evaluate((c) => (window as unknown as Win).rotation.start(c), config),
  signIn: (u: string, p: string) => page.evaluate(([a, b]) => (window as unknown as Win).rotation.signIn(a, b), [u, p] as const),
  status: () => page.evaluate(() => (window as unknown as Win).rotation.status()),
  skip: (ms: number) => page.evaluate((m) => (window as unknown as Win).rotation.skip(m), ms),
  callers: (n: number) => page.evaluate((count) => (window as unknown as Win).rotation.callers(count), n),
  failures: () => page.evaluate(() => (window as unknown as Win).rotation.failures()),
});

const TABS = 3;
const CALLERS_PER_TAB = 20;

// Rotation makes a second refresh with the same token dangerous (RefreshTokenReuseException once the
// grace period is over, and a revoked family with reuse detection), so tabs must refresh once: the
// Web Lock serialises them and the waiting tabs adopt the stored result, whose refresh token changed.
describe(`refresh-token rotation: ${TABS} tabs × ${CALLERS_PER_TAB} callers (Chromium)`, () => {
  // Time passes for the backend as for the tabs (a page's skip alone would be a device clock jump).
  const clock = new TestClock();
  const running = useBackend({ deviceTracking: false, refreshTokenRotation: { retryGracePeriodSeconds: 60 }, now: clock.now });
  const password = strongPassword();
  registerSecret(password);
  const chromium = useChromiumSite(resolve(__dirname, 'rotationPage'));

  beforeAll(async () => {
    await running().backend.createUser({ username: 'rota', password });
  });

  it('sends exactly 1 GetTokensFromRefreshToken and gets 0 reuse errors; every caller gets the same new tokens', async () => {
    const { backend, url } = running();
    const config = {
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      authenticationFlowType: 'USER_PASSWORD_AUTH',
      refreshTokenRotation: true,
    };
    const pages: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const page = await chromium().context.newPage();
      await page.goto(chromium().url);
      await page.waitForFunction(() => 'rotation' in window);
      pages.push(page);
    }
    expect(await api(pages[0]!).hasWebLocks()).toBe(true);
    for (const page of pages) expect(await api(page).start(config)).toBe('signedOut');
    expect(await api(pages[0]!).signIn('rota', password)).toBe(true);
    for (const page of pages) await expect.poll(() => api(page).status(), { timeout: 3000 }).toBe('signedIn');

    // Two hours later on every tab's clock: the 1 h tokens have expired everywhere at once.
    clock.advance(2 * 3_600_000);
    for (const page of pages) await api(page).skip(2 * 3_600_000);
    backend.resetCounts();
    const results = (await Promise.all(pages.map((page) => api(page).callers(CALLERS_PER_TAB)))).flat();

    expect(results).toHaveLength(TABS * CALLERS_PER_TAB);
    expect(results.filter((r) => 'error' in r)).toEqual([]);
    expect(new Set(results.map((r) => ('token' in r ? r.token : ''))).size).toBe(1);
    expect(backend.count('GetTokensFromRefreshToken')).toBe(1);
    expect(backend.count('InitiateAuth')).toBe(0);
    expect(backend.refreshTokenReuses()).toBe(0);
    for (const page of pages) {
      expect(await api(page).failures()).toEqual([]);
      expect(await api(page).status()).toBe('signedIn');
    }
  });
});
