/** A registered passkey as the pool stores it on the user (UserRecord.passkeys). */
import type { CoseAlgorithm } from './cose';
import type { AuthenticatorAttachment } from './credentialJson';

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
