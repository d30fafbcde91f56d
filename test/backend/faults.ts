/**
 * Fault injection for the test backend, per operation and per request, on top of the `intercept`
 * hook: HTTP 500/503, connection reset, a hang past the client's timeout, malformed JSON,
 * throttling (TooManyRequests / LimitExceeded) and slow answers. Faults fire before the operation
 * runs, so the backend's state never moves for a faulted request (a retry or a resubmit is clean).
 */
import type { Intercept, InterceptResponse } from './types';

export const FAULT_KINDS = ['http500', 'http503', 'reset', 'hang', 'malformedJson', 'tooManyRequests', 'limitExceeded', 'slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Header on an intercepted response that asks the HTTP adapters to drop the connection instead of
 * answering (server.ts destroys the socket; fetchHandler.ts rejects like fetch does).
 */
export const RESET_HEADER = 'x-test-fault';

export interface FaultRule {
  kind: FaultKind;
  /** Only requests for this operation count (hosted-UI and identity-pool names too). Default: every request. */
  operation?: string;
  /** Fire on the n-th counted request after `arm` (1-based). Default 1. */
  nth?: number;
  /** Fire on this many consecutive counted requests from the n-th on. Default 1. */
  times?: number;
}

export interface FaultOptions {
  /** Delay of a `slow` answer, in ms. Default 50. */
  slowMs?: number;
  /** A `hang` ends (as a reset) after this long if `release()` is not called first. Default 10000. */
  hangMs?: number;
}

export interface FaultInjector {
  /** Pass as `BackendOptions.intercept` (or call from your own intercept). */
  intercept: Intercept;
  /** Replace the rule and restart counting. */
  arm(rule: FaultRule): void;
  disarm(): void;
  /** Faults fired since the injector was made, by kind. */
  fired(): Record<FaultKind, number>;
  /** End every hanging request now (as a reset), so nothing outlives a test. */
  release(): void;
}

export function createFaultInjector(options: FaultOptions = {}): FaultInjector {
  const slowMs = options.slowMs ?? 50;
  const hangMs = options.hangMs ?? 10_000;
  let rule: FaultRule | undefined;
  let seen = 0;
  const fired = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const hanging = new Set<() => void>();

  const intercept: Intercept = async (operation) => {
    if (!rule || (rule.operation !== undefined && rule.operation !== operation)) return undefined;
    seen += 1;
    const first = rule.nth ?? 1;
    if (seen < first || seen >= first + (rule.times ?? 1)) return undefined;
    fired[rule.kind] += 1;
    return respond(rule.kind);
  };

  async function respond(kind: FaultKind): Promise<InterceptResponse | undefined> {
    switch (kind) {
      case 'http500':
        return cognitoError(500, 'InternalErrorException', 'An internal error occurred.');
      case 'http503':
        // What a load balancer in front sends: no Cognito error type, an HTML body.
        return { status: 503, headers: { 'content-type': 'text/html' }, body: '<html><body>503 Service Unavailable</body></html>' };
      case 'reset':
        return reset();
      case 'hang':
        await new Promise<void>((resolve) => {
          const end = () => {
            clearTimeout(timer);
            hanging.delete(end);
            resolve();
          };
          const timer = setTimeout(end, hangMs);
          hanging.add(end);
        });
        return reset();
      case 'malformedJson':
        return { status: 200, body: '{"AuthenticationResult": {"AccessToken": "eyJ' };
      case 'tooManyRequests':
        return cognitoError(400, 'TooManyRequestsException', 'Rate exceeded');
      case 'limitExceeded':
        return cognitoError(400, 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        return undefined;
    }
  }

  return {
    intercept,
    arm(next) {
      rule = next;
      seen = 0;
    },
    disarm() {
      rule = undefined;
      seen = 0;
    },
    fired: () => ({ ...fired }),
    release() {
      for (const end of [...hanging]) end();
    },
  };
}

function cognitoError(status: number, name: string, message: string): InterceptResponse {
  return { status, headers: { 'x-amzn-errortype': `${name}:` }, body: JSON.stringify({ __type: name, message }) };
}

function reset(): InterceptResponse {
  return { status: 500, headers: { [RESET_HEADER]: 'reset' }, body: '' };
}
