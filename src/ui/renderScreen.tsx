'use client';
import type { ReactNode } from 'react';
import type { AuthenticatorProps } from './Authenticator';
import type { FormFields } from './primitives/formFields';
import type { PoolProps } from './poolDefaults';
import type { SignInWays } from './passwordless';
import type { AuthRoute, ScreenName } from './screen';
import { SignIn } from './screens/SignIn';
import { SignUp } from './screens/SignUp';
import { useStepScreens } from './stepScreensLoader';

/** A screen the Authenticator renders from the engine's step or its route (not the ones it holds state for). */
export type SlotScreen = Exclude<ScreenName, 'loading' | 'signedIn'>;

export interface ScreenOptions extends Pick<AuthenticatorProps, 'totpIssuer' | 'loginMechanisms' | 'socialProviders' | 'socialPopup' | 'signUpAttributes' | 'formFields' | 'passwordPolicy'> {
  setRoute: (route: AuthRoute) => void;
  /** The screen is the UI's route (no engine step pending), so "back" is a route change too. */
  fromRoute: boolean;
  /** The username of a step Cognito just ended, for the sign-in form to start with. */
  retypedUsername: string;
  /** `passwordless`'s ways to sign in. */
  ways: SignInWays;
  /** The reset under way is one Cognito required at sign-in. */
  resetRequired: boolean;
  /** A password reset just succeeded (sign-in says so). */
  passwordReset: boolean;
  /** The app's `SignIn.Footer` replaces the default one ("Forgot your password?"), as in Amplify UI. */
  ownSignInFooter: boolean;
}

/** The screen's element, with what the Authenticator knows passed as props. */
export function renderScreen(screen: SlotScreen, options: ScreenOptions): ReactNode {
  const { setRoute, retypedUsername, ways, passwordReset, ownSignInFooter, loginMechanisms, socialProviders, socialPopup, signUpAttributes, formFields = {}, passwordPolicy } = options;
  const toSignIn = () => setRoute('signIn');
  const loginMechanism = loginMechanisms?.[0] ?? 'username';
  const policy = passwordPolicy === undefined ? {} : { passwordPolicy };
  switch (screen) {
    case 'signIn':
      return (
        <SignIn
          key={screen}
          {...(ownSignInFooter ? {} : { onForgotPassword: () => setRoute('forgotPassword') })}
          loginMechanism={loginMechanism}
          passwordless={ways}
          passwordReset={passwordReset}
          {...(socialProviders ? { socialProviders } : {})}
          {...(socialPopup ? { socialPopup } : {})}
          {...(formFields.signIn || retypedUsername ? { formFields: withUsername(formFields.signIn, retypedUsername) } : {})}
        />
      );
    case 'signUp':
      // Once Cognito has the account, the engine's step leads; when it ends, sign in comes next.
      return (
        <SignUp
          key={screen}
          onSignedUp={toSignIn}
          loginMechanism={loginMechanism}
          {...(signUpAttributes ? { signUpAttributes } : {})}
          {...(socialProviders ? { socialProviders } : {})}
          {...(socialPopup ? { socialPopup } : {})}
          {...(formFields.signUp ? { formFields: formFields.signUp } : {})}
          {...policy}
        />
      );
    default:
      return <StepScreen render={(steps) => steps.renderStep(screen, options)} />;
  }
}

/** A screen from the step screens' chunk: suspends (the Authenticator shows its loading line) until it is there. */
export function StepScreen({ render }: { render: (steps: ReturnType<typeof useStepScreens>) => ReactNode }) {
  return <>{render(useStepScreens())}</>;
}

/** Each pool prop as the app set it, else as the pool's settings say. */
export function withDefaults(props: PoolProps, pool: PoolProps): PoolProps {
  const { loginMechanisms = pool.loginMechanisms, signUpAttributes = pool.signUpAttributes, socialProviders = pool.socialProviders, passwordPolicy = pool.passwordPolicy } = props;
  return { loginMechanisms, signUpAttributes, socialProviders, passwordPolicy };
}


/** The sign-in fields, starting with `username` when there is one to type again (an app's own default wins). */
function withUsername(fields: FormFields['signIn'], username: string): NonNullable<FormFields['signIn']> {
  if (!username || fields?.['username']?.defaultValue !== undefined) return fields ?? {};
  return { ...fields, username: { ...fields?.['username'], defaultValue: username } };
}
