// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PasskeyClient } from '../../src/core/index';
import { useAuth, useAuthAction } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { SoftAuthenticator } from '../support/softAuthenticator';
import { providerSetup, renderWithProvider, storeSession } from './support';

const ORIGIN = 'http://localhost:5173';

/** An account page on the hooks alone: email MFA on, a passkey added, both read back from Cognito. */
function AccountPage() {
  const update = useAuthAction('updateMFAPreference');
  const fetchMfa = useAuthAction('fetchMFAPreference');
  const addPasskey = useAuthAction('associateWebAuthnCredential');
  const { listWebAuthnCredentials } = useAuth();
  const [seen, setSeen] = useState('');
  const refresh = async () => {
    const [mfa, passkeys] = await Promise.all([fetchMfa.run(), listWebAuthnCredentials()]);
    setSeen(`${mfa.preferred ?? 'none'} · ${passkeys.credentials.length} passkey(s)`);
  };
  return (
    <div>
      <button type="button" onClick={() => void update.run({ email: 'PREFERRED' }).then(refresh)} disabled={update.isPending}>
        Email codes
      </button>
      <button type="button" onClick={() => void addPasskey.run().then(refresh)}>
        Add a passkey
      </button>
      <p data-testid="seen">{seen}</p>
      {update.error ? <p role="alert">{update.error.name}</p> : null}
    </div>
  );
}

describe('hooks for MFA preferences and passkeys', () => {
  const kit = useEngineBackend({ mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'], webAuthn: { origins: [ORIGIN] } });
  const password = strongPassword();

  beforeEach(async () => {
    kit().storage = new RecordingStorage();
    if (!kit().backend.getUser('rhea')) await kit().backend.createUser({ username: 'rhea', password, attributes: { email: 'rhea@example.com' } });
    await storeSession(kit(), 'rhea', password);
  });

  it('useAuthAction runs updateMFAPreference and associateWebAuthnCredential; useAuth hands out the passkey list', async () => {
    const device = new SoftAuthenticator();
    const passkeys: PasskeyClient = {
      get: async (options) => device.get(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['get']>>,
      create: async (options) => device.create(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['create']>>,
    };
    renderWithProvider(<AccountPage />, providerSetup(kit(), {}, { passkeys }));
    fireEvent.click(screen.getByRole('button', { name: 'Email codes' }));
    await waitFor(() => expect(screen.getByTestId('seen').textContent).toBe('EMAIL · 0 passkey(s)'));
    expect(kit().backend.getUser('rhea')?.mfa).toMatchObject({ email: true, preferred: 'EMAIL_OTP' });

    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    await waitFor(() => expect(screen.getByTestId('seen').textContent).toBe('EMAIL · 1 passkey(s)'));
    expect(kit().backend.getUser('rhea')?.passkeys).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
