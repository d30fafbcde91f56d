/**
 * cognito-react-kit/amplify on the test backend: `Amplify.configure` makes the app-wide engine, v6's
 * functions run on it with v6's inputs and outputs, `Hub` hears v6's event names, `I18n` keeps the
 * vocabularies. One engine per file (Amplify's is a singleton), so the tests run in order on it.
 */
import { describe, expect, it } from 'vitest';
import {
  Amplify,
  Hub,
  I18n,
  confirmResetPassword,
  confirmSignUp,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resetPassword,
  signIn,
  signOut,
  signUp,
  updatePassword,
  type HubCapsule,
} from '../../src/amplify/index';
import { getAppVocabulary } from '../../src/ui/i18n/appVocabulary';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';

describe('cognito-react-kit/amplify', () => {
  const kit = useEngineBackend({ codeValiditySeconds: 600 });
  const password = strongPassword();
  const username = uniqueName('amp');
  const email = `${username}@example.com`;

  it('before Amplify.configure, every function says to configure first, with no request', async () => {
    expect(await authErrorOf(getCurrentUser())).toMatchObject({ name: 'NoUserPool', source: 'getCurrentUser', message: expect.stringContaining('Amplify.configure') });
    expect(() => Amplify.getConfig()).toThrow(/Amplify\.configure/);
    expect(await authErrorOf(signIn({ username, password }))).toMatchObject({ name: 'NoUserPool', source: 'signIn' });
    expect(kit().backend.count()).toBe(0);
  });

  it('signUp, confirmSignUp and signIn take v6 inputs and give v6 outputs; Hub hears v6 names', async () => {
    const { backend } = kit();
    Amplify.configure(kit().config({ authenticationFlowType: 'USER_PASSWORD_AUTH' }));
    expect(Amplify.getConfig().userPoolWebClientId).toBe(backend.config.clientId);
    const heard: HubCapsule[] = [];
    const stop = Hub.listen('auth', (capsule) => heard.push(capsule));

    const signedUp = await signUp({ username, password, options: { userAttributes: { email } } });
    expect(signedUp).toMatchObject({ isSignUpComplete: false, nextStep: { signUpStep: 'CONFIRM_SIGN_UP' } });
    expect(await confirmSignUp({ username, confirmationCode: backend.lastCode(username, 'SIGN_UP') })).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });
    expect(await signIn({ username, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    expect(await getCurrentUser()).toMatchObject({ username, userId: signedUp.userId });
    expect(await fetchUserAttributes()).toMatchObject({ email, sub: signedUp.userId });
    const session = await fetchAuthSession();
    expect(session.userSub).toBe(signedUp.userId);
    expect(String(session.tokens?.accessToken)).toMatch(/^ey/);
    expect(session.tokens?.idToken?.payload['email']).toBe(email);

    await signOut();
    expect(await fetchAuthSession()).toEqual({});
    stop();
    expect(heard.map((capsule) => capsule.payload.event)).toEqual(['signUp', 'confirmSignUp', 'signedIn', 'signedOut']);
    expect(heard.every((capsule) => capsule.channel === 'auth')).toBe(true);
  });

  it('resetPassword and confirmResetPassword: v6 names, the code as confirmationCode', async () => {
    const { backend } = kit();
    const reset = await resetPassword({ username });
    expect(reset).toMatchObject({ isPasswordReset: false, nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE' } });
    const newPassword = strongPassword();
    await confirmResetPassword({ username, confirmationCode: backend.lastCode(username, 'FORGOT_PASSWORD'), newPassword });
    expect(await signIn({ username, password: newPassword })).toMatchObject({ isSignedIn: true });
    backend.resetCounts();
    await updatePassword({ oldPassword: newPassword, newPassword: password });
    expect(operations(backend)).toEqual(['ChangePassword']);
    expect(inputOf(backend, 'ChangePassword')).toMatchObject({ PreviousPassword: newPassword, ProposedPassword: password });
    await signOut();
  });

  it('configure again reconfigures the same engine (no second singleton)', async () => {
    const before = Amplify.getConfig();
    Amplify.configure({ ...kit().config(), authenticationFlowType: 'USER_SRP_AUTH' });
    expect(Amplify.getConfig().authenticationFlowType).toBe('USER_SRP_AUTH');
    expect(Amplify.getConfig().userPoolId).toBe(before.userPoolId);
  });

  it('I18n merges vocabularies per language, sets the language, and gets a text', () => {
    I18n.putVocabularies({ fr: { 'Sign In': 'Se connecter' } });
    I18n.putVocabulariesForLanguage('fr', { 'Create Account': 'Créer un compte' });
    I18n.setLanguage('fr');
    expect(getAppVocabulary()).toEqual({ language: 'fr', translations: { fr: { 'Sign In': 'Se connecter', 'Create Account': 'Créer un compte' } } });
    expect(I18n.get('Sign In')).toBe('Se connecter');
    expect(I18n.get('Nothing here', 'fallback')).toBe('fallback');
  });

  it('Hub: only the auth channel exists here', () => {
    expect(() => Hub.listen('storage' as 'auth', () => undefined)).toThrow(/only the 'auth' channel/);
  });
});
