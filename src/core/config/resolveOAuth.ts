import { Issues, describe, expected, isObjectLike } from './issues';
import { OAUTH_KEYS } from './keys';
import { hostProblem, redirectUrlProblem } from './patterns';
import type { OAuthResponseType, ResolvedOAuthConfig } from './types';

/** Amplify's default (the scopes the CLI writes), in its order. */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = Object.freeze([
  'phone',
  'email',
  'openid',
  'profile',
  'aws.cognito.signin.user.admin',
]);

const RESPONSE_TYPES: readonly OAuthResponseType[] = Object.freeze(['code', 'token']);

/** Hosted UI settings, or undefined when the hosted UI is off. */
export function resolveOAuth(value: unknown, issues: Issues): ResolvedOAuthConfig | undefined {
  if (value === undefined) return undefined;
  if (!isObjectLike(value)) {
    issues.add('oauth', expected('an object with domain, redirectSignIn and redirectSignOut', value));
    return undefined;
  }
  const raw = issues.read(value, OAUTH_KEYS, 'oauth.');
  // The Amplify CLI writes `oauth: {}` into aws-exports when the hosted UI is not set up.
  if (OAUTH_KEYS.every((key) => raw[key] === undefined)) return undefined;

  const before = issues.list.length;
  const domain = resolveDomain(raw.domain, issues);
  const scope = resolveScope(raw.scope, issues);
  const redirectSignIn = resolveRedirects(raw.redirectSignIn, 'oauth.redirectSignIn', issues);
  const redirectSignOut = resolveRedirects(raw.redirectSignOut, 'oauth.redirectSignOut', issues);
  const responseType = raw.responseType === undefined ? 'code' : RESPONSE_TYPES.find((t) => t === raw.responseType);
  if (responseType === undefined) {
    // Implicit flow ('token') returns no refresh token; the two are all Cognito's hosted UI offers.
    issues.add('oauth.responseType', expected('"code" or "token"', raw.responseType));
  }
  if (issues.list.length > before || domain === undefined || responseType === undefined) return undefined;
  return { domain, scope, redirectSignIn, redirectSignOut, responseType };
}

function resolveDomain(value: unknown, issues: Issues): string | undefined {
  const field = 'oauth.domain';
  if (value === undefined) {
    issues.add(field, 'is required: the hosted UI domain, e.g. "myapp.auth.us-east-1.amazoncognito.com"');
    return undefined;
  }
  if (typeof value !== 'string' || value === '') {
    issues.add(field, expected('a host such as "myapp.auth.us-east-1.amazoncognito.com"', value));
    return undefined;
  }
  const problem = hostProblem(value);
  if (problem === undefined) return value;
  issues.add(field, `${problem}, got ${describe(value)}`);
  return undefined;
}

function resolveScope(value: unknown, issues: Issues): string[] {
  if (value === undefined) return [...DEFAULT_OAUTH_SCOPES];
  if (!Array.isArray(value)) {
    issues.add('oauth.scope', expected('an array of scope names such as ["openid", "email"]', value));
    return [];
  }
  const scope: string[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    // Scopes travel space-separated in the authorize URL, so a space would split one into two.
    if (typeof item !== 'string' || item === '' || /\s/.test(item)) {
      issues.add('oauth.scope', `item ${index}: ${expected('a non-empty scope name without spaces', item)}`);
    } else {
      scope.push(item);
    }
  }
  return scope;
}

function resolveRedirects(value: unknown, field: string, issues: Issues): string[] {
  if (value === undefined) {
    issues.add(field, 'is required: one URL or a comma-separated list, e.g. "http://localhost:3000/"');
    return [];
  }
  if (typeof value !== 'string') {
    issues.add(field, expected('a URL string (join several with commas)', value));
    return [];
  }
  const urls = value.split(',').map((url) => url.trim());
  for (const url of urls) {
    if (url === '') {
      issues.add(field, 'has an empty entry (check for a stray comma)');
      continue;
    }
    const problem = redirectUrlProblem(url);
    if (problem !== undefined) {
      issues.add(field, `${describe(url)} ${problem} (expected http(s):// or an app scheme such as myapp://)`);
    }
  }
  return urls;
}
