// @vitest-environment jsdom
/// <reference types="vite/client" />
import { testStories } from './storyRunner';

// The follow-up step screens (MFA, TOTP setup, custom challenge, contact verification) and the signed-in view.
testStories(import.meta.glob('../../stories/{ConfirmSignIn,SelectMfaType,SetupTotp,CustomChallenge,VerifyUser,ConfirmVerifyUser,SignedIn}.stories.tsx', { eager: true }));
