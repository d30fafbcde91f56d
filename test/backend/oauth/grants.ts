/**
 * Hosted-UI state: authorization codes (single use, short-lived, bound to everything the authorize
 * request said) and the hosted-UI session cookie that lets a second /oauth2/authorize skip the form.
 */
import { base64UrlEncode, randomBytes, uuid } from '../bytes';
import type { OAuthCodeSnapshot } from '../types';

export interface CodeGrant {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | undefined;
  scopes: string[];
  nonce: string | undefined;
  username: string;
  sub: string;
  /** Seconds, for the tokens' auth_time. */
  authTime: number;
  issuedAt: number;
  expiresAt: number;
  used: boolean;
  /** The origin the redemption opened: revoked if the code is replayed. */
  originJti: string | undefined;
}

export type NewCodeGrant = Omit<CodeGrant, 'code' | 'issuedAt' | 'expiresAt' | 'used' | 'originJti'>;

export interface HostedSession {
  username: string;
  sub: string;
  authTime: number;
  expiresAt: number;
}

/** Cognito's managed-login session cookie lasts an hour. */
const SESSION_MS = 3600_000;

export class GrantStore {
  readonly #codes = new Map<string, CodeGrant>();
  readonly #sessions = new Map<string, HostedSession>();

  constructor(
    private readonly now: () => number,
    private readonly codeMs: number,
    private readonly onSecret: (value: string) => void,
  ) {}

  issueCode(grant: NewCodeGrant): CodeGrant {
    const issuedAt = this.now();
    const record: CodeGrant = { ...grant, code: uuid(), issuedAt, expiresAt: issuedAt + this.codeMs, used: false, originJti: undefined };
    this.#codes.set(record.code, record);
    this.onSecret(record.code);
    return record;
  }

  code(code: string): CodeGrant | undefined {
    return this.#codes.get(code);
  }

  expired(grant: CodeGrant): boolean {
    return this.now() >= grant.expiresAt;
  }

  snapshots(): OAuthCodeSnapshot[] {
    return [...this.#codes.values()].map((g) => ({
      code: g.code,
      clientId: g.clientId,
      redirectUri: g.redirectUri,
      scopes: [...g.scopes],
      pkce: g.codeChallenge !== undefined,
      nonce: g.nonce,
      username: g.username,
      issuedAt: g.issuedAt,
      expiresAt: g.expiresAt,
      used: g.used,
    }));
  }

  openSession(username: string, sub: string, authTime: number): string {
    const id = base64UrlEncode(randomBytes(32));
    this.#sessions.set(id, { username, sub, authTime, expiresAt: this.now() + SESSION_MS });
    this.onSecret(id);
    return id;
  }

  session(id: string | undefined): HostedSession | undefined {
    const session = id === undefined ? undefined : this.#sessions.get(id);
    return session && this.now() < session.expiresAt ? session : undefined;
  }

  endSession(id: string | undefined): void {
    if (id !== undefined) this.#sessions.delete(id);
  }
}
