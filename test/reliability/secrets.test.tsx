// @vitest-environment jsdom
/**
 * No secret leaks. Runs the flow suite through the engine (secretFlows.ts) and the prebuilt UI,
 * collecting console output, every thrown error (message, stack, JSON, causes), every Hub event,
 * and every DOM attribute and text the UI ever rendered (a MutationObserver sees transient states
 * too), then searches all of it for every password, code and token the servers saw or issued.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { createFaultInjector } from '../backend/faults';
import { strongPassword } from '../backend/harness';
import { capturedOutput } from '../support/captureConsole';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { uniqueName, wrongCode } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { knownSecrets, leakedSecrets, registerSecret } from '../support/secrets';
import { click, expectAlert, findScreen, type } from '../ui/support';
import { Exposure, runEngineFlows } from './secretFlows';
import { tally } from './tally';

const faults = createFaultInjector();

describe('secrets never reach the console, errors, events or the DOM', () => {
  const kit = useEngineBackend({ intercept: faults.intercept });
  const exposure = new Exposure();
  const dom: string[] = [];
  let observer: MutationObserver | undefined;

  beforeAll(() => {
    observer = new MutationObserver((records) => {
      for (const record of records) {
        // The value before the change too: an attribute set and removed within one task is still seen.
        dom.push(record.oldValue ?? '');
        if (record.type === 'attributes' && record.target instanceof Element && record.attributeName) {
          dom.push(record.target.getAttribute(record.attributeName) ?? '');
        } else if (record.type === 'characterData') {
          dom.push(record.target.textContent ?? '');
        }
        for (const node of record.addedNodes) dom.push(node instanceof Element ? node.outerHTML : (node.textContent ?? ''));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true });
  });

  afterAll(() => {
    observer?.disconnect();
  });

  it('the engine flows: sign-up, confirm, SRP, attributes, refresh, credentials, password change, TOTP, faults, reset, SMS MFA', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    await runEngineFlows(k, faults, exposure);
    expect(exposure.errors).toBeGreaterThanOrEqual(15);
  });

  it('the UI flows: sign-up with a wrong code, sign-in with a wrong password, SMS MFA, password reset', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    const username = uniqueName('uiSecret');
    const password = strongPassword();
    registerSecret(password);
    const { unmount } = renderAuthenticator(k);
    await findScreen('Sign in to your account');
    click('tab', 'Create Account');
    await findScreen('Create your account');
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    type('Email', `${username}@example.com`);
    type('Phone Number', '+15555550123');
    click('button', 'Create Account');
    await findScreen('We Emailed You');
    const code = k.backend.lastCode(username, 'SIGN_UP');
    type('Confirmation Code', wrongCode(code));
    click('button', 'Confirm');
    await expectAlert('That code is not right. Check it and try again.');
    type('Confirmation Code', code);
    click('button', 'Confirm');
    // The auto sign-in after the confirmation (the sign-up password, kept in memory), then out again.
    expect(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5_000 })).toBeTruthy();
    click('button', 'Sign out');
    await findScreen('Sign in to your account');

    type('Username', username);
    type('Password', `${password}x`);
    registerSecret(`${password}x`);
    click('button', 'Sign in');
    await expectAlert('Incorrect username or password.');
    type('Password', password);
    click('button', 'Sign in');
    expect(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5_000 })).toBeTruthy();
    click('button', 'Sign out');
    await findScreen('Sign in to your account');
    unmount();

    // SMS MFA, then a password reset, for a user with MFA on.
    const mfaUser = uniqueName('uiSecret');
    await k.backend.createUser({ username: mfaUser, password, attributes: { email: `${mfaUser}@example.com`, phone_number: '+15555550123' }, mfa: { sms: true, preferred: 'SMS_MFA' } });
    renderAuthenticator(k);
    await findScreen('Sign in to your account');
    type('Username', mfaUser);
    type('Password', password);
    click('button', 'Sign in');
    await waitFor(() => expect(screen.getByLabelText('Code *')).toBeTruthy(), { timeout: 5_000 });
    const mfaCode = k.backend.lastCode(mfaUser, 'MFA');
    type('Code *', wrongCode(mfaCode));
    click('button', 'Confirm');
    await expectAlert('That code is not right. Check it and try again.');
    type('Code *', mfaCode);
    click('button', 'Confirm');
    expect(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5_000 })).toBeTruthy();
    click('button', 'Sign out');
    await findScreen('Sign in to your account');
    click('button', 'Forgot your password?');
    await findScreen('Reset Password');
    type('Enter your username', mfaUser);
    click('button', 'Send code');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy(), { timeout: 5_000 });
    const resetTo = strongPassword();
    registerSecret(resetTo);
    type('Code *', k.backend.lastCode(mfaUser, 'FORGOT_PASSWORD'));
    type('New Password', resetTo);
    type('Confirm Password', resetTo);
    click('button', 'Submit');
    await findScreen('Sign in to your account');
    dom.push(document.documentElement.outerHTML);
  });

  it('finds none of the passwords, codes and tokens in any of it (and would find one)', () => {
    const secrets = knownSecrets();
    const codes = kit().backend.codes().map((sent) => sent.code);
    // The search is not vacuous: it holds passwords, codes and tokens of both flows.
    expect(secrets.length).toBeGreaterThan(40);
    expect(codes.length).toBeGreaterThanOrEqual(7);
    for (const code of codes) expect(secrets).toContain(code);
    expect(secrets.some((value) => value.startsWith('eyJ'))).toBe(true);

    const haystacks = { console: capturedOutput(), errors: exposure.texts.join('\n'), dom: dom.join('\n') };
    expect(haystacks.dom.length).toBeGreaterThan(10_000);
    expect(leakedSecrets(`${haystacks.errors}${secrets[0]}`, secrets)).toHaveLength(1);

    const found = Object.entries(haystacks).map(([where, text]) => [where, leakedSecrets(text, secrets).length] as const);
    const total = found.reduce((sum, [, n]) => sum + n, 0);
    tally('secretsFound', total);
    // Counts only: printing a found secret would be the leak again.
    expect(Object.fromEntries(found)).toEqual({ console: 0, errors: 0, dom: 0 });
  });
});

function renderAuthenticator(k: EngineTestKit) {
  return render(
    <AuthProvider config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' })} options={{ now: k.clock.now }}>
      <Authenticator signUpAttributes={['email', 'phone_number']} />
    </AuthProvider>,
    { reactStrictMode: true }, // as the shared wrappers (test/react/support.tsx) render
  );
}
