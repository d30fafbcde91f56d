// @vitest-environment jsdom
// Streaming server rendering with the Suspense hooks, on React 19 and React 18: the server cannot
// know the session (no browser storage), so `renderToPipeableStream` must finish (never wait on a
// session) with the <Suspense> fallback in its HTML; the browser then hydrates that HTML and shows
// the stored user. React reports the server's bail-out to onRecoverableError; `isAuthServerBailout`
// recognises it (when the server's onError returned its digest), so an app can keep its error
// reporting clean. No hydration mismatch, no console error.
import { screen, waitFor } from '@testing-library/react';
import { act, Suspense, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToPipeableStream } from 'react-dom/server';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryStorage, type AuthConfig } from '../../src/core/index';
import { AuthProvider, isAuthServerBailout, useSuspenseUser } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { PASSWORD_AUTH } from './support';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Profile() {
  const { data } = useSuspenseUser();
  return <p id="user">{data ? `signed in as ${data.username}` : 'signed out'}</p>;
}

function App({ config }: { config: AuthConfig }) {
  return (
    <AuthProvider config={config}>
      <h1 id="title">Account</h1>
      <Suspense fallback={<p id="user">checking your session</p>}>
        <Profile />
      </Suspense>
    </AuthProvider>
  );
}

/** The whole streamed HTML, and what the server's onError saw; `digests: false` plays an app whose onError returns nothing. */
function streamToString(ui: ReactNode, { digests = true } = {}): Promise<{ html: string; serverErrors: unknown[] }> {
  const serverErrors: unknown[] = [];
  return new Promise((resolve, reject) => {
    let html = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        html += chunk.toString();
        done();
      },
    });
    sink.on('finish', () => resolve({ html, serverErrors }));
    const stream = renderToPipeableStream(ui, {
      onError(error) {
        serverErrors.push(error);
        return digests && isAuthServerBailout(error) ? (error as { digest: string }).digest : undefined;
      },
      onShellError: reject,
      onAllReady: () => stream.pipe(sink),
    });
  });
}

/**
 * console.error calls, but for React 18's "multiple renderers concurrently rendering the same context
 * provider": the server and the browser renderer share one process (and one context object) only in
 * this test; the Chromium test (test/e2e/suspenseSsr.browser.test.ts) checks a real page's console.
 */
function consoleErrors(): string[] {
  const seen: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (!/multiple renderers concurrently rendering the same context provider/.test(text)) seen.push(text);
  });
  return seen;
}

describe('renderToPipeableStream with the Suspense hooks, then hydration', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let root: Root | undefined;
  let container: HTMLElement | undefined;

  beforeAll(async () => {
    await kit().backend.createUser({ username: 'stella', password });
  });

  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    container?.remove();
    vi.restoreAllMocks();
  });

  function page(html: string): HTMLElement {
    container = document.createElement('div');
    container.innerHTML = html;
    document.body.appendChild(container);
    return container;
  }

  it('the server streams the fallback and finishes; the browser hydrates and shows the stored user, reporting only the bail-out', async () => {
    const k = kit();
    await k.auth({ config: PASSWORD_AUTH }).signIn('stella', password); // the browser's storage holds a session
    const errors = consoleErrors();

    const { html, serverErrors } = await streamToString(<App config={k.config({ ...PASSWORD_AUTH, storage: new MemoryStorage() })} />);

    expect(html).toContain('<h1 id="title">Account</h1>');
    expect(html).toContain('checking your session');
    expect(html).not.toContain('stella');
    expect(serverErrors.length).toBeGreaterThan(0);
    expect(serverErrors.every((error) => isAuthServerBailout(error))).toBe(true);

    const dom = page(html);
    const title = dom.querySelector('h1');
    k.backend.resetCounts();
    const recoverable: boolean[] = []; // per error React reported: was it the bail-out?
    await act(async () => {
      root = hydrateRoot(dom, <App config={k.config(PASSWORD_AUTH)} />, { onRecoverableError: (error, info) => recoverable.push(isAuthServerBailout(error, info)) });
    });

    await waitFor(() => expect(screen.getByText('signed in as stella')).toBeTruthy());
    expect(dom.querySelector('h1')).toBe(title); // hydrated in place, not re-rendered: no mismatch
    expect(screen.queryByText('checking your session')).toBeNull();
    expect(k.backend.count('GetUser')).toBe(1);
    // What React reports: the boundary the server could not finish, with the server's digest.
    expect(recoverable.length).toBeGreaterThan(0);
    expect(recoverable.every(Boolean)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a signed-out browser: fallback from the server, then "signed out" (no request)', async () => {
    const k = kit();
    const { html } = await streamToString(<App config={k.config({ storage: new MemoryStorage() })} />);
    const dom = page(html);
    k.backend.resetCounts();
    const recoverable: boolean[] = []; // per error React reported: was it the bail-out?

    await act(async () => {
      root = hydrateRoot(dom, <App config={k.config({ storage: new MemoryStorage() })} />, { onRecoverableError: (error, info) => recoverable.push(isAuthServerBailout(error, info)) });
    });

    await waitFor(() => expect(screen.getByText('signed out')).toBeTruthy());
    expect(recoverable.every(Boolean)).toBe(true);
    expect(k.backend.count()).toBe(0);
  });

  // The filter above is no tautology: without the digest from the server's onError, the browser's
  // error carries nothing to recognise it by, which is why docs/react.md says to return it.
  it('(control) without the digest from onError, the browser’s recoverable error is not recognised', async () => {
    const k = kit();
    const { html } = await streamToString(<App config={k.config({ storage: new MemoryStorage() })} />, { digests: false });
    const dom = page(html);
    const recoverable: boolean[] = []; // per error React reported: was it the bail-out?

    await act(async () => {
      root = hydrateRoot(dom, <App config={k.config({ storage: new MemoryStorage() })} />, { onRecoverableError: (error, info) => recoverable.push(isAuthServerBailout(error, info)) });
    });

    await waitFor(() => expect(screen.getByText('signed out')).toBeTruthy());
    expect(recoverable.length).toBeGreaterThan(0);
    expect(recoverable.some(Boolean)).toBe(false);
  });
});
