/** Vitest glue for engine tests: a test backend on loopback, a shared clock, and engines wired to both. */
import { createAuth, type Auth, type AuthConfig, type AuthEvent, type CreateAuthOptions } from '../../src/core/index';
import { useBackend, type Running } from '../backend/harness';
import type { BackendOptions } from '../backend/types';
import { RecordingStorage } from './recordingStorage';

/** One clock for engine and backend, so "an hour later" means the same on both sides. */
export class TestClock {
  offsetMs = 0;
  now = (): number => Date.now() + this.offsetMs;
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface EngineTestKit extends Running {
  clock: TestClock;
  /** A fresh engine on this backend; same storage by default, so it sees what earlier engines stored. */
  auth(options?: { config?: Partial<AuthConfig>; engine?: CreateAuthOptions; storage?: RecordingStorage }): Auth;
  storage: RecordingStorage;
  config(extra?: Partial<AuthConfig>): AuthConfig;
  /** Records every Hub event of an engine, in order. */
  events(auth: Auth): AuthEvent[];
}

export function useEngineBackend(options: BackendOptions = {}): () => EngineTestKit {
  const clock = new TestClock();
  const running = useBackend({ deviceTracking: false, ...options, now: clock.now });
  let storage = new RecordingStorage();
  return () => {
    const { backend, url } = running();
    const config = (extra: Partial<AuthConfig> = {}): AuthConfig => ({
      userPoolId: backend.config.userPoolId,
      userPoolWebClientId: backend.config.clientId,
      endpoint: url,
      storage,
      ...extra,
    });
    return {
      backend,
      url,
      clock,
      get storage() {
        return storage;
      },
      set storage(next: RecordingStorage) {
        storage = next;
      },
      config,
      auth: (opts = {}) =>
        createAuth(config({ ...(opts.storage ? { storage: opts.storage } : {}), ...opts.config }), { now: clock.now, ...opts.engine }),
      events(auth) {
        const seen: AuthEvent[] = [];
        auth.listen('*', (event) => seen.push(event));
        return seen;
      },
    };
  };
}
