'use client';
// The prebuilt UI: <Authenticator>, each screen on its own, form primitives and i18n.
export { Authenticator } from './Authenticator';
export type { AuthenticatorProps, AuthenticatorComponents, FormFieldsSlots, ScreenSlots } from './Authenticator';
export { withAuthenticator, type AcceptsSignedInSlot, type WithAuthenticatorProps } from './withAuthenticator';
export { useAuthenticator } from './useAuthenticator';
export type { AuthenticatorRoute, UseAuthenticator } from './useAuthenticator';
export type { AuthenticatorServices, ValidationErrors, SignInInput, SignUpInput, ConfirmSignInInput, ResetPasswordInput, ConfirmResetPasswordInput } from './services';
export type { CustomAttribute, FormFieldNames, FormFields, FormFieldOptions, FormFieldsScreen, LoginMechanism, SignUpAttribute } from './primitives/formFields';
export type { PasswordPolicy } from './primitives/passwordPolicy';
export { PasswordRules } from './primitives/PasswordRules';
export type { PasswordRulesProps } from './primitives/PasswordRules';
export type { SocialProvider } from './screens/SocialButtons';
export type { AuthRoute, ScreenName } from './screen';
export { SignIn } from './screens/SignIn';
export type { SignInProps } from './screens/SignIn';
export { SignUp } from './screens/SignUp';
export type { SignUpProps } from './screens/SignUp';
export { ConfirmSignUp } from './screens/ConfirmSignUp';
export type { ConfirmSignUpProps } from './screens/ConfirmSignUp';
export { ConfirmSignIn } from './screens/ConfirmSignIn';
export type { ConfirmSignInProps } from './screens/ConfirmSignIn';
export { SelectFirstFactor } from './screens/SelectFirstFactor';
export type { SelectFirstFactorProps } from './screens/SelectFirstFactor';
export { ConfirmSignInWithPassword } from './screens/ConfirmSignInWithPassword';
export type { ConfirmSignInWithPasswordProps } from './screens/ConfirmSignInWithPassword';
export { ForgotPassword } from './screens/ForgotPassword';
export type { ForgotPasswordProps } from './screens/ForgotPassword';
export { ConfirmResetPassword } from './screens/ConfirmResetPassword';
export type { ConfirmResetPasswordProps } from './screens/ConfirmResetPassword';
export { ForceNewPassword } from './screens/ForceNewPassword';
export type { ForceNewPasswordProps } from './screens/ForceNewPassword';
export { SelectMfaType } from './screens/SelectMfaType';
export type { SelectMfaTypeProps } from './screens/SelectMfaType';
export { SelectMfaSetup } from './screens/SelectMfaSetup';
export type { SelectMfaSetupProps } from './screens/SelectMfaSetup';
export { SetupTotp } from './screens/SetupTotp';
export type { SetupTotpProps } from './screens/SetupTotp';
export { SetupEmail } from './screens/SetupEmail';
export type { SetupEmailProps } from './screens/SetupEmail';
export { CustomChallenge } from './screens/CustomChallenge';
export type { CustomChallengeProps } from './screens/CustomChallenge';
export { VerifyUser } from './screens/VerifyUser';
export type { VerifyUserProps } from './screens/VerifyUser';
export { ConfirmVerifyUser } from './screens/ConfirmVerifyUser';
export type { ConfirmVerifyUserProps } from './screens/ConfirmVerifyUser';
export { PasskeyPrompt } from './screens/PasskeyPrompt';
export type { PasskeyPromptProps } from './screens/PasskeyPrompt';
export type { AuthMethod, PasswordlessOptions } from './passwordless';
export { SignedIn } from './screens/SignedIn';
export type { SignedInProps, SignedInSlot } from './screens/SignedIn';
export { Field } from './primitives/Field';
export type { FieldProps } from './primitives/Field';
export { PasswordField } from './primitives/PasswordField';
export type { PasswordFieldProps } from './primitives/PasswordField';
export { CodeField } from './primitives/CodeField';
export type { CodeFieldProps } from './primitives/CodeField';
export { SubmitButton } from './primitives/SubmitButton';
export type { SubmitButtonProps } from './primitives/SubmitButton';
export { ErrorAlert } from './primitives/ErrorAlert';
export type { ErrorAlertProps } from './primitives/ErrorAlert';
export { ScreenHeading } from './primitives/ScreenHeading';
export type { ScreenHeadingProps } from './primitives/ScreenHeading';
export { TranslationProvider, useTranslate } from './i18n/TranslationProvider';
export type { TranslationProviderProps, TranslationContextValue } from './i18n/TranslationProvider';
export { en } from './i18n/en';
export { builtInLanguages } from './i18n/languages';
export type { BuiltInLanguage } from './i18n/languages';
export { loadLanguage } from './i18n/dictionaryStore';
export type { Dictionary, MessageKey } from './i18n/en';
export type { Translations, Translate } from './i18n/translate';
// Account settings: ui-react's AccountSettings (ChangePassword, DeleteUser) plus MFA, passkeys and devices.
export { AccountSettings } from './account/AccountSettings';
export type { HeadingLevel } from './account/defaults';
export { ChangePassword } from './account/ChangePassword';
export type { ChangePasswordProps, ChangePasswordComponents, ChangePasswordDisplayText } from './account/ChangePassword';
export { DeleteUser } from './account/DeleteUser';
export type { DeleteUserProps, DeleteUserComponents, DeleteUserDisplayText, WarningViewProps } from './account/DeleteUser';
export { MfaSettings } from './account/MfaSettings';
export type { MfaSettingsProps, MfaSettingsComponents } from './account/MfaSettings';
export { PasskeySettings } from './account/PasskeySettings';
export type { PasskeySettingsProps, PasskeySettingsComponents } from './account/PasskeySettings';
export { DeviceSettings } from './account/DeviceSettings';
export type { DeviceSettingsProps, DeviceSettingsComponents } from './account/DeviceSettings';
export type {
  AccountButtonProps,
  AccountCallbacks,
  AccountPasswordFieldProps,
  ButtonComponent,
  ErrorMessageComponent,
  ErrorMessageProps,
  PasswordFieldComponent,
  ValidationMode,
  ValidatorOptions,
} from './account/accountTypes';
