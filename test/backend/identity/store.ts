/**
 * Identity pool state: identities (guest or bound to a user-pool `sub`) and the AWS credentials issued
 * for them, kept so a fake AWS service can look a SigV4 access key up.
 */
import { bytesToBase64, randomBytes, randomString, uuid } from '../bytes';
import type { IssuedCredentials } from '../types';

export interface IdentityRecord {
  id: string;
  /** The user-pool user this identity belongs to; undefined for a guest (unauthenticated) identity. */
  sub: string | undefined;
  createdAt: number;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export class IdentityStore {
  readonly #identities = new Map<string, IdentityRecord>();
  readonly #bySub = new Map<string, IdentityRecord>();
  readonly #credentials: IssuedCredentials[] = [];

  constructor(
    private readonly region: string,
    private readonly now: () => number,
    private readonly onSecret: (value: string) => void,
  ) {}

  get(id: string): IdentityRecord | undefined {
    return this.#identities.get(id);
  }

  /** A new guest identity. */
  guest(): IdentityRecord {
    return this.#create(undefined);
  }

  /** The user's identity, created on first use: one identity per sub. */
  forUser(sub: string): IdentityRecord {
    return this.#bySub.get(sub) ?? this.#create(sub);
  }

  /**
   * A guest identity presented with a user's login: it becomes that user's identity if the user has none
   * yet; otherwise the user's existing identity wins and the guest identity stays a guest.
   */
  claim(guest: IdentityRecord, sub: string): IdentityRecord {
    const existing = this.#bySub.get(sub);
    if (existing) return existing;
    guest.sub = sub;
    this.#bySub.set(sub, guest);
    return guest;
  }

  issue(identity: IdentityRecord, roleArn: string, seconds: number): IssuedCredentials {
    const credentials: IssuedCredentials = {
      // Temporary (STS) keys start with ASIA; 20 characters in all.
      accessKeyId: `ASIA${randomString(16, KEY_ALPHABET)}`,
      secretAccessKey: randomString(40, SECRET_ALPHABET),
      // Real session tokens are long opaque base64 blobs (hundreds of characters).
      sessionToken: `IQoJb3JpZ2luX2Vj${bytesToBase64(randomBytes(600))}`,
      identityId: identity.id,
      authenticated: identity.sub !== undefined,
      roleArn,
      expiration: (Math.floor(this.now() / 1000) + seconds) * 1000,
    };
    this.onSecret(credentials.secretAccessKey);
    this.onSecret(credentials.sessionToken);
    this.#credentials.push(credentials);
    return credentials;
  }

  issued(): IssuedCredentials[] {
    return this.#credentials.map((c) => ({ ...c }));
  }

  credentialsFor(accessKeyId: string): IssuedCredentials | undefined {
    const hit = this.#credentials.find((c) => c.accessKeyId === accessKeyId);
    return hit && { ...hit };
  }

  #create(sub: string | undefined): IdentityRecord {
    const identity: IdentityRecord = { id: `${this.region}:${uuid()}`, sub, createdAt: this.now() };
    this.#identities.set(identity.id, identity);
    if (sub !== undefined) this.#bySub.set(sub, identity);
    return identity;
  }
}
