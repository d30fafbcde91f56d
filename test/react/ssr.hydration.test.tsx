// @vitest-environment jsdom
// Hydration: the browser gets the server's HTML (rendered without access to the browser's storage,
// so "loading"), then hydrates it while its storage holds a valid session. Hydration must match the
// server HTML exactly (no recoverable error, no console error, the server's DOM nodes kept), and
// right after it the UI must show the stored session: signed in, with no request to Cognito.
import { act, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryStorage, type AuthConfig } from '../../src/core/index';
import { AuthProvider, RequireAuth, useAuth, useSession } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Page() {
  const status = useAuth((s) => s.status);
  const username = useAuth((s) => s.user?.username ?? '-');
  const session = useSession();
  return (
    <main>
      <p id="status">{status}</p>
      <p id="user">{username}</p>
      <p id="session">{session.status}</p>
      <RequireAuth loading={<span>checking</span>} fallback={<span>please sign in</span>}>
        <span>welcome</span>
      </RequireAuth>
    </main>
  );
}

function App({ config, children = <Page /> }: { config: AuthConfig; children?: ReactNode }) {
  return <AuthProvider config={config}>{children}</AuthProvider>;
}

const text = (container: HTMLElement) => [...container.querySelectorAll('p, span')].map((node) => node.textContent).join('|');

describe('hydrating server-rendered HTML in the browser', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let root: Root | undefined;
  let container: HTMLElement;

  beforeAll(async () => {
    await kit().backend.createUser({ username: 'hugo', password });
  });

  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    container?.remove();
    vi.restoreAllMocks();
  });

  /** Server HTML in a container, as the browser receives it. */
  function serverPage(html: string): HTMLElement {
    container = document.createElement('div');
    container.innerHTML = html;
    document.body.appendChild(container);
    return container;
  }

  it('matches the server HTML (no recoverable error, no console error, same DOM nodes), then shows the stored session with 0 requests', async () => {
    const k = kit();
    const passwordAuth = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;
    await k.auth({ config: passwordAuth }).signIn('hugo', password); // a session in the browser's storage
    // The server has no access to that storage: its engine starts with an empty one.
    const html = renderToString(<App config={k.config({ ...passwordAuth, storage: new MemoryStorage() })} />);
    expect(html).toContain('<p id="status">loading</p>');
    const page = serverPage(html);
    const serverNodes = [...page.querySelectorAll('p')];
    k.backend.resetCounts();
    const recoverable: unknown[] = [];
    const errors = vi.spyOn(console, 'error');

    await act(async () => {
      root = hydrateRoot(page, <App config={k.config(passwordAuth)} />, { onRecoverableError: (error) => recoverable.push(error) });
    });

    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    // Hydrated in place: a mismatch would have thrown the server's nodes away and rendered anew.
    const hydratedNodes = [...page.querySelectorAll('p')];
    expect(hydratedNodes.length).toBe(3);
    expect(hydratedNodes.every((node, i) => node === serverNodes[i])).toBe(true);
    expect(text(page)).toBe('signedIn|hugo|pending|welcome');
    // useSession reads the stored tokens (valid: nothing to refresh) once its query has run; had it
    // refreshed instead, the query would succeed only after the backend had logged the request.
    await waitFor(() => expect(text(page)).toBe('signedIn|hugo|success|welcome'));
    expect(k.backend.count()).toBe(0);
    expect(errors).not.toHaveBeenCalled();
  });

  it('hydrates a signed-out browser too: loading, then the sign-in fallback, with 0 requests', async () => {
    const k = kit();
    const page = serverPage(renderToString(<App config={k.config({ storage: new MemoryStorage() })} />));
    k.backend.resetCounts();
    const recoverable: unknown[] = [];
    const errors = vi.spyOn(console, 'error');

    await act(async () => {
      root = hydrateRoot(page, <App config={k.config({ storage: new MemoryStorage() })} />, { onRecoverableError: (error) => recoverable.push(error) });
    });

    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(text(page)).toBe('signedOut|-|pending|please sign in');
    expect(k.backend.count()).toBe(0);
  });

  // The checks above would pass vacuously if a mismatch went unreported: show that one is reported.
  it('(control) reports a mismatch when the server HTML differs from the first client render', async () => {
    const k = kit();
    const page = serverPage(renderToString(<App config={k.config({ storage: new MemoryStorage() })} />).replace('>loading<', '>signedOut<'));
    const recoverable: unknown[] = [];
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React 18 also logs the mismatch

    await act(async () => {
      root = hydrateRoot(page, <App config={k.config({ storage: new MemoryStorage() })} />, { onRecoverableError: (error) => recoverable.push(error) });
    });

    expect(recoverable.length).toBeGreaterThan(0);
    expect(String(recoverable[0])).toMatch(/hydrat|did not match|does not match/i);
  });
});
