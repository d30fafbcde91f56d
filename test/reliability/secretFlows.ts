/**
 * The engine flow suite the secrets test runs: every flow that handles a password, a code or a
 * token, with its failure paths (wrong code, wrong password, faults), recording every thrown error
 * and every Hub event so the test can search them.
 */
import type { Auth, AuthConfig } from '../../src/core/index';
import type { FaultInjector } from '../backend/faults';
import { strongPassword } from '../backend/harness';
import { totpCode } from '../backend/totp';
import type { EngineTestKit } from '../support/engine';
import { uniqueName, wrongCode } from '../support/engineAssertions';

const PAST_EXPIRY_MS = 3_700_000;
const TOTP_STEP_MS = 30_000;

/** Everything a flow exposed: each thrown error in every form a developer might print it. */
export class Exposure {
  readonly texts: string[] = [];
  errors = 0;

  async failure(promise: Promise<unknown>): Promise<void> {
    try {
      await promise;
    } catch (error) {
      this.error(error);
      return;
    }
    throw new Error('expected this step to fail');
  }

  error(error: unknown): void {
    this.errors += 1;
    for (let current: unknown = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
      if (current instanceof Error) {
        this.texts.push(current.name, current.message, current.stack ?? '', String(current), JSON.stringify(current) ?? '');
        this.texts.push(JSON.stringify(Object.fromEntries(Object.entries(current))) ?? '');
        current = current.cause;
      } else {
        this.texts.push(String(current));
        current = undefined;
      }
    }
  }

  watch(auth: Auth): void {
    auth.listen('*', (event) => {
      this.texts.push(JSON.stringify(event, (_key, value: unknown) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value)));
    });
  }
}

export async function runEngineFlows(kit: EngineTestKit, faults: FaultInjector, exposure: Exposure): Promise<void> {
  const engine = (config: Partial<AuthConfig> = {}): Auth => {
    const auth = kit.auth({
      config: { identityPoolId: kit.backend.config.identityPool.identityPoolId, identityPoolEndpoint: kit.url, ...config },
      engine: { retry: { retries: 1, baseDelayMs: 1 } },
    });
    exposure.watch(auth);
    return auth;
  };
  const { backend, clock } = kit;

  // Sign-up, a wrong code, the right code, SRP sign-in with a wrong then the right password.
  const username = uniqueName('secret');
  let password = strongPassword();
  const auth = engine();
  await exposure.failure(auth.signUp({ username, password: 'short', attributes: { email: `${username}@example.com` } }));
  await auth.signUp({ username, password, attributes: { email: `${username}@example.com`, phone_number: '+15555550123' } });
  const signUpCode = backend.lastCode(username, 'SIGN_UP');
  await exposure.failure(auth.confirmSignUp(username, wrongCode(signUpCode)));
  await auth.confirmSignUp(username, signUpCode);
  await exposure.failure(auth.signIn(username, `${password}x`));
  await auth.signIn(username, password);

  // Attributes and their verification code, the session refresh, AWS credentials.
  await auth.updateUserAttributes({ email: `${username}.new@example.com` });
  const verifyCode = backend.lastCode(username, 'VERIFY_ATTRIBUTE');
  await exposure.failure(auth.verifyCurrentUserAttributeSubmit('email', wrongCode(verifyCode)));
  await auth.verifyCurrentUserAttributeSubmit('email', verifyCode);
  clock.advance(PAST_EXPIRY_MS);
  await auth.currentSession();
  await auth.currentCredentials();

  // Change password (wrong current one first), TOTP set-up (wrong code first), a TOTP sign-in.
  const next = strongPassword();
  await exposure.failure(auth.changePassword(`${password}x`, next));
  await auth.changePassword(password, next);
  password = next;
  const secret = await auth.setupTOTP();
  await exposure.failure(auth.verifyTotpToken(wrongCode(await totpCode(secret, backend.now()))));
  clock.advance(TOTP_STEP_MS);
  await auth.verifyTotpToken(await totpCode(secret, backend.now()));
  await auth.setPreferredMFA('TOTP');
  await auth.signOut();
  await auth.signIn(username, password);
  clock.advance(TOTP_STEP_MS);
  await exposure.failure(auth.confirmSignIn(wrongCode(await totpCode(secret, backend.now()))));
  await auth.confirmSignIn(await totpCode(secret, backend.now()));

  // Faults on calls that carry secrets: their errors must not echo the request.
  for (const kind of ['malformedJson', 'http500', 'reset', 'tooManyRequests'] as const) {
    faults.arm({ kind, operation: 'ChangePassword' });
    await exposure.failure(auth.changePassword(password, strongPassword()));
    faults.arm({ kind, operation: 'GetUser', times: 2 });
    if (kind === 'tooManyRequests' || kind === 'malformedJson') await exposure.failure(auth.currentUserInfo());
    else await exposure.failure(auth.getPreferredMFA());
    faults.disarm();
  }
  await auth.signOut({ global: true });

  // Password reset (wrong code first), then an SMS MFA sign-in (wrong code first).
  const other = uniqueName('secret');
  await backend.createUser({ username: other, password: strongPassword(), attributes: { email: `${other}@example.com`, phone_number: '+15555550123' }, mfa: { sms: true, preferred: 'SMS_MFA' } });
  const resetTo = strongPassword();
  const passwordAuth = engine({ authenticationFlowType: 'USER_PASSWORD_AUTH' });
  await passwordAuth.forgotPassword(other);
  const resetCode = backend.lastCode(other, 'FORGOT_PASSWORD');
  await exposure.failure(passwordAuth.forgotPasswordSubmit(other, wrongCode(resetCode), resetTo));
  await passwordAuth.forgotPasswordSubmit(other, resetCode, resetTo);
  await passwordAuth.signIn(other, resetTo);
  await exposure.failure(passwordAuth.confirmSignIn(wrongCode(backend.lastCode(other, 'MFA'))));
  await passwordAuth.confirmSignIn(backend.lastCode(other, 'MFA'));
  await passwordAuth.deleteUser();
  await exposure.failure(passwordAuth.signIn(other, resetTo));
}
