/** The pool's passkey settings, or WebAuthnNotEnabledException when the pool has none. */
import type { BackendConfig, WebAuthnConfig } from '../types';
import { webAuthnFail } from './errors';

export function requireWebAuthn(config: BackendConfig): WebAuthnConfig {
  if (!config.webAuthn) throw webAuthnFail.notEnabled('WebAuthn is not enabled for this user pool.');
  return config.webAuthn;
}
