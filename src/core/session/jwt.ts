export type JwtPayload = Record<string, unknown> & { exp?: number; iat?: number; sub?: string };

/** Decode a JWT's payload without verifying it (the server verifies; we only read claims). */
export function decodeJwtPayload(token: string): JwtPayload | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JwtPayload) : undefined;
  } catch {
    return undefined;
  }
}

export function numericClaim(payload: JwtPayload | undefined, claim: 'exp' | 'iat'): number | undefined {
  const value = payload?.[claim];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
