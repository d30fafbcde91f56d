// Type tests for the choice-based sign-in and email-MFA screens: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import {
  Authenticator,
  ConfirmSignInWithPassword,
  SelectFirstFactor,
  SelectMfaSetup,
  SetupEmail,
  SignIn,
  useAuthenticator,
  type AuthMethod,
  type AuthenticatorRoute,
  type UseAuthenticator,
  type AuthenticatorComponents,
  type AuthenticatorProps,
  type PasswordlessOptions,
  type ConfirmSignInWithPasswordProps,
  type FormFields,
  type FormFieldsScreen,
  type ScreenName,
  type SelectFirstFactorProps,
  type SelectMfaSetupProps,
  type SetupEmailProps,
} from '../../src/index';

// ── Each new step is a screen, and its name is a slot in `components` ─────────────────────────
expectTypeOf<'selectFirstFactor' | 'confirmSignInWithPassword' | 'selectMfaSetup' | 'setupEmail'>().toExtend<ScreenName>();
expectTypeOf<AuthenticatorComponents>().toHaveProperty('SelectFirstFactor');
expectTypeOf<AuthenticatorComponents>().toHaveProperty('SetupEmail');

// ── formFields: the screens with fields take overrides; the choice screens have none ────────
expectTypeOf<'confirmSignInWithPassword' | 'setupEmail'>().toExtend<FormFieldsScreen>();
export const fields: FormFields = { setupEmail: { email: { label: 'Work email' } }, confirmSignInWithPassword: { password: { placeholder: '••••' } } };
// @ts-expect-error buttons only: nothing to override
export const noFields: FormFields = { selectFirstFactor: {} };

// ── Props: precise, no catch-all ──────────────────────────────────────────────────────────────
expectTypeOf<SelectFirstFactorProps>().toEqualTypeOf<{ className?: string; hiddenAuthMethods?: readonly AuthMethod[] }>();
expectTypeOf<SelectMfaSetupProps>().toEqualTypeOf<{ className?: string }>();
expectTypeOf<SetupEmailProps['formFields']>().toEqualTypeOf<FormFields['setupEmail']>();
expectTypeOf<ConfirmSignInWithPasswordProps['formFields']>().toEqualTypeOf<FormFields['confirmSignInWithPassword']>();
createElement(SelectFirstFactor, { className: 'x' });
createElement(SelectMfaSetup, {});
createElement(SetupEmail, { formFields: { email: { label: 'Email' } } });
createElement(ConfirmSignInWithPassword, { formFields: { password: { isRequired: true } } });
// @ts-expect-error the choices come from the engine's step, not from a prop
createElement(SelectFirstFactor, { availableChallenges: ['PASSWORD'] });

// ── passwordless: Amplify UI's prop, as it is ────────────────────────────────────────────────────
expectTypeOf<AuthMethod>().toEqualTypeOf<'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN'>();
expectTypeOf<AuthenticatorProps['passwordless']>().toEqualTypeOf<PasswordlessOptions | undefined>();
export const amplifyUi: PasswordlessOptions = {
  preferredAuthMethod: 'EMAIL_OTP',
  hiddenAuthMethods: ['SMS_OTP'],
  passkeyRegistrationPrompts: { afterSignin: 'ALWAYS', afterSignup: 'NEVER' },
};
export const both: PasswordlessOptions = { passkeyRegistrationPrompts: true };
// @ts-expect-error PASSWORD_SRP is the engine's factor; the UI's way is PASSWORD
export const srp: PasswordlessOptions = { preferredAuthMethod: 'PASSWORD_SRP' };
// @ts-expect-error Amplify UI spells it afterSignin, with 'ALWAYS' | 'NEVER'
export const camel: PasswordlessOptions = { passkeyRegistrationPrompts: { afterSignIn: true } };
createElement(SignIn, { passwordless: { preferredAuthMethod: 'WEB_AUTHN' } });
// @ts-expect-error the sign-in form has no passkey prompt to set
createElement(SignIn, { passwordless: { passkeyRegistrationPrompts: true } });
createElement(SelectFirstFactor, { hiddenAuthMethods: ['PASSWORD'] });

// ── useAuthenticator and <Authenticator.Provider>: Amplify UI's names ───────────────────────────
expectTypeOf(useAuthenticator).parameter(0).toEqualTypeOf<((context: UseAuthenticator) => readonly unknown[]) | undefined>();
expectTypeOf<UseAuthenticator['authStatus']>().toEqualTypeOf<'configuring' | 'authenticated' | 'unauthenticated'>();
expectTypeOf<UseAuthenticator['toSignUp']>().toEqualTypeOf<() => void>();
expectTypeOf<'signIn' | 'signUp' | 'authenticated' | 'setup'>().toExtend<AuthenticatorRoute>();
createElement(Authenticator.Provider, {}, createElement(Authenticator));
// @ts-expect-error a selector returns the values to watch as an array, as in Amplify UI
export const watch = () => useAuthenticator((context) => context.user);
