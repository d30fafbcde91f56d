// @vitest-environment jsdom
/// <reference types="vite/client" />
import { testStories } from './storyRunner';

// The screens of choice-based sign-in (USER_AUTH) and email MFA: split from the other step screens so workers share the stories.
testStories(import.meta.glob('../../stories/{SelectFirstFactor,ConfirmSignInWithPassword,SelectMfaSetup,SetupEmail}.stories.tsx', { eager: true }));
