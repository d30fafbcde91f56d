// Type tests for the choice-based sign-in and email-MFA screens: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import {
  ConfirmSignInWithPassword,
  SelectFirstFactor,
  SelectMfaSetup,
  SetupEmail,
  type AuthenticatorComponents,
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
expectTypeOf<SelectFirstFactorProps>().toEqualTypeOf<{ className?: string }>();
expectTypeOf<SelectMfaSetupProps>().toEqualTypeOf<{ className?: string }>();
expectTypeOf<SetupEmailProps['formFields']>().toEqualTypeOf<ConfirmSignInWithPasswordProps['formFields']>();
createElement(SelectFirstFactor, { className: 'x' });
createElement(SelectMfaSetup, {});
createElement(SetupEmail, { formFields: { email: { label: 'Email' } } });
createElement(ConfirmSignInWithPassword, { formFields: { password: { isRequired: true } } });
// @ts-expect-error the choices come from the engine's step, not from a prop
createElement(SelectFirstFactor, { availableChallenges: ['PASSWORD'] });
