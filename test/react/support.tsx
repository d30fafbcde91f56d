/**
 * Glue for the React-layer tests: a provider wrapper that hands back the engine it ended up with, a
 * render log (what a component rendered, in order), and engines seeded with a stored session.
 * Everything runs against the real test backend; nothing here mocks the engine.
 */
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import type { Auth, AuthConfig, AuthConfigInput, CreateAuthOptions, FetchLike } from '../../src/core/index';
import { AuthProvider, useAuthEngine } from '../../src/react/index';
import type { EngineTestKit } from '../support/engine';

// vitest runs without globals, so @testing-library/react registers neither its cleanup nor the act
// environment flag by itself.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

/** Fast sign-ins: one InitiateAuth, no SRP math (tests about SRP say so). */
export const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const satisfies Partial<AuthConfig>;

export type ProviderSetup =
  | { config: AuthConfigInput; options?: CreateAuthOptions; queryClient?: QueryClient }
  | { auth: Auth; queryClient?: QueryClient };

/** `<AuthProvider>` from a setup object (the props union does not survive a spread). */
export function Provider({ setup, children }: { setup: ProviderSetup; children?: ReactNode }) {
  const queryClient = setup.queryClient ? { queryClient: setup.queryClient } : {};
  if ('auth' in setup) {
    return (
      <AuthProvider auth={setup.auth} {...queryClient}>
        {children}
      </AuthProvider>
    );
  }
  return (
    <AuthProvider config={setup.config} {...(setup.options ? { options: setup.options } : {})} {...queryClient}>
      {children}
    </AuthProvider>
  );
}

/** Every value a component rendered, in order: `values.length` is its render count (StrictMode calls each render twice). */
export class RenderLog<T> {
  readonly values: T[] = [];

  record(value: T): void {
    this.values.push(value);
  }

  get renders(): number {
    return this.values.length;
  }

  get first(): T | undefined {
    return this.values[0];
  }

  get last(): T | undefined {
    return this.values[this.values.length - 1];
  }
}

/** Records the engine of the nearest provider on every render. */
function EngineProbe({ log }: { log: RenderLog<Auth> }) {
  log.record(useAuthEngine());
  return null;
}

export interface ProviderRender extends RenderResult {
  /** The engine the provider handed to its hooks (the last one rendered). */
  engine: Auth;
  /** Every engine the provider handed out, one per render of the probe (two under StrictMode). */
  engines: RenderLog<Auth>;
  /** Re-render the provider (same setup unless another is given) around new children. */
  rerenderWith(ui: ReactNode, setup?: ProviderSetup): void;
}

export interface WrapperOptions {
  /**
   * Render inside `<StrictMode>`, as apps do in development: components render twice, the provider's
   * engine is created twice (one thrown away), effects run, clean up and run again. Default true; a
   * test that opts out says why (e.g. it counts renders, which StrictMode doubles).
   */
  strictMode?: boolean;
}

/** Render `ui` inside `<AuthProvider>` (and `<StrictMode>`), with a probe that captures the provider's engine. */
export function renderWithProvider(ui: ReactNode, setup: ProviderSetup, { strictMode = true }: WrapperOptions = {}): ProviderRender {
  const engines = new RenderLog<Auth>();
  const tree = (children: ReactNode, current: ProviderSetup) => (
    <Provider setup={current}>
      <EngineProbe log={engines} />
      {children}
    </Provider>
  );
  // Testing Library wraps rerenders in <StrictMode> too.
  const result = render(tree(ui, setup), { reactStrictMode: strictMode });
  return Object.assign(result, {
    get engine(): Auth {
      const engine = engines.last;
      if (!engine) throw new Error('the provider rendered no engine');
      return engine;
    },
    engines,
    rerenderWith(next: ReactNode, nextSetup: ProviderSetup = setup) {
      result.rerender(tree(next, nextSetup));
    },
  });
}

/** A config for `kit`'s backend with password sign-in; the engine options share the kit's clock. */
export function providerSetup(kit: EngineTestKit, extra: Partial<AuthConfig> = {}, options: CreateAuthOptions = {}): ProviderSetup {
  return { config: kit.config({ ...PASSWORD_AUTH, ...extra }), options: { now: kit.clock.now, ...options } };
}

/** Sign `username` in with a throwaway engine, so the kit's storage holds a valid session. */
export async function storeSession(kit: EngineTestKit, username: string, password: string): Promise<void> {
  const seeder = kit.auth({ config: PASSWORD_AUTH });
  const result = await seeder.signIn(username, password);
  if (!result.isSignedIn) throw new Error(`seeding ${username} stopped at ${result.nextStep.signInStep}`);
}

/** Sign-in attempts of the refresh flow the backend received. */
export function refreshRequests(kit: EngineTestKit): number {
  return kit.backend
    .requests()
    .filter((request) => request.operation === 'InitiateAuth' && (request.input as { AuthFlow?: unknown }).AuthFlow === 'REFRESH_TOKEN_AUTH').length;
}

/** Sign-in attempts other than refreshes. */
export function signInRequests(kit: EngineTestKit): number {
  return kit.backend.count('InitiateAuth') - refreshRequests(kit);
}

/** A fetch that holds every response until `release()` (then lets all through), for asserting what shows meanwhile. */
export function heldFetch(): { fetch: FetchLike; started: () => number; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  return {
    fetch: async (url, init) => {
      started += 1;
      const response = await globalThis.fetch(url, init);
      await gate;
      return response;
    },
    started: () => started,
    release: () => release(),
  };
}
