import { authError } from './normalizeError';

/** The subset of `fetch` the engine uses; inject one to run against an in-process backend. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/** One JSON-RPC call to a Cognito service. Every Cognito call of the engine goes through this. */
export type ServiceCall = <T = Record<string, unknown>>(operation: string, input: object) => Promise<T>;

export interface ServiceTransportOptions {
  endpoint: string;
  /** `AWSCognitoIdentityProviderService` or `AWSCognitoIdentityService`. */
  service: string;
  fetch: FetchLike;
}

/**
 * Speaks the wire format amazon-cognito-identity-js's `Client` speaks (same headers, same error
 * parsing), but through an injected fetch: acij's Client calls the global fetch, which tests,
 * stories and service workers need to replace, and it flattens network failures into a bare Error.
 */
export function createServiceCall({ endpoint, service, fetch }: ServiceTransportOptions): ServiceCall {
  return async <T>(operation: string, input: object): Promise<T> => {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `${service}.${operation}`,
          'X-Amz-User-Agent': 'cognito-react-kit/0.1',
          'Cache-Control': 'no-store',
        },
        body: JSON.stringify(input),
      });
    } catch (cause) {
      throw authError('NetworkError', `${operation} could not reach ${safeHost(endpoint)}`, operation, { cause });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw authError('NetworkError', `${operation}: the response was cut off`, operation, { cause });
    }
    const body = parseJson(text);
    if (response.ok) {
      if (body === undefined) {
        // Some operations (GlobalSignOut, RevokeToken) answer 200 with an empty body.
        if (text.trim() === '') return {} as T;
        throw authError('UnknownError', `${operation}: the response was not JSON`, operation, {
          statusCode: response.status,
        });
      }
      return body as T;
    }
    const name = errorName(response.headers.get('x-amzn-errortype'), body) ?? `HttpError${response.status}`;
    const message = errorMessage(body) ?? `${operation} failed with HTTP ${response.status}`;
    throw authError(name, message, operation, { statusCode: response.status });
  };
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
