// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations, click, expectAlert, findScreen, renderWithAuth, type } from './support';

describe('<Authenticator> contact verification (VerifyUser, ConfirmVerifyUser)', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function unverifiedUser(): Promise<string> {
    const username = uniqueName('vic');
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com`, email_verified: 'false' } });
    return username;
  }

  async function signIn(username: string): Promise<void> {
    await findScreen('Sign in to your account');
    type('Username', username);
    type('Password', password);
    click('button', 'Sign in');
  }

  it('after sign-in, an unverified email is verified with the code it receives, then the app shows', async () => {
    const k = kit();
    const username = await unverifiedUser();
    const { container } = renderWithAuth(k, <Authenticator><p>The app</p></Authenticator>);
    await signIn(username);

    const heading = await findScreen('Account recovery requires verified contact information');
    expect(document.activeElement).toBe(heading);
    const choice = screen.getByRole('radio', { name: `Email: ${username}@example.com` });
    expect((choice as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByText('The app')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    click('button', 'Verify');

    // Amplify UI's heading is the same on both screens: the code field says the code was sent.
    await screen.findByLabelText('Code *');
    expect(screen.getByRole('heading', { name: 'Account recovery requires verified contact information' })).toBeTruthy();
    expect(screen.getByText(/enter the code we emailed to/)).toBeTruthy();
    type('Code *', '000000');
    click('button', 'Submit');
    await expectAlert('That code is not right. Check it and try again.');
    expect(await axeViolations(container)).toEqual([]);
    type('Code *', k.backend.lastCode(username, 'VERIFY_ATTRIBUTE'));
    click('button', 'Submit');

    expect(await screen.findByText('The app')).toBeTruthy();
    expect(k.backend.getUser(username)?.attributes['email_verified']).toBe('true');
  });

  it('"Skip" goes straight to the app and leaves the contact unverified', async () => {
    const k = kit();
    const username = await unverifiedUser();
    k.backend.resetCounts();
    renderWithAuth(k, <Authenticator><p>The app</p></Authenticator>);
    await signIn(username);
    await findScreen('Account recovery requires verified contact information');
    click('button', 'Skip');
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(k.backend.count('GetUserAttributeVerificationCode')).toBe(0);
    expect(k.backend.getUser(username)?.attributes['email_verified']).toBe('false');
  });

  it('"Skip" also works once the code was sent', async () => {
    const username = await unverifiedUser();
    renderWithAuth(kit(), <Authenticator><p>The app</p></Authenticator>);
    await signIn(username);
    await findScreen('Account recovery requires verified contact information');
    click('button', 'Verify');
    await screen.findByLabelText('Code *');
    click('button', 'Skip');
    expect(await screen.findByText('The app')).toBeTruthy();
  });

  it('a session restored when the page opens goes straight to the app', async () => {
    const k = kit();
    const username = await unverifiedUser();
    const first = renderWithAuth(k, <Authenticator><p>The app</p></Authenticator>);
    await signIn(username);
    await findScreen('Account recovery requires verified contact information');
    first.unmount();

    renderWithAuth(k, <Authenticator><p>The app</p></Authenticator>);
    expect(await screen.findByText('The app')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Account recovery requires verified contact information' })).toBeNull();
  });
});
