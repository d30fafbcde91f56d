/**
 * Codes the pool "sends": a delivery log tests read instead of an inbox, plus the pending codes the
 * verify operations check. Codes are random; only the delivered one is accepted.
 */
import { constantTimeEqual, randomDigits } from './bytes';
import { MSG, fail } from './errors';
import type { UserRecord } from './users';
import type { CodeKind, DeliveredCode, DeliveryMedium } from './types';

/** Cognito's masking: `j***@e***` for email, `+*******1234` for phone numbers. */
export function maskDestination(medium: DeliveryMedium, value: string): string {
  if (medium === 'EMAIL') {
    const [local = '', domain = ''] = value.split('@');
    return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
  }
  const digits = value.replace(/^\+/, '');
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

export interface Delivery {
  medium: DeliveryMedium;
  attributeName: 'email' | 'phone_number';
  /** The real address; the API only ever shows the masked form. */
  address: string;
}

export function deliveryTo(user: UserRecord, attributeName: 'email' | 'phone_number'): Delivery | undefined {
  const address = user.attributes[attributeName];
  if (!address) return undefined;
  return { medium: attributeName === 'email' ? 'EMAIL' : 'SMS', attributeName, address };
}

/** The wire shape of CodeDeliveryDetails. */
export function deliveryDetails(d: Delivery): { Destination: string; DeliveryMedium: DeliveryMedium; AttributeName: string } {
  return { Destination: maskDestination(d.medium, d.address), DeliveryMedium: d.medium, AttributeName: d.attributeName };
}

interface Pending {
  code: string;
  expiresAt: number;
}

const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

export class CodeStore {
  readonly log: DeliveredCode[] = [];
  readonly #pending = new Map<string, Pending>();
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly onSecret: (value: string) => void,
    private readonly validityMs: number,
    private readonly onSent: (delivered: DeliveredCode) => void = () => undefined,
  ) {}

  /** Records a delivery and returns the fresh code (MFA and custom challenges keep it on their session). */
  send(user: UserRecord, kind: CodeKind, d: Delivery): string {
    const code = randomDigits(6);
    this.onSecret(code);
    const delivered: DeliveredCode = {
      username: user.username,
      kind,
      code,
      destination: d.address,
      medium: d.medium,
      attributeName: d.attributeName,
      at: this.now(),
    };
    this.log.push(delivered);
    this.onSent({ ...delivered });
    return code;
  }

  /** Sends a code that a later verify() checks; a new code replaces the previous one. */
  issue(user: UserRecord, kind: CodeKind, d: Delivery, scope = ''): void {
    const code = this.send(user, kind, d);
    this.#pending.set(this.#key(user.username, kind, scope), { code, expiresAt: this.now() + this.validityMs });
  }

  /** Throws Cognito's LimitExceeded / CodeMismatch / ExpiredCode errors; consumes the code on success. */
  verify(username: string, kind: CodeKind, code: string, scope = ''): void {
    const key = this.#key(username, kind, scope);
    const now = this.now();
    const recent = (this.#failures.get(key) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);
    if (recent.length >= MAX_FAILURES) throw fail.limitExceeded(MSG.attemptLimit);
    const pending = this.#pending.get(key);
    if (!pending) throw fail.expiredCode(MSG.codeExpired);
    if (!constantTimeEqual(pending.code, code)) {
      this.#failures.set(key, [...recent, now]);
      throw fail.codeMismatch(MSG.codeMismatch);
    }
    if (now >= pending.expiresAt) throw fail.expiredCode(MSG.codeExpired);
    this.#pending.delete(key);
    this.#failures.delete(key);
  }

  forgetUser(username: string): void {
    const prefix = `${username.toLowerCase()}|`;
    for (const key of [...this.#pending.keys()]) if (key.startsWith(prefix)) this.#pending.delete(key);
  }

  #key(username: string, kind: CodeKind, scope: string): string {
    return `${username.toLowerCase()}|${kind}|${scope}`;
  }
}
