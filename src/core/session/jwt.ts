const MAX_CLAIM_DEPTH = 32;

export type JwtPayload = Record<string, unknown> & { exp?: number; iat?: number; sub?: string };

/** Decode a JWT's payload without verifying it (the server verifies; we only read claims). */
export function decodeJwtPayload(token: string): JwtPayload | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const json = new TextDecoder().decode(bytes);
    // Cognito's claims nest two levels at most; thousands (corruption, or a forged token) would
    // overflow the stack wherever the claims are serialised again: such a token is unreadable.
    if (nestingDepth(json) > MAX_CLAIM_DEPTH) return undefined;
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JwtPayload) : undefined;
  } catch {
    return undefined;
  }
}

export function numericClaim(payload: JwtPayload | undefined, claim: 'exp' | 'iat'): number | undefined {
  const value = payload?.[claim];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The deepest `{`/`[` nesting of a JSON text, brackets inside strings not counted. */
function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}
