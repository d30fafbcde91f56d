// @vitest-environment jsdom
/// <reference types="vite/client" />
import { testStories } from './storyRunner';

// The screens before and around a password: split from the step screens so two workers share the stories.
testStories(import.meta.glob('../../stories/{SignIn,SignUp,ConfirmSignUp,ForgotPassword,ConfirmResetPassword,ForceNewPassword}.stories.tsx', { eager: true }));
