/** Fills BackendOptions.webAuthn defaults. Absent options = passkeys off (WebAuthnNotEnabledException). */
import type { WebAuthnConfig, WebAuthnOptions } from '../types';

/** Cognito's per-user passkey limit (StartWebAuthnRegistration answers LimitExceededException beyond it). */
export const MAX_PASSKEYS_PER_USER = 20;

export function resolveWebAuthn(options: WebAuthnOptions | undefined, poolName: string): WebAuthnConfig | undefined {
  if (!options) return undefined;
  const relyingPartyId = options.relyingPartyId ?? 'localhost';
  return {
    relyingPartyId,
    relyingPartyName: options.relyingPartyName ?? poolName,
    // No origin is derived from the RP id: a test names the page origin it serves (scheme + host + port).
    origins: [...(options.origins ?? [])],
    userVerification: options.userVerification ?? 'required',
    timeoutSeconds: options.timeoutSeconds ?? 180,
  };
}
