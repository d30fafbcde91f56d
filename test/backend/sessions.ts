/**
 * Challenge sessions: the server-side state behind each `Session` string. Every step closes the old
 * session and opens a new one, so a stale Session fails exactly like an expired one.
 */
import { base64UrlEncode, randomBytes } from './bytes';
import { MSG, fail } from './errors';
import type { ServerEphemeral } from './srp';
import type { MfaType } from './types';

export type ChallengeName =
  | 'PASSWORD_VERIFIER'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'NEW_PASSWORD_REQUIRED'
  | 'CUSTOM_CHALLENGE'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'SELECT_CHALLENGE'
  | 'EMAIL_OTP'
  | 'SMS_OTP'
  | 'WEB_AUTHN'
  /** Not a challenge: ConfirmSignUp's Session, which signs the new user in once (USER_AUTH). */
  | 'SIGN_UP_CONFIRMED';

export type AuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH';

/** What an EMAIL_OTP/SMS_OTP code proves: the first factor, the MFA, or the email being set up for MFA. */
export type OtpPurpose = 'FIRST_FACTOR' | 'MFA' | 'MFA_SETUP';

/** Progress of one sign-in through the pipeline in authPipeline.ts. */
export interface AuthState {
  /** Internal username. For a fake SRP round (preventUserExistenceErrors) no such user exists. */
  username: string;
  flow: AuthFlow;
  passwordVerified: boolean;
  /** Device the client claimed (DEVICE_KEY); only confirmed devices of the user get here. */
  deviceKey: string | undefined;
  newPasswordDone: boolean;
  customRounds: number;
  customFailures: number;
  mfaDone: boolean;
  deviceDone: boolean;
}

export interface SrpRound {
  A: bigint;
  eph: ServerEphemeral;
  secretBlock: string;
  verifier: bigint;
}

export interface ChallengeSession {
  id: string;
  challenge: ChallengeName;
  expiresAt: number;
  state: AuthState;
  srp?: SrpRound;
  /** SMS MFA code or custom-challenge answer. */
  expectedCode?: string;
  mfaChoices?: MfaType[];
  /** SELECT_CHALLENGE: the first factors this user may choose (USER_AUTH). */
  availableChallenges?: string[];
  /** EMAIL_OTP / SMS_OTP: what the code proves; with MFA_SETUP, the address being set up. */
  otpPurpose?: OtpPurpose;
  setupEmail?: string;
  /** MFA_SETUP: secret handed out by AssociateSoftwareToken, and whether VerifySoftwareToken passed. */
  pendingTotpSecret?: string;
  totpVerified?: boolean;
}

export type SessionExtras = Omit<ChallengeSession, 'id' | 'challenge' | 'expiresAt' | 'state'>;

export class SessionStore {
  readonly #sessions = new Map<string, ChallengeSession>();
  /** Ids already answered: replaying one gets Cognito's "can only be used once" error. */
  readonly #used = new Set<string>();
  /** Previous-step ids still accepted for DEVICE_SRP_AUTH (see `next`). */
  readonly #deviceAliases = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    private readonly validityMs: number,
    private readonly onSecret: (value: string) => void,
  ) {}

  open(challenge: ChallengeName, state: AuthState, extras: SessionExtras = {}): ChallengeSession {
    // Real Sessions are long opaque blobs; length matters to clients that store them.
    const id = base64UrlEncode(randomBytes(384));
    const session: ChallengeSession = { ...extras, id, challenge, state, expiresAt: this.now() + this.validityMs };
    this.#sessions.set(id, session);
    this.onSecret(id);
    return session;
  }

  /** The live session for `id`, or Cognito's invalid-session error. */
  get(id: string, challengeName?: string): ChallengeSession {
    const aliased = challengeName === 'DEVICE_SRP_AUTH' ? this.#deviceAliases.get(id) : undefined;
    const key = aliased ?? id;
    const session = this.#sessions.get(key);
    if (!session && this.#used.has(key)) throw fail.notAuthorized(MSG.sessionUsed);
    if (!session || this.now() >= session.expiresAt) {
      if (session) this.close(session);
      throw fail.notAuthorized(MSG.sessionExpired);
    }
    return session;
  }

  /** PASSWORD_VERIFIER answers may omit Session; the secret block identifies the round then. */
  findBySecretBlock(secretBlock: string): ChallengeSession | undefined {
    for (const s of this.#sessions.values()) if (s.srp?.secretBlock === secretBlock) return s;
    return undefined;
  }

  close(session: ChallengeSession): void {
    this.#sessions.delete(session.id);
    this.#used.add(session.id);
  }

  /** Closes `old` and opens the next step's session. */
  next(old: ChallengeSession, challenge: ChallengeName, extras: SessionExtras = {}): ChallengeSession {
    this.close(old);
    const session = this.open(challenge, old.state, extras);
    // acij's sendMFACode answers DEVICE_SRP_AUTH with the MFA step's Session (it never stores the new
    // one), and real Cognito evidently accepts that, so the previous id stays valid for that one answer.
    if (challenge === 'DEVICE_SRP_AUTH') this.#deviceAliases.set(old.id, session.id);
    return session;
  }
}
