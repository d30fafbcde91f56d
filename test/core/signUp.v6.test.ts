/**
 * Amplify v6's sign-up forms on the test backend: `signUp({ options: { userAttributes, autoSignIn } })`,
 * `confirmSignUp({ username, confirmationCode })` → `{ isSignUpComplete, nextStep }`, then `autoSignIn()`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';

describe('v6 sign-up, confirmation and autoSignIn()', () => {
  const kit = useEngineBackend({ codeValiditySeconds: 600 });
  const password = strongPassword();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('options.userAttributes and autoSignIn: true; the confirmation says COMPLETE_AUTO_SIGN_IN and autoSignIn() hands out the sign-in, once', async () => {
    const { backend, events } = kit();
    const auth = engine();
    const seen = events(auth);
    const username = uniqueName('vic');
    const signedUp = await auth.signUp({ username, password, options: { userAttributes: { email: `${username}@example.com` }, clientMetadata: { app: 'web' }, autoSignIn: true } });
    expect(signedUp).toMatchObject({ isSignUpComplete: false, userId: signedUp.userSub, nextStep: { signUpStep: 'CONFIRM_SIGN_UP' } });
    expect(inputOf(backend, 'SignUp')).toMatchObject({ UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }], ClientMetadata: { app: 'web' } });

    backend.resetCounts();
    const confirmed = await auth.confirmSignUp({ username, confirmationCode: backend.lastCode(username, 'SIGN_UP') });
    expect(confirmed).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' } });
    // The sign-in ran with the confirmation, as v5 did: signed in already when v6 code calls autoSignIn().
    expect(operations(backend)).toEqual(['ConfirmSignUp', 'InitiateAuth']);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', user: { username } });

    backend.resetCounts();
    expect(await auth.autoSignIn()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(backend.count()).toBe(0);
    expect(await authErrorOf(auth.autoSignIn())).toMatchObject({ name: 'AutoSignInException', source: 'autoSignIn' });
    expect(seen.map((e) => e.event)).toEqual(['signUp', 'confirmSignUp', 'signIn', 'autoSignIn']);
  });

  it('the options object of autoSignIn carries its client metadata to the sign-in', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = uniqueName('vim');
    await auth.signUp({ username, password, options: { userAttributes: { email: `${username}@example.com` }, autoSignIn: { clientMetadata: { from: 'signup' } } } });
    await auth.confirmSignUp({ username, confirmationCode: backend.lastCode(username, 'SIGN_UP'), options: { clientMetadata: { step: 'confirm' } } });
    expect(inputOf(backend, 'ConfirmSignUp')).toMatchObject({ ClientMetadata: { step: 'confirm' } });
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ ClientMetadata: { from: 'signup' } });
    expect(await auth.autoSignIn()).toMatchObject({ isSignedIn: true });
  });

  it('without autoSignIn: the confirmation is DONE, nothing signs in, and autoSignIn() says why', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = uniqueName('vin');
    await auth.signUp({ username, password, options: { userAttributes: { email: `${username}@example.com` } } });
    backend.resetCounts();
    expect(await auth.confirmSignUp({ username, confirmationCode: backend.lastCode(username, 'SIGN_UP') })).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });
    expect(operations(backend)).toEqual(['ConfirmSignUp']);
    const error = await authErrorOf(auth.autoSignIn());
    expect(error).toMatchObject({ name: 'AutoSignInException', message: 'No sign-in follows a sign-up here: ask for autoSignIn in signUp, then confirm the code.' });
    expect(auth.getState().status).toBe('signedOut');
  });

  it('an auto sign-in that failed (expired after 3 minutes) rejects autoSignIn() with that error', async () => {
    const { backend, clock } = kit();
    const auth = engine();
    const username = uniqueName('viv');
    await auth.signUp({ username, password, options: { userAttributes: { email: `${username}@example.com` }, autoSignIn: true } });
    clock.advance(3 * 60_000 + 1_000);
    expect(await auth.confirmSignUp({ username, confirmationCode: backend.lastCode(username, 'SIGN_UP') })).toEqual({
      isSignUpComplete: true,
      nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' },
    });
    expect(await authErrorOf(auth.autoSignIn())).toMatchObject({ name: 'AutoSignInException', message: 'The auto sign-in expired: sign in with the password.' });
    expect(backend.count('InitiateAuth')).toBe(0);
  });

  it('a wrong confirmationCode rejects as the kit form does, and the auto sign-in waits for the right one', async () => {
    const { backend } = kit();
    const auth = engine();
    const username = uniqueName('vix');
    await auth.signUp({ username, password, options: { userAttributes: { email: `${username}@example.com` }, autoSignIn: true } });
    const code = backend.lastCode(username, 'SIGN_UP');
    expect(await authErrorOf(auth.confirmSignUp({ username, confirmationCode: code === '000000' ? '111111' : '000000' }))).toMatchObject({ name: 'CodeMismatchException' });
    expect(await authErrorOf(auth.autoSignIn())).toMatchObject({ name: 'AutoSignInException' });
    expect((await auth.confirmSignUp({ username, confirmationCode: code })).nextStep.signUpStep).toBe('COMPLETE_AUTO_SIGN_IN');
    expect(await auth.autoSignIn()).toMatchObject({ isSignedIn: true });
  });
});
