// @vitest-environment jsdom
/// <reference types="vite/client" />
import { testStories } from './storyRunner';

testStories(import.meta.glob('../../stories/AuthenticatorFields.stories.tsx', { eager: true }));
