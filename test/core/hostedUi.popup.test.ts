// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { completeHostedUi } from '../backend/hostedUi';
import { useEngineBackend } from '../support/engine';
import { APP, CALLBACK, FakeBrowser, hostedUiKit } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';
import { registerSecret } from '../support/secrets';

const MESSAGE = 'cognito-react-kit:oauth-callback';

/** The popup window as the opener sees it: where it was sent, whether it is closed. */
class FakePopup {
  closed = false;
  readonly visited: string[] = [];
  readonly location = { replace: (url: string) => void this.visited.push(url) };
  close(): void {
    this.closed = true;
  }
  moveTo(): void {}
}

/** The relayed answer as the browser delivers it to the opener's window. */
function relay(from: unknown, url: string, origin = window.location.origin): void {
  window.dispatchEvent(new MessageEvent('message', { origin, source: from as Window, data: { type: MESSAGE, url } }));
}

// The engine's side of popup sign-in, on jsdom's window (its origin is the app's, http://localhost:3000),
// against the test backend's hosted UI; Chromium proves the browser's part (test/e2e/popup.browser.test.ts).
describe('hosted UI in a popup: the engine', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [`${APP}/signed-out`] } });
  const ui = hostedUiKit(kit);
  const password = strongPassword();
  registerSecret(password);
  let popup: FakePopup;

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('yuki')) await k.backend.createUser({ username: 'yuki', password, attributes: { email: 'yuki@example.com' } });
    k.backend.resetCounts();
    popup = new FakePopup();
    vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    Reflect.deleteProperty(window, 'opener');
  });

  /** Starts the popup sign-in and waits until the popup is on its way to the hosted UI. */
  async function startPopup(auth: Auth, timeoutMs?: number): Promise<{ outcome: Promise<unknown>; authorizeUrl: string }> {
    const outcome = auth.federatedSignIn({ popup: timeoutMs === undefined ? true : { timeoutMs }, customState: '/inbox' }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    expect(window.open).toHaveBeenCalledTimes(1); // in the caller's task, before any await
    await vi.waitFor(() => expect(popup.visited).toHaveLength(1));
    return { outcome, authorizeUrl: popup.visited[0]! };
  }

  it('opens the popup at once, exchanges the relayed answer with the redirect flow checks, and leaves the page and its address bar alone', async () => {
    const browser = new FakeBrowser(`${APP}/inbox`);
    const auth = ui.engine(browser);
    const events = kit().events(auth);
    const { outcome, authorizeUrl } = await startPopup(auth);
    expect(new URL(authorizeUrl).searchParams.get('state')).toMatch(/^popup\./);

    relay(popup, await completeHostedUi(authorizeUrl, { username: 'yuki', password }));

    expect(await outcome).toEqual({ result: { isSignedIn: true, nextStep: { signInStep: 'DONE' } } });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username: 'yuki' } });
    expect(events.map((e) => e.event)).toEqual(['signIn', 'cognitoHostedUI', 'customOAuthState']);
    expect(kit().backend.count('oauth2/token')).toBe(1);
    expect(browser.navigations).toEqual([]);
    expect(browser.replaced).toEqual([]);
    expect(browser.transientKeys()).toEqual([]);
    expect(popup.closed).toBe(true);
  });

  it('times out (fake timers): OAuthPopupTimeout, the popup closed, no timer, record or listener left (a late answer changes nothing)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    const events = kit().events(auth);
    const { outcome, authorizeUrl } = await startPopup(auth, 60_000);
    const callback = await completeHostedUi(authorizeUrl, { username: 'yuki', password });

    await vi.advanceTimersByTimeAsync(60_000);

    expect(await outcome).toMatchObject({ error: { name: 'OAuthPopupTimeout', source: 'federatedSignIn' } });
    expect(popup.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(browser.transientKeys()).toEqual([]);
    expect(events.map((e) => e.event)).toEqual(['signIn_failure']);
    relay(popup, callback);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(kit().backend.count('oauth2/token')).toBe(0);
    expect(auth.getState().status).toBe('signedOut');
  });

  it('a popup the user closed: OAuthPopupClosed within a second, nothing left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    const { outcome } = await startPopup(auth);

    popup.closed = true;
    await vi.advanceTimersByTimeAsync(1_000);

    expect(await outcome).toMatchObject({ error: { name: 'OAuthPopupClosed', source: 'federatedSignIn' } });
    expect(vi.getTimerCount()).toBe(0);
    expect(browser.transientKeys()).toEqual([]);
  });

  it('ignores an answer from another origin, another window or another sign-in, and still takes the real one', async () => {
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    const { outcome, authorizeUrl } = await startPopup(auth);
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    const forged = `${CALLBACK}?code=forged&state=${encodeURIComponent(state)}`;

    relay(popup, forged, 'https://evil.example');
    relay(window, forged);
    relay(popup, `${CALLBACK}?code=forged&state=popup.another-sign-in`);
    relay(popup, `${CALLBACK}?code=forged`);
    // Had any of them been taken, the real answer below would find no pending sign-in (and the forged code would have been sent).

    expect(kit().backend.count('oauth2/token')).toBe(0);
    expect(browser.transientKeys()).toHaveLength(1);
    expect(popup.closed).toBe(false);
    relay(popup, await completeHostedUi(authorizeUrl, { username: 'yuki', password }));
    expect(await outcome).toMatchObject({ result: { isSignedIn: true } });
    expect(kit().backend.count('oauth2/token')).toBe(1);
  });

  it('a blocked popup: OAuthPopupBlocked with signIn_failure, nothing pending', async () => {
    vi.mocked(window.open).mockImplementation(() => null);
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    const events = kit().events(auth);

    await expect(auth.federatedSignIn({ provider: 'Google', popup: true })).rejects.toMatchObject({ name: 'OAuthPopupBlocked', source: 'federatedSignIn' });
    expect(events.map((e) => e.event)).toEqual(['signIn_failure']);
    expect(browser.transientKeys()).toEqual([]);
    expect(browser.navigations).toEqual([]);
  });

  it('already signed in: the popup opened for the call is closed again', async () => {
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    await auth.signIn({ username: 'yuki', password });
    await expect(auth.federatedSignIn({ popup: true })).rejects.toMatchObject({ name: 'UserAlreadyAuthenticatedException' });
    expect(popup.closed).toBe(true);
  });

  it('on the callback page inside the popup: relays to the opener at its own origin, closes, never exchanges (even holding the record)', async () => {
    const opener = { postMessage: vi.fn() };
    Object.defineProperty(window, 'opener', { value: opener, configurable: true });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    // The opener's tab, up to the hosted UI's answer; then the popup's page, with a copy of that sessionStorage.
    const openerTab = new FakeBrowser(`${APP}/`);
    const { authorizeUrl } = await startPopup(ui.engine(openerTab));
    const callback = await completeHostedUi(authorizeUrl, { username: 'yuki', password });
    const popupTab = new FakeBrowser(callback, openerTab.transientStorage);

    const engineInPopup = ui.engine(popupTab);
    expect(engineInPopup.getState().status).toBe('loading');
    engineInPopup.start();

    await vi.waitFor(() => expect(opener.postMessage).toHaveBeenCalledWith({ type: MESSAGE, url: callback }, window.location.origin));
    expect(close).toHaveBeenCalled();
    expect(await engineInPopup.handleRedirect()).toBeNull();
    expect(kit().backend.count('oauth2/token')).toBe(0);
    expect(popupTab.transientKeys()).toHaveLength(1); // the opener's record, untouched
    engineInPopup.stop();
  });
});
