/**
 * WebAuthn challenges: 32 random bytes, kept on the user they were issued to, for one ceremony kind,
 * until answered or expired. Taking a challenge removes it whatever the verdict, so every challenge is
 * answered at most once (a replayed response, or a retry after a failure, needs a new one).
 */
import { base64UrlEncode, randomBytes } from '../bytes';
import type { Ctx } from '../context';
import type { UserRecord } from '../users';
import type { PendingWebAuthnChallenge } from './passkeyRecord';
import { webAuthnFail } from './errors';

/** All the challenge store needs of the backend: its clock (and, for callers, its config). */
export type WebAuthnCtx = Pick<Ctx, 'config' | 'now'>;

export function issueChallenge(ctx: WebAuthnCtx, user: UserRecord, purpose: PendingWebAuthnChallenge['purpose'], lifetimeMs: number): string {
  const now = ctx.now();
  for (const [value, pending] of user.webAuthnChallenges) if (now >= pending.expiresAt) user.webAuthnChallenges.delete(value);
  const challenge = base64UrlEncode(randomBytes(32));
  user.webAuthnChallenges.set(challenge, { purpose, expiresAt: now + lifetimeMs });
  return challenge;
}

/** Consumes `challenge`, or throws WebAuthnChallengeNotFoundException (unknown, used, expired, other purpose). */
export function takeChallenge(ctx: WebAuthnCtx, user: UserRecord, purpose: PendingWebAuthnChallenge['purpose'], challenge: string): void {
  const pending = user.webAuthnChallenges.get(challenge);
  if (!pending || pending.purpose !== purpose) throw webAuthnFail.challengeNotFound('WebAuthn challenge not found.');
  user.webAuthnChallenges.delete(challenge);
  if (ctx.now() >= pending.expiresAt) throw webAuthnFail.challengeNotFound('WebAuthn challenge has expired.');
}
