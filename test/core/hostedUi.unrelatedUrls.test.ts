import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth, AuthStatus } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { APP, FakeBrowser, hostedUiKit, type HostedUiEngineOptions } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';

// The app's home page is its redirect page, as in many single-page apps.
const HOME = `${APP}/`;
const ON_HOME: HostedUiEngineOptions = { oauth: { redirectSignIn: HOME, redirectSignOut: HOME } };

// A URL is our callback only when its state answers the flow pending in this tab. Every other URL
// with `code` or `state` in its query belongs to the app: no loading, no error, no rewrite, flow kept.
describe('hosted UI: URLs that are not our callback', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [HOME], logoutUrls: [HOME] } });
  const ui = hostedUiKit(kit);
  const password = strongPassword();
  const hana = { username: 'hana', password };

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('hana')) await k.backend.createUser({ username: 'hana', password });
    k.backend.resetCounts();
  });

  /** A started engine on `browser`'s page, and every status it went through. */
  function started(browser: FakeBrowser): { auth: Auth; statuses: AuthStatus[] } {
    const auth = ui.engine(browser, ON_HOME);
    const statuses: AuthStatus[] = [auth.getState().status];
    auth.subscribe(() => statuses.push(auth.getState().status));
    return { auth, statuses };
  }

  it('a signed-in user opening /?code=PROMO10 on the redirect page stays signed in: no loading, no error, the parameter kept', async () => {
    const k = kit();
    const browser = new FakeBrowser(HOME);
    await ui.signIn(browser, hana, {}, ON_HOME);
    k.backend.resetCounts();

    browser.load(`${HOME}?code=PROMO10`);
    const { auth, statuses } = started(browser);
    const seen = k.events(auth);

    // The same URL's outcome the started engine would have (one per URL): awaiting it awaits start()'s.
    await expect(auth.handleRedirect()).resolves.toBeNull();
    expect(statuses.every((status) => status === 'signedIn')).toBe(true);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', error: null, user: { username: 'hana' } });
    expect(seen).toEqual([]);
    expect(browser.replaced).toEqual([]);
    expect(browser.url).toBe(`${HOME}?code=PROMO10`);
    expect(k.backend.count()).toBe(0);
  });

  it('a search page ?state=CA during a pending sign-in is no callback: the flow record is kept and the real callback then completes', async () => {
    const k = kit();
    const browser = new FakeBrowser(HOME);
    const callback = await ui.authorize(browser, hana, {}, ON_HOME);
    const pending = browser.flowRecord();

    for (const url of [`${HOME}?state=CA`, `${HOME}?code=PROMO10`, `${HOME}?code=PROMO10&state=CA`]) {
      browser.load(url);
      const { auth, statuses } = started(browser);
      const seen = k.events(auth);
      await expect(auth.handleRedirect()).resolves.toBeNull();
      expect(statuses.every((status) => status === 'signedOut')).toBe(true);
      expect(auth.getState().error).toBeNull();
      expect(seen).toEqual([]);
      expect(browser.url).toBe(url);
      expect(browser.flowRecord()).toEqual(pending);
    }
    expect(k.backend.count('oauth2/token')).toBe(0);

    browser.load(callback);
    const { auth } = started(browser);
    await expect(auth.handleRedirect()).resolves.toMatchObject({ isSignedIn: true });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'hana' } });
    expect(browser.url).toBe(HOME);
  });
});
