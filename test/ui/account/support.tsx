/**
 * Glue for the account-settings tests: a user on the test backend, an engine signed in as that user,
 * and a component rendered under <AuthProvider auth={engine}> in <StrictMode>. Nothing is mocked.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Auth, AuthConfig, CreateAuthOptions } from '../../../src/core/index';
import { AuthProvider } from '../../../src/react/AuthProvider';
import { strongPassword } from '../../backend/harness';
import type { SeedUser } from '../../backend/types';
import type { EngineTestKit } from '../../support/engine';
import { uniqueName } from '../../support/engineAssertions';
import { RecordingStorage } from '../../support/recordingStorage';

export interface AccountUser {
  username: string;
  password: string;
  auth: Auth;
}

export interface AccountUserOptions {
  attributes?: Record<string, string>;
  mfa?: SeedUser['mfa'];
  /** Sign in with SRP (device tracking needs it). Default: USER_PASSWORD_AUTH. */
  srp?: boolean;
  config?: Partial<AuthConfig>;
  engine?: CreateAuthOptions;
}

/** A confirmed user with an email, and an engine signed in as them. */
export async function signedInUser(kit: EngineTestKit, prefix: string, options: AccountUserOptions = {}): Promise<AccountUser> {
  const username = uniqueName(prefix);
  const password = strongPassword();
  await kit.backend.createUser({
    username,
    password,
    attributes: { email: `${username}@example.com`, email_verified: 'true', ...options.attributes },
    ...(options.mfa ? { mfa: options.mfa } : {}),
  });
  const auth = kit.auth({
    config: { ...(options.srp ? {} : { authenticationFlowType: 'USER_PASSWORD_AUTH' }), ...options.config },
    ...(options.engine ? { engine: options.engine } : {}),
  });
  const result = await auth.signIn({ username, password });
  if (!result.isSignedIn) throw new Error(`${username} stopped at ${result.nextStep.signInStep}`);
  return { username, password, auth };
}

export function renderSignedIn(auth: Auth, ui: ReactNode): RenderResult {
  return render(<AuthProvider auth={auth}>{ui}</AuthProvider>, { reactStrictMode: true });
}

/** Whether `password` signs `username` in now, with a fresh engine. */
export async function passwordWorks(kit: EngineTestKit, username: string, password: string): Promise<boolean> {
  // Its own storage: the engine under test keeps its session.
  const auth = kit.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' }, storage: new RecordingStorage() });
  return auth.signIn({ username, password }).then(
    (result) => result.isSignedIn,
    () => false,
  );
}
