// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClientErrorName } from '../../src/core/index';
import { en } from '../../src/ui/i18n/en';
import { createTranslate, errorKey } from '../../src/ui/i18n/translate';
import { TranslationProvider, useTranslate } from '../../src/ui/i18n/TranslationProvider';
import './support';

// Typed: adding a ClientErrorName without listing it here fails the typecheck, and the test below
// then fails until en.ts has a message for it.
const CLIENT_ERRORS = {
  NetworkError: true, AbortError: true, NoCurrentUser: true, NoUserPool: true, EmptyUsername: true, EmptyPassword: true, EmptyCode: true,
  EmptyChallengeResponse: true, InvalidMFAType: true, InvalidAuthFactor: true, PasskeyNotSupported: true, PasskeyCanceled: true, PasskeyAlreadyExists: true, RelyingPartyMismatch: true, PasskeyFailed: true, NoSignInInProgress: true, NoTOTPSetup: true, NoDevice: true,
  UserAlreadyAuthenticatedException: true, OAuthNotConfigured: true, OAuthRedirectMismatch: true, OAuthFlowNotFound: true,
  OAuthStateMismatch: true, OAuthTokenInvalid: true, OAuthSignInException: true, OAuthPopupBlocked: true, OAuthPopupClosed: true, OAuthPopupTimeout: true, NoIdentityPool: true,
  MandatorySignInEnabled: true, AutoSignInException: true, InvalidArgument: true, SignInSessionExpired: true, TokenExpiredOnArrival: true, SessionSignatureInvalid: true, UnknownError: true,
} as const satisfies Record<ClientErrorName, true>;

const COGNITO_ERRORS = [
  'NotAuthorizedException', 'UserNotFoundException', 'UsernameExistsException', 'AliasExistsException', 'CodeMismatchException',
  'ExpiredCodeException', 'InvalidPasswordException', 'InvalidParameterException', 'LimitExceededException',
  'TooManyRequestsException', 'TooManyFailedAttemptsException', 'UserNotConfirmedException', 'PasswordResetRequiredException',
  'CodeDeliveryFailureException', 'EnableSoftwareTokenMFAException', 'SoftwareTokenMFANotFoundException',
];

function Probe({ error }: { error?: string }) {
  const { t, tError, language } = useTranslate();
  return (
    <p>
      {language}|{t('signIn.submit')}|{t('signedIn.greeting', { username: 'ada' })}|{error ? tError(error) : ''}
    </p>
  );
}

describe('i18n', () => {
  it('has an English message for every client error name and the Cognito errors the engine passes through', () => {
    const dictionary: Record<string, string> = en;
    const missing = [...Object.keys(CLIENT_ERRORS), ...COGNITO_ERRORS].filter((name) => !dictionary[`error.${name}`]);
    expect(missing).toEqual([]);
  });

  it('has no empty string in the English dictionary', () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('translates an error by name, and an unknown name to the generic message', () => {
    const t = createTranslate({}, 'en');
    expect(t(errorKey({}, 'en', 'CodeMismatchException'))).toBe(en['error.CodeMismatchException']);
    expect(t(errorKey({}, 'en', 'SomethingNewException'))).toBe(en['error.fallback']);
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    const t = createTranslate({ en: { 'signedIn.greeting': 'Hi {username}, {unknown}' } }, 'en');
    expect(t('signedIn.greeting', { username: 'ada' })).toBe('Hi ada, {unknown}');
  });

  it('uses English outside any provider', () => {
    render(<Probe error="NotAuthorizedException" />);
    expect(screen.getByText(`en|Sign in|Signed in as ada|${en['error.NotAuthorizedException']}`)).toBeTruthy();
  });

  it('overrides any key per language, falls back from a regional language to its base, then to English', () => {
    const translations = {
      // Catalan: not a built-in language, so what the app leaves out comes from the app's English.
      ca: { 'signIn.submit': 'Inicia la sessió', 'error.NotAuthorizedException': 'Credencials no vàlides.' },
      en: { 'signedIn.greeting': 'Welcome, {username}' },
    };
    render(
      <TranslationProvider language="ca-ES" translations={translations}>
        <Probe error="NotAuthorizedException" />
      </TranslationProvider>,
    );
    expect(screen.getByText('ca-ES|Inicia la sessió|Welcome, ada|Credencials no vàlides.')).toBeTruthy();
  });

  it('lets an app add messages for error names the dictionary does not know', () => {
    render(
      <TranslationProvider translations={{ en: { 'error.MyLambdaException': 'Your company blocks sign-ins today.' } }}>
        <Probe error="MyLambdaException" />
      </TranslationProvider>,
    );
    expect(screen.getByText(/Your company blocks sign-ins today\./)).toBeTruthy();
  });
});
