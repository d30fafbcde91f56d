/** RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) and RFC 4648 base32, as authenticator apps use them. */
import { randomBytes, type Bytes } from './bytes';
import { hmac } from './hash';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_MS = 30_000;

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Bytes {
  const clean = text.replace(/=+$/, '').replace(/\s+/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error('invalid base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** 20 random bytes = 32 base32 characters, the length Cognito's SecretCode has. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

async function codeForStep(key: Bytes, step: number): Promise<string> {
  const counter = new Uint8Array(8);
  let c = step;
  for (let i = 7; i >= 0; i--) {
    counter[i] = c & 0xff;
    c = Math.floor(c / 256);
  }
  const mac = await hmac('SHA-1', key, counter);
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary =
    (((mac[offset] ?? 0) & 0x7f) << 24) |
    ((mac[offset + 1] ?? 0) << 16) |
    ((mac[offset + 2] ?? 0) << 8) |
    (mac[offset + 3] ?? 0);
  return String(binary % 1_000_000).padStart(6, '0');
}

/** The code an authenticator app shows for `secretBase32` at `timeMs` (defaults to the real clock). */
export async function totpCode(secretBase32: string, timeMs: number = Date.now()): Promise<string> {
  return codeForStep(base32Decode(secretBase32), Math.floor(timeMs / TOTP_STEP_MS));
}

/** Returns the matching time step within ±window steps of `timeMs`, or undefined. */
export async function matchTotp(secretBase32: string, code: string, timeMs: number, window = 1): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const key = base32Decode(secretBase32);
  const now = Math.floor(timeMs / TOTP_STEP_MS);
  for (let step = now - window; step <= now + window; step++) {
    if ((await codeForStep(key, step)) === code) return step;
  }
  return undefined;
}

/** The URI an authenticator app scans as a QR code. */
export function otpauthUri(secretBase32: string, account: string, issuer = 'cognito-react-kit'): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}`;
}
