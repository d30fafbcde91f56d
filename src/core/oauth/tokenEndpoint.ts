import { authError } from '../normalizeError';
import type { FetchLike } from '../transport';

export interface OAuthTokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in?: number;
  token_type?: string;
}

/** POST a form to a hosted-UI endpoint (`/oauth2/token`, `/oauth2/revoke`); OAuth errors become typed AuthErrors. */
export async function postForm(fetch: FetchLike, url: string, form: Record<string, string>, source: string): Promise<string> {
  let response: Awaited<ReturnType<FetchLike>>;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      // The code, its PKCE verifier or a refresh token must never follow a redirect to another origin.
      redirect: 'error',
    });
    text = await response.text();
  } catch (cause) {
    throw authError('NetworkError', `${source} could not reach the hosted UI`, source, { cause });
  }
  if (!response.ok) {
    let error = `http_${response.status}`;
    let description = '';
    try {
      const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
      if (typeof body.error === 'string') error = body.error;
      if (typeof body.error_description === 'string') description = body.error_description;
    } catch {
      /* not JSON: keep the status */
    }
    throw authError('OAuthSignInException', description ? `${error}: ${description}` : error, source, { statusCode: response.status });
  }
  return text;
}

/** authorization_code grant with the PKCE verifier. */
export async function exchangeCode(
  fetch: FetchLike,
  origin: string,
  input: { clientId: string; code: string; redirectUri: string; verifier?: string },
): Promise<OAuthTokens> {
  const text = await postForm(
    fetch,
    `${origin}/oauth2/token`,
    {
      grant_type: 'authorization_code',
      client_id: input.clientId,
      code: input.code,
      redirect_uri: input.redirectUri,
      ...(input.verifier ? { code_verifier: input.verifier } : {}),
    },
    'handleRedirect',
  );
  let tokens: Partial<OAuthTokens>;
  try {
    tokens = JSON.parse(text) as Partial<OAuthTokens>;
  } catch {
    throw authError('OAuthSignInException', 'The token endpoint did not answer with JSON.', 'handleRedirect');
  }
  if (typeof tokens.access_token !== 'string') {
    throw authError('OAuthSignInException', 'The token endpoint returned no access token.', 'handleRedirect');
  }
  if (typeof tokens.id_token !== 'string') {
    // Cognito issues an id token only for the openid scope, and a session needs one.
    throw authError('OAuthSignInException', 'The token endpoint returned no id token: add "openid" to oauth.scope.', 'handleRedirect');
  }
  return tokens as OAuthTokens;
}
