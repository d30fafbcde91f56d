import { authError } from './normalizeError';
import { isRetryable, retryDelayMs, type RetryOptions } from './retryPolicy';
import type { AuthError } from './errors';
import { globalTimers, type Timers } from './timers';

/**
 * The subset of `fetch` the engine uses; inject one to run against an in-process backend. Every
 * request asks for `redirect: 'error'`: a password, code or token must never be re-sent to wherever
 * a 307/308 points; an injected fetch should honour it too.
 */
export type FetchLike = (
  url: string,
  // No body on a GET (the user pool's signing keys, for the implicit flow's id token).
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal; redirect?: 'error' },
) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/** One JSON-RPC call to a Cognito service. Every Cognito call of the engine goes through this. */
export type ServiceCall = <T = Record<string, unknown>>(operation: string, input: object) => Promise<T>;

/** Default per-attempt timeout of a Cognito request, in ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface ServiceTransportOptions {
  endpoint: string;
  /** `AWSCognitoIdentityProviderService` or `AWSCognitoIdentityService`. */
  service: string;
  fetch: FetchLike;
  /** Per attempt, in ms. Default 15000. */
  timeoutMs?: number;
  /** Retries of idempotent operations after network faults and 5xx. Default 2 retries from 200 ms. */
  retry?: RetryOptions;
  /** The signal that aborts every request in flight (the engine's `abort()`), read when a call starts. */
  signal?: () => AbortSignal | undefined;
  /** Timeouts and backoff waits. Default: the global timers. */
  timers?: Timers;
  /** A number in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
}

/**
 * Speaks the wire format amazon-cognito-identity-js's `Client` speaks (same headers, same error
 * parsing), but through an injected fetch: amazon-cognito-identity-js's Client calls the global fetch, which tests,
 * stories and service workers need to replace, and it flattens network failures into a bare Error.
 * Each attempt has a timeout; idempotent operations are retried with backoff (retryPolicy.ts).
 */
export function createServiceCall(options: ServiceTransportOptions): ServiceCall {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const timers = options.timers ?? globalTimers;
  return async <T>(operation: string, input: object): Promise<T> => {
    const signal = options.signal?.();
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await callOnce<T>(options, operation, input, timeoutMs, signal, timers);
      } catch (thrown) {
        const error = thrown as AuthError;
        const delay = retryDelayMs(attempt, options.retry, options.random);
        if (delay === undefined || !isRetryable(operation, input, error)) throw error;
        await sleep(delay, signal, operation, timers);
      }
    }
  };
}

async function callOnce<T>(
  { endpoint, service, fetch }: ServiceTransportOptions,
  operation: string,
  input: object,
  timeoutMs: number,
  outer: AbortSignal | undefined,
  timers: Timers,
): Promise<T> {
  if (outer?.aborted) throw aborted(operation);
  const controller = new AbortController();
  let timedOut = false;
  const timer = timers.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  // Raced as well as passed on: an injected fetch may ignore the signal, and a body can stall too.
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () =>
      reject(timedOut ? authError('NetworkError', `${operation} timed out after ${timeoutMs} ms`, operation) : aborted(operation)),
    );
  });
  stopped.catch(() => undefined); // only ever observed through the races below
  try {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      const request = fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `${service}.${operation}`,
          'X-Amz-User-Agent': 'cognito-react-kit/0.1',
          'Cache-Control': 'no-store',
        },
        body: JSON.stringify(input),
        signal: controller.signal,
        redirect: 'error',
      });
      request.catch(() => undefined); // a late rejection after the race was lost is not unhandled
      response = await Promise.race([request, stopped]);
    } catch (cause) {
      if (controller.signal.aborted) throw await stopped.catch((reason: unknown) => reason);
      // Token isolation's worker said why it sent nothing (docs/token-isolation.md): that, not a network error.
      if (cause instanceof Error && cause.name.startsWith('TokenIsolation')) throw cause;
      throw authError('NetworkError', `${operation} could not reach ${safeHost(endpoint)}`, operation, { cause });
    }
    let text: string;
    try {
      const body = response.text();
      body.catch(() => undefined);
      text = await Promise.race([body, stopped]);
    } catch (cause) {
      if (controller.signal.aborted) throw await stopped.catch((reason: unknown) => reason);
      throw authError('NetworkError', `${operation}: the response was cut off`, operation, { cause });
    }
    return parseResponse<T>(operation, response, text);
  } finally {
    timers.clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

function parseResponse<T>(operation: string, response: { ok: boolean; status: number; headers: { get(name: string): string | null } }, text: string): T {
  const body = parseJson(text);
  if (response.ok) {
    if (body === undefined) {
      // Some operations (GlobalSignOut, RevokeToken) answer 200 with an empty body.
      if (text.trim() === '') return {} as T;
      throw authError('UnknownError', `${operation}: the response was not JSON`, operation, {
        statusCode: response.status,
      });
    }
    // Cognito's answers that succeed never carry an error type: a 200 that does (a proxy, a broken
    // gateway) is that error, not data (read as data, a GetUser answer would wipe the user).
    const typed = stringField(body, '__type');
    if (typed === undefined) return body as T;
  }
  const name = errorName(response.headers.get('x-amzn-errortype'), body) ?? `HttpError${response.status}`;
  const message = errorMessage(body) ?? `${operation} failed with HTTP ${response.status}`;
  throw authError(name, message, operation, { statusCode: response.status });
}

function aborted(operation: string): AuthError {
  return authError('AbortError', `${operation} was aborted`, operation);
}

/** Backoff wait that an abort cuts short. */
function sleep(ms: number, signal: AbortSignal | undefined, operation: string, timers: Timers): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted(operation));
      return;
    }
    const onAbort = () => {
      timers.clearTimeout(timer);
      reject(aborted(operation));
    };
    const timer = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseJson(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Header, then `code`, then `__type`; keep the part after `#` and before `:` (Amplify's order). */
function errorName(header: string | null, body: Record<string, unknown> | undefined): string | undefined {
  const raw = header || stringField(body, 'code') || stringField(body, '__type');
  if (!raw) return undefined;
  const name = raw.split(/[:,]/)[0]!.split('#').pop()!.trim();
  return name || undefined;
}

function errorMessage(body: Record<string, unknown> | undefined): string | undefined {
  return stringField(body, 'message') ?? stringField(body, 'Message');
}

function stringField(body: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = body?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the endpoint';
  }
}

