/**
 * A loopback fake of one AWS service that checks every request's Signature Version 4 with its own
 * verifier (./sigv4.ts, node:crypto only), so a test can hand credentials to a real AWS SDK v3
 * client and prove they were used to sign, exactly as issued.
 *
 * The service is STS `GetCallerIdentity` (client: `@aws-sdk/client-sts`). Why that one:
 *  - it is the smallest useful call in the SDK: no input, no IAM permission needed, and AWS's own
 *    answer to "whose keys are these?", which is the question the test asks;
 *  - its protocol (awsQuery) is a form-encoded POST to `/` answered by a few lines of XML, so
 *    serving it needs no model of the service;
 *  - STS is what hands out the temporary keys (access key, secret, session token) that Cognito
 *    identity pools issue, so the session-token path gets exercised the way it is in production.
 *
 * Only header-signed requests are accepted (what SDK clients send); presigned URLs are rejected as
 * unauthenticated. Nothing is logged, and no secret or token goes into a record or a response.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySigV4, type SigV4ErrorCode, type SigV4Secret } from './sigv4';

export interface FakeAwsIdentity {
  arn: string;
  userId: string;
  account: string;
}

export interface FakeAwsSecret extends SigV4Secret {
  /** What GetCallerIdentity reports for these keys; defaults derive from the access key id. */
  identity?: Partial<FakeAwsIdentity>;
}

export interface FakeAwsServiceOptions {
  /** The keys the service accepts; `undefined` → InvalidClientTokenId. */
  lookupSecret(accessKeyId: string): FakeAwsSecret | undefined;
  /** The region the credential scope must name (default `us-east-1`). */
  region?: string;
  /** The signing name the credential scope must name (default `sts`). */
  service?: string;
  /** The server's clock, for the 15-minute x-amz-date window (default Date.now). */
  now?: () => number;
}

export type FakeAwsErrorCode = SigV4ErrorCode | 'InvalidAction' | 'InternalFailure';

export interface SignedRequestRecord {
  method: string;
  /** Path and query as received. */
  url: string;
  /** The `Action` the request asked for, if any. */
  action?: string;
  /** The access key id named in the Authorization header, if it could be parsed. */
  accessKeyId?: string;
  /** The SigV4 signature checked out with the secret (and session token) of `accessKeyId`. */
  ok: boolean;
  status: number;
  code?: FakeAwsErrorCode;
  /** Why the request was refused; never contains a secret. */
  reason?: string;
  signedHeaders?: string[];
  /** The request carried an X-Amz-Security-Token (its value is not recorded). */
  hasSessionToken: boolean;
  amzDate?: string;
}

export interface FakeAwsService {
  /** `http://127.0.0.1:<port>`, to pass as a client's `endpoint`. */
  url: string;
  /** One record per request, in arrival order. */
  requests: SignedRequestRecord[];
  close(): Promise<void>;
}

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const DEFAULT_ACCOUNT = '123456789012';

export async function startFakeAwsService(options: FakeAwsServiceOptions): Promise<FakeAwsService> {
  const region = options.region ?? 'us-east-1';
  const service = options.service ?? 'sts';
  const requests: SignedRequestRecord[] = [];

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handle(req, body, res))
      .catch((error: unknown) => {
        requests.push({ method: req.method ?? '', url: req.url ?? '', ok: false, status: 500, code: 'InternalFailure', reason: describe(error), hasSessionToken: false });
        if (!res.headersSent) sendError(res, 500, 'Receiver', 'InternalFailure', 'The fake service failed to handle the request.');
        else res.destroy();
      });
  });

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const headers = req.headersDistinct;
    const action = actionOf(url, headers['content-type']?.[0], body);
    const result = verifySigV4({ method, url, headers, body }, { lookupSecret: options.lookupSecret, region, service, now: (options.now ?? Date.now)() });
    const base = { method, url, ...(action !== undefined ? { action } : {}), hasSessionToken: headers['x-amz-security-token'] !== undefined };

    if (!result.ok) {
      requests.push({
        ...base,
        ...(result.accessKeyId !== undefined ? { accessKeyId: result.accessKeyId } : {}),
        ...(result.signedHeaders !== undefined ? { signedHeaders: result.signedHeaders } : {}),
        ok: false,
        status: result.status,
        code: result.code,
        reason: result.reason,
      });
      sendError(res, result.status, 'Sender', result.code, publicMessage(result.code));
      return;
    }

    const signed = { ...base, accessKeyId: result.accessKeyId, signedHeaders: result.signedHeaders, amzDate: result.amzDate, ok: true };
    if (action !== 'GetCallerIdentity') {
      const reason = `Could not find operation ${action ?? '(none)'} for version 2011-06-15`;
      requests.push({ ...signed, status: 400, code: 'InvalidAction', reason });
      sendError(res, 400, 'Sender', 'InvalidAction', reason);
      return;
    }
    requests.push({ ...signed, status: 200 });
    const identity = options.lookupSecret(result.accessKeyId)?.identity ?? {};
    const account = identity.account ?? DEFAULT_ACCOUNT;
    const userId = identity.userId ?? result.accessKeyId;
    const arn = identity.arn ?? `arn:aws:sts::${account}:assumed-role/FakeAwsServiceRole/${result.accessKeyId}`;
    const requestId = randomUUID();
    send(
      res,
      200,
      requestId,
      `<GetCallerIdentityResponse xmlns="${STS_XMLNS}">\n` +
        `  <GetCallerIdentityResult>\n` +
        `    <Arn>${xml(arn)}</Arn>\n` +
        `    <UserId>${xml(userId)}</UserId>\n` +
        `    <Account>${xml(account)}</Account>\n` +
        `  </GetCallerIdentityResult>\n` +
        `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
        `</GetCallerIdentityResponse>\n`,
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // SDK clients keep connections alive; without this close() would wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** awsQuery puts `Action` in the form body of a POST, or in the query string of a GET. */
function actionOf(url: string, contentType: string | undefined, body: Buffer): string | undefined {
  const q = url.indexOf('?');
  const fromQuery = q < 0 ? null : new URLSearchParams(url.slice(q + 1)).get('Action');
  if (fromQuery !== null) return fromQuery;
  if (contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return new URLSearchParams(body.toString('utf8')).get('Action') ?? undefined;
  }
  return undefined;
}

/** The messages AWS itself returns for these codes (no request detail, so nothing secret). */
function publicMessage(code: SigV4ErrorCode): string {
  switch (code) {
    case 'MissingAuthenticationToken':
      return 'Request is missing Authentication Token';
    case 'IncompleteSignature':
      return 'The request signature does not conform to AWS standards.';
    case 'InvalidClientTokenId':
      return 'The security token included in the request is invalid.';
    case 'ExpiredToken':
      return 'The security token included in the request is expired';
    case 'SignatureDoesNotMatch':
      return 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
  }
}

function sendError(res: ServerResponse, status: number, type: 'Sender' | 'Receiver', code: string, message: string): void {
  const requestId = randomUUID();
  send(
    res,
    status,
    requestId,
    `<ErrorResponse xmlns="${STS_XMLNS}">\n` +
      `  <Error>\n    <Type>${type}</Type>\n    <Code>${xml(code)}</Code>\n    <Message>${xml(message)}</Message>\n  </Error>\n` +
      `  <RequestId>${requestId}</RequestId>\n` +
      `</ErrorResponse>\n`,
  );
}

function send(res: ServerResponse, status: number, requestId: string, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}

function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
}
