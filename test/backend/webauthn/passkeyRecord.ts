/** A registered passkey as the pool stores it on the user (UserRecord.passkeys). */
import type { CoseAlgorithm } from './cose';
import type { AuthenticatorAttachment } from './credentialJson';
import type { RegisteredCredential } from './registration';

export interface PasskeyRecord {
  /** base64url credential id. */
  credentialId: string;
  /** COSE_Key bytes. */
  publicKey: Uint8Array;
  alg: CoseAlgorithm;
  /** Last signature counter seen; assertions must exceed it unless both are 0. */
  signCount: number;
  transports: string[];
  attachment: AuthenticatorAttachment | undefined;
  aaguid: string;
  backupEligible: boolean;
  backedUp: boolean;
  friendlyName: string;
  relyingPartyId: string;
  /** Backend clock, ms. */
  createdAt: number;
  lastUsedAt: number | undefined;
}

/** A challenge handed to this user, waiting for its one answer. */
export interface PendingWebAuthnChallenge {
  purpose: 'registration' | 'authentication';
  /** Backend clock, ms. */
  expiresAt: number;
}

/** The record CompleteWebAuthnRegistration stores for a verified credential. */
export function passkeyRecord(credential: RegisteredCredential, relyingPartyId: string, friendlyName: string, createdAt: number): PasskeyRecord {
  return {
    credentialId: credential.id,
    publicKey: credential.publicKey,
    alg: credential.alg,
    signCount: credential.signCount,
    transports: credential.transports,
    attachment: credential.attachment,
    aaguid: credential.aaguid,
    backupEligible: credential.backupEligible,
    backedUp: credential.backedUp,
    friendlyName,
    relyingPartyId,
    createdAt,
    lastUsedAt: undefined,
  };
}
