import { describe, expect, it } from 'vitest';
import { SoftAuthenticator, type CreateKnobs, type PublicKeyCredentialCreationOptionsJSON } from '../support/softAuthenticator';
import { encodeCbor, type CborInput } from '../support/cborEncoder';
import { BackendError } from './errors';
import { decodeCbor } from './webauthn/cbor';
import { strongPassword, useBackend, type Running } from './harness';

const TARGET = 'AWSCognitoIdentityProviderService.';
const ORIGIN = 'http://localhost:5173';

/** One Cognito call over the loopback socket; Cognito errors come back as BackendError. */
async function idp(server: () => Running, operation: string, input: object): Promise<Record<string, unknown>> {
  const res = await fetch(server().url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}${operation}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.ok) return body;
  throw new BackendError(String(body.__type), String(body.message), res.status);
}

async function signIn(server: () => Running, username: string): Promise<string> {
  const password = strongPassword();
  await server().backend.createUser({ username, password, attributes: { email: `${username}@example.com`, name: `${username} Doe` } });
  const res = await idp(server, 'InitiateAuth', {
    ClientId: server().backend.config.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return (res.AuthenticationResult as { AccessToken: string }).AccessToken;
}

async function startRegistration(server: () => Running, AccessToken: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const res = await idp(server, 'StartWebAuthnRegistration', { AccessToken });
  return res.CredentialCreationOptions as PublicKeyCredentialCreationOptionsJSON;
}

/** Start → authenticator → Complete; resolves the credential id. */
async function register(server: () => Running, AccessToken: string, authenticator: SoftAuthenticator, knobs: CreateKnobs = {}, origin = ORIGIN): Promise<string> {
  const credential = authenticator.create(await startRegistration(server, AccessToken), origin, knobs);
  await idp(server, 'CompleteWebAuthnRegistration', { AccessToken, Credential: credential });
  return credential.id;
}

const failure = (name: string) => expect.objectContaining({ name });

describe('passkey registration over HTTP (StartWebAuthnRegistration / CompleteWebAuthnRegistration)', () => {
  const server = useBackend({ deviceTracking: false, webAuthn: { origins: [ORIGIN] } });

  it('hands out creation options the way Cognito shapes them', async () => {
    const token = await signIn(server, 'ada');
    const options = await startRegistration(server, token);
    const sub = server().backend.getUser('ada')?.sub ?? '';

    expect(options).toEqual({
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      rp: { id: 'localhost', name: 'TestPool01' },
      user: { id: Buffer.from(sub).toString('base64url'), name: 'ada', displayName: 'ada Doe' },
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      timeout: 180_000,
      excludeCredentials: [],
      authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'required' },
    });
    expect((await startRegistration(server, token)).challenge).not.toBe(options.challenge);
  });

  it('registers an ES256 and an RS256 passkey, then excludes both from the next registration', async () => {
    const token = await signIn(server, 'ben');
    const phone = new SoftAuthenticator();
    const key = new SoftAuthenticator({ attachment: 'cross-platform' });
    const es256 = await register(server, token, phone);
    const rs256 = await register(server, token, key, { alg: -257 });

    expect(server().backend.getUser('ben')?.passkeys).toEqual([
      expect.objectContaining({ credentialId: es256, alg: -7, signCount: 0, transports: ['internal'], attachment: 'platform' }),
      expect.objectContaining({ credentialId: rs256, alg: -257, signCount: 0, transports: ['usb'], attachment: 'cross-platform' }),
    ]);
    const next = await startRegistration(server, token);
    expect(next.excludeCredentials).toEqual([
      { type: 'public-key', id: es256, transports: ['internal'] },
      { type: 'public-key', id: rs256, transports: ['usb'] },
    ]);
    // The authenticator itself refuses, as a browser would with InvalidStateError.
    expect(() => phone.create(next, ORIGIN)).toThrow(/InvalidStateError/);
  });

  it('accepts packed self-attestation signed by the new key', async () => {
    const token = await signIn(server, 'cy');
    await register(server, token, new SoftAuthenticator(), { attestation: 'packed' });
    await register(server, token, new SoftAuthenticator(), { attestation: 'packed', alg: -257 });
    expect(server().backend.getUser('cy')?.passkeys).toHaveLength(2);
  });

  it('lists passkeys a page at a time and deletes them', async () => {
    const token = await signIn(server, 'dee');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await register(server, token, new SoftAuthenticator()));

    const pages: Record<string, unknown>[][] = [];
    let NextToken: string | undefined;
    do {
      const res = await idp(server, 'ListWebAuthnCredentials', { AccessToken: token, MaxResults: 1, ...(NextToken ? { NextToken } : {}) });
      pages.push(res.Credentials as Record<string, unknown>[]);
      NextToken = res.NextToken as string | undefined;
    } while (NextToken);
    expect(pages.map((p) => p.map((c) => c.CredentialId))).toEqual([[ids[0]], [ids[1]], [ids[2]]]);
    expect(pages[0]?.[0]).toEqual({
      CredentialId: ids[0],
      FriendlyCredentialName: 'Passkey 1',
      RelyingPartyId: 'localhost',
      AuthenticatorAttachment: 'platform',
      AuthenticatorTransports: ['internal'],
      // Epoch seconds, as every Cognito date is on the wire.
      CreatedAt: (server().backend.getUser('dee')?.passkeys[0]?.createdAt ?? 0) / 1000,
    });

    await expect(idp(server, 'ListWebAuthnCredentials', { AccessToken: token, NextToken: 'bm9wZQ==' })).rejects.toEqual(failure('InvalidParameterException'));
    await expect(idp(server, 'ListWebAuthnCredentials', { AccessToken: token, MaxResults: 21 })).rejects.toEqual(failure('InvalidParameterException'));
    await expect(idp(server, 'ListWebAuthnCredentials', { AccessToken: token, MaxResults: 0 })).resolves.toEqual({ Credentials: expect.any(Array) });

    await idp(server, 'DeleteWebAuthnCredential', { AccessToken: token, CredentialId: ids[1] });
    const after = await idp(server, 'ListWebAuthnCredentials', { AccessToken: token });
    expect((after.Credentials as { CredentialId: string }[]).map((c) => c.CredentialId)).toEqual([ids[0], ids[2]]);
    expect(after.NextToken).toBeUndefined();
    await expect(idp(server, 'DeleteWebAuthnCredential', { AccessToken: token, CredentialId: ids[1] })).rejects.toEqual(
      new BackendError('ResourceNotFoundException', 'Credential not found.'),
    );
  });

  it('needs a valid access token', async () => {
    await expect(idp(server, 'ListWebAuthnCredentials', {})).rejects.toEqual(failure('InvalidParameterException'));
    await expect(idp(server, 'StartWebAuthnRegistration', { AccessToken: 'not.a.jwt' })).rejects.toEqual(failure('NotAuthorizedException'));
  });

  describe('refuses a registration', () => {
    /** Starts a registration for a fresh user and answers it with `knobs` from `origin`; resolves the error. */
    const attempt = async (user: string, knobs: CreateKnobs, origin = ORIGIN): Promise<unknown> => {
      const token = await signIn(server, user);
      const credential = new SoftAuthenticator().create(await startRegistration(server, token), origin, knobs);
      const error = await idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: credential }).catch((e: unknown) => e);
      expect(server().backend.getUser(user)?.passkeys).toEqual([]);
      return error;
    };

    it('from an origin the pool does not allow', async () => {
      expect(await attempt('r-origin', {}, 'http://localhost:9999')).toEqual(
        new BackendError('WebAuthnOriginNotAllowedException', 'Origin http://localhost:9999 is not allowed.'),
      );
    });

    it('scoped to another relying party', async () => {
      expect(await attempt('r-rpid', { rpId: 'evil.example' })).toEqual(failure('WebAuthnRelyingPartyMismatchException'));
    });

    it('made in the wrong ceremony (clientData type webauthn.get)', async () => {
      expect(await attempt('r-type', { type: 'webauthn.get' })).toEqual(failure('WebAuthnClientMismatchException'));
    });

    it('for a challenge the pool never issued', async () => {
      expect(await attempt('r-unknown', { challenge: Buffer.alloc(32, 7).toString('base64url') })).toEqual(failure('WebAuthnChallengeNotFoundException'));
    });

    it('without user verification when the pool requires it, or without user presence', async () => {
      expect(await attempt('r-uv', { userVerified: false })).toEqual(new BackendError('NotAuthorizedException', 'User verification is required.'));
      expect(await attempt('r-up', { userPresent: false })).toEqual(failure('NotAuthorizedException'));
    });

    it('from a cross-origin iframe', async () => {
      expect(await attempt('r-cross', { crossOrigin: true })).toEqual(failure('WebAuthnOriginNotAllowedException'));
    });

    it('that answers a challenge twice', async () => {
      const token = await signIn(server, 'r-reuse');
      const authenticator = new SoftAuthenticator();
      const options = await startRegistration(server, token);
      await idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: authenticator.create(options, ORIGIN) });
      // A different credential for the same (now used) challenge.
      const again = new SoftAuthenticator().create(options, ORIGIN);
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: again })).rejects.toEqual(
        new BackendError('WebAuthnChallengeNotFoundException', 'WebAuthn challenge not found.'),
      );
    });

    it('after a failed attempt burnt the challenge', async () => {
      const token = await signIn(server, 'r-burnt');
      const options = await startRegistration(server, token);
      const bad = new SoftAuthenticator().create(options, ORIGIN, { userVerified: false });
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: bad })).rejects.toEqual(failure('NotAuthorizedException'));
      const good = new SoftAuthenticator().create(options, ORIGIN);
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: good })).rejects.toEqual(
        failure('WebAuthnChallengeNotFoundException'),
      );
    });

    it('once the challenge has expired (backend clock)', async () => {
      const token = await signIn(server, 'r-expired');
      const options = await startRegistration(server, token);
      server().backend.advanceTime(180_000);
      try {
        const credential = new SoftAuthenticator().create(options, ORIGIN);
        await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: credential })).rejects.toEqual(
          new BackendError('WebAuthnChallengeNotFoundException', 'WebAuthn challenge has expired.'),
        );
      } finally {
        server().backend.advanceTime(-180_000);
      }
    });

    it("answering another user's challenge", async () => {
      const mine = await signIn(server, 'r-mine');
      const theirs = await signIn(server, 'r-theirs');
      const credential = new SoftAuthenticator().create(await startRegistration(server, theirs), ORIGIN);
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: mine, Credential: credential })).rejects.toEqual(
        failure('WebAuthnChallengeNotFoundException'),
      );
    });

    it("claiming another user's credential id", async () => {
      const taken = await register(server, await signIn(server, 'r-victim'), new SoftAuthenticator());
      expect(await attempt('r-hijack', { credentialId: taken })).toEqual(new BackendError('InvalidParameterException', 'This passkey is already registered.'));
      expect(server().backend.getUser('r-victim')?.passkeys).toHaveLength(1);
    });

    it('with an attestation it cannot check: a certificate chain, another format, a none with a statement', async () => {
      const token = await signIn(server, 'r-attestation');
      const rewrite = async (change: (object: Map<string, CborInput>) => void): Promise<unknown> => {
        const credential = new SoftAuthenticator().create(await startRegistration(server, token), ORIGIN, { attestation: 'packed' });
        const object = decodeCbor(Buffer.from(credential.response.attestationObject, 'base64url')) as Map<string, CborInput>;
        change(object);
        credential.response.attestationObject = Buffer.from(encodeCbor(object)).toString('base64url');
        return idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: credential }).catch((e: unknown) => e);
      };
      const statement = (object: Map<string, CborInput>) => object.get('attStmt') as Map<string, CborInput>;
      expect(await rewrite((o) => statement(o).set('x5c', [new Uint8Array(8)]))).toEqual(failure('WebAuthnCredentialNotSupportedException'));
      expect(await rewrite((o) => o.set('fmt', 'fido-u2f'))).toEqual(failure('WebAuthnCredentialNotSupportedException'));
      expect(await rewrite((o) => o.set('fmt', 'none'))).toEqual(
        new BackendError('InvalidParameterException', 'A none attestation must have an empty attStmt.'),
      );
      expect(await rewrite((o) => statement(o).set('alg', -257))).toEqual(failure('InvalidParameterException'));
      expect(await rewrite((o) => (statement(o).get('sig') as Uint8Array).reverse())).toEqual(
        new BackendError('NotAuthorizedException', 'Attestation signature is invalid.'),
      );
      expect(server().backend.getUser('r-attestation')?.passkeys).toEqual([]);
    });

    it('with a malformed attestation object, credential JSON or id', async () => {
      const token = await signIn(server, 'r-malformed');
      const truncated = new SoftAuthenticator().create(await startRegistration(server, token), ORIGIN);
      truncated.response.attestationObject = truncated.response.attestationObject.slice(0, 40);
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: truncated })).rejects.toEqual(
        expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/^attestationObject is not valid CBOR/) }),
      );
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: '{"id":' })).rejects.toEqual(
        new BackendError('InvalidParameterException', 'Credential is not valid JSON.'),
      );
      const padded = new SoftAuthenticator().create(await startRegistration(server, token), ORIGIN);
      padded.response.clientDataJSON += '=';
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: padded })).rejects.toEqual(failure('InvalidParameterException'));
      const otherId = new SoftAuthenticator().create(await startRegistration(server, token), ORIGIN);
      otherId.id = otherId.rawId = Buffer.alloc(32, 1).toString('base64url');
      await expect(idp(server, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: otherId })).rejects.toEqual(
        new BackendError('InvalidParameterException', 'Credential id does not match the attested credential.'),
      );
    });
  });
});

describe('passkeys switched off (no webAuthn options)', () => {
  const server = useBackend({ deviceTracking: false });

  it('refuses registration with WebAuthnNotEnabledException but still lists (nothing)', async () => {
    const token = await signIn(server, 'off');
    await expect(startRegistration(server, token)).rejects.toEqual(
      new BackendError('WebAuthnNotEnabledException', 'WebAuthn is not enabled for this user pool.'),
    );
    await expect(idp(server, 'ListWebAuthnCredentials', { AccessToken: token })).resolves.toEqual({ Credentials: [] });
  });
});
