'use client';
// The step screens' chunk (loaded by stepScreensLoader.ts): every screen after sign-in and create
// account, rendered as the Authenticator asks.
import type { ReactNode } from 'react';
import type { FormFields } from './primitives/formFields';
import type { ScreenOptions, SlotScreen } from './renderScreen';
import { ConfirmResetPassword } from './screens/ConfirmResetPassword';
import { ConfirmSignIn } from './screens/ConfirmSignIn';
import { ConfirmSignInWithPassword } from './screens/ConfirmSignInWithPassword';
import { ConfirmSignUp } from './screens/ConfirmSignUp';
import { CustomChallenge } from './screens/CustomChallenge';
import { ForceNewPassword } from './screens/ForceNewPassword';
import { ForgotPassword } from './screens/ForgotPassword';
import { SelectFirstFactor } from './screens/SelectFirstFactor';
import { SelectMfaSetup } from './screens/SelectMfaSetup';
import { SelectMfaType } from './screens/SelectMfaType';
import { SetupEmail } from './screens/SetupEmail';
import { SetupTotp } from './screens/SetupTotp';

export { enSteps } from './i18n/enSteps';
export { ConfirmVerifyUser } from './screens/ConfirmVerifyUser';
export { PasskeyPrompt } from './screens/PasskeyPrompt';
export { VerifyUser } from './screens/VerifyUser';

/** A step screen's element (not sign-in or create account, which are in the start bundle). */
export function renderStep(screen: Exclude<SlotScreen, 'signIn' | 'signUp'>, { setRoute, totpIssuer, fromRoute, ways, resetRequired, loginMechanisms, formFields = {}, passwordPolicy }: ScreenOptions): ReactNode {
  const toSignIn = () => setRoute('signIn');
  const loginMechanism = loginMechanisms?.[0] ?? 'username';
  const policy = passwordPolicy === undefined ? {} : { passwordPolicy };
  const fieldsOf = <S extends keyof FormFields>(name: S) => {
    const fields = formFields[name];
    return fields === undefined ? {} : { formFields: fields };
  };
  switch (screen) {
    case 'forgotPassword':
      return (
        <ForgotPassword
          key={screen}
          onCodeSent={toSignIn}
          loginMechanism={loginMechanism}
          {...(fromRoute ? { onBack: toSignIn } : {})}
          {...(formFields.forgotPassword ? { formFields: formFields.forgotPassword } : {})}
        />
      );
    case 'confirmSignUp':
      return <ConfirmSignUp key={screen} {...fieldsOf('confirmSignUp')} />;
    case 'selectFirstFactor':
      return <SelectFirstFactor key={screen} {...(ways.hiddenAuthMethods ? { hiddenAuthMethods: ways.hiddenAuthMethods } : {})} />;
    case 'confirmSignInWithPassword':
      return <ConfirmSignInWithPassword key={screen} {...fieldsOf('confirmSignInWithPassword')} />;
    case 'confirmSignIn':
      return <ConfirmSignIn key={screen} {...fieldsOf('confirmSignIn')} />;
    case 'selectMfaType':
      return <SelectMfaType key={screen} />;
    case 'selectMfaSetup':
      return <SelectMfaSetup key={screen} />;
    case 'setupEmail':
      return <SetupEmail key={screen} {...fieldsOf('setupEmail')} />;
    case 'setupTotp':
      return <SetupTotp key={screen} {...(totpIssuer === undefined ? {} : { issuer: totpIssuer })} {...fieldsOf('setupTotp')} />;
    case 'forceNewPassword':
      return <ForceNewPassword key={screen} {...policy} {...fieldsOf('forceNewPassword')} />;
    case 'customChallenge':
      return <CustomChallenge key={screen} {...fieldsOf('customChallenge')} />;
    case 'confirmResetPassword':
      return <ConfirmResetPassword key={screen} {...policy} {...fieldsOf('confirmResetPassword')} {...(resetRequired ? { reason: 'resetRequired' as const } : {})} />;
    case 'verifyUser':
    case 'confirmVerifyUser':
    case 'passkeyPrompt':
      return null; // rendered by AuthenticatorScreens, which holds their state
  }
}
