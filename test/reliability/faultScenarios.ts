/**
 * Every network-facing engine operation, each as: a setup that reaches the state the operation
 * needs (not faulted), and the act under test. The fault suite runs each act once clean to learn
 * its requests, then once per (request, fault kind).
 */
import type { Auth, AuthConfig } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { totpCode } from '../backend/totp';
import type { EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';

// One hour, the backend's default access-token lifetime, plus a margin: the next call must refresh.
const PAST_EXPIRY_MS = 3_700_000;
const TOTP_STEP_MS = 30_000;

export interface Prepared {
  auth: Auth;
  /** The operation under test; called again (without a fault) to prove a failure lost nothing. */
  act(): Promise<unknown>;
}

export interface Scenario {
  /** The engine method, also the `source` its errors must carry. */
  name: string;
  /** The test's name when one method has several scenarios. Default `name`. */
  title?: string;
  source?: string;
  /** Backend operations whose failure the engine absorbs by design (the call still succeeds). */
  absorbs?: readonly string[];
  prepare(kit: EngineTestKit, engine: (config?: Partial<AuthConfig>) => Auth): Promise<Prepared>;
}

const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;

async function newUser(kit: EngineTestKit, extra: { phone?: boolean; mfaSms?: boolean } = {}) {
  const username = uniqueName('fault');
  const password = strongPassword();
  await kit.backend.createUser({
    username,
    password,
    attributes: { email: `${username}@example.com`, ...(extra.phone || extra.mfaSms ? { phone_number: '+15555550123' } : {}) },
    ...(extra.mfaSms ? { mfa: { sms: true, preferred: 'SMS_MFA' as const } } : {}),
  });
  return { username, password };
}

async function signedIn(kit: EngineTestKit, engine: (config?: Partial<AuthConfig>) => Auth) {
  const user = await newUser(kit);
  const auth = engine(PASSWORD_AUTH);
  await auth.signIn(user.username, user.password);
  return { ...user, auth };
}

/** A scenario on a signed-in user whose act is `run(auth)`. */
function whenSignedIn(name: string, run: (auth: Auth, kit: EngineTestKit) => Promise<unknown>, absorbs?: readonly string[]): Scenario {
  return {
    name,
    ...(absorbs ? { absorbs } : {}),
    async prepare(kit, engine) {
      const { auth } = await signedIn(kit, engine);
      return { auth, act: () => run(auth, kit) };
    },
  };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'signUp',
    async prepare(kit, engine) {
      const auth = engine(PASSWORD_AUTH);
      const username = uniqueName('newbie');
      const password = strongPassword();
      return { auth, act: () => auth.signUp({ username, password, attributes: { email: `${username}@example.com` } }) };
    },
  },
  {
    name: 'confirmSignUp',
    async prepare(kit, engine) {
      const auth = engine(PASSWORD_AUTH);
      const username = uniqueName('newbie');
      await auth.signUp({ username, password: strongPassword(), attributes: { email: `${username}@example.com` } });
      const code = kit.backend.lastCode(username, 'SIGN_UP');
      return { auth, act: () => auth.confirmSignUp(username, code) };
    },
  },
  {
    name: 'resendSignUp',
    async prepare(_kit, engine) {
      const auth = engine(PASSWORD_AUTH);
      const username = uniqueName('newbie');
      await auth.signUp({ username, password: strongPassword(), attributes: { email: `${username}@example.com` } });
      return { auth, act: () => auth.resendSignUp(username) };
    },
  },
  {
    name: 'signIn',
    async prepare(kit, engine) {
      // SRP: two requests (InitiateAuth, the PASSWORD_VERIFIER answer), each faulted in turn.
      const { username, password } = await newUser(kit);
      const auth = engine({ authenticationFlowType: 'USER_SRP_AUTH' });
      return { auth, act: () => auth.signIn(username, password) };
    },
  },
  {
    name: 'confirmSignIn',
    async prepare(kit, engine) {
      const { username, password } = await newUser(kit, { mfaSms: true });
      const auth = engine(PASSWORD_AUTH);
      await auth.signIn(username, password);
      const code = kit.backend.lastCode(username, 'MFA');
      return { auth, act: () => auth.confirmSignIn(code) };
    },
  },
  {
    name: 'forgotPassword',
    async prepare(kit, engine) {
      const { username } = await newUser(kit);
      const auth = engine(PASSWORD_AUTH);
      return { auth, act: () => auth.forgotPassword(username) };
    },
  },
  {
    name: 'forgotPasswordSubmit',
    async prepare(kit, engine) {
      const { username } = await newUser(kit);
      const auth = engine(PASSWORD_AUTH);
      await auth.forgotPassword(username);
      const code = kit.backend.lastCode(username, 'FORGOT_PASSWORD');
      const next = strongPassword();
      return { auth, act: () => auth.forgotPasswordSubmit(username, code, next) };
    },
  },
  {
    name: 'refresh',
    source: 'currentSession',
    async prepare(kit, engine) {
      const { auth } = await signedIn(kit, engine);
      kit.clock.advance(PAST_EXPIRY_MS);
      return { auth, act: () => auth.currentSession() };
    },
  },
  whenSignedIn('currentUserInfo', (auth) => auth.currentUserInfo()),
  whenSignedIn('updateUserAttributes', (auth) => auth.updateUserAttributes({ given_name: 'Faulty' }), ['GetUser']),
  whenSignedIn('deleteUserAttributes', (auth) => auth.deleteUserAttributes(['given_name']), ['GetUser']),
  whenSignedIn('verifyCurrentUserAttribute', (auth) => auth.verifyCurrentUserAttribute('email')),
  {
    name: 'verifyCurrentUserAttributeSubmit',
    absorbs: ['GetUser'],
    async prepare(kit, engine) {
      const { auth, username } = await signedIn(kit, engine);
      await auth.verifyCurrentUserAttribute('email');
      const code = kit.backend.lastCode(username, 'VERIFY_ATTRIBUTE');
      return { auth, act: () => auth.verifyCurrentUserAttributeSubmit('email', code) };
    },
  },
  {
    name: 'changePassword',
    async prepare(kit, engine) {
      const { auth, password } = await signedIn(kit, engine);
      const next = strongPassword();
      return { auth, act: () => auth.changePassword(password, next) };
    },
  },
  whenSignedIn('setupTOTP', (auth) => auth.setupTOTP()),
  {
    name: 'verifyTotpToken',
    async prepare(kit, engine) {
      const { auth } = await signedIn(kit, engine);
      const secret = await auth.setupTOTP();
      return {
        auth,
        act: async () => {
          // A TOTP step is accepted once per user: a resubmission after a success needs the next one.
          kit.clock.advance(TOTP_STEP_MS);
          return auth.verifyTotpToken(await totpCode(secret, kit.backend.now()));
        },
      };
    },
  },
  whenSignedIn('setPreferredMFA', (auth) => auth.setPreferredMFA('NOMFA')),
  whenSignedIn('getPreferredMFA', (auth) => auth.getPreferredMFA()),
  whenSignedIn('fetchDevices', (auth) => auth.fetchDevices()),
  // A failed RevokeToken must not keep the user signed in here: the local sign-out absorbs it.
  whenSignedIn('signOut', (auth) => auth.signOut(), ['RevokeToken']),
  {
    name: 'globalSignOut',
    source: 'signOut',
    async prepare(kit, engine) {
      const { auth } = await signedIn(kit, engine);
      return { auth, act: () => auth.signOut({ global: true }) };
    },
  },
  whenSignedIn('deleteUser', (auth) => auth.deleteUser()),
  {
    name: 'currentCredentials',
    async prepare(kit, engine) {
      const { username, password } = await newUser(kit);
      const auth = engine({
        ...PASSWORD_AUTH,
        identityPoolId: kit.backend.config.identityPool.identityPoolId,
        identityPoolEndpoint: kit.url,
      });
      await auth.signIn(username, password);
      return { auth, act: () => auth.currentCredentials() };
    },
  },
];
