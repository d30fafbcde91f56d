// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthProvider, withAuthenticator, type AuthUser } from '../../src/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { axeViolations } from './support';

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

  it('passes every prop the app gives (callbacks, children) through, even to a component that declares no user or signOut', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    await k.backend.createUser({ username: 'wendy', password, attributes: { email: 'wendy@example.com', email_verified: 'true' } });
    const opened: string[] = [];
    function Orders({ title, count, onOpen, children, ...rest }: { title: string; count: number; onOpen: (id: string) => void; children?: ReactNode }) {
      const slot = rest as { user?: AuthUser; signOut?: unknown };
      return (
        <main>
          <h1>{`${title} (${count})`}</h1>
          {children}
          <p>{`Slot: ${slot.user?.username ?? 'none'}, ${typeof slot.signOut}`}</p>
          <button type="button" onClick={() => onOpen('A-1')}>
            Open
          </button>
        </main>
      );
    }
    const Protected = withAuthenticator(Orders, { hideSignUp: true });
    const user = userEvent.setup();
    const { container } = render(
      <AuthProvider config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' })}>
        <Protected title="Orders" count={2} onOpen={(id) => opened.push(id)}>
          <p>Latest first</p>
        </Protected>
      </AuthProvider>,
    );
    await user.type(await screen.findByLabelText('Username'), 'wendy');
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Orders (2)' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Latest first')).toBeTruthy();
    expect(screen.getByText('Slot: wendy, function')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(opened).toEqual(['A-1']);
    expect(await axeViolations(container)).toEqual([]);
  });
});
