/**
 * The AWS SDK's own SigV4 signer (`@smithy/signature-v4`, what every SDK v3 client signs with),
 * wrapped so a test can sign an arbitrary request and hand the result to the independent verifier
 * in ./sigv4.ts. Used only to cross-check that verifier; the fake service never uses it.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { uriEncode, type WireRequest } from './sigv4';

/** SHA-256 / HMAC-SHA-256 on node:crypto in the shape the signer expects (a smithy Checksum). */
export class NodeSha256 {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }

  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    const secret = this.secret;
    if (secret === undefined) return createHash('sha256');
    const key =
      typeof secret === 'string'
        ? Buffer.from(secret, 'utf8')
        : secret instanceof ArrayBuffer
          ? Buffer.from(secret)
          : Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength);
    return createHmac('sha256', key);
  }
}

export interface ReferenceRequest {
  method: string;
  /** `host[:port]`, sent as the Host header. */
  host: string;
  /** The path as it goes on the wire (already percent-encoded). */
  path: string;
  /** Decoded query parameters; the wire form encodes them as SigV4 does. */
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

export interface ReferenceKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Sign with the SDK's signer; returns the request as a server would receive it. */
export async function signWithSdkSigner(
  request: ReferenceRequest,
  keys: ReferenceKeys,
  scope: { region: string; service: string; signingDate: Date },
): Promise<WireRequest> {
  const signer = new SignatureV4({ credentials: keys, region: scope.region, service: scope.service, sha256: NodeSha256, uriEscapePath: true });
  const [hostname = '', port] = request.host.split(':');
  const body = request.body ?? new Uint8Array();
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname,
      ...(port !== undefined ? { port: Number(port) } : {}),
      path: request.path,
      query: request.query ?? {},
      headers: { ...request.headers, host: request.host },
      body,
    },
    { signingDate: scope.signingDate },
  );
  const query = Object.entries(request.query ?? {})
    .flatMap(([name, value]) => (typeof value === 'string' ? [value] : value).map((v) => `${uriEncode(name)}=${uriEncode(v)}`))
    .join('&');
  return { method: signed.method, url: query === '' ? request.path : `${request.path}?${query}`, headers: { ...signed.headers }, body };
}
