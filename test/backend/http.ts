/**
 * The HTTP face of the backend without any transport: CORS, routing, the AWS JSON 1.1 envelope and
 * error shape. server.ts (node:http) and fetchHandler.ts (service worker / MSW) both call this.
 */
import { uuid } from './bytes';
import { BackendError } from './errors';
import { isRecord } from './jwt';
import type { BackendConfig, HttpRequest, HttpResponse } from './types';

/** X-Amz-Target prefixes: user pools (`idp`) and identity pools (`identity`) share the `POST /` endpoint. */
const TARGET_PREFIXES = { idp: 'AWSCognitoIdentityProviderService.', identity: 'AWSCognitoIdentityService.' } as const;
export type Service = keyof typeof TARGET_PREFIXES;

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  // amz-sdk-*: aws-amplify 6's AWS SDK sends them, and Cognito allows them.
  'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent, cache-control, authorization, amz-sdk-request, amz-sdk-invocation-id',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  // Browsers hide non-safelisted headers unless exposed; clients read x-amzn-errortype.
  'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date',
  'access-control-max-age': '86400',
};

export function jsonResponse(status: number, body: unknown, extra: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { ...CORS_HEADERS, 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': uuid(), ...extra },
    body: JSON.stringify(body),
  };
}

/** `{"__type": name, "message": ...}` with the name in `x-amzn-errortype` too, as Cognito sends it. */
export function errorResponse(error: BackendError): HttpResponse {
  return jsonResponse(
    error.status,
    { __type: error.name, message: error.message },
    { 'x-amzn-errortype': error.name, 'x-amzn-errormessage': error.message },
  );
}

export interface HttpDeps {
  config: BackendConfig;
  jwks(): Promise<unknown>;
  /** Runs one operation (counting, intercept, errors included). */
  dispatch(operation: string, input: Record<string, unknown>, service: Service): Promise<HttpResponse>;
  /** Is `path` a hosted-UI endpoint (`/oauth2/*`, `/login`, `/logout`)? */
  isOAuthPath(path: string): boolean;
  /** The hosted-UI endpoints. */
  oauth(request: HttpRequest): Promise<HttpResponse>;
}

export async function handleHttp(deps: HttpDeps, req: HttpRequest): Promise<HttpResponse> {
  const method = req.method.toUpperCase();
  const path = req.path.split('?')[0] ?? '/';
  if (method === 'OPTIONS') return { status: 204, headers: { ...CORS_HEADERS }, body: '' };
  if (deps.isOAuthPath(path)) return deps.oauth(req);

  if (method === 'GET') {
    const base = `/${deps.config.userPoolId}/.well-known/`;
    if (path === `${base}jwks.json`) return jsonResponse(200, await deps.jwks(), { 'content-type': 'application/json' });
    if (path === `${base}openid-configuration`) {
      return jsonResponse(
        200,
        {
          issuer: deps.config.issuer,
          jwks_uri: `${deps.config.issuer}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
          subject_types_supported: ['public'],
          response_types_supported: ['code', 'token'],
        },
        { 'content-type': 'application/json' },
      );
    }
    return jsonResponse(404, { message: 'Not Found' }, { 'content-type': 'application/json' });
  }

  if (method !== 'POST' || path !== '/') {
    return errorResponse(new BackendError('UnknownOperationException', `No route for ${method} ${path}`, 404));
  }

  const target = headerValue(req.headers, 'x-amz-target') ?? '';
  const service = (Object.keys(TARGET_PREFIXES) as Service[]).find((s) => target.startsWith(TARGET_PREFIXES[s]));
  if (!service) return errorResponse(new BackendError('UnknownOperationException', ''));
  let input: unknown;
  try {
    input = req.body.trim() === '' ? {} : JSON.parse(req.body);
  } catch {
    return errorResponse(new BackendError('SerializationException', 'Start of structure or map found where not expected.'));
  }
  if (!isRecord(input)) return errorResponse(new BackendError('SerializationException', 'Expected a JSON object body.'));
  return deps.dispatch(target.slice(TARGET_PREFIXES[service].length), input, service);
}

export function targetFor(service: Service, operation: string): string {
  return `${TARGET_PREFIXES[service]}${operation}`;
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
