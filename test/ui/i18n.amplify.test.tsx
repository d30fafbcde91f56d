// @vitest-environment jsdom
// What an app moving from @aws-amplify/ui-react keeps: its vocabularies keyed by Amplify's English
// text (as given to I18n.putVocabularies), mixed with our keys, and Cognito's own error messages.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import { addEnglish } from '../../src/ui/i18n/english';
import { enSteps } from '../../src/ui/i18n/enSteps';
import { createTranslate } from '../../src/ui/i18n/translate';
import { strongPassword } from '../backend/harness';
import { shippedDictionaries } from '../support/dictionaries';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { click, expectAlert, findScreen, renderWithAuth, type } from './support';

// Amplify UI's own German phrases for the code-delivery sentence (packages/ui/src/i18n/dictionaries/authenticator/de.ts).
const AMPLIFY_DE = {
  'Your code is on the way. To log in, enter the code we emailed to': 'Ihr Bestätigungscode ist unterwegs. Um sich einzuloggen geben Sie den Code ein, den wir per E-Mail verschickt haben',
  'It may take a minute to arrive': 'Es kann eine Minute dauern, bis er ankommt',
};

describe("Amplify UI's vocabulary format", () => {
  it('translates our keys through their English text, and our own key wins over it', () => {
    const t = createTranslate({ de: { 'Sign in': 'Einloggen', 'Create Account': 'Registrieren', 'tabs.signUp': 'Konto anlegen' } }, 'de-AT');
    expect(t('signIn.submit')).toBe('Einloggen');
    // A step screen's English comes with its chunk (the screen adds it before its first `t`; ./support
    // has loaded the chunk already): a vocabulary keyed by that text matches once it is there.
    addEnglish(enSteps);
    expect(t('confirmSignInWithPassword.submit')).toBe('Einloggen'); // every element Amplify words "Sign in"
    expect(t('signUp.submit')).toBe('Registrieren');
    expect(t('tabs.signUp')).toBe('Konto anlegen');
  });

  it("ships Amplify's code-delivery sentence, built from its two phrases as Amplify does", () => {
    expect(shippedDictionaries.de['delivery.EMAIL']).toBe(`${AMPLIFY_DE['Your code is on the way. To log in, enter the code we emailed to']} {destination}. ${AMPLIFY_DE['It may take a minute to arrive']}.`);
    // Japanese: the ideographic full stop, no space between the sentences.
    expect(shippedDictionaries.ja['delivery.none']).toBe('コードが途中です。ログインするには、送信したコードを入力してください。到着するまでに 1 分かかることがあります。');
    // (An app's own vocabulary for those two phrases is not composed at run time: it would cost start-up bytes.)
  });

  it('matches a text Amplify has only filled in, such as the minimum length rule', () => {
    const t = createTranslate({ es: { 'Password must have at least 8 characters': 'La contraseña debe tener al menos 8 caracteres' } }, 'es');
    expect(t('passwordPolicy.minLength', { count: '8' })).toBe('La contraseña debe tener al menos 8 caracteres');
    expect(t('passwordPolicy.minLength', { count: '12' })).not.toBe('La contraseña debe tener al menos 8 caracteres');
  });

  it('keeps the English texts Amplify shows, so vocabularies keyed by them match', () => {
    expect([en['tabs.signIn'], en['tabs.signUp'], en['signIn.submit'], en['signIn.forgotPassword'], en['nav.backToSignIn']]).toEqual(['Sign In', 'Create Account', 'Sign in', 'Forgot your password?', 'Back to Sign In']);
    expect(en['delivery.EMAIL']).toBe('Your code is on the way. To log in, enter the code we emailed to {destination}. It may take a minute to arrive.');
    expect([en['forgotPassword.submit'], en['resend.submit'], en['verifyUser.skip'], en['verifyUser.submit'], en['confirmResetPassword.submit'], en['forceNewPassword.submit'], en['setupTotp.heading']]).toEqual([
      'Send code', 'Resend Code', 'Skip', 'Verify', 'Submit', 'Change Password', 'Setup TOTP',
    ]);
  });
});

describe('<Authenticator translations> in the vocabulary format', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  it('a German vocabulary keyed by English text changes the labels; the rest is the built-in German', async () => {
    renderWithAuth(kit(), <Authenticator language="de" translations={{ de: { 'Sign In': 'Einloggen', Username: 'Nutzerkennung', 'signIn.submit': 'Weiter' } }} />);
    await findScreen(shippedDictionaries.de['signIn.heading']);
    expect(screen.getByRole('tab', { name: 'Einloggen' })).toBeTruthy();
    expect(screen.getByLabelText('Nutzerkennung')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Weiter' })).toBeTruthy(); // our key wins over 'Sign in'
    expect(screen.getByLabelText(shippedDictionaries.de['field.password'])).toBeTruthy();
  });

  it("translates Cognito's own message when the app's vocabulary has it (Amplify apps translate them so)", async () => {
    const username = uniqueName('ada');
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    renderWithAuth(kit(), <Authenticator initialState="signUp" translations={{ en: { 'User already exists': 'Someone has this name already (app text)' } }} />);
    await findScreen(en['signUp.heading']);
    type('Username', username);
    type('Password', password);
    type('Confirm Password', password);
    click('button', 'Create Account');
    await expectAlert('Someone has this name already (app text)');
  });

  it("puts Cognito's message into an error text's {message}", async () => {
    const username = uniqueName('ada');
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    renderWithAuth(kit(), <Authenticator translations={{ en: { 'error.NotAuthorizedException': 'Cognito says: {message}' } }} />);
    await findScreen(en['signIn.heading']);
    type('Username', username);
    type('Password', 'Wr0ng!password');
    click('button', 'Sign in');
    await expectAlert('Cognito says: Incorrect username or password.');
  });
});
