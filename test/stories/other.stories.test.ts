// @vitest-environment jsdom
/// <reference types="vite/client" />
import { testStories } from './storyRunner';

// Every story file the screen and Authenticator test files do not run: primitives, React layer, i18n, headless.
testStories(
  import.meta.glob(
    ['../../stories/*.stories.tsx', '!../../stories/Authenticator.stories.tsx', '!../../stories/{AccountSettings,ChangePassword,DeleteUser,MfaSettings,PasskeySettings,DeviceSettings}.stories.tsx', '!../../stories/{SignIn,SignUp,ConfirmSignUp,ConfirmSignIn,ForgotPassword,ConfirmResetPassword,ForceNewPassword,SelectMfaType,SetupTotp,CustomChallenge,VerifyUser,ConfirmVerifyUser,SignedIn}.stories.tsx'],
    { eager: true },
  ),
);
