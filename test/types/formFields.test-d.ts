// Type tests for `formFields` and the FormFields slots: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import {
  Authenticator,
  ConfirmSignUp,
  SignIn,
  SignUp,
  type AuthenticatorComponents,
  type FormFieldOptions,
  type FormFields,
  type SignUpAttribute,
} from '../../src/index';

// ── Amplify UI's options, on every screen ────────────────────────────────────────────────────────
export const options: FormFieldOptions = {
  label: 'Email',
  labelHidden: true,
  placeholder: 'you@example.com',
  isRequired: false,
  order: 2,
  type: 'email',
  defaultValue: 'a@b.c',
  autocomplete: 'email',
  dialCode: '+44',
  dialCodeList: ['+1', '+44'],
};
// @ts-expect-error `required` is Amplify's internal spelling; the option is `isRequired`
export const internal: FormFieldOptions = { required: true };

// ── Field names typed per screen: a typo fails to compile ────────────────────────────────────────
export const amplifyApp: FormFields = {
  signIn: { username: { placeholder: 'Enter your email' }, password: { labelHidden: true } },
  signUp: { email: { order: 1 }, 'custom:team': { label: 'Team' }, birthdate: { isRequired: false }, confirm_password: { order: 5 } },
  confirmSignUp: { confirmation_code: { label: 'Code' } },
  confirmSignIn: { confirmation_code: { placeholder: 'Code' } },
  confirmVerifyUser: { confirmation_code: { label: 'Code' } },
  confirmResetPassword: { confirmation_code: {}, password: {}, confirm_password: {} },
  forceNewPassword: { password: {}, given_name: {}, 'custom:dept': {} },
  forgotPassword: { username: {} },
  setupTotp: { confirmation_code: {} },
  setupEmail: { email: {} },
};
// @ts-expect-error misspelt on signIn
export const signInTypo: FormFields = { signIn: { usernam: {} } };
// @ts-expect-error signIn has no attribute fields
export const signInAttribute: FormFields = { signIn: { email: {} } };
// @ts-expect-error not an attribute: a terms checkbox belongs in components.SignUp.FormFields
export const signUpTerms: FormFields = { signUp: { terms: {} } };
// @ts-expect-error confirmSignUp has only its code
export const stepExtra: FormFields = { confirmSignUp: { invite: {} } };
// @ts-expect-error verifyUser has no fields to change (Amplify UI lists confirmVerifyUser only)
export const verifyUser: FormFields = { verifyUser: {} };
expectTypeOf<'address' | 'picture' | 'zoneinfo' | 'website'>().toExtend<SignUpAttribute>();

// ── The screens take their own screen's names ────────────────────────────────────────────────────
createElement(SignIn, { formFields: { password: { order: 1 } } });
createElement(SignUp, { formFields: { 'custom:team': {} } });
// @ts-expect-error confirmSignUp's names only
createElement(ConfirmSignUp, { formFields: { username: {} } });

// ── components.SignUp.FormFields / ForceNewPassword.FormFields, and the defaults as statics ─────
expectTypeOf(Authenticator.SignUp.FormFields).toBeFunction();
expectTypeOf(Authenticator.ForceNewPassword.FormFields).toBeFunction();
export const slots: AuthenticatorComponents = {
  SignUp: { FormFields: () => createElement(Authenticator.SignUp.FormFields) },
  ForceNewPassword: { FormFields: () => null },
};
// @ts-expect-error FormFields is a slot of SignUp and ForceNewPassword only
export const signInSlot: AuthenticatorComponents = { SignIn: { FormFields: () => null } };
