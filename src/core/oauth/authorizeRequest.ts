import type { ResolvedOAuthConfig } from '../config/types';
import type { FederatedSignInOptions } from '../hostedUi';
import { authError } from '../normalizeError';
import type { OAuthFlowRecord } from './flowRecord';
import { hostedUiOrigin, pickRedirect } from './hostedUiUrls';
import { pkceChallenge, randomToken } from './pkce';
import { POPUP_STATE } from './popupWindow';

// The hosted UI's authorize request, loaded on demand by federatedSignIn.

const AUTHORIZE_OPTIONS = Object.freeze({ loginHint: 'login_hint', lang: 'lang', prompt: 'prompt', idpIdentifier: 'idp_identifier' } as const);
const PROMPTS: readonly string[] = Object.freeze(['login', 'none', 'consent', 'select_account']);

/** The authorize request's optional parameters, each a non-empty string (`prompt` one of Cognito's). */
function authorizeOptions(options: FederatedSignInOptions, source: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, param] of Object.entries(AUTHORIZE_OPTIONS)) {
    const value: unknown = options[key as keyof typeof AUTHORIZE_OPTIONS];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '' || (key === 'prompt' && !PROMPTS.includes(value))) {
      throw authError('InvalidArgument', key === 'prompt' ? `prompt must be one of ${PROMPTS.join(', ')}.` : `${key} must be a non-empty string.`, source);
    }
    params[param] = value;
  }
  if (options.nonce !== undefined && (typeof options.nonce !== 'string' || options.nonce === '')) throw authError('InvalidArgument', 'nonce must be a non-empty string.', source);
  return params;
}

export interface AuthorizeRequestInput {
  oauth: ResolvedOAuthConfig;
  clientId: string;
  options: FederatedSignInOptions;
  currentUrl: string | undefined;
  random: (size: number) => Uint8Array;
  now: () => number;
  source: string;
  /** The sign-in runs in a popup: its state says so to the callback page there. */
  popup?: boolean;
}

/** The `/oauth2/authorize` URL and the flow record (state, PKCE verifier, nonce) the callback is checked against. */
export async function authorizeRequest({ oauth, clientId, options, currentUrl, random, now, source, popup = false }: AuthorizeRequestInput): Promise<{ url: string; record: OAuthFlowRecord }> {
  const extra = authorizeOptions(options, source);
  const redirectUri = pickRedirect(oauth.redirectSignIn, currentUrl, 'redirectSignIn', source);
  const record: OAuthFlowRecord = {
    state: `${popup ? POPUP_STATE : ''}${randomToken(random)}`,
    redirectUri,
    responseType: oauth.responseType,
    createdAt: now(),
    ...(oauth.responseType === 'code' ? { verifier: randomToken(random, 48) } : {}),
    ...(options.nonce ? { nonce: options.nonce } : oauth.scope.includes('openid') ? { nonce: randomToken(random) } : {}),
    ...(options.customState === undefined ? {} : { customState: String(options.customState) }),
  };
  const params = new URLSearchParams({
    response_type: oauth.responseType,
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: oauth.scope.join(' '),
    state: record.state,
  });
  const provider = options.customProvider ?? options.provider;
  if (provider) params.set('identity_provider', provider);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  if (record.verifier) {
    params.set('code_challenge', await pkceChallenge(record.verifier));
    params.set('code_challenge_method', 'S256');
  }
  if (record.nonce) params.set('nonce', record.nonce);
  return { url: `${hostedUiOrigin(oauth)}/oauth2/authorize?${params.toString()}`, record };
}
