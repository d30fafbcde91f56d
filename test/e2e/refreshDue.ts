import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { AuthSession } from '../../src/core/index';

/**
 * Whether a tab's engine would refresh its session if asked now. The session a tab's engine holds is
 * the one in the tab's localStorage (the tab that signed in or refreshed stored it, the others
 * adopted it from there), judged as the engine judges it: `AuthSession.isValid` with the stored
 * clock drift, on the tab's clock, with the engine's margin (min(refreshMarginSeconds, lifetime / 2)).
 */
export async function refreshIsDue(page: Page, clientId: string, marginSeconds: number): Promise<boolean> {
  const stored = await page.evaluate((prefix) => {
    const user = window.localStorage.getItem(`${prefix}.LastAuthUser`);
    const item = (name: string) => window.localStorage.getItem(`${prefix}.${user}.${name}`);
    return user ? { idToken: item('idToken'), accessToken: item('accessToken'), clockDrift: item('clockDrift'), now: Date.now() } : null;
  }, `CognitoIdentityServiceProvider.${clientId}`);
  if (!stored?.idToken || !stored.accessToken) throw new Error('the tab has no stored session');
  const clockDrift = Number.parseInt(stored.clockDrift ?? '', 10);
  const session = new AuthSession({ idToken: stored.idToken, accessToken: stored.accessToken, clockDrift: Number.isFinite(clockDrift) ? clockDrift : 0 });
  return !session.isValid(stored.now, marginSeconds);
}

/**
 * Resolves once every tab would refresh its session if asked: the tokens have aged into the margin in
 * real time (the pages' clocks cannot be faked across tabs). Polls the real condition, so neither a
 * busy machine nor whole-second `iat`/drift rounding needs a guessed sleep.
 */
export async function untilRefreshIsDue(pages: Page[], clientId: string, marginSeconds: number, timeout = 10_000): Promise<void> {
  for (const page of pages) {
    await expect.poll(() => refreshIsDue(page, clientId, marginSeconds), { timeout, interval: 50 }).toBe(true);
  }
}
