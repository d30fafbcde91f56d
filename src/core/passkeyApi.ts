import { requireText } from './args';
import type { ConfiguredPool } from './configuredPool';
import type { PasskeyClient, PasskeyCreationOptions, PasskeyInfo } from './passkeys/types';
import { authError, toAuthError } from './normalizeError';
import type { SessionManager } from './sessionManager';

export interface ListPasskeysParams {
  /** At most this many per page (Cognito allows 1–20). Default: Cognito's page size. */
  pageSize?: number;
  /** The `nextToken` of the previous page. */
  nextToken?: string;
}

export interface ListPasskeysResult {
  credentials: PasskeyInfo[];
  /** Present while there are more pages. */
  nextToken?: string;
}

export interface PasskeyApiDeps {
  pool: () => ConfiguredPool;
  sessions: SessionManager;
  passkeys: () => Promise<PasskeyClient>;
}

interface CognitoPasskey {
  CredentialId: string;
  FriendlyCredentialName?: string;
  RelyingPartyId: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports?: string[];
  CreatedAt: number;
}

/** The signed-in user's passkeys: register one on this device, list them, delete one. */
export class PasskeyApi {
  readonly #deps: PasskeyApiDeps;

  constructor(deps: PasskeyApiDeps) {
    this.#deps = deps;
  }

  /** Cognito's creation options → the platform's passkey prompt → the new passkey back to Cognito. */
  async associate(): Promise<void> {
    const source = 'associateWebAuthnCredential';
    const { CredentialCreationOptions: options } = await this.#deps.sessions.withAccessToken(source, (ctx, token) =>
      ctx.call<{ CredentialCreationOptions: PasskeyCreationOptions }>('StartWebAuthnRegistration', { AccessToken: token }),
    );
    const credential = await (await this.#deps.passkeys()).create(options).catch((thrown: unknown) => Promise.reject(toAuthError(thrown, source)));
    await this.#deps.sessions.withAccessToken(source, (ctx, token) =>
      ctx.call('CompleteWebAuthnRegistration', { AccessToken: token, Credential: credential }),
    );
  }

  async list(params: ListPasskeysParams = {}): Promise<ListPasskeysResult> {
    const source = 'listWebAuthnCredentials';
    const pageSize = params?.pageSize;
    if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 20)) {
      throw authError('InvalidArgument', 'pageSize must be a whole number from 1 to 20.', source);
    }
    const response = await this.#deps.sessions.withAccessToken(source, (ctx, token) =>
      ctx.call<{ Credentials?: CognitoPasskey[]; NextToken?: string }>('ListWebAuthnCredentials', {
        AccessToken: token,
        ...(pageSize === undefined ? {} : { MaxResults: pageSize }),
        ...(params?.nextToken ? { NextToken: params.nextToken } : {}),
      }),
    );
    return {
      credentials: (response.Credentials ?? []).map(toPasskeyInfo),
      ...(response.NextToken ? { nextToken: response.NextToken } : {}),
    };
  }

  async delete(params: { credentialId: string }): Promise<void> {
    const source = 'deleteWebAuthnCredential';
    const credentialId = requireText(params?.credentialId, 'InvalidArgument', 'credentialId', source);
    await this.#deps.sessions.withAccessToken(source, (ctx, token) =>
      ctx.call('DeleteWebAuthnCredential', { AccessToken: token, CredentialId: credentialId }),
    );
  }
}

function toPasskeyInfo(p: CognitoPasskey): PasskeyInfo {
  return {
    credentialId: p.CredentialId,
    ...(p.FriendlyCredentialName ? { friendlyCredentialName: p.FriendlyCredentialName } : {}),
    relyingPartyId: p.RelyingPartyId,
    ...(p.AuthenticatorAttachment ? { authenticatorAttachment: p.AuthenticatorAttachment } : {}),
    authenticatorTransports: p.AuthenticatorTransports ?? [],
    // Cognito's timestamps are epoch seconds.
    createdAt: new Date(p.CreatedAt * 1000),
  };
}
