// @vitest-environment jsdom
/**
 * <PasskeySettings> on the test backend with a software authenticator behind the injected passkey
 * client: register, list, delete; a cancelled prompt is shown; axe on each state.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type PasskeyClient } from '../../../src/core/index';
import { PasskeySettings } from '../../../src/ui/index';
import { en } from '../../../src/ui/i18n/en';
import { useEngineBackend } from '../../support/engine';
import { RecordingStorage } from '../../support/recordingStorage';
import { SoftAuthenticator } from '../../support/softAuthenticator';
import { axeViolations, expectAlert } from '../support';
import { renderSignedIn, signedInUser } from './support';

const ORIGIN = 'http://localhost:5173';

/** The platform prompt over a software authenticator; the first `cancels` creations are closed by the user. */
function deviceClient(cancels = 0): PasskeyClient {
  const device = new SoftAuthenticator();
  let left = cancels;
  return {
    get: async (options) => device.get(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['get']>>,
    create: async (options) => {
      if (left-- > 0) throw new AuthError({ name: 'PasskeyCanceled', message: 'cancelled', source: 'associateWebAuthnCredential' });
      return device.create(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['create']>>;
    },
  };
}

describe('<PasskeySettings>', () => {
  const kit = useEngineBackend({ webAuthn: { origins: [ORIGIN] } });
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('registers a passkey, lists it, and deletes it at Cognito; focus returns to the heading', async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'pks', { engine: { passkeys: deviceClient() } });
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <PasskeySettings />);
    expect(await screen.findByText(en['account.passkeys.empty'])).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Add a passkey' }));
    expect(await screen.findByText(en['account.passkeys.added'])).toBeTruthy();
    expect(k.backend.getUser(username)?.passkeys).toHaveLength(1);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toMatch(/Created /);
    expect(await axeViolations(container)).toEqual([]);

    const remove = screen.getByRole('button', { name: /^Delete / });
    await user.click(remove);
    await waitFor(() => expect(k.backend.getUser(username)?.passkeys).toHaveLength(0));
    expect(await screen.findByText(en['account.passkeys.empty'])).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/was deleted\.$/);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Passkeys' }));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a closed platform prompt is shown as an error and nothing is registered', async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'pkc', { engine: { passkeys: deviceClient(1) } });
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <PasskeySettings />);
    await user.click(await screen.findByRole('button', { name: 'Add a passkey' }));

    await expectAlert(en['error.PasskeyCanceled']);
    expect(k.backend.getUser(username)?.passkeys ?? []).toHaveLength(0);
    expect(await axeViolations(container)).toEqual([]);
  });
});
