// @vitest-environment jsdom
/**
 * <DeleteUser> (ui-react's AccountSettings.DeleteUser) on the test backend: the confirmation, the
 * deletion at Cognito, the app's own handleDelete, and axe on each state.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, type AuthUser } from '../../../src/core/index';
import { DeleteUser } from '../../../src/ui/index';
import { en } from '../../../src/ui/i18n/en';
import { useEngineBackend } from '../../support/engine';
import { RecordingStorage } from '../../support/recordingStorage';
import { axeViolations, expectAlert } from '../support';
import { renderSignedIn, signedInUser } from './support';

const WARNING = 'Deleting your account is not reversible. You will lose access to your account and all data associated with it.';

describe('<DeleteUser>', () => {
  const kit = useEngineBackend();
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('asks first (focus on the confirmation), then deletes the user at Cognito, signs out and calls onSuccess', async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'del');
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <DeleteUser onSuccess={onSuccess} />);
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete Account' }));
    expect(screen.getByText(WARNING)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(k.backend.getUser(username)).toBeDefined();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(k.backend.getUser(username)).toBeUndefined();
    expect(auth.getState().status).toBe('signedOut');
    expect(screen.queryByRole('button', { name: 'Delete Account' })).toBeNull();
  });

  it('Cancel keeps the account and returns focus to "Delete Account"', async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'dek');
    const user = userEvent.setup();
    renderSignedIn(auth, <DeleteUser />);
    await user.click(screen.getByRole('button', { name: 'Delete Account' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByText(WARNING)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete Account' }));
    expect(k.backend.getUser(username)).toBeDefined();
  });

  it("handleDelete replaces the engine's deletion and gets the signed-in user; its failure is shown and given to onError", async () => {
    const k = kit();
    const { username, auth } = await signedInUser(k, 'deh');
    const seen: AuthUser[] = [];
    const onError = vi.fn();
    let fail = true;
    const handleDelete = async (who: AuthUser) => {
      seen.push(who);
      if (fail) throw new Error('server said no');
    };
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <DeleteUser handleDelete={handleDelete} onError={onError} />);
    await user.click(screen.getByRole('button', { name: 'Delete Account' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    await expectAlert(en['error.UnknownError']);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(AuthError);
    expect(screen.queryByText('server said no')).toBeNull();
    expect(seen.map((who) => who.username)).toEqual([username]);
    expect(await axeViolations(container)).toEqual([]);

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete Account' })).toBeNull());
    expect(seen).toHaveLength(2);
    // The app's handler ran instead of DeleteUser: the user is still at Cognito.
    expect(k.backend.getUser(username)).toBeDefined();
  });

  it('renders the WarningView, DeleteButton and displayText overrides', async () => {
    const k = kit();
    const { auth } = await signedInUser(k, 'deo');
    const user = userEvent.setup();
    renderSignedIn(
      auth,
      <DeleteUser
        displayText={{ deleteAccountButtonText: 'Close my account' }}
        components={{
          WarningView: ({ onConfirm, onCancel, displayText }) => (
            <p>
              Sure? <button onClick={onConfirm}>Yes</button> <button onClick={onCancel}>{displayText.cancelButtonText}</button>
            </p>
          ),
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Close my account' }));
    expect(screen.getByText('Sure?')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });
});
