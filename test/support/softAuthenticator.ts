/**
 * A software WebAuthn authenticator (plus the browser's part of the ceremony) for Node tests: it makes
 * real ES256 / RS256 credentials, real `none` (or `packed` self-) attestation objects and real
 * signatures, as Chromium's virtual authenticator would. Knobs produce what a broken authenticator or a
 * hostile client would send, so the verifier's refusals can be proven.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { encodeCbor, type CborInput } from './cborEncoder';

export interface PublicKeyCredentialCreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: string; alg: number }[];
  timeout?: number;
  excludeCredentials?: { type: string; id: string; transports?: string[] }[];
  authenticatorSelection?: { residentKey?: string; requireResidentKey?: boolean; userVerification?: string };
  attestation?: string;
}

export interface PublicKeyCredentialRequestOptionsJSON {
  challenge: string;
  rpId?: string;
  allowCredentials?: { type: string; id: string; transports?: string[] }[];
  userVerification?: string;
  timeout?: number;
}

export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports: string[];
    authenticatorData: string;
    publicKey: string;
    publicKeyAlgorithm: number;
  };
  authenticatorAttachment: 'platform' | 'cross-platform';
  clientExtensionResults: Record<string, never>;
}

export interface AuthenticationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle: string };
  authenticatorAttachment: 'platform' | 'cross-platform';
  clientExtensionResults: Record<string, never>;
}

/** Ways to misbehave, shared by both ceremonies. Defaults are a well-behaved browser + authenticator. */
export interface CeremonyKnobs {
  /** clientDataJSON.type (default the right one for the ceremony). */
  type?: string;
  /** clientDataJSON.challenge (default the options' challenge). */
  challenge?: string;
  /** Hash this rpId into authenticatorData instead of the options' one. */
  rpId?: string;
  /** UV flag (default true). */
  userVerified?: boolean;
  /** UP flag (default true). */
  userPresent?: boolean;
  /** clientDataJSON.crossOrigin (default false). */
  crossOrigin?: boolean;
}

export interface CreateKnobs extends CeremonyKnobs {
  /** Pick this algorithm (must be offered) instead of the first supported one. */
  alg?: -7 | -257;
  /** Attestation format (default `none`); `packed` = self-attestation. */
  attestation?: 'none' | 'packed';
  /** Claim this credential id (base64url) for the new key: `none` attestation signs nothing, so a hostile client can. */
  credentialId?: string;
}

export interface GetKnobs extends CeremonyKnobs {
  /** Report this counter instead of the next one (the stored counter doesn't move). */
  signCount?: number;
  /** Flip a bit in the signature. */
  tamperSignature?: boolean;
  /** Use this credential (base64url id) even if not in allowCredentials. */
  credentialId?: string;
}

export interface SoftAuthenticatorOptions {
  attachment?: 'platform' | 'cross-platform';
  /** Default ['internal'] for platform, ['usb'] for cross-platform. */
  transports?: string[];
  /** Report backup eligibility/state (a synced passkey). Default false. */
  backedUp?: boolean;
  /** 16 bytes. Default all zeros (what `none` attestation usually shows). */
  aaguid?: Uint8Array;
  /** Synced passkeys often never count: with false every counter stays 0. Default true. */
  counts?: boolean;
}

interface HeldCredential {
  id: Buffer;
  rpId: string;
  userHandle: string;
  alg: -7 | -257;
  privateKey: KeyObject;
  publicKey: KeyObject;
  signCount: number;
}

const ES256 = -7;
const RS256 = -257;

export class SoftAuthenticator {
  readonly #credentials: HeldCredential[] = [];
  readonly #assertions: AuthenticationResponseJSON[] = [];
  readonly #attachment: 'platform' | 'cross-platform';
  readonly #transports: string[];
  readonly #options: SoftAuthenticatorOptions;

  constructor(options: SoftAuthenticatorOptions = {}) {
    this.#options = options;
    this.#attachment = options.attachment ?? 'platform';
    this.#transports = options.transports ?? (this.#attachment === 'platform' ? ['internal'] : ['usb']);
  }

  /** navigator.credentials.create({ publicKey }) → PublicKeyCredential.toJSON(). */
  create(options: PublicKeyCredentialCreationOptionsJSON, origin: string, knobs: CreateKnobs = {}): RegistrationResponseJSON {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    browserOriginCheck(origin, rpId);
    const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
    if (this.#credentials.some((c) => c.rpId === rpId && excluded.has(c.id.toString('base64url')))) {
      throw new Error('InvalidStateError: the authenticator already holds an excluded credential');
    }
    const offered = options.pubKeyCredParams.filter((p) => p.type === 'public-key').map((p) => p.alg);
    const alg = knobs.alg ?? offered.find((a): a is -7 | -257 => a === ES256 || a === RS256);
    if (alg === undefined || !offered.includes(alg)) throw new Error('NotSupportedError: no offered algorithm is supported');
    const { privateKey, publicKey } =
      alg === ES256 ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
    const id = knobs.credentialId === undefined ? randomBytes(32) : Buffer.from(knobs.credentialId, 'base64url');
    const credential: HeldCredential = { id, rpId, userHandle: options.user.id, alg, privateKey, publicKey, signCount: 0 };

    const clientDataJSON = clientData('webauthn.create', options.challenge, origin, knobs);
    const coseKey = encodeCbor(coseKeyOf(credential));
    const authData = Buffer.concat([
      this.#authDataHead(knobs.rpId ?? rpId, knobs, credential.signCount, true),
      this.#options.aaguid ?? Buffer.alloc(16),
      u16(credential.id.length),
      credential.id,
      coseKey,
    ]);
    const attStmt = new Map<string, CborInput>();
    if (knobs.attestation === 'packed') {
      attStmt.set('alg', alg);
      attStmt.set('sig', signWith(credential, Buffer.concat([authData, sha256(clientDataJSON)])));
    }
    const attestationObject = encodeCbor(
      new Map<string, CborInput>([
        ['fmt', knobs.attestation ?? 'none'],
        ['attStmt', attStmt],
        ['authData', authData],
      ]),
    );
    this.#credentials.push(credential);
    return {
      id: id.toString('base64url'),
      rawId: id.toString('base64url'),
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: [...this.#transports],
        authenticatorData: authData.toString('base64url'),
        publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
        publicKeyAlgorithm: alg,
      },
      authenticatorAttachment: this.#attachment,
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get({ publicKey }) → PublicKeyCredential.toJSON(). */
  get(options: PublicKeyCredentialRequestOptionsJSON, origin: string, knobs: GetKnobs = {}): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(origin).hostname;
    browserOriginCheck(origin, rpId);
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
    const credential = this.#credentials.find((c) =>
      knobs.credentialId !== undefined
        ? c.id.toString('base64url') === knobs.credentialId
        : c.rpId === rpId && (allowed.size === 0 || allowed.has(c.id.toString('base64url'))),
    );
    if (!credential) throw new Error('NotAllowedError: no matching credential on this authenticator');
    let counter = credential.signCount;
    if (knobs.signCount !== undefined) counter = knobs.signCount;
    else if (this.#options.counts !== false) counter = credential.signCount += 1;

    const clientDataJSON = clientData('webauthn.get', options.challenge, origin, knobs);
    const authData = this.#authDataHead(knobs.rpId ?? rpId, knobs, counter, false);
    const signature = signWith(credential, Buffer.concat([authData, sha256(clientDataJSON)]));
    if (knobs.tamperSignature) signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 0x01;
    const id = credential.id.toString('base64url');
    const response: AuthenticationResponseJSON = {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      authenticatorAttachment: this.#attachment,
      clientExtensionResults: {},
    };
    this.#assertions.push(response);
    return response;
  }

  /** Every assertion made so far, oldest first (to replay one). */
  assertions(): readonly AuthenticationResponseJSON[] {
    return this.#assertions;
  }

  /** base64url ids of the credentials held, oldest first. */
  credentialIds(): string[] {
    return this.#credentials.map((c) => c.id.toString('base64url'));
  }

  #authDataHead(rpId: string, knobs: CeremonyKnobs, signCount: number, attested: boolean): Buffer {
    let flags = 0;
    if (knobs.userPresent !== false) flags |= 0x01;
    if (knobs.userVerified !== false) flags |= 0x04;
    if (this.#options.backedUp) flags |= 0x08 | 0x10;
    if (attested) flags |= 0x40;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(signCount);
    return Buffer.concat([sha256(Buffer.from(rpId, 'utf8')), Buffer.from([flags]), counter]);
  }
}

/** The browser refuses an rpId that isn't the page's host or a registrable suffix of it (§5.1.3 step 8). */
function browserOriginCheck(origin: string, rpId: string): void {
  const host = new URL(origin).hostname;
  if (host !== rpId && !host.endsWith(`.${rpId}`)) throw new Error(`SecurityError: rpId ${rpId} is not valid for origin ${origin}`);
}

/** Key order as browsers serialise CollectedClientData: type, challenge, origin, crossOrigin. */
function clientData(type: string, challenge: string, origin: string, knobs: CeremonyKnobs): Buffer {
  return Buffer.from(
    JSON.stringify({ type: knobs.type ?? type, challenge: knobs.challenge ?? challenge, origin, crossOrigin: knobs.crossOrigin ?? false }),
    'utf8',
  );
}

/** CTAP2 canonical key order: 1, 3, -1, -2, -3. */
function coseKeyOf(credential: HeldCredential): Map<number, CborInput> {
  const jwk = credential.publicKey.export({ format: 'jwk' });
  const b = (text: string | undefined): Buffer => Buffer.from(text ?? '', 'base64url');
  if (credential.alg === ES256) {
    return new Map<number, CborInput>([
      [1, 2],
      [3, ES256],
      [-1, 1],
      [-2, b(jwk.x)],
      [-3, b(jwk.y)],
    ]);
  }
  return new Map<number, CborInput>([
    [1, 3],
    [3, RS256],
    [-1, b(jwk.n)],
    [-2, b(jwk.e)],
  ]);
}

/** ES256: DER-encoded ECDSA (as authenticators emit it); RS256: RSASSA-PKCS1-v1_5. */
function signWith(credential: HeldCredential, data: Buffer): Buffer {
  return credential.alg === ES256
    ? sign('sha256', data, { key: credential.privateKey, dsaEncoding: 'der' })
    : sign('sha256', data, credential.privateKey);
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

function u16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}
