import { base64ToBytes, bytesToBase64Url } from '../encoding';
import { authError } from '../normalizeError';
import type { PasskeyAssertion, PasskeyClient, PasskeyCreationOptions, PasskeyDescriptor, PasskeyRegistration, PasskeyRequestOptions } from './types';

// Loaded on demand: only a passkey sign-in or registration needs it.

interface CredentialsContainer {
  get(options: { publicKey: object }): Promise<unknown>;
  create(options: { publicKey: object }): Promise<unknown>;
}

interface PlatformCredential {
  id: string;
  rawId: ArrayBuffer;
  type: string;
  authenticatorAttachment?: string | null;
  response: {
    clientDataJSON: ArrayBuffer;
    authenticatorData?: ArrayBuffer;
    signature?: ArrayBuffer;
    userHandle?: ArrayBuffer | null;
    attestationObject?: ArrayBuffer;
    getTransports?: () => string[];
  };
}

/** The browser's WebAuthn (`navigator.credentials`), with the JSON ↔ binary conversions Cognito needs. */
export function browserPasskeys(): PasskeyClient {
  return {
    async get(options) {
      const credential = (await ceremony('get', { publicKey: requestOptions(options) })) as PlatformCredential;
      const r = credential.response;
      return toJson(credential, {
        clientDataJSON: encode(r.clientDataJSON),
        authenticatorData: encode(r.authenticatorData),
        signature: encode(r.signature),
        ...(r.userHandle ? { userHandle: encode(r.userHandle) } : {}),
      }) satisfies PasskeyAssertion;
    },
    async create(options) {
      const credential = (await ceremony('create', { publicKey: creationOptions(options) })) as PlatformCredential;
      const r = credential.response;
      return toJson(credential, {
        clientDataJSON: encode(r.clientDataJSON),
        attestationObject: encode(r.attestationObject),
        ...(r.getTransports ? { transports: r.getTransports() } : {}),
      }) satisfies PasskeyRegistration;
    },
  };
}

/** A credential's JSON form (what `PublicKeyCredential.toJSON()` gives where browsers have it) around `response`. */
function toJson<R>(credential: PlatformCredential, response: R) {
  return {
    id: credential.id,
    rawId: encode(credential.rawId),
    type: 'public-key' as const,
    response,
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
    clientExtensionResults: {},
  };
}

async function ceremony(kind: 'get' | 'create', options: { publicKey: object }): Promise<unknown> {
  const source = kind === 'get' ? 'signIn' : 'associateWebAuthnCredential';
  const container = (globalThis as { navigator?: { credentials?: CredentialsContainer } }).navigator?.credentials;
  if (!container || typeof (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential !== 'function') {
    throw authError('PasskeyNotSupported', 'This browser cannot use passkeys.', source);
  }
  try {
    const credential = await container[kind](options);
    if (!credential) throw authError('PasskeyCanceled', 'No passkey was chosen.', source);
    return credential;
  } catch (thrown) {
    throw passkeyError(thrown, source, kind);
  }
}

/** The DOMException names WebAuthn uses, as the kit's typed errors. */
function passkeyError(thrown: unknown, source: string, kind: 'get' | 'create') {
  const name = (thrown as { name?: unknown } | null)?.name;
  // NotAllowedError covers a cancelled prompt and a timeout alike: the spec keeps them apart on purpose.
  if (name === 'NotAllowedError' || name === 'AbortError') return authError('PasskeyCanceled', 'The passkey prompt was cancelled or timed out.', source, { cause: thrown });
  if (name === 'SecurityError') return authError('RelyingPartyMismatch', "The passkey's relying party does not match this site's domain.", source, { cause: thrown });
  if (name === 'InvalidStateError' && kind === 'create') return authError('PasskeyAlreadyExists', 'This device already has a passkey for this account.', source, { cause: thrown });
  if (name === 'NotSupportedError') return authError('PasskeyNotSupported', 'This device cannot create or use such a passkey.', source, { cause: thrown });
  if (name === 'PasskeyCanceled' || name === 'PasskeyNotSupported') return thrown;
  return authError('PasskeyFailed', 'The passkey could not be used.', source, { cause: thrown });
}

function encode(buffer: ArrayBuffer | undefined): string {
  return buffer ? bytesToBase64Url(new Uint8Array(buffer)) : '';
}

function decode(base64Url: string): Uint8Array {
  const base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
}

function descriptors(list: PasskeyDescriptor[] | undefined) {
  return (list ?? []).map((d) => ({ type: d.type, id: decode(d.id), ...(d.transports ? { transports: d.transports } : {}) }));
}

function requestOptions(options: PasskeyRequestOptions): object {
  return { ...options, challenge: decode(options.challenge), allowCredentials: descriptors(options.allowCredentials) };
}

function creationOptions(options: PasskeyCreationOptions): object {
  return {
    ...options,
    challenge: decode(options.challenge),
    user: { ...options.user, id: decode(options.user.id) },
    excludeCredentials: descriptors(options.excludeCredentials),
  };
}
