// @vitest-environment jsdom
// The simulated half of bench/longSession.mjs: a signed-in page (engine + <AuthProvider> + <Authenticator> whose
// signed-in content reads useSession and useUser) left open for 30 minutes of fake time, against the test backend
// in-process (its fetch handler as the engine's fetch, so no socket waits on a faked clock), with 5-minute tokens.
// Each simulated minute it records refreshes, live timers, window/document listeners and the heap after a GC.
import { cleanup, render, screen } from '@testing-library/react';
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, expect, it, vi } from 'vitest';
import { createAuth, type CreateAuthOptions } from '../../src/core/index';
import { AuthProvider, useSession, useUser } from '../../src/react/index';
import { Authenticator } from '../../src/ui/index';
import { createBackend, fetchHandler } from '../../test/backend/index';
import { ListenerCount } from './listenerCount';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
afterEach(cleanup);

const MINUTES = 30;
const TOKEN_SECONDS = 300;
const PASSWORD = 'Bench-Passw0rd!';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMiB = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

function Account() {
  const session = useSession();
  const user = useUser();
  const text = `${user.data ? `Signed in as ${user.data.username}` : user.error ? `User error ${user.error.name}` : 'Loading'}${session.data ? ', session ready' : ''}`;
  return <p data-signed-in>{text}</p>;
}

it(`a signed-in page over ${MINUTES} simulated minutes`, { timeout: 120_000 }, async () => {
  // setImmediate stays real: React's scheduler and the backend's WebCrypto resolve through it, and settle() waits on it.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const listeners = new ListenerCount([window, document]);
  try {
    const backend = createBackend({ deviceTracking: false, tokenValidity: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS }, now: () => Date.now() });
    await backend.createUser({ username: 'bench', password: PASSWORD, attributes: { email: 'bench@example.com' } });
    const handle = fetchHandler(backend);
    let inFlight = 0;
    const fetch: CreateAuthOptions['fetch'] = async (url, init) => {
      inFlight += 1;
      try {
        return await handle(new Request(url, init));
      } finally {
        inFlight -= 1;
      }
    };
    const nextTurn = () => new Promise<void>((done) => setImmediate(done));
    const settle = async () => {
      for (let turns = 0; inFlight > 0 || turns < 5; turns++) await nextTurn();
    };
    const config = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: 'http://backend.test/' };
    const auth = createAuth(config, { fetch, now: () => Date.now() });
    await auth.signIn('bench', PASSWORD);
    const refreshes = () =>
      backend.requests().filter((r) => r.operation === 'GetTokensFromRefreshToken' || (r.operation === 'InitiateAuth' && (r.input as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH')).length;

    render(
      <AuthProvider auth={auth}>
        <Authenticator>
          <Account />
        </Authenticator>
      </AuthProvider>,
    );
    // TanStack Query notifies through setTimeout(0): fake time moves in 10 ms steps until the page has its data.
    for (let i = 0; i < 1000 && !screen.queryByText(/Signed in as bench, session ready/); i++) {
      await vi.advanceTimersByTimeAsync(10);
      await settle();
    }
    expect(screen.getByText(/Signed in as bench, session ready/)).toBeTruthy();

    const samples: { minute: number; refreshes: number; timers: number; listeners: number; heapMiB: number }[] = [];
    const sample = (minute: number) => samples.push({ minute, refreshes: refreshes(), timers: vi.getTimerCount(), listeners: listeners.live(), heapMiB: heapMiB() });
    sample(0);
    for (let minute = 1; minute <= MINUTES; minute++) {
      // One second at a time, each followed by every request it started: a request in flight never meets a
      // timeout the fake clock jumped past.
      for (let s = 0; s < 60; s++) {
        await vi.advanceTimersByTimeAsync(1000);
        await settle();
      }
      sample(minute);
    }
    expect(screen.getByText(/Signed in as bench/)).toBeTruthy();
    const out = process.env['CRK_LONG_SESSION_OUT'];
    if (out) appendFileSync(out, `${JSON.stringify({ part: 'simulated', tokenSeconds: TOKEN_SECONDS, unit: 'simulated minute', samples })}\n`);
    expect(samples.at(-1)?.refreshes).toBeGreaterThan(0);
  } finally {
    listeners.restore();
    vi.useRealTimers();
  }
});
