// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider, useAuth } from '../../src/react/index';
import { Authenticator } from '../../src/ui/index';
import { strongPassword } from '../../test/backend/harness';
import { useEngineBackend } from '../../test/support/engine';
import { RecordingStorage } from '../../test/support/recordingStorage';
import { record } from './record';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

/** Counts React commits of a subtree (Profiler onRender: one per commit that rendered something in it). */
class Commits {
  count = 0;
  wrap = (children: ReactNode) => (
    <Profiler id="bench" onRender={() => (this.count += 1)}>
      {children}
    </Profiler>
  );
}

describe('renders per flow', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 600, idTokenSeconds: 600 } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('bench')) await k.backend.createUser({ username: 'bench', password, attributes: { email: 'bench@example.com' } });
    k.backend.resetCounts();
  });

  it('Authenticator sign-in (SRP): commits from submit to the signed-in content', async () => {
    const k = kit();
    const commits = new Commits();
    render(
      <AuthProvider config={k.config()} options={{ now: k.clock.now }}>
        {commits.wrap(<Authenticator>{() => <p>Welcome</p>}</Authenticator>)}
      </AuthProvider>,
    );
    await screen.findByRole('heading', { name: 'Sign in to your account' });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'bench' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
    const before = commits.count;
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Welcome', {}, { timeout: 10_000 });
    const renders = commits.count - before;
    record('renders', 'Authenticator sign-in: commits from submit to signed in', renders, '—');
    expect(k.backend.count()).toBe(2);
    expect(renders).toBeGreaterThan(0);
  });

  it('an isAuthenticated-only consumer across a token refresh', async () => {
    const k = kit();
    await k.auth().signIn('bench', password);
    const engine = k.auth();
    let renders = 0;
    function Consumer() {
      renders += 1;
      return <p>{useAuth((s) => s.isAuthenticated) ? 'in' : 'out'}</p>;
    }
    render(
      <AuthProvider auth={engine}>
        <Consumer />
      </AuthProvider>,
    );
    expect(screen.getByText('in')).toBeTruthy();
    const before = renders;
    k.clock.advance(601_000);
    k.backend.resetCounts();
    await act(async () => {
      await engine.currentSession();
    });
    expect(k.backend.count()).toBe(1);
    record('renders', 'isAuthenticated-only consumer across a token refresh', renders - before, '0');
    expect(renders - before).toBe(0);
  });
});
