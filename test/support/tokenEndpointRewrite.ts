/** A fetch for hosted-UI tests that rewrites the claims of the id token the token endpoint returns (signature kept). */
import type { FetchLike } from '../../src/core/index';

export type ClaimsRewrite = (claims: Record<string, unknown>) => Record<string, unknown>;

/** The JWT `token` with its payload replaced by `rewrite(payload)`; header and signature unchanged. */
export function withClaims(token: string, rewrite: ClaimsRewrite): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify(rewrite(claims))).toString('base64url')}.${signature}`;
}

/** The global fetch, except that `/oauth2/token` answers with its id token's claims rewritten. */
export function rewriteIdToken(rewrite: ClaimsRewrite): FetchLike {
  return async (url, init) => {
    const response = await globalThis.fetch(url, init);
    if (new URL(url).pathname !== '/oauth2/token') return response;
    const tokens = JSON.parse(await response.text()) as { id_token: string };
    return new Response(JSON.stringify({ ...tokens, id_token: withClaims(tokens.id_token, rewrite) }), { status: response.status, headers: response.headers });
  };
}
