// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { useAuth, type AuthContextValue } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { newTotpSecret, totpCode } from '../backend/totp';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { wrongCode } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { providerSetup, refreshRequests, RenderLog, renderWithProvider, storeSession } from './support';

// `useAuth(selector)` re-renders only when the selected slice changes. Each test renders a component
// that selects `isAuthenticated` next to one that takes the whole `useAuth()`, counts both renders
// across one engine change, and contrasts them.

function mount(kit: EngineTestKit) {
  const selected = new RenderLog<boolean>();
  const whole = new RenderLog<AuthContextValue>();
  function Selected() {
    selected.record(useAuth((s) => s.isAuthenticated));
    return null;
  }
  function Whole() {
    whole.record(useAuth());
    return null;
  }
  const view = renderWithProvider(
    <>
      <Selected />
      <Whole />
    </>,
    providerSetup(kit),
    // Counts renders: StrictMode would call every render twice.
    { strictMode: false },
  );
  return { selected, whole, engine: view.engine };
}

/** Render counts of both components while `change` runs (inside act, so React settles first). */
async function rendersDuring(logs: { selected: RenderLog<boolean>; whole: RenderLog<AuthContextValue> }, change: () => Promise<unknown>) {
  const before = { selected: logs.selected.renders, whole: logs.whole.renders };
  await act(async () => {
    await change();
  });
  return { selected: logs.selected.renders - before.selected, whole: logs.whole.renders - before.whole };
}

describe('useAuth(selector): render counts', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  const miraSecret = newTotpSecret();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('sela')) {
      await k.backend.createUser({ username: 'sela', password, attributes: { email: 'sela@example.com' } });
      await k.backend.createUser({ username: 'mira', password, mfa: { totpSecret: miraSecret, preferred: 'SOFTWARE_TOKEN_MFA' } });
    }
    k.backend.resetCounts();
  });

  async function signedIn(k: EngineTestKit): Promise<ReturnType<typeof mount>> {
    await storeSession(k, 'sela', password);
    const logs = mount(k);
    expect(logs.selected.values).toEqual([true]);
    return logs;
  }

  it('a token refresh: 0 renders for the selector; the whole value re-renders when the new id token changes the user', async () => {
    const k = kit();
    const logs = await signedIn(k);
    // Changed at Cognito behind the engine's back, so only the refreshed id token carries it.
    const { accessToken } = await logs.engine.currentSession();
    await k.backend.call('UpdateUserAttributes', { AccessToken: accessToken, UserAttributes: [{ Name: 'name', Value: 'Sela' }] });
    k.clock.advance(3_600_000 + 1_000);

    const renders = await rendersDuring(logs, () => logs.engine.currentSession());

    expect(refreshRequests(k)).toBe(1);
    expect(logs.engine.getState().user?.attributes['name']).toBe('Sela');
    expect(renders).toEqual({ selected: 0, whole: 1 });
  });

  it('updateUserAttributes: 0 renders for the selector, at least one for the whole value', async () => {
    const k = kit();
    const logs = await signedIn(k);

    const renders = await rendersDuring(logs, () => logs.engine.updateUserAttributes({ name: 'Sela S.' }));

    expect(logs.whole.last?.user?.attributes['name']).toBe('Sela S.');
    expect(renders.selected).toBe(0);
    expect(renders.whole).toBeGreaterThanOrEqual(1);
  });

  it('step changes (a sign-in stopping at MFA, a wrong code, giving up): 0 renders for the selector', async () => {
    const k = kit();
    const logs = mount(k);
    const wrong = wrongCode(await totpCode(miraSecret, k.clock.now()));
    const steps = (engine: Auth) => [
      () => engine.signIn('mira', password),
      () => engine.confirmSignIn(wrong).catch(() => undefined),
      () => engine.signOut(),
    ];

    const counts = [];
    for (const step of steps(logs.engine)) counts.push(await rendersDuring(logs, step));

    expect(logs.whole.values.map((v) => v.nextStep?.signInStep ?? null)).toEqual([null, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', null]);
    expect(logs.whole.values[2]?.error?.name).toBe('CodeMismatchException');
    expect(counts.map((c) => c.selected)).toEqual([0, 0, 0]);
    expect(counts.map((c) => c.whole)).toEqual([1, 1, 1]);
  });

  it('sign-in: exactly one more render for the selector (false → true)', async () => {
    const k = kit();
    const logs = mount(k);

    const renders = await rendersDuring(logs, () => logs.engine.signIn('sela', password));

    expect(renders.selected).toBe(1);
    expect(logs.selected.values).toEqual([false, true]);
    expect(renders.whole).toBeGreaterThanOrEqual(1);
  });

  it('sign-out: exactly one more render for the selector (true → false)', async () => {
    const k = kit();
    const logs = await signedIn(k);

    const renders = await rendersDuring(logs, () => logs.engine.signOut());

    expect(renders.selected).toBe(1);
    expect(logs.selected.values).toEqual([true, false]);
    expect(renders.whole).toBeGreaterThanOrEqual(1);
  });

  it('a selector returning a new object each time re-renders only when isEqual says it changed', async () => {
    const k = kit();
    await storeSession(k, 'sela', password);
    const seen = new RenderLog<{ email: string | undefined }>();
    function Email() {
      seen.record(
        useAuth(
          (s) => ({ email: s.user?.attributes['email'] }),
          (a, b) => a.email === b.email,
        ),
      );
      return null;
    }
    // Counts renders: StrictMode would call every render twice.
    const view = renderWithProvider(<Email />, providerSetup(k), { strictMode: false });

    await act(() => view.engine.updateUserAttributes({ name: 'Sela N.' }));
    expect(seen.renders).toBe(1);
    await act(() => view.engine.signOut());

    expect(seen.values).toEqual([{ email: 'sela@example.com' }, { email: undefined }]);
  });
});
