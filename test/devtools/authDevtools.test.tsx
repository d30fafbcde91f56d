// @vitest-environment jsdom
/**
 * <AuthDevtools /> against the real test backend: the engine's state, decoded claims with a ticking
 * expiry countdown, refreshes with their cause and outcome (forced, expired by the panel's button), the
 * Hub event log and the cross-tab lock; and, over everything it ever rendered, no token, password or
 * signature (the suite's secrets scan, fed by the backend and by this test).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Auth } from '../../src/core/index';
import { AuthDevtools } from '../../src/devtools/index';
import { AuthProvider } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { knownSecrets, leakedSecrets, registerSecret } from '../support/secrets';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

/** Every text and attribute the page ever showed, transient states included. */
function recordDom(): { text: () => string; stop: () => void } {
  const seen: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      seen.push(record.oldValue ?? '');
      if (record.type === 'attributes' && record.target instanceof Element && record.attributeName) seen.push(record.target.getAttribute(record.attributeName) ?? '');
      else if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
      for (const node of record.addedNodes) seen.push(node instanceof Element ? node.outerHTML : (node.textContent ?? ''));
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true });
  return { text: () => [...seen, document.body.outerHTML].join('\n'), stop: () => observer.disconnect() };
}

/** The list item of the refresh log that mentions `cause` and has ended with `outcome`. */
function refreshRow(cause: string, outcome: string): Promise<HTMLElement> {
  const log = screen.getByRole('region', { name: 'Refreshes' });
  return within(log).findByText((_content, element) => element?.tagName === 'LI' && element.textContent!.includes(` · ${cause} · ${outcome}`), {}, { timeout: 5000 });
}

function claim(token: 'id' | 'access', name: string): string {
  const group = screen.getByRole('group', { name: `${token} token claims` });
  const term = within(group).getByText(name, { selector: 'dt' });
  return term.nextElementSibling!.textContent!;
}

describe('<AuthDevtools /> on a real engine', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let auth: Auth;
  let dom: ReturnType<typeof recordDom>;

  beforeAll(async () => {
    registerSecret(password);
    const k = kit();
    await k.backend.createUser({ username: 'dev', password, attributes: { email: 'dev@example.com' } });
    auth = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    dom = recordDom();
  });

  afterAll(() => {
    dom.stop();
    vi.useRealTimers();
  });

  it('shows the state, the claims with a live countdown, refresh causes, events and the lock; never a secret', async () => {
    // The countdown ticks on setInterval and Date; the backend and the engine's timers stay real.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    render(
      <AuthProvider auth={auth}>
        <AuthDevtools initialIsOpen />
      </AuthProvider>,
    );
    const panel = await screen.findByRole('region', { name: 'Auth devtools' });
    await within(panel).findByText('signedOut');
    expect(within(panel).getByLabelText('Next step').textContent).toBe('no next step');

    await act(() => auth.signIn('dev', password));
    await within(panel).findByText('signedIn');
    expect(claim('id', 'email')).toBe('dev@example.com');
    expect(claim('access', 'token_use')).toBe('access');
    const summary = () => within(screen.getByRole('group', { name: 'access token claims' })).getByText(/Access token/).textContent;
    const remaining = () => {
      const [, minutes, seconds] = /expires in (\d+):(\d\d)$/.exec(summary() ?? '') ?? [];
      return Number(minutes) * 60 + Number(seconds);
    };
    const before = remaining();
    expect(before).toBeGreaterThan(3590); // an hour's token, as the pool issues them
    act(() => void vi.advanceTimersByTime(5000));
    expect(remaining()).toBe(before - 5);
    vi.useRealTimers();
    expect(within(screen.getByRole('region', { name: 'Events' })).getByText('signIn', { selector: 'strong' })).toBeTruthy();
    // jsdom has no Web Locks: the engine's localStorage stand-in, free between refreshes.
    await within(screen.getByRole('region', { name: 'Cross-tab lock' })).findByText('free (localStorage)');

    const firstJti = claim('access', 'jti');
    fireEvent.click(within(panel).getByRole('button', { name: 'Force refresh' }));
    await refreshRow('forced', 'ok');
    await within(screen.getByRole('region', { name: 'Events' })).findByText('tokenRefresh', { selector: 'strong' });
    const forcedJti = claim('access', 'jti');
    expect(forcedJti).not.toBe(firstJti);

    // The engine runs (the provider started it): its refresh timer takes the "expired" token at once.
    fireEvent.click(within(panel).getByRole('button', { name: 'Expire access token' }));
    await refreshRow('expired by devtools', 'ok');
    expect(claim('access', 'jti')).not.toBe(forcedJti);

    const session = await auth.currentSession();
    // The parts of the tokens too: a payload or signature shown raw would be a token in all but name.
    for (const token of [session.idToken, session.accessToken]) registerSecret(...token.split('.').slice(1));
    expect(leakedSecrets(dom.text(), knownSecrets())).toEqual([]);
  });

  it('renders nothing in a production build', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    try {
      const production = await import('../../src/devtools/index');
      const { container } = render(<production.AuthDevtools auth={auth} initialIsOpen />);
      expect(container.innerHTML).toBe('');
      const { container: explicit } = render(<production.AuthDevtoolsPanel auth={auth} />);
      expect(explicit.textContent).toBe('Auth devtools'); // the explicit import keeps its opener button
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
