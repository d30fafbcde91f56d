/** The user table: records, lookup by username or sign-in alias, password hashing, snapshots. */
import { randomString, uuid } from './bytes';
import { computeX, newSaltHex, verifierFromX } from './srp';
import type { BackendConfig, MfaType, UserSnapshot, UserStatus } from './types';
import type { PasskeyRecord, PendingWebAuthnChallenge } from './webauthn/passkeyRecord';

export interface DeviceRecord {
  key: string;
  groupKey: string;
  name: string | undefined;
  /** True once ConfirmDevice stored the SRP verifier. */
  confirmed: boolean;
  saltHex: string | undefined;
  verifier: bigint | undefined;
  remembered: boolean;
  createdAt: number;
  modifiedAt: number;
  lastAuthenticatedAt: number | undefined;
}

export interface MfaRecord {
  sms: boolean;
  totp: boolean;
  email: boolean;
  preferred: MfaType | undefined;
  /** Verified secret (the authenticator the user set up). */
  totpSecret: string | undefined;
  /** Secret from AssociateSoftwareToken awaiting VerifySoftwareToken. */
  pendingTotpSecret: string | undefined;
  /** Last accepted TOTP step: Cognito refuses a code twice. */
  lastTotpStep: number | undefined;
}

export interface UserRecord {
  /** Internal username: what USER_ID_FOR_SRP, `username` and `cognito:username` carry. */
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  /** All attributes as strings, including sub and the *_verified flags. */
  attributes: Record<string, string>;
  saltHex: string;
  /** SRP x: the salted password hash, compared directly for USER_PASSWORD_AUTH / ChangePassword. */
  x: bigint;
  verifier: bigint;
  mfa: MfaRecord;
  /** Signed up without a password (a passwordless pool): the password factors are not offered. */
  passwordless?: boolean;
  /** One device group per user, as Cognito does. */
  deviceGroupKey: string;
  devices: Map<string, DeviceRecord>;
  /** Registered WebAuthn credentials, oldest first. */
  passkeys: PasskeyRecord[];
  /** Issued WebAuthn challenges by value (see webauthn/challenges.ts). */
  webAuthnChallenges: Map<string, PendingWebAuthnChallenge>;
  createdAt: number;
  modifiedAt: number;
}

export interface NewUser {
  username: string;
  password: string;
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
}

export class UserStore {
  readonly #users = new Map<string, UserRecord>();

  constructor(
    private readonly config: BackendConfig,
    private readonly now: () => number,
  ) {}

  /** Exact internal username (case-insensitive, like new Cognito pools). */
  get(username: string): UserRecord | undefined {
    return this.#users.get(username.toLowerCase());
  }

  /** Internal username, or an email / phone alias when the pool signs in by those. */
  find(identifier: string): UserRecord | undefined {
    const direct = this.get(identifier);
    if (direct) return direct;
    for (const attr of this.config.usernameAttributes) {
      const hit = this.findByAttribute(attr, identifier);
      if (hit) return hit;
    }
    return undefined;
  }

  findByAttribute(name: string, value: string): UserRecord | undefined {
    const want = name === 'email' ? value.toLowerCase() : value;
    for (const user of this.#users.values()) {
      const have = user.attributes[name];
      if (have !== undefined && (name === 'email' ? have.toLowerCase() : have) === want) return user;
    }
    return undefined;
  }

  /** The user holding this passkey (credential ids are unique across the pool). */
  findByPasskey(credentialId: string): UserRecord | undefined {
    for (const user of this.#users.values()) if (user.passkeys.some((p) => p.credentialId === credentialId)) return user;
    return undefined;
  }

  async create(input: NewUser): Promise<UserRecord> {
    const sub = input.attributes.sub ?? uuid();
    const at = this.now();
    const user: UserRecord = {
      username: input.username,
      sub,
      status: input.status,
      enabled: input.enabled,
      attributes: { ...input.attributes, sub },
      saltHex: '',
      x: 0n,
      verifier: 0n,
      mfa: { sms: false, totp: false, email: false, preferred: undefined, totpSecret: undefined, pendingTotpSecret: undefined, lastTotpStep: undefined },
      deviceGroupKey: `-${randomString(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
      devices: new Map(),
      passkeys: [],
      webAuthnChallenges: new Map(),
      createdAt: at,
      modifiedAt: at,
    };
    await this.setPassword(user, input.password);
    this.#users.set(user.username.toLowerCase(), user);
    return user;
  }

  delete(user: UserRecord): void {
    this.#users.delete(user.username.toLowerCase());
  }

  /** Fresh salt and verifier, as Cognito stores on every password change. */
  async setPassword(user: UserRecord, password: string): Promise<void> {
    user.saltHex = newSaltHex();
    user.x = await computeX(this.config.poolName, user.username, password, user.saltHex);
    user.verifier = verifierFromX(user.x);
    user.modifiedAt = this.now();
  }

  async checkPassword(user: UserRecord, password: string): Promise<boolean> {
    return (await computeX(this.config.poolName, user.username, password, user.saltHex)) === user.x;
  }

  snapshot(user: UserRecord): UserSnapshot {
    return {
      username: user.username,
      sub: user.sub,
      status: user.status,
      enabled: user.enabled,
      attributes: { ...user.attributes },
      mfa: { sms: user.mfa.sms, totp: user.mfa.totp, email: user.mfa.email, preferred: user.mfa.preferred, totpSecret: user.mfa.totpSecret },
      devices: [...user.devices.values()].map((d) => ({
        deviceKey: d.key,
        deviceGroupKey: d.groupKey,
        name: d.name,
        confirmed: d.confirmed,
        remembered: d.remembered,
        createdAt: d.createdAt,
        lastAuthenticatedAt: d.lastAuthenticatedAt,
      })),
      passkeys: user.passkeys.map((p) => ({
        credentialId: p.credentialId,
        alg: p.alg,
        signCount: p.signCount,
        transports: [...p.transports],
        attachment: p.attachment,
        friendlyName: p.friendlyName,
        createdAt: p.createdAt,
        lastUsedAt: p.lastUsedAt,
      })),
    };
  }
}
