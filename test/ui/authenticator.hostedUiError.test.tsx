// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { APP, CALLBACK, FakeBrowser, hostedUiKit, SIGNED_OUT } from '../support/fakeBrowser';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, expectAlert, findScreen } from './support';

// A refused hosted-UI callback lands on the redirect page signed out: the Sign In screen says why,
// in the Authenticator's language, as it does when Cognito ends a pending step.
describe('<Authenticator> on a refused hosted-UI callback', () => {
  const kit = useEngineBackend({ oauth: { callbackUrls: [CALLBACK], logoutUrls: [SIGNED_OUT] } });
  const ui = hostedUiKit(kit);
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('rita')) await k.backend.createUser({ username: 'rita', password });
  });

  /** The callback of a hosted-UI sign-in the user cancelled (our state, `error=access_denied`), loaded in its tab. */
  async function cancelledCallback(): Promise<FakeBrowser> {
    const browser = new FakeBrowser(`${APP}/`);
    await ui.engine(browser).federatedSignIn();
    const state = browser.navigation().searchParams.get('state')!;
    browser.load(`${CALLBACK}?error=access_denied&error_description=${encodeURIComponent('User cancelled the login')}&state=${state}`);
    return browser;
  }

  const languages: [string | undefined, string, string][] = [
    [undefined, 'Sign in to your account', 'Sign-in with a provider could not be completed.'],
    ['de', 'Melden Sie sich mit Ihrem Account an', 'Die Anmeldung über einen Anbieter konnte nicht abgeschlossen werden.'],
  ];
  it.each(languages)('language %s: the Sign In screen shows the translated error, not the provider’s text', async (language, heading, message) => {
    const browser = await cancelledCallback();
    const { container } = render(
      <AuthProvider config={kit().config({ oauth: ui.oauth() })} options={{ now: kit().clock.now, environment: browser.environment }}>
        <Authenticator {...(language ? { language } : {})} />
      </AuthProvider>,
      { reactStrictMode: true },
    );

    await findScreen(heading);
    await expectAlert(message);
    expect(container.textContent).not.toContain('User cancelled');
    expect(browser.url).toBe(CALLBACK);
    expect(await axeViolations(container)).toEqual([]);
  });

});
