import type { JwtPayload } from '../core/index';

// Claims and fields whose values are secrets, or derived from one: shown masked, never in full.
const SECRET_NAME = /secret|password|signature|nonce|hash|session|token$|code$|uri$|verifier/i;
// A JWT (three base64url parts) or a long opaque string anywhere in a value: masked wherever it sits.
const JWT_LIKE = /[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
const MASK = '••••••';

/** A claim's value as text, masked when its name says secret or it holds something token-like. */
export function claimText(name: string, value: unknown): string {
  if (SECRET_NAME.test(name) && name !== 'token_use') return MASK;
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.replace(JWT_LIKE, MASK);
}

/** A token's claims as `[name, text]` pairs, masked as the panel shows them (secret-named claims, token-shaped values). */
export function maskedClaims(payload: JwtPayload): [string, string][] {
  return Object.entries(payload).map(([name, value]) => [name, claimText(name, value)]);
}

/** `value` as indented JSON with secret-named fields masked, functions dropped, tokens masked. */
export function maskedJson(value: unknown): string {
  const json = JSON.stringify(value, (key, field: unknown) => (key !== '' && SECRET_NAME.test(key) && field != null && typeof field !== 'object' ? MASK : field), 2);
  return (json ?? 'null').replace(JWT_LIKE, MASK);
}
