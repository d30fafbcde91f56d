// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthProvider, withAuthenticator, type AuthUser } from '../../src/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

function Dashboard({ title, user, signOut }: { title: string; user: AuthUser; signOut: () => Promise<void> }) {
  return (
    <main>
      <h1>{title}</h1>
      <p>Hello {user.username}</p>
      <button type="button" onClick={() => void signOut()}>
        Leave
      </button>
    </main>
  );
}

describe('withAuthenticator', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  afterEach(cleanup);

  it('shows the sign-in screen, then the wrapped component with its own props plus user and signOut', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    await k.backend.createUser({ username: 'wanda', password, attributes: { email: 'wanda@example.com', email_verified: 'true' } });
    const Protected = withAuthenticator(Dashboard, { hideSignUp: true });
    expect(Protected.displayName).toBe('withAuthenticator(Dashboard)');
    render(
      <AuthProvider config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' })}>
        <Protected title="Orders" />
      </AuthProvider>,
    );

    expect(screen.queryByRole('tab', { name: 'Create Account' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'wanda' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Orders' })).toBeTruthy();
    expect(screen.getByText('Hello wanda')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
