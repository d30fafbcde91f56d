/**
 * An independent AWS Signature Version 4 verifier (header-signed requests only), written from the
 * published algorithm with node:crypto and nothing from the AWS SDK, so a test can prove that a
 * request the real SDK sent was signed with exactly the keys it expected.
 *
 * The steps, as AWS documents them:
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
 *                      SignedHeaders \n HashedPayload
 *   StringToSign     = "AWS4-HMAC-SHA256" \n AmzDate \n <date>/<region>/<service>/aws4_request \n
 *                      hex(SHA256(CanonicalRequest))
 *   SigningKey       = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
 *   Signature        = hex(HMAC(SigningKey, StringToSign))
 *
 * Nothing here ever puts a secret key or a session token into a reason or an error message.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS rejects a request whose x-amz-date is more than this far from its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface SigV4Secret {
  secretAccessKey: string;
  /** When set, the request must carry exactly this X-Amz-Security-Token, and sign it. */
  sessionToken?: string;
  /** When set and past, the request fails with ExpiredToken (as AWS does for old session keys). */
  expiration?: Date;
}

/** A request as it arrived on the wire. */
export interface WireRequest {
  method: string;
  /** The request target exactly as sent: raw path plus optional `?query` (Node's `req.url`). */
  url: string;
  /** Header names in any case; repeated headers as arrays, in arrival order. */
  headers: Record<string, string | readonly string[] | undefined>;
  body: Uint8Array;
}

export interface SigV4VerifyOptions {
  lookupSecret(accessKeyId: string): SigV4Secret | undefined;
  region: string;
  service: string;
  /** Milliseconds since the epoch; defaults to Date.now(). */
  now?: number;
}

/** AWS error codes a failed check maps to (the codes the real services return). */
export type SigV4ErrorCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'InvalidClientTokenId'
  | 'ExpiredToken'
  | 'SignatureDoesNotMatch';

export type SigV4Result =
  | { ok: true; accessKeyId: string; amzDate: string; signedHeaders: string[]; hasSessionToken: boolean }
  | { ok: false; code: SigV4ErrorCode; status: 400 | 403; reason: string; accessKeyId?: string; signedHeaders?: string[] };

// ---------------------------------------------------------------------------------------------
// The pieces of the algorithm (exported so a test can hold each against a published value).

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is encoded, hex upper-case. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Canonical URI for every service but S3: remove empty and dot segments, then URI-encode each
 * segment of the path *as received*. A path that arrived percent-encoded therefore ends up
 * encoded twice, which is what AWS documents ("each path segment must be URI-encoded twice")
 * and what the SDKs sign.
 */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  if (segments.length === 0) return '/';
  const trailing = rawPath.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // A stray '%' is taken literally; the signature check decides.
  }
}

/** Canonical query string: each name and value decoded, re-encoded strictly, sorted by name then value. */
export function canonicalQueryString(rawQuery: string): string {
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = uriEncode(decodeComponent(eq < 0 ? part : part.slice(0, eq)));
    const value = eq < 0 ? '' : uriEncode(decodeComponent(part.slice(eq + 1)));
    if (name === 'X-Amz-Signature') continue; // only ever present in presigned URLs
    pairs.push([name, value]);
  }
  pairs.sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Byte-order (code unit) comparison: the encoded strings are ASCII, so this is what AWS sorts by. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Header values for a name, however the caller spelled it; repeated headers keep their order. */
function headerValues(headers: WireRequest['headers'], lowerName: string): string[] | undefined {
  let found: string[] | undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== lowerName || value === undefined) continue;
    found = [...(found ?? []), ...(typeof value === 'string' ? [value] : value)];
  }
  return found;
}

function singleHeader(headers: WireRequest['headers'], lowerName: string): string | undefined {
  const values = headerValues(headers, lowerName);
  return values === undefined ? undefined : values.join(',');
}

/** `name:value` lines for the signed headers: values trimmed, inner runs of spaces collapsed, repeats joined with ','. */
export function canonicalHeaders(headers: WireRequest['headers'], signedHeaders: readonly string[]): string | { missing: string } {
  let out = '';
  for (const name of signedHeaders) {
    const values = headerValues(headers, name);
    if (values === undefined) return { missing: name };
    out += `${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`;
  }
  return out;
}

export function canonicalRequest(parts: {
  method: string;
  uri: string;
  query: string;
  headers: string;
  signedHeaders: readonly string[];
  payloadHash: string;
}): string {
  return [parts.method, parts.uri, parts.query, parts.headers, parts.signedHeaders.join(';'), parts.payloadHash].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

export function signature(key: Uint8Array, toSign: string): string {
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// The Authorization header.

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(header: string): ParsedAuthorization | { error: string } {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) return { error: `unsupported algorithm (expected ${SIGV4_ALGORITHM})` };
  const fields = new Map<string, string>();
  for (const field of header.slice(space + 1).split(',')) {
    const trimmed = field.trim();
    const eq = trimmed.indexOf('=');
    if (eq < 0) return { error: 'malformed Authorization field' };
    const key = trimmed.slice(0, eq);
    if (fields.has(key)) return { error: `repeated Authorization field ${key}` };
    fields.set(key, trimmed.slice(eq + 1));
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const sig = fields.get('Signature');
  if (credential === undefined || signedHeaders === undefined || sig === undefined) {
    return { error: 'Authorization header needs Credential, SignedHeaders and Signature' };
  }
  const scope = credential.split('/');
  if (scope.length !== 5) return { error: 'Credential must be <key>/<date>/<region>/<service>/aws4_request' };
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = scope;
  if (!/^[0-9a-f]{64}$/.test(sig)) return { error: 'Signature must be 64 lower-case hex digits' };
  const names = signedHeaders.split(';');
  if (names.some((name) => name === '' || name !== name.toLowerCase().trim())) {
    return { error: 'SignedHeaders must be lower-case header names separated by ;' };
  }
  if (names.some((name, i) => i > 0 && compare(names[i - 1] ?? '', name) >= 0)) {
    return { error: 'SignedHeaders must be sorted and unique' };
  }
  return { accessKeyId, date, region, service, terminator, signedHeaders: names, signature: sig };
}

/** `YYYYMMDDTHHMMSSZ` → epoch milliseconds, or undefined if it is not that shape. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Reject impossible dates (20150231) rather than let Date roll them over.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return ms;
}

// ---------------------------------------------------------------------------------------------
// The whole check.

export function verifySigV4(request: WireRequest, options: SigV4VerifyOptions): SigV4Result {
  const authorization = singleHeader(request.headers, 'authorization');
  if (authorization === undefined) {
    return { ok: false, status: 403, code: 'MissingAuthenticationToken', reason: 'no Authorization header' };
  }
  const parsed = parseAuthorization(authorization);
  if ('error' in parsed) return { ok: false, status: 400, code: 'IncompleteSignature', reason: parsed.error };
  const { accessKeyId, signedHeaders } = parsed;
  const fail = (status: 400 | 403, code: SigV4ErrorCode, reason: string): SigV4Result => ({
    ok: false,
    status,
    code,
    reason,
    accessKeyId,
    signedHeaders,
  });

  if (!signedHeaders.includes('host')) return fail(400, 'IncompleteSignature', 'the host header must be signed');
  if (!signedHeaders.includes('x-amz-date')) return fail(400, 'IncompleteSignature', 'the x-amz-date header must be signed');
  const amzDate = singleHeader(request.headers, 'x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) return fail(400, 'IncompleteSignature', 'x-amz-date is not an ISO 8601 basic date (YYYYMMDDTHHMMSSZ)');

  // Credential scope.
  if (parsed.terminator !== 'aws4_request') return fail(403, 'SignatureDoesNotMatch', "credential scope must end in 'aws4_request'");
  if (parsed.date !== amzDate.slice(0, 8)) {
    return fail(403, 'SignatureDoesNotMatch', `credential scope date ${parsed.date} does not match x-amz-date ${amzDate}`);
  }
  if (parsed.region !== options.region) {
    return fail(403, 'SignatureDoesNotMatch', `credential should be scoped to region '${options.region}', not '${parsed.region}'`);
  }
  if (parsed.service !== options.service) {
    return fail(403, 'SignatureDoesNotMatch', `credential should be scoped to service '${options.service}', not '${parsed.service}'`);
  }

  // Clock.
  const now = options.now ?? Date.now();
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
    return fail(403, 'SignatureDoesNotMatch', `signature expired: x-amz-date ${amzDate} is more than 15 minutes from the server time`);
  }

  // Keys.
  const secret = options.lookupSecret(accessKeyId);
  if (secret === undefined) return fail(403, 'InvalidClientTokenId', 'unknown access key id');
  const token = singleHeader(request.headers, 'x-amz-security-token');
  if (secret.sessionToken !== undefined) {
    if (token === undefined) return fail(403, 'InvalidClientTokenId', 'temporary keys used without their X-Amz-Security-Token');
    if (!equalStrings(token, secret.sessionToken)) return fail(403, 'InvalidClientTokenId', 'X-Amz-Security-Token is not the session token of this access key');
    if (!signedHeaders.includes('x-amz-security-token')) return fail(403, 'SignatureDoesNotMatch', 'x-amz-security-token is present but not signed');
  } else if (token !== undefined) {
    return fail(403, 'InvalidClientTokenId', 'X-Amz-Security-Token sent with long-term keys');
  }
  if (secret.expiration !== undefined && now >= secret.expiration.getTime()) {
    return fail(403, 'ExpiredToken', 'the session keys have expired');
  }

  // Payload.
  const bodyHash = sha256Hex(request.body);
  const declared = singleHeader(request.headers, 'x-amz-content-sha256');
  if (declared !== undefined && declared !== 'UNSIGNED-PAYLOAD' && declared !== bodyHash) {
    return fail(403, 'SignatureDoesNotMatch', 'x-amz-content-sha256 does not match the body');
  }
  const payloadHash = declared ?? bodyHash;

  // Canonical request, string to sign, signature.
  const q = request.url.indexOf('?');
  const rawPath = q < 0 ? request.url : request.url.slice(0, q);
  const rawQuery = q < 0 ? '' : request.url.slice(q + 1);
  const headers = canonicalHeaders(request.headers, signedHeaders);
  if (typeof headers !== 'string') return fail(403, 'SignatureDoesNotMatch', `signed header '${headers.missing}' is not in the request`);
  const canonical = canonicalRequest({
    method: request.method.toUpperCase(),
    uri: canonicalUri(rawPath),
    query: canonicalQueryString(rawQuery),
    headers,
    signedHeaders,
    payloadHash,
  });
  const scope = `${parsed.date}/${parsed.region}/${parsed.service}/aws4_request`;
  const expected = signature(signingKey(secret.secretAccessKey, parsed.date, parsed.region, parsed.service), stringToSign(amzDate, scope, canonical));
  if (!equalStrings(expected, parsed.signature)) {
    // The canonical request holds the session token, so only its hash goes into the reason.
    return fail(403, 'SignatureDoesNotMatch', `signature does not match (server canonical request sha256 ${sha256Hex(canonical)})`);
  }
  return { ok: true, accessKeyId, amzDate, signedHeaders, hasSessionToken: token !== undefined };
}

function equalStrings(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
