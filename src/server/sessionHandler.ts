import { ConfigError, normalizeConfigInput, resolveConfig, type AuthConfigInput, type FetchLike } from '../core/index';
import { isRefreshTokenShaped, readRefreshToken, refreshTokenSetCookie, type RefreshTokenCookie } from './refreshTokenCookie';

export interface SessionHandlerOptions {
  /** The path the handler is mounted at; it answers POST `<basePath>/session`, `/refresh` and `/sign-out`. Default `'/api/auth'`. */
  basePath?: string;
  /** Name of the httpOnly cookie that holds the refresh token. Default `'crk-refresh-token'`. */
  cookieName?: string;
  /** Lifetime of that cookie in seconds (match the app client's refresh token validity). Default 30 days. */
  maxAgeSeconds?: number;
  /** Origins whose pages may call the handler (behind a proxy that rewrites the request URL). Default: the request URL's own origin only. */
  allowedOrigins?: readonly string[];
  /** fetch for the calls to Cognito. Default: the global `fetch`. */
  fetch?: FetchLike;
}

/** A Web-standard route handler: mount it where the browser engine's `sessionEndpoint` points. */
export type SessionHandler = (request: Request) => Promise<Response>;

/** The header the browser engine sends on every call: a cross-site form or a simple request cannot set it. */
export const SESSION_REQUEST_HEADER = 'X-CRK-Request';

interface HandlerContext {
  endpoint: string;
  clientId: string;
  rotation: boolean;
  cookie: RefreshTokenCookie;
  allowedOrigins: readonly string[] | undefined;
  fetch: FetchLike;
}

// Cognito's answers that say the refresh token (or its user) is done for: its cookie goes too.
const TOKEN_IS_DEAD: readonly string[] = Object.freeze(['NotAuthorizedException', 'UserNotFoundException', 'RefreshTokenReuseException']);

type Route = (request: Request, ctx: HandlerContext, url: URL) => Promise<Response>;

/**
 * Backend-for-frontend: keeps the refresh token in an httpOnly cookie so page scripts never see it.
 * The browser engine (with `sessionEndpoint`) hands the token over once after sign-in, then refreshes
 * and signs out through here; this handler calls Cognito with the token. Every request must be a
 * POST from an allowed origin carrying `X-CRK-Request: 1` (CSRF), else 403. Nothing is logged.
 */
export function createSessionHandler(config: AuthConfigInput, options: SessionHandlerOptions = {}): SessionHandler {
  const resolved = resolveConfig(normalizeConfigInput(config));
  const clientId = resolved.userPoolWebClientId;
  if (!clientId) throw new ConfigError([{ field: 'userPoolWebClientId', reason: 'is needed to refresh the user pool’s tokens on the server' }]);
  const basePath = `/${(options.basePath ?? '/api/auth').replace(/^\/+|\/+$/g, '')}`;
  const ctx: HandlerContext = {
    endpoint: resolved.endpoint,
    clientId,
    rotation: resolved.refreshTokenRotation === true,
    cookie: { name: options.cookieName ?? 'crk-refresh-token', path: basePath, maxAgeSeconds: options.maxAgeSeconds ?? 30 * 86_400 },
    allowedOrigins: options.allowedOrigins,
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
  };
  const routes = new Map<string, Route>([['session', storeToken], ['refresh', refresh], ['sign-out', signOut]]);
  const prefix = basePath === '/' ? '/' : `${basePath}/`;
  return async (request) => {
    const url = new URL(request.url);
    const route = url.pathname.startsWith(prefix) ? routes.get(url.pathname.slice(prefix.length)) : undefined;
    if (!route) return cognitoError(404, 'ResourceNotFoundException', 'No such session route.');
    if (request.method !== 'POST') return cognitoError(405, 'MethodNotAllowed', 'Use POST.', { Allow: 'POST' });
    if (!sameOrigin(request, url, ctx)) return cognitoError(403, 'Forbidden', 'Cross-site request refused.');
    return route(request, ctx, url);
  };
}

/** CSRF: the custom header (never sent cross-site without a CORS preflight we do not answer) and an allowed `Origin`. */
function sameOrigin(request: Request, url: URL, ctx: HandlerContext): boolean {
  if (request.headers.get(SESSION_REQUEST_HEADER) !== '1') return false;
  const origin = request.headers.get('origin');
  return origin !== null && (ctx.allowedOrigins ?? [url.origin]).includes(origin);
}

const storeToken: Route = async (request, ctx, url) => {
  const body = await jsonBody(request);
  const token = body?.['refreshToken'];
  if (!isRefreshTokenShaped(token)) return cognitoError(400, 'InvalidParameterException', 'A refresh token is required.');
  return new Response(null, { status: 204, headers: noStore({ 'Set-Cookie': refreshTokenSetCookie(token, ctx.cookie, url) }) });
};

const refresh: Route = async (request, ctx, url) => {
  const token = readRefreshToken(request, ctx.cookie);
  if (!token) return cognitoError(401, 'NotAuthorizedException', 'No refresh token cookie: sign in again.');
  const deviceKey = (await jsonBody(request))?.['deviceKey'];
  const device = typeof deviceKey === 'string' && deviceKey ? deviceKey : undefined;
  // With rotation on, Cognito refuses REFRESH_TOKEN_AUTH: GetTokensFromRefreshToken returns a new refresh token.
  const answer = ctx.rotation
    ? await callCognito(ctx, 'GetTokensFromRefreshToken', { ClientId: ctx.clientId, RefreshToken: token, ...(device && { DeviceKey: device }) })
    : await callCognito(ctx, 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: ctx.clientId,
        AuthParameters: { REFRESH_TOKEN: token, ...(device && { DEVICE_KEY: device }) },
      });
  if (!answer.ok) {
    // Cognito's word about the token (revoked, expired, reused): the cookie is worthless, drop it.
    const dead = TOKEN_IS_DEAD.includes(String(answer.body['__type']));
    return Response.json(answer.body, { status: answer.status, headers: noStore(dead ? { 'Set-Cookie': refreshTokenSetCookie(null, ctx.cookie, url) } : {}) });
  }
  const result = answer.body['AuthenticationResult'] as Record<string, unknown> | undefined;
  const { IdToken: idToken, AccessToken: accessToken, RefreshToken: rotated } = result ?? {};
  if (typeof idToken !== 'string' || typeof accessToken !== 'string') return cognitoError(502, 'UnknownError', 'Cognito answered without tokens.');
  const headers: Record<string, string> = isRefreshTokenShaped(rotated) ? { 'Set-Cookie': refreshTokenSetCookie(rotated, ctx.cookie, url) } : {};
  // Cognito's answer, less the refresh token: the page gets what it would get from Cognito, and no more.
  return Response.json({ AuthenticationResult: { IdToken: idToken, AccessToken: accessToken, ExpiresIn: result?.['ExpiresIn'], TokenType: result?.['TokenType'] } }, { headers: noStore(headers) });
};

const signOut: Route = async (request, ctx, url) => {
  const token = readRefreshToken(request, ctx.cookie);
  // Revocation off for the app client (or a token Cognito no longer knows): clearing the cookie still signs out here.
  if (token) await callCognito(ctx, 'RevokeToken', { Token: token, ClientId: ctx.clientId }).catch(() => undefined);
  return new Response(null, { status: 204, headers: noStore({ 'Set-Cookie': refreshTokenSetCookie(null, ctx.cookie, url) }) });
};

async function callCognito(ctx: HandlerContext, operation: string, input: object): Promise<{ ok: boolean; status: number; body: Record<string, unknown> }> {
  let response: Awaited<ReturnType<FetchLike>>;
  let text: string;
  try {
    response = await ctx.fetch(ctx.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`, 'Cache-Control': 'no-store' },
      body: JSON.stringify(input),
      redirect: 'error',
    });
    text = await response.text();
  } catch {
    return { ok: false, status: 502, body: { __type: 'NetworkError', message: 'Cognito could not be reached.' } };
  }
  const body = parseObject(text) ?? {};
  if (response.ok && body['__type'] === undefined) return { ok: true, status: 200, body };
  // Cognito's own error type and message only: nothing else of the answer reaches the page.
  const raw = response.headers.get('x-amzn-errortype') || (typeof body['__type'] === 'string' ? body['__type'] : '');
  const name = raw.split(':')[0]!.split('#').pop() || 'UnknownError';
  const message = typeof body['message'] === 'string' ? body['message'] : `${operation} failed.`;
  return { ok: false, status: response.status >= 500 ? 502 : response.status, body: { __type: name, message } };
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  return parseObject(await request.text().catch(() => ''));
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function noStore(headers: Record<string, string>): Record<string, string> {
  return { 'Cache-Control': 'no-store', ...headers };
}

/** An error in Cognito's shape, which the browser engine turns into the typed error Cognito's own would be. */
function cognitoError(status: number, type: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ __type: type, message }, { status, headers: noStore(headers) });
}
