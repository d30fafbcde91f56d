// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type AuthConfig, type CreateAuthOptions, type PasskeyClient, type SignInResult } from '../../src/core/index';
import { useAuth, useAuthAction, type AuthActionState, type AuthContextValue } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import type { CodeKind, DeliveredCode } from '../backend/types';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { answeredChallenges, inputOf, operations, uniqueName, wrongCode } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { SoftAuthenticator } from '../support/softAuthenticator';
import { providerSetup, RenderLog, renderWithProvider } from './support';

// Each choice-based sign-in step, driven through `useAuthAction('signIn')` / `useAuthAction('confirmSignIn')`
// and read back through `useAuth()`, on the test backend over loopback: no Authenticator, no mocks.

const ORIGIN = 'http://localhost:5173';
const PHONE = '+15555550123';
const USER_AUTH = { authenticationFlowType: 'USER_AUTH' } as const satisfies Partial<AuthConfig>;

interface Hooks {
  signIn: AuthActionState<'signIn'>;
  confirm: AuthActionState<'confirmSignIn'>;
  auth: AuthContextValue;
}

/** A hand-made sign-in on the hooks alone: what each render saw goes to `log`; the step, user and error show as text. */
function SignInSteps({ log }: { log: RenderLog<Hooks> }) {
  const signIn = useAuthAction('signIn');
  const confirm = useAuthAction('confirmSignIn');
  const auth = useAuth();
  log.record({ signIn, confirm, auth });
  const error = confirm.error ?? signIn.error;
  return (
    <div>
      <p data-testid="step">{auth.nextStep?.signInStep ?? auth.status}</p>
      <p data-testid="user">{auth.user?.username ?? ''}</p>
      {error ? <p role="alert">{error.name}</p> : null}
    </div>
  );
}

/** Render the form in a provider on `kit`'s backend; resolves once the engine has settled on signed out, with the request log cleared. */
async function mountSteps(kit: EngineTestKit, extra: Partial<AuthConfig> = {}, options: CreateAuthOptions = {}) {
  const log = new RenderLog<Hooks>();
  renderWithProvider(<SignInSteps log={log} />, providerSetup(kit, extra, options));
  const hooks = (): Hooks => {
    const last = log.last;
    if (!last) throw new Error('SignInSteps has not rendered');
    return last;
  };
  await waitFor(() => expect(hooks().auth.status).toBe('signedOut'));
  expect(hooks().auth.nextStep).toBeNull();
  kit.backend.resetCounts();
  return { log, hooks };
}

/** Run a hook action inside act(), handing back its result. */
async function step(action: () => Promise<SignInResult>): Promise<SignInResult> {
  let result: SignInResult | undefined;
  await act(async () => {
    result = await action();
  });
  if (!result) throw new Error('the action returned nothing');
  return result;
}

/** Run a hook action that must fail inside act(), handing back its AuthError. */
async function failedStep(action: () => Promise<unknown>): Promise<AuthError> {
  let rejection: unknown;
  await act(async () => {
    rejection = await action().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  });
  expect(rejection).toBeInstanceOf(AuthError);
  return rejection as AuthError;
}

/** After a step: the hook holds the result, useAuth shows its step, the page shows its name. */
async function expectOnStep(hooks: () => Hooks, action: 'signIn' | 'confirm', result: SignInResult): Promise<void> {
  // react-query hands mutation results to observers on its own (batched) tick.
  await waitFor(() => expect(hooks()[action].data).toBe(result));
  expect(hooks()[action]).toMatchObject({ isPending: false, error: null });
  expect(hooks().auth.nextStep).toEqual(result.nextStep);
  expect(screen.getByTestId('step').textContent).toBe(result.nextStep.signInStep);
}

/** Signed in as `username`, seen through useAuth and on the page. */
async function expectSignedIn(hooks: () => Hooks, username: string, result: SignInResult): Promise<void> {
  expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  await waitFor(() => expect(hooks().confirm.data).toBe(result));
  expect(hooks().auth).toMatchObject({ status: 'signedIn', isAuthenticated: true, user: { username }, nextStep: { signInStep: 'DONE' }, error: null });
  expect(screen.getByTestId('user').textContent).toBe(username);
  expect(screen.queryByRole('alert')).toBeNull();
}

/** Codes as the backend sends them (its `onCodeSent` option). */
function codeInbox() {
  const sent: DeliveredCode[] = [];
  return {
    onCodeSent: (delivered: DeliveredCode) => void sent.push(delivered),
    /** The last code of `kind` sent to `username`, which must have gone out by `medium`. */
    last(username: string, kind: CodeKind, medium: DeliveredCode['medium']): string {
      const hit = sent.filter((code) => code.username === username && code.kind === kind).pop();
      if (!hit) throw new Error(`no ${kind} code was sent to ${username}`);
      expect(hit.medium).toBe(medium);
      return hit.code;
    },
    count: (username: string) => sent.filter((code) => code.username === username).length,
  };
}

/** A passkey client over the software authenticator: real keys and signatures, checked by the backend. */
function softPasskeys(device: SoftAuthenticator): PasskeyClient & { prompts: number } {
  const client = {
    prompts: 0,
    async get(options: Parameters<PasskeyClient['get']>[0]) {
      client.prompts += 1;
      return device.get(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['get']>>;
    },
    async create(options: Parameters<PasskeyClient['create']>[0]) {
      client.prompts += 1;
      return device.create(options, ORIGIN) as Awaited<ReturnType<PasskeyClient['create']>>;
    },
  };
  return client;
}

describe('choice-based sign-in steps through useAuthAction (USER_AUTH)', () => {
  const inbox = codeInbox();
  const kit = useEngineBackend({
    allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
    webAuthn: { origins: [ORIGIN] },
    onCodeSent: inbox.onCodeSent,
  });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function newUser(prefix: string): Promise<string> {
    const username = uniqueName(prefix);
    await kit().backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, email_verified: 'true', phone_number: PHONE, phone_number_verified: 'true' },
    });
    return username;
  }

  it('no password: first-factor selection, EMAIL_OTP, the emailed code, signed in', async () => {
    const { backend } = kit();
    const username = await newUser('eve');
    const { hooks } = await mountSteps(kit(), USER_AUTH);

    const choose = await step(() => hooks().signIn.run({ username }));
    expect(choose).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', username, availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'] },
    });
    await expectOnStep(hooks, 'signIn', choose);
    expect(hooks().auth.status).toBe('signedOut');
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(inputOf(backend, 'InitiateAuth').AuthParameters).toEqual({ USERNAME: username });

    // A factor not offered: the typed error in the hook, no request, the step stays.
    backend.resetCounts();
    const refused = await failedStep(() => hooks().confirm.run({ challengeResponse: 'WEB_AUTHN' }));
    expect(refused.name).toBe('InvalidAuthFactor');
    await waitFor(() => expect(hooks().confirm.error).toBe(refused));
    expect(screen.getByRole('alert').textContent).toBe('InvalidAuthFactor');
    expect(hooks().auth.nextStep).toEqual(choose.nextStep);
    expect(backend.count()).toBe(0);

    backend.resetCounts();
    const code = await step(() => hooks().confirm.run({ challengeResponse: 'EMAIL_OTP' }));
    expect(code).toEqual({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        username,
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'e***@e***', attributeName: 'email' },
        firstFactor: true,
      },
    });
    await expectOnStep(hooks, 'confirm', code);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { ANSWER: 'EMAIL_OTP' } });
    expect(inbox.count(username)).toBe(1);

    backend.resetCounts();
    const done = await step(() => hooks().confirm.run({ challengeResponse: inbox.last(username, 'SIGN_IN', 'EMAIL') }));
    await expectSignedIn(hooks, username, done);
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
    expect(answeredChallenges(backend)).toEqual(['EMAIL_OTP']);
  });

  it('SMS_OTP as the preferred first factor: the SMS code step; a wrong code is a typed error and keeps the step; the right one signs in', async () => {
    const { backend } = kit();
    const username = await newUser('sam');
    const { hooks } = await mountSteps(kit(), USER_AUTH);

    const sms = await step(() => hooks().signIn.run({ username, options: { preferredChallenge: 'SMS_OTP' } }));
    expect(sms.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', username, codeDeliveryDetails: { deliveryMedium: 'SMS', attributeName: 'phone_number' } });
    await expectOnStep(hooks, 'signIn', sms);
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'SMS_OTP' } });
    const code = inbox.last(username, 'SIGN_IN', 'SMS');

    backend.resetCounts();
    const wrong = await failedStep(() => hooks().confirm.run({ challengeResponse: wrongCode(code) }));
    expect(wrong).toMatchObject({ name: 'CodeMismatchException', source: 'confirmSignIn' });
    await waitFor(() => expect(hooks().confirm.error).toBe(wrong));
    expect(hooks().confirm).toMatchObject({ isPending: false, data: undefined });
    expect(screen.getByRole('alert').textContent).toBe('CodeMismatchException');
    // The step stays: the user types the code again, no new code was sent.
    expect(hooks().auth).toMatchObject({ status: 'signedOut', isAuthenticated: false, user: null });
    expect(hooks().auth.nextStep).toEqual(sms.nextStep);
    expect(screen.getByTestId('step').textContent).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE');
    expect(hooks().auth.error).toMatchObject({ name: 'CodeMismatchException' });
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
    expect(inbox.count(username)).toBe(1);

    backend.resetCounts();
    const done = await step(() => hooks().confirm.run({ challengeResponse: code }));
    await expectSignedIn(hooks, username, done);
    expect(hooks().confirm.error).toBeNull();
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
    expect(answeredChallenges(backend)).toEqual(['SMS_OTP']);
  });

  it('choosing PASSWORD: the password step without a request, then the password signs in', async () => {
    const { backend } = kit();
    const username = await newUser('pat');
    const { hooks } = await mountSteps(kit(), USER_AUTH);

    const choose = await step(() => hooks().signIn.run({ username }));
    expect(choose.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');
    await expectOnStep(hooks, 'signIn', choose);
    expect(operations(backend)).toEqual(['InitiateAuth']);

    backend.resetCounts();
    const ask = await step(() => hooks().confirm.run({ challengeResponse: 'PASSWORD' }));
    expect(ask).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD', username } });
    await expectOnStep(hooks, 'confirm', ask);
    expect(backend.count()).toBe(0);

    const done = await step(() => hooks().confirm.run({ challengeResponse: password }));
    await expectSignedIn(hooks, username, done);
    // The choice and the SRP proof: the password itself never went out.
    expect(operations(backend)).toEqual(['RespondToAuthChallenge', 'RespondToAuthChallenge']);
    expect(answeredChallenges(backend)).toEqual(['SELECT_CHALLENGE', 'PASSWORD_VERIFIER']);
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeResponses: { ANSWER: 'PASSWORD_SRP' } });
    expect(JSON.stringify(backend.requests().map((request) => request.input))).not.toContain(password);
  });

  it('WEB_AUTHN as the first factor: the injected software authenticator answers the passkey challenge', async () => {
    const { backend, auth } = kit();
    const username = await newUser('kay');
    const device = new SoftAuthenticator();
    // The passkey is registered beforehand, by another engine with its own storage.
    const owner = auth({ config: USER_AUTH, engine: { passkeys: softPasskeys(device) }, storage: new RecordingStorage() });
    expect(await owner.signIn({ username, password })).toMatchObject({ isSignedIn: true });
    await owner.associateWebAuthnCredential();
    expect(backend.getUser(username)?.passkeys).toHaveLength(1);

    const passkeys = softPasskeys(device);
    const { hooks } = await mountSteps(kit(), USER_AUTH, { passkeys });

    const choose = await step(() => hooks().signIn.run({ username }));
    expect(choose.nextStep).toEqual({ signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', username, availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] });
    await expectOnStep(hooks, 'signIn', choose);
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(passkeys.prompts).toBe(0);

    backend.resetCounts();
    const done = await step(() => hooks().confirm.run({ challengeResponse: 'WEB_AUTHN' }));
    await expectSignedIn(hooks, username, done);
    expect(passkeys.prompts).toBe(1);
    expect(device.assertions()).toHaveLength(1);
    expect(operations(backend)).toEqual(['RespondToAuthChallenge', 'RespondToAuthChallenge']);
    expect(answeredChallenges(backend)).toEqual(['SELECT_CHALLENGE', 'WEB_AUTHN']);
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeResponses: { ANSWER: 'WEB_AUTHN' } });
    const credential = JSON.parse(String((inputOf(backend, 'RespondToAuthChallenge', 1).ChallengeResponses as Record<string, string>).CREDENTIAL)) as { id: string; type: string };
    expect(credential).toMatchObject({ type: 'public-key', id: device.credentialIds()[0] });
  });
});

describe('email MFA set up during sign-in, through useAuthAction (MFA required)', () => {
  const inbox = codeInbox();
  const kit = useEngineBackend({ mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'], onCodeSent: inbox.onCodeSent });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('MFA setup selection, EMAIL, the address, the emailed code, signed in with email MFA on', async () => {
    const { backend } = kit();
    const username = uniqueName('ned');
    await backend.createUser({ username, password });
    const { hooks } = await mountSteps(kit());

    const select = await step(() => hooks().signIn.run({ username, password }));
    expect(select).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', username, allowedMFATypes: ['EMAIL', 'TOTP'] } });
    await expectOnStep(hooks, 'signIn', select);
    expect(operations(backend)).toEqual(['InitiateAuth']);
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH' });

    backend.resetCounts();
    const setup = await step(() => hooks().confirm.run({ challengeResponse: 'EMAIL' }));
    expect(setup).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP', username } });
    await expectOnStep(hooks, 'confirm', setup);
    expect(backend.count()).toBe(0);

    const email = `${username}@example.com`;
    const code = await step(() => hooks().confirm.run({ challengeResponse: email }));
    expect(code.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', username, codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'n***@e***' } });
    await expectOnStep(hooks, 'confirm', code);
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
    expect(inputOf(backend, 'RespondToAuthChallenge')).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeResponses: { EMAIL: email } });
    expect(inbox.count(username)).toBe(1);

    backend.resetCounts();
    const done = await step(() => hooks().confirm.run({ challengeResponse: inbox.last(username, 'MFA', 'EMAIL') }));
    await expectSignedIn(hooks, username, done);
    expect(operations(backend)).toEqual(['RespondToAuthChallenge']);
    expect(answeredChallenges(backend)).toEqual(['EMAIL_OTP']);
    expect(backend.getUser(username)?.mfa).toMatchObject({ email: true, preferred: 'EMAIL_OTP' });
  });
});
