import { beforeEach, describe, expect, it } from 'vitest';
import { decodeJWT } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { completeHostedUi } from '../backend/hostedUi';
import { useEngineBackend } from '../support/engine';
import { authErrorOf } from '../support/engineAssertions';
import { APP, CALLBACK, FakeBrowser, hostedUiKit } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';

// The authorize request's options (v6's signInWithRedirect options and managed login's parameters).
describe('hosted UI: authorize options', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [`${APP}/signed-out`] } });
  const ui = hostedUiKit(kit);
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('iris')) await k.backend.createUser({ username: 'iris', password, attributes: { email: 'iris@example.com' } });
  });

  it('sends loginHint, lang, prompt and idpIdentifier as Cognito names them', async () => {
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).federatedSignIn({ loginHint: 'iris@example.com', lang: 'pt-BR', prompt: 'login', idpIdentifier: 'example.com' });
    const params = Object.fromEntries(browser.navigation().searchParams);
    expect(params).toMatchObject({ login_hint: 'iris@example.com', lang: 'pt-BR', prompt: 'login', idp_identifier: 'example.com' });
  });

  it("uses the app's nonce, and the id token must carry it", async () => {
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).federatedSignIn({ nonce: 'app-nonce-4f1c' });
    expect(browser.navigation().searchParams.get('nonce')).toBe('app-nonce-4f1c');
    const callback = await completeHostedUi(browser.navigation().toString(), { username: 'iris', password });
    browser.load(callback);
    const auth = ui.engine(browser);
    expect(await auth.handleRedirect()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(decodeJWT((await auth.currentSession()).idToken).payload['nonce']).toBe('app-nonce-4f1c');
  });

  it('refuses a prompt Cognito does not know, or an empty option, before navigating', async () => {
    const browser = new FakeBrowser(`${APP}/`);
    const auth = ui.engine(browser);
    const prompt = await authErrorOf(auth.federatedSignIn({ prompt: 'always' as never }));
    expect(prompt).toMatchObject({ name: 'InvalidArgument', message: 'prompt must be one of login, none, consent, select_account.' });
    const hint = await authErrorOf(auth.federatedSignIn({ loginHint: ' ' }));
    expect(hint).toMatchObject({ name: 'InvalidArgument', message: 'loginHint must be a non-empty string.' });
    expect((await authErrorOf(auth.federatedSignIn({ nonce: '' }))).message).toBe('nonce must be a non-empty string.');
    expect(browser.navigations).toEqual([]);
  });
});
