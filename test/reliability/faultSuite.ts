/**
 * The fault suite: engine operations under every fault, one faulted request at a time, against the
 * test backend on loopback. For each (operation, request, fault): a typed AuthError (or the success a retry or the
 * engine's design guarantees), retries only where the call is idempotent, a consistent state (never
 * `loading`, signed in exactly when a session is stored, unchanged by a failure), nothing lost (the
 * same call succeeds once the fault is gone), no unhandled rejection.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AuthError, type Auth, type AuthConfig } from '../../src/core/index';
import { createFaultInjector, FAULT_KINDS, type FaultKind } from '../backend/faults';
import type { CognitoBackend } from '../backend/backend';
import type { BackendOptions } from '../backend/types';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import type { Scenario } from './faultScenarios';
import { tally } from './tally';
import { settle, trackUnhandledRejections } from './unhandled';

// Short only where a hang is injected (each hang costs one timeout). Elsewhere the default, so a
// loaded machine cannot turn a slow loopback round trip into a failure the test did not inject.
const HANG_TIMEOUT_MS = 800;
const RETRY = { retries: 2, baseDelayMs: 5 };

// The spec, written independently of the transport: reads and refresh are retried after network
// faults and 5xx; nothing else is, and throttling or a garbled 200 never is.
const RETRIED_KINDS: ReadonlySet<FaultKind> = new Set(['http500', 'http503', 'reset', 'hang']);
function isRetriedRequest(operation: string, input: unknown): boolean {
  if (['GetUser', 'ListDevices', 'GetDevice', 'GetId', 'GetCredentialsForIdentity'].includes(operation)) return true;
  return operation === 'InitiateAuth' && (input as { AuthFlow?: unknown }).AuthFlow === 'REFRESH_TOKEN_AUTH';
}

const EXPECTED_NAME: Record<FaultKind, string | undefined> = {
  http500: 'InternalErrorException',
  http503: 'HttpError503',
  reset: 'NetworkError',
  hang: 'NetworkError',
  malformedJson: 'UnknownError',
  tooManyRequests: 'TooManyRequestsException',
  limitExceeded: 'LimitExceededException',
  slow: undefined,
};

/** One describe per call: its own backend (with `options`) and fault injector, one test per scenario. */
export function describeFaultSuite(title: string, scenarios: readonly Scenario[], options: BackendOptions = {}): void {
  const faults = createFaultInjector({ slowMs: 40, hangMs: 5_000 });
  const unhandled = trackUnhandledRejections();

  describe(title, () => {
    const kit = useEngineBackend({ intercept: faults.intercept, mfaConfiguration: 'OPTIONAL', ...options });
    let injected = 0;
    let handled = 0;

    afterEach(() => {
      faults.disarm();
      faults.release();
    });

    afterAll(() => {
      tally('faultsInjected', injected);
      tally('faultsHandled', handled);
      expect(unhandled()).toEqual([]);
    });

    function engineFor(k: EngineTestKit, timeout: Partial<AuthConfig>) {
      return (config: Partial<AuthConfig> = {}): Auth => k.auth({ config: { ...timeout, ...config }, engine: { retry: RETRY } });
    }

    async function fresh(scenario: Scenario, kind?: FaultKind) {
      const k = kit();
      const timeout = kind === 'hang' ? { requestTimeout: HANG_TIMEOUT_MS } : {};
      // The setup is not under test: one that timed out on a loaded machine is simply done again.
      for (let attempt = 1; ; attempt += 1) {
        k.storage = new RecordingStorage();
        try {
          const prepared = await scenario.prepare(k, engineFor(k, timeout));
          k.backend.resetCounts();
          return { k, ...prepared };
        } catch (error) {
          if (attempt >= 3 || !(error instanceof AuthError) || error.name !== 'NetworkError') throw error;
        }
      }
    }

    it.each(scenarios.map((scenario) => [scenario.title ?? scenario.name, scenario] as const))('%s', async (_name, scenario) => {
      // The clean run: which requests the operation makes, in order.
      const clean = await fresh(scenario);
      await clean.act();
      const baseline = clean.k.backend.requests();
      expect(baseline.length).toBeGreaterThan(0);

      const problems: string[] = [];
      for (const [index, request] of baseline.entries()) {
        for (const kind of FAULT_KINDS) {
          const label = `${scenario.name} / request ${index + 1} (${request.operation}) / ${kind}`;
          injected += 1;
          try {
            await runCase(scenario, index, baseline.map((r) => r.operation), request, kind);
            handled += 1;
          } catch (error) {
            problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
          } finally {
            faults.disarm();
            faults.release();
          }
        }
      }
      expect(problems).toEqual([]);
    }, 60_000); // up to 16 cases each, some waiting out a timeout: room for a loaded machine

    async function runCase(
      scenario: Scenario,
      index: number,
      operations: string[],
      request: { operation: string; input: unknown },
      kind: FaultKind,
    ): Promise<void> {
      const { k, auth, act } = await fresh(scenario, kind);
      const statusBefore = auth.getState().status;
      const firedBefore = faults.fired()[kind];
      const retried = RETRIED_KINDS.has(kind) && isRetriedRequest(request.operation, request.input);
      const absorbed = scenario.absorbs?.includes(request.operation) ?? false;
      const expectSuccess = kind === 'slow' || retried || absorbed;

      faults.arm({ kind, nth: index + 1 });
      const outcome = await act().then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      faults.disarm();
      await settle();

      expect(faults.fired()[kind] - firedBefore, 'the fault fired once').toBe(1);
      const sent = k.backend.requests().map((r) => r.operation);
      if (retried) {
        expect(sent, 'retried once, then went on').toEqual([...operations.slice(0, index + 1), ...operations.slice(index)]);
      } else if (expectSuccess) {
        expect(sent).toEqual(operations);
      } else {
        expect(sent, 'stopped at the fault, not retried').toEqual(operations.slice(0, index + 1));
      }

      if (expectSuccess) {
        if (!outcome.ok) throw new Error(`expected success, got ${describeError(outcome.error)}`);
      } else {
        if (outcome.ok) throw new Error('expected a failure, got success');
        expect(outcome.error).toBeInstanceOf(AuthError);
        expect((outcome.error as AuthError).name).toBe(EXPECTED_NAME[kind]);
        expect((outcome.error as AuthError).source).toBe(scenario.source ?? scenario.name);
        expect(auth.getState().status, 'a failure changes no status').toBe(statusBefore);
        const stateError = auth.getState().error;
        if (stateError) expect(stateError.name).toBe(EXPECTED_NAME[kind]);
      }
      expectConsistent(auth, k);

      if (!outcome.ok) {
        // Nothing lost: the same call, fault gone, succeeds (the faulted request never ran).
        await act();
        expectConsistent(auth, k);
      }
      expect(unhandled()).toEqual([]);
    }
  });
}

/** Never stuck loading; signed in exactly when a session is stored (no half-signed-in state). */
function expectConsistent(auth: Auth, k: EngineTestKit): void {
  const state = auth.getState();
  expect(state.status).not.toBe('loading');
  const stored = storedUser(k.storage, k.backend);
  if (state.status === 'signedIn') {
    expect(stored, 'signed in with a stored session').toBe(state.user.username);
  } else {
    expect(stored, 'signed out with nothing stored').toBeNull();
  }
}

function storedUser(storage: RecordingStorage, backend: CognitoBackend): string | null {
  const prefix = `CognitoIdentityServiceProvider.${backend.config.clientId}`;
  const user = storage.getItem(`${prefix}.LastAuthUser`);
  if (user === null) return null;
  return storage.getItem(`${prefix}.${user}.accessToken`) !== null ? user : null;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
