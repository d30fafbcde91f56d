// @vitest-environment jsdom
/// <reference types="vite/client" />
import { testStories } from './storyRunner';

// The account-settings stories (other.stories.test.ts leaves them to this file).
testStories(
  import.meta.glob(['../../stories/{AccountSettings,ChangePassword,DeleteUser,MfaSettings,PasskeySettings,DeviceSettings}.stories.tsx'], { eager: true }),
);
