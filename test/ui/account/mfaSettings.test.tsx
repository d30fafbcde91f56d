// @vitest-environment jsdom
/**
 * <MfaSettings> on the test backend: an authenticator app set up with its first code and made
 * preferred, email codes turned on and off, a wrong code kept for correction; axe on each state.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MfaSettings } from '../../../src/ui/index';
import { en } from '../../../src/ui/i18n/en';
import { totpCode } from '../../backend/totp';
import { useEngineBackend } from '../../support/engine';
import { RecordingStorage } from '../../support/recordingStorage';
import { axeViolations, expectAlert } from '../support';
import { renderSignedIn, signedInUser } from './support';

describe('<MfaSettings>', () => {
  const kit = useEngineBackend({ mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function setUpTotp(): Promise<string> {
    const heading = await screen.findByRole('heading', { name: en['setupTotp.heading'] });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    return document.querySelector('.crk-secret__value')?.textContent ?? '';
  }

  it('sets up an authenticator app (QR code, key, first code), then makes it the preferred method', async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'mft');
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <MfaSettings totpIssuer="My App" onSuccess={onSuccess} />);
    await user.click(await screen.findByRole('button', { name: 'Turn on Authenticator app' }));
    expect(await axeViolations(container)).toEqual([]);

    const secret = await setUpTotp();
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    expect(await screen.findByRole('img', { name: en['setupTotp.qrLabel'] })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    await user.type(screen.getByLabelText('Code'), await totpCode(secret, k.backend.now()));
    await user.click(screen.getByRole('button', { name: en['setupTotp.submit'] }));

    expect(await screen.findByText(en['account.mfa.totpReady'])).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: en['account.mfa.heading'] }));
    expect(k.backend.getUser(username)?.mfa.totp).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Make Authenticator app preferred' }));

    expect(await screen.findByText('Authenticator app is now preferred.')).toBeTruthy();
    expect(k.backend.getUser(username)?.mfa.preferred).toBe('SOFTWARE_TOKEN_MFA');
    expect(screen.queryByRole('button', { name: 'Make Authenticator app preferred' })).toBeNull();
    expect(onSuccess).toHaveBeenCalledTimes(2);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a wrong first code shows the error and keeps the code; Cancel closes the set-up without turning TOTP on', async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'mfw');
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <MfaSettings />);
    await user.click(await screen.findByRole('button', { name: 'Turn on Authenticator app' }));
    await setUpTotp();
    await user.type(screen.getByLabelText('Code'), '000000');
    await user.click(screen.getByRole('button', { name: en['setupTotp.submit'] }));

    // Cognito's VerifySoftwareToken names a wrong code EnableSoftwareTokenMFAException.
    await expectAlert(en['error.EnableSoftwareTokenMFAException']);
    expect((screen.getByLabelText('Code') as HTMLInputElement).value).toBe('000000');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Turn on Authenticator app' })).toBeTruthy();
    expect(k.backend.getUser(username)?.mfa.totp).toBe(false);
  });

  it('turns email codes on and off at Cognito, saying so each time', async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'mfe');
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <MfaSettings methods={['EMAIL']} />);
    await user.click(await screen.findByRole('button', { name: 'Turn on Email' }));

    expect(await screen.findByText('Email is on.')).toBeTruthy();
    expect(k.backend.getUser(username)?.mfa.email).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Turn off Email' }));
    expect(await screen.findByText('Email is off.')).toBeTruthy();
    expect(k.backend.getUser(username)?.mfa.email).toBe(false);
  });

  it('shows what Cognito has: a user with SMS preferred sees it on and preferred', async () => {
    const k = kit();
    const { auth } = await signedInUser(k, 'mfs', { attributes: { phone_number: '+15555550123', phone_number_verified: 'true' } });
    await auth.updateMFAPreference({ sms: 'PREFERRED' });
    renderSignedIn(auth, <MfaSettings />);
    expect(await screen.findByRole('button', { name: 'Turn off Text message (SMS)' })).toBeTruthy();
    expect(document.querySelector('[data-preferred="true"]')?.textContent).toContain(en['account.mfa.preferred']);
  });
});
