// Type tests for the account-settings components: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import {
  AccountSettings,
  ChangePassword,
  DeleteUser,
  DeviceSettings,
  MfaSettings,
  PasskeySettings,
  type AuthError,
  type AuthUser,
  type ChangePasswordComponents,
  type ChangePasswordProps,
  type DeleteUserProps,
  type MfaSettingsProps,
  type PasswordFieldComponent,
  type ValidatorOptions,
  type WarningViewProps,
} from '../../src/index';

// ── The namespace is ui-react's `AccountSettings.X`, plus what it lacks ─────────────────────────
expectTypeOf(AccountSettings.ChangePassword).toEqualTypeOf(ChangePassword);
expectTypeOf(AccountSettings.DeleteUser).toEqualTypeOf(DeleteUser);
expectTypeOf(AccountSettings.MfaSettings).toEqualTypeOf(MfaSettings);
expectTypeOf(AccountSettings.PasskeySettings).toEqualTypeOf(PasskeySettings);
expectTypeOf(AccountSettings.DeviceSettings).toEqualTypeOf(DeviceSettings);
// @ts-expect-error frozen: an app cannot swap a component in the shared namespace
AccountSettings.ChangePassword = ChangePassword;

// ── ChangePassword: Amplify's props, with the typed error ───────────────────────────────────────
createElement(ChangePassword, {});
createElement(ChangePassword, { onSuccess: () => undefined, onError: (error) => expectTypeOf(error).toEqualTypeOf<AuthError>() });
const noAcme: ValidatorOptions = { validationMode: 'onTouched', validator: (value) => !value.includes('acme'), message: 'No company name' };
createElement(ChangePassword, { validators: [noAcme], passwordPolicy: { minLength: 12 } });
// @ts-expect-error a validator mode Amplify does not have
createElement(ChangePassword, { validators: [{ ...noAcme, validationMode: 'onSubmit' }] });
// @ts-expect-error Amplify's override names end in Field: a typo does not compile
createElement(ChangePassword, { components: { CurrentPassword: () => null } });
expectTypeOf<keyof ChangePasswordComponents>().toEqualTypeOf<'CurrentPasswordField' | 'NewPasswordField' | 'ConfirmPasswordField' | 'SubmitButton' | 'ErrorMessage'>();
const MyField: PasswordFieldComponent = ({ fieldValidationErrors, label }) => createElement('label', null, label, fieldValidationErrors?.join(' '));
createElement(ChangePassword, { components: { NewPasswordField: MyField } });
// ui-react's statics: the default parts, to wrap in an override.
createElement(ChangePassword, { components: { CurrentPasswordField: (props) => createElement(ChangePassword.CurrentPasswordField, { ...props, label: 'Now' }) } });
expectTypeOf(DeleteUser.WarningView).toEqualTypeOf<(props: WarningViewProps) => ReturnType<typeof DeleteUser.WarningView>>();
expectTypeOf<ChangePasswordProps['displayText']>().toEqualTypeOf<
  { currentPasswordFieldLabel?: string; newPasswordFieldLabel?: string; confirmPasswordFieldLabel?: string; updatePasswordButtonText?: string } | undefined
>();

// ── DeleteUser: handleDelete gets the user; WarningView gets Amplify's props ─────────────────────
createElement(DeleteUser, {
  handleDelete: async (user) => {
    expectTypeOf(user).toEqualTypeOf<AuthUser>();
    await Promise.resolve();
  },
});
createElement(DeleteUser, { handleDelete: () => undefined });
expectTypeOf<WarningViewProps>().toHaveProperty('onConfirm').toEqualTypeOf<() => void>();
expectTypeOf<WarningViewProps>().toHaveProperty('isDisabled').toEqualTypeOf<boolean>();
// @ts-expect-error handleDelete takes the user, not a username string
const _badDelete: DeleteUserProps['handleDelete'] = (user: string) => void user;

// ── MfaSettings: the engine's method names ─────────────────────────────────────────────────────
createElement(MfaSettings, { methods: ['TOTP', 'EMAIL'], totpIssuer: 'My App' });
// @ts-expect-error not an MFA method
createElement(MfaSettings, { methods: ['PUSH'] });
expectTypeOf<MfaSettingsProps['onError']>().toEqualTypeOf<((error: AuthError) => void) | undefined>();
createElement(PasskeySettings, { onSuccess: () => undefined });
createElement(DeviceSettings, { className: 'settings' });
