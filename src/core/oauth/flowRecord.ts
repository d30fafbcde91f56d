import type { StorageLike } from '../config/types';
import { constantTimeEqual } from './constantTimeEqual';

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

/**
 * The pending record when `state` is its state, expired or not (the answer is ours, only late).
 * A URL whose state is not ours (a search page's `?state=CA`, a forged link) is not our callback.
 */
export function flowAnsweredBy(storage: StorageLike, clientId: string, state: string | null): OAuthFlowRecord | undefined {
  if (state === null) return undefined;
  let raw: string | null;
  try {
    raw = storage.getItem(flowKey(clientId));
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const record = JSON.parse(raw) as OAuthFlowRecord | null;
    return typeof record?.state === 'string' && constantTimeEqual(state, record.state) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read and delete the record `state` answers, in one go: it is usable once, and nothing "in
 * progress" outlives a failure. Any other state leaves it for the real answer.
 */
export function takeFlow(storage: StorageLike, clientId: string, state: string | null, now: number): OAuthFlowRecord | undefined {
  const record = flowAnsweredBy(storage, clientId, state);
  if (!record) return undefined;
  try {
    storage.removeItem(flowKey(clientId));
  } catch {
    return undefined;
  }
  // Ours but unusable (damaged, or expired): used up all the same.
  if (typeof record.redirectUri !== 'string' || typeof record.createdAt !== 'number' || now - record.createdAt > FLOW_TTL_MS) return undefined;
  return record;
}
