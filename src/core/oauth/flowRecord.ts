import type { StorageLike } from '../config/types';

/** What a hosted-UI sign-in must remember across the redirect. */
export interface OAuthFlowRecord {
  state: string;
  redirectUri: string;
  responseType: 'code' | 'token';
  /** PKCE verifier (code flow). */
  verifier?: string;
  /** Expected `nonce` claim (when `openid` is in scope). */
  nonce?: string;
  /** The app's own state, handed back in `customOAuthState`. */
  customState?: string;
  /** ms; a record older than FLOW_TTL_MS is ignored. */
  createdAt: number;
}

// Longer than any sensible hosted-UI visit, short enough that a forgotten tab cannot finish it later.
const FLOW_TTL_MS = 30 * 60_000;

export function flowKey(clientId: string): string {
  return `CognitoReactKit.${clientId}.oauthFlow`;
}

export function saveFlow(storage: StorageLike, clientId: string, record: OAuthFlowRecord): void {
  storage.setItem(flowKey(clientId), JSON.stringify(record));
}

/** Read and delete in one go: a record is usable once, and nothing "in progress" outlives a failure. */
export function takeFlow(storage: StorageLike, clientId: string, now: number): OAuthFlowRecord | undefined {
  let raw: string | null;
  try {
    raw = storage.getItem(flowKey(clientId));
    storage.removeItem(flowKey(clientId));
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const record = JSON.parse(raw) as OAuthFlowRecord;
    if (typeof record.state !== 'string' || typeof record.redirectUri !== 'string') return undefined;
    if (typeof record.createdAt !== 'number' || now - record.createdAt > FLOW_TTL_MS) return undefined;
    return record;
  } catch {
    return undefined;
  }
}
