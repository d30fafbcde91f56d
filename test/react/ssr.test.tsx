// Server rendering: Node with no `window` or `document` (vitest's node environment), as in Next.js,
// Remix or any renderToString call. The provider and every hook must render there without throwing,
// without a request and without console noise, and must render the "loading" state: the server
// cannot see the browser's storage, so anything else would make hydration mismatch
// (ssr.hydration.test.tsx hydrates this HTML in a browser-like DOM).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuth, type FetchLike } from '../../src/core/index';
import { AuthProvider, RequireAuth, useAuth, useCredentials, useSession, useUser } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { BUILD_TIMEOUT_MS, builtPackage, DIST } from '../support/builtPackage';
import { RecordingStorage } from '../support/recordingStorage';

const ROOT = resolve(__dirname, '../..');

function App() {
  const status = useAuth((s) => s.status);
  const isAuthenticated = useAuth((s) => s.isAuthenticated);
  const session = useSession();
  const user = useUser();
  const credentials = useCredentials();
  return (
    <main>
      <p id="status">{status}</p>
      <p id="authenticated">{String(isAuthenticated)}</p>
      <p id="queries">{[session.status, user.status, credentials.status].join(',')}</p>
      <RequireAuth loading={<span>checking</span>} fallback={<form>sign in</form>}>
        <span>secret page</span>
      </RequireAuth>
    </main>
  );
}

describe('server rendering in Node (no window, no document)', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeAll(async () => {
    await kit().backend.createUser({ username: 'sara', password });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('renderToString(<AuthProvider config>) renders the loading state: no throw, no request, no console error or warning', () => {
    expect(typeof globalThis.window).toBe('undefined');
    expect(typeof globalThis.document).toBe('undefined');
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const fetch = vi.fn<FetchLike>(() => Promise.reject(new Error('no request during server rendering')));

    const html = renderToString(
      <AuthProvider
        config={{ userPoolId: 'us-east-1_Ssr1', userPoolWebClientId: 'ssrclient', identityPoolId: 'us-east-1:0b7e5c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c' }}
        options={{ fetch }}
      >
        <App />
      </AuthProvider>,
    );

    expect(html).toBe(
      '<main><p id="status">loading</p><p id="authenticated">false</p><p id="queries">pending,pending,pending</p><span>checking</span></main>',
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  it('renders "loading" even when the server-side engine holds a valid session, and sends nothing to Cognito', async () => {
    const k = kit();
    const storage = new RecordingStorage();
    await k.auth({ storage, config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } }).signIn('sara', password);
    const engine = createAuth(k.config({ storage }));
    expect(engine.getState().status).toBe('signedIn'); // the engine itself knows…
    k.backend.resetCounts();
    const errors = vi.spyOn(console, 'error');

    const html = renderToString(
      <AuthProvider auth={engine}>
        <App />
      </AuthProvider>,
    );

    // …but the server snapshot is what the browser will hydrate with, before it reads its storage.
    expect(html).toContain('<p id="status">loading</p>');
    expect(html).toContain('<span>checking</span>');
    expect(html).not.toContain('secret page');
    expect(k.backend.count()).toBe(0);
    expect(errors).not.toHaveBeenCalled();
  });
});

// Next.js and other React Server Components hosts treat a module as a client component only when
// its first statement is 'use client'; without it, importing a hook from a server component fails.
describe("'use client' on the React layer", () => {
  const reactDir = resolve(ROOT, 'src/react');
  const sources = readdirSync(reactDir)
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => ({ name, text: readFileSync(resolve(reactDir, name), 'utf8') }));
  // A runtime (not `import type`) import of React or TanStack Query: hooks, context, components.
  const usesReact = (text: string) => /^import\s+(?!type\b)[^;]*?from\s+'(react|@tanstack\/react-query)'/m.test(text);
  const startsWithUseClient = (text: string) => /^(['"])use client\1;?\s*$/m.test(text.split('\n')[0] ?? '');

  it('is the first line of every src/react module that uses React at runtime, of its index and of the package root', () => {
    const needing = sources.filter((s) => usesReact(s.text) || s.name === 'index.ts').map((s) => s.name);
    // The rule must have something to check: the provider, the context and the hooks all use React.
    expect(needing).toEqual(expect.arrayContaining(['AuthProvider.tsx', 'context.ts', 'useAuth.ts', 'useSession.ts', 'index.ts']));
    const missing = needing.filter((name) => !startsWithUseClient(sources.find((s) => s.name === name)!.text));
    expect(missing).toEqual([]);
    expect(startsWithUseClient(readFileSync(resolve(ROOT, 'src/index.ts'), 'utf8'))).toBe(true);
  });

  describe('in the built package', () => {
    // `npm test` builds dist before running vitest; a bare `npx vitest run` on a fresh clone builds it here.
    beforeAll(() => builtPackage(), BUILD_TIMEOUT_MS);

    it("survives the build: dist/index.js starts with 'use client', dist/core.js does not (the engine stays usable on the server)", () => {
      expect(startsWithUseClient(readFileSync(resolve(DIST, 'index.js'), 'utf8'))).toBe(true);
      expect(startsWithUseClient(readFileSync(resolve(DIST, 'core.js'), 'utf8'))).toBe(false);
    });
  });
});
