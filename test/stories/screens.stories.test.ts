// @vitest-environment jsdom
/// <reference types="vite/client" />
import { testStories } from './storyRunner';

testStories(import.meta.glob('../../stories/{SignIn,SignUp,ConfirmSignUp,ConfirmSignIn,ForgotPassword,ConfirmResetPassword,ForceNewPassword,SelectMfaType,SetupTotp,CustomChallenge,VerifyUser,ConfirmVerifyUser,SignedIn}.stories.tsx', { eager: true }));
